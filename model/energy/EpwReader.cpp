// SPDX-License-Identifier: MIT
#include "EpwReader.h"

#include <QDate>
#include <QFile>
#include <QList>

#include <cmath>

namespace tt::EpwReader {

namespace {
constexpr int kHeaderLines = 8;
// Field positions of the EPW data record (EnergyPlus Auxiliary Programs, ch. 2.9).
constexpr int kYear = 0, kMonth = 1, kDay = 2, kHour = 3, kDryBulb = 6, kGhi = 13, kDni = 14, kDhi = 15,
              kWind = 21;
constexpr int kMinFields = kWind + 1;

Status fail(const QString &name, int line, const QString &problem)
{
    return Status::error(QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(problem));
}

// Replaces NaN entries by linear interpolation between the nearest valid
// neighbours (constant extrapolation at the ends); returns how many it filled.
int fillGaps(std::vector<double> &v)
{
    const int n = int(v.size());
    int filled = 0;
    int prev = -1;
    for (int i = 0; i < n; ++i) {
        if (!std::isnan(v[i])) {
            prev = i;
            continue;
        }
        int next = i + 1;
        while (next < n && std::isnan(v[next]))
            ++next;
        for (int j = i; j < next; ++j) {
            if (prev < 0 && next >= n)
                v[j] = 0.0;
            else if (prev < 0)
                v[j] = v[next];
            else if (next >= n)
                v[j] = v[prev];
            else
                v[j] = v[prev] + (v[next] - v[prev]) * double(j - prev) / double(next - prev);
        }
        filled += next - i;
        i = next - 1;
    }
    return filled;
}
} // namespace

Status read(const QString &path, WeatherYear *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::error(QStringLiteral("%1: cannot open weather file: %2").arg(path, file.errorString()));
    return parse(file.readAll(), path, out);
}

Status parse(const QByteArray &text, const QString &name, WeatherYear *out)
{
    const QList<QByteArray> lines = text.split('\n');
    if (lines.size() < kHeaderLines + 1 || !lines[0].startsWith("LOCATION"))
        return fail(name, 1, QStringLiteral("not an EPW file (first line must be LOCATION)"));

    WeatherYear w;
    w.source = name;
    const QList<QByteArray> loc = lines[0].trimmed().split(',');
    if (loc.size() < 9)
        return fail(name, 1, QStringLiteral("LOCATION line has %1 fields, expected at least 9").arg(loc.size()));
    bool okLat = false, okLon = false, okTz = false;
    w.locationName = QString::fromUtf8(loc[1]);
    w.latitudeDeg = loc[6].toDouble(&okLat);
    w.longitudeDeg = loc[7].toDouble(&okLon);
    w.utcOffsetHours = loc[8].toDouble(&okTz);
    if (!okLat || !okLon || !okTz || std::abs(w.latitudeDeg) > 90.0 || std::abs(w.longitudeDeg) > 180.0)
        return fail(name, 1, QStringLiteral("LOCATION has no valid latitude, longitude and time zone"));

    const auto missing = [](double v, double code) { return v >= code - 1e-9; };
    std::vector<double> *series[] = {&w.dryBulbC, &w.ghi, &w.dni, &w.dhi, &w.windMs};
    for (auto *s : series)
        s->reserve(WeatherYear::kHours);
    int dataRows = 0;
    for (int i = kHeaderLines; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const int lineNo = i + 1;
        const QList<QByteArray> f = line.split(',');
        if (f.size() < kMinFields)
            return fail(name, lineNo, QStringLiteral("%1 fields, expected at least %2").arg(f.size()).arg(kMinFields));
        bool ok[9] = {};
        const int year = f[kYear].toInt(&ok[0]);
        const int month = f[kMonth].toInt(&ok[1]);
        const int day = f[kDay].toInt(&ok[2]);
        const int hour = f[kHour].toInt(&ok[3]);
        const double t = f[kDryBulb].toDouble(&ok[4]);
        const double ghi = f[kGhi].toDouble(&ok[5]);
        const double dni = f[kDni].toDouble(&ok[6]);
        const double dhi = f[kDhi].toDouble(&ok[7]);
        const double wind = f[kWind].toDouble(&ok[8]);
        for (bool b : ok)
            if (!b)
                return fail(name, lineNo,
                            QStringLiteral("a date, temperature, irradiance or wind field is not a number"));
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 1 || hour > 24)
            return fail(name, lineNo, QStringLiteral("invalid date %1-%2 hour %3").arg(month).arg(day).arg(hour));
        if (month == 2 && day == 29)
            continue;
        if (dataRows == 0) {
            w.year = year;
            // The year of typical-year files is a mix; weekdays follow the first row's date.
            const QDate first(year, 1, 1);
            w.firstDayOfWeek = first.isValid() ? first.dayOfWeek() : 1;
        }
        if (dataRows == WeatherYear::kHours)
            return fail(name, lineNo, QStringLiteral("more than 8760 hourly records"));
        w.dryBulbC.push_back(missing(t, 99.9) ? NAN : t);
        w.ghi.push_back(missing(ghi, 9999) ? NAN : std::max(0.0, ghi));
        w.dni.push_back(missing(dni, 9999) ? NAN : std::max(0.0, dni));
        w.dhi.push_back(missing(dhi, 9999) ? NAN : std::max(0.0, dhi));
        w.windMs.push_back(missing(wind, 999) ? NAN : std::max(0.0, wind));
        ++dataRows;
    }
    if (dataRows != WeatherYear::kHours)
        return fail(name, lines.size(),
                    QStringLiteral("%1 hourly records (excluding 29 February), expected 8760").arg(dataRows));
    for (auto *s : series)
        w.filledValues += fillGaps(*s);
    *out = std::move(w);
    return Status::success();
}

} // namespace tt::EpwReader
