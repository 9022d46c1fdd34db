// SPDX-License-Identifier: MIT
#include "SiteClock.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace tt::siteclock {

namespace {

QDateTime siteTime(double ts, double utcOffsetHours)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::floor((ts + utcOffsetHours * 3600.0) * 1000.0)), QTimeZone::utc());
}

} // namespace

double tsAt(int year, int hourOfYear, double utcOffsetHours)
{
    QDate date = QDate(year, 1, 1).addDays(hourOfYear / 24);
    // The 365-day year skips 29 February.
    if (QDate::isLeapYear(year) && date >= QDate(year, 2, 29))
        date = date.addDays(1);
    const QDateTime local(date, QTime(hourOfYear % 24, 0), QTimeZone::utc());
    return double(local.toMSecsSinceEpoch()) / 1000.0 - utcOffsetHours * 3600.0;
}

int hourOfYear(double ts, double utcOffsetHours)
{
    const QDateTime t = siteTime(ts, utcOffsetHours);
    const QDate d = t.date();
    int day = d.dayOfYear() - 1;
    if (QDate::isLeapYear(d.year()) && d >= QDate(d.year(), 2, 29))
        day -= 1;  // 29 February repeats the 28th
    return std::clamp(day * 24 + t.time().hour(), 0, 8759);
}

int yearAt(double ts, double utcOffsetHours)
{
    return siteTime(ts, utcOffsetHours).date().year();
}

} // namespace tt::siteclock
