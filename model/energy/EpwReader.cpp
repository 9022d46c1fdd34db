// SPDX-License-Identifier: MIT
#include "EpwReader.h"

#include <QDate>
#include <QFile>
#include <QList>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace tt::EpwReader {

namespace {
constexpr int kHeaderLines = 8;
// Field positions of the EPW data record (EnergyPlus Auxiliary Programs, "EnergyPlus
// Weather File (EPW) Data Dictionary"), 0-based; messages count from 1 like the dictionary.
constexpr int kYear = 0, kMonth = 1, kDay = 2, kHour = 3, kWindSpeed = 21;
constexpr int kMinFields = kWindSpeed + 1;
// WMO solar constant: no hour on the ground receives more than the top of the atmosphere.
constexpr double kSolarConstant = 1367.0;

// A numeric field TownTwin checks: values at or above `missingAt` are the EPW
// "missing" marker; values outside [min, max] cannot be weather on Earth.
struct FieldRule {
    int index;
    const char *key;    // EPW field name, snake case (kpis.json)
    const char *label;  // for messages
    const char *unit;
    double missingAt;
    double min, max;
    std::vector<double> WeatherYear::*series;  // nullptr: checked, but the model does not use it
    bool required;  // the model cannot do without it; else a series missing everywhere is left empty
};

// Markers from the data dictionary. Limits: the records of the World
// Meteorological Organization with a margin (−89.2 °C, 56.7 °C; gusts of 113
// m/s, hourly means far below 70 m/s), the solar constant for irradiance, and
// the dictionary's own limits for humidity, pressure and direction.
const FieldRule kFields[] = {
    {6, "dry_bulb_temperature", "dry-bulb temperature", "°C", 99.9, -90.0, 60.0, &WeatherYear::dryBulbC, true},
    {7, "dew_point_temperature", "dew-point temperature", "°C", 99.9, -90.0, 60.0, &WeatherYear::dewPointC, false},
    {8, "relative_humidity", "relative humidity", "%", 999.0, 0.0, 110.0, nullptr, false},
    {9, "atmospheric_station_pressure", "atmospheric station pressure", "Pa", 999999.0, 31000.0, 120000.0,
     &WeatherYear::pressurePa, false},
    {13, "global_horizontal_radiation", "global horizontal radiation", "Wh/m²", 9999.0, 0.0, kSolarConstant,
     &WeatherYear::ghi, true},
    {14, "direct_normal_radiation", "direct normal radiation", "Wh/m²", 9999.0, 0.0, kSolarConstant,
     &WeatherYear::dni, true},
    {15, "diffuse_horizontal_radiation", "diffuse horizontal radiation", "Wh/m²", 9999.0, 0.0, kSolarConstant,
     &WeatherYear::dhi, true},
    {20, "wind_direction", "wind direction", "°", 999.0, 0.0, 360.0, nullptr, false},
    {kWindSpeed, "wind_speed", "wind speed", "m/s", 999.0, 0.0, 70.0, &WeatherYear::windMs, true},
};

// The GROUND TEMPERATURES header: a count, then per depth the depth (m), three soil
// properties and 12 monthly temperatures. Depths that do not parse are left out: the
// model then uses the year's mean air temperature, as for a file without the line.
std::vector<WeatherYear::GroundTemperatures> groundTemperatures(const QList<QByteArray> &header)
{
    std::vector<WeatherYear::GroundTemperatures> out;
    for (const QByteArray &line : header) {
        if (!line.startsWith("GROUND TEMPERATURES"))
            continue;
        const QList<QByteArray> f = line.trimmed().split(',');
        const int depths = f.size() > 1 ? f[1].trimmed().toInt() : 0;
        for (int d = 0; d < depths; ++d) {
            const int at = 2 + d * 16;
            if (at + 16 > f.size())
                break;
            WeatherYear::GroundTemperatures g;
            bool ok = false;
            g.depthM = f[at].trimmed().toDouble(&ok);
            for (int m = 0; m < 12 && ok; ++m) {
                g.monthlyC[m] = f[at + 4 + m].trimmed().toDouble(&ok);
                ok = ok && g.monthlyC[m] > -90.0 && g.monthlyC[m] < 60.0;
            }
            if (ok && g.depthM >= 0.0)
                out.push_back(g);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.depthM < b.depthM; });
    return out;
}

Status fail(const QString &name, int line, const QString &problem)
{
    return Status::error(QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(problem));
}

QString fieldName(const FieldRule &rule)
{
    return QStringLiteral("%1 (field %2)").arg(QLatin1String(rule.label)).arg(rule.index + 1);
}

// Hour of a record in a leap year (0 = 1 January, hour 1), so that 29 February
// has its place in the order whether the file has it or not; -1 for no date.
int leapYearHour(int month, int day, int hour)
{
    const QDate date(2000, month, day);
    if (!date.isValid() || hour < 1 || hour > 24)
        return -1;
    return (date.dayOfYear() - 1) * 24 + hour - 1;
}

QString dateText(int leapHour)
{
    const QDate date = QDate(2000, 1, 1).addDays(leapHour / 24);
    return QStringLiteral("%1 %2 hour %3")
        .arg(date.day())
        .arg(QLocale::c().monthName(date.month()))
        .arg(leapHour % 24 + 1);
}

// leapYearHour() of 28 February hour 24, 1 March hour 1 and 31 December hour 24.
constexpr int kLastFebruary28 = 59 * 24 - 1, kFirstMarch1 = 60 * 24, kLastHour = 366 * 24 - 1;

bool isLeapDay(int leapHour)
{
    return leapHour > kLastFebruary28 && leapHour < kFirstMarch1;
}

// Replaces NaN entries by linear interpolation between the nearest valid
// neighbours (constant extrapolation at the ends); returns how many it filled.
// The caller makes sure at least one entry is valid.
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
            if (prev < 0)
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

// Reads the fields of kFields from one record into `w` (NaN for a missing
// marker); an error names the field and the value.
Status readValues(const QList<QByteArray> &f, const QString &name, int lineNo, WeatherYear *w)
{
    for (const FieldRule &rule : kFields) {
        const QByteArray text = f[rule.index].trimmed();
        if (text.isEmpty() && !rule.required) {
            if (rule.series)
                (w->*rule.series).push_back(NAN);
            continue;  // an optional field may be left blank
        }
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return fail(name, lineNo, QStringLiteral("%1 is not a number: '%2'")
                                          .arg(fieldName(rule), QString::fromUtf8(text.left(40))));
        const bool missing = v >= rule.missingAt;
        if (!missing && (v < rule.min || v > rule.max))
            return fail(name, lineNo,
                        QStringLiteral("%1 is %2 %3, impossible (outside %4…%5 %3; the EPW marker of a missing "
                                       "value is %6)")
                            .arg(fieldName(rule), QString::number(v), QString::fromUtf8(rule.unit),
                                 QString::number(rule.min), QString::number(rule.max), QString::number(rule.missingAt)));
        if (rule.series)
            (w->*rule.series).push_back(missing ? NAN : v);
    }
    return Status::success();
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
    w.locationName = QString::fromUtf8(loc[1]).trimmed();
    w.region = QString::fromUtf8(loc[2]).trimmed();
    w.country = QString::fromUtf8(loc[3]).trimmed();
    w.dataSource = QString::fromUtf8(loc[4]).trimmed();
    w.latitudeDeg = loc[6].toDouble(&okLat);
    w.longitudeDeg = loc[7].toDouble(&okLon);
    w.utcOffsetHours = loc[8].toDouble(&okTz);
    // Elevation is only needed for the standard pressure of files without pressure values.
    w.elevationM = loc.size() > 9 ? std::clamp(loc[9].toDouble(), -500.0, 9000.0) : 0.0;
    // Written as "within range" so that NaN, which fails every comparison, fails here too.
    const bool inRange = std::abs(w.latitudeDeg) <= 90.0 && std::abs(w.longitudeDeg) <= 180.0
        && w.utcOffsetHours >= -12.0 && w.utcOffsetHours <= 14.0;
    if (!okLat || !okLon || !okTz || !inRange)
        return fail(name, 1, QStringLiteral("LOCATION has no valid latitude (-90…90), longitude (-180…180) and time zone "
                                            "(UTC-12…+14): '%1', '%2', '%3'")
                                 .arg(QString::fromUtf8(loc[6]), QString::fromUtf8(loc[7]), QString::fromUtf8(loc[8])));
    // Several records per hour would all be taken for hours of their own.
    const QList<QByteArray> periods = lines[kHeaderLines - 1].split(',');
    if (periods.size() > 2 && periods[0].trimmed() == "DATA PERIODS" && periods[2].trimmed().toInt() > 1)
        return fail(name, kHeaderLines, QStringLiteral("%1 records per hour: only hourly EPW files can be read")
                                            .arg(periods[2].trimmed().toInt()));

    for (const FieldRule &rule : kFields)
        if (rule.series)
            (w.*rule.series).reserve(WeatherYear::kHours);
    // Each record must be the hour after the one before: after a first pass that
    // finds records out of order or twice (so that two swapped records are not
    // taken for a missing hour), the hours between them must all be there.
    struct Stamp {
        int line, hour;
    };
    std::vector<Stamp> stamps;
    stamps.reserve(WeatherYear::kHours + 24);
    for (int i = kHeaderLines; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const int lineNo = i + 1;
        const QList<QByteArray> f = line.split(',');
        if (f.size() < kMinFields)
            return fail(name, lineNo, QStringLiteral("%1 fields, expected at least %2").arg(f.size()).arg(kMinFields));
        bool ok[4] = {};
        const int year = f[kYear].toInt(&ok[0]);
        const int month = f[kMonth].toInt(&ok[1]);
        const int day = f[kDay].toInt(&ok[2]);
        const int hour = f[kHour].toInt(&ok[3]);
        if (!ok[0] || !ok[1] || !ok[2] || !ok[3])
            return fail(name, lineNo, QStringLiteral("the year, month, day or hour (fields 1-4) is not a number"));
        const int stamp = leapYearHour(month, day, hour);
        if (stamp < 0)
            return fail(name, lineNo, QStringLiteral("invalid date %1-%2 hour %3").arg(month).arg(day).arg(hour));
        if (!stamps.empty()) {
            const Stamp &prev = stamps.back();
            if (stamp == prev.hour)
                return fail(name, lineNo, QStringLiteral("%1 again (line %2 has it already): duplicated hour")
                                              .arg(dateText(stamp)).arg(prev.line));
            if (stamp < prev.hour)
                return fail(name, lineNo, QStringLiteral("%1 after %2 (line %3): records out of date order")
                                              .arg(dateText(stamp), dateText(prev.hour)).arg(prev.line));
        }
        stamps.push_back({lineNo, stamp});
        // Leap-year files lose 29 February: the model's year has 365 days.
        if (isLeapDay(stamp))
            continue;
        if (w.dryBulbC.empty()) {
            w.year = year;
            // The year of typical-year files is a mix; weekdays follow the first row's date.
            const QDate first(year, 1, 1);
            w.firstDayOfWeek = first.isValid() ? first.dayOfWeek() : 1;
        }
        if (const Status s = readValues(f, name, lineNo, &w); !s)
            return s;
    }
    if (stamps.empty())
        return fail(name, lines.size(), QStringLiteral("no hourly records after the %1 header lines").arg(kHeaderLines));

    if (stamps.front().hour != 0)
        return fail(name, stamps.front().line,
                    QStringLiteral("the first record is %1: the hours before it are missing (a year starts on "
                                   "1 January hour 1)")
                        .arg(dateText(stamps.front().hour)));
    for (size_t i = 1; i < stamps.size(); ++i) {
        const Stamp &prev = stamps[i - 1], &cur = stamps[i];
        const bool leapDaySkipped = prev.hour == kLastFebruary28 && cur.hour == kFirstMarch1;
        if (cur.hour != prev.hour + 1 && !leapDaySkipped) {
            const int gap = cur.hour - prev.hour - 1;
            return fail(name, cur.line,
                        QStringLiteral("%1 follows %2 (line %3): %4 missing")
                            .arg(dateText(cur.hour), dateText(prev.hour))
                            .arg(prev.line)
                            .arg(gap == 1 ? QStringLiteral("1 hour is") : QStringLiteral("%1 hours are").arg(gap)));
        }
    }
    if (stamps.back().hour != kLastHour)
        return fail(name, stamps.back().line,
                    QStringLiteral("%1 hourly records (excluding 29 February), expected 8760: the last is %2")
                        .arg(w.dryBulbC.size())
                        .arg(dateText(stamps.back().hour)));

    const int firstLine = stamps.front().line, lastLine = stamps.back().line;
    for (const FieldRule &rule : kFields) {
        if (!rule.series)
            continue;
        std::vector<double> &series = w.*rule.series;
        if (std::all_of(series.begin(), series.end(), [](double v) { return std::isnan(v); })) {
            if (!rule.required) {
                series.clear();  // e.g. no humidity: latent loads are not computed
                continue;
            }
            return fail(name, firstLine,
                        QStringLiteral("%1 is missing (%2) in every record up to line %3: the model needs it")
                            .arg(fieldName(rule), QString::number(rule.missingAt))
                            .arg(lastLine));
        }
        w.filledByField.insert(QLatin1String(rule.key), fillGaps(series));
    }
    w.ground = groundTemperatures(lines.mid(1, kHeaderLines - 2));
    *out = std::move(w);
    return Status::success();
}

} // namespace tt::EpwReader
