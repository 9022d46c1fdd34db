// SPDX-License-Identifier: MIT
#include "WeatherYear.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tt {

WeatherYear WeatherYear::constant(double dryBulb, double ghiWm2, double dniWm2, double dhiWm2, double wind)
{
    WeatherYear w;
    w.source = QStringLiteral("constant weather");
    w.dryBulbC.assign(kHours, dryBulb);
    w.ghi.assign(kHours, ghiWm2);
    w.dni.assign(kHours, dniWm2);
    w.dhi.assign(kHours, dhiWm2);
    w.windMs.assign(kHours, wind);
    return w;
}

namespace {
// Saturation vapour pressure over water, Pa (Magnus form, Alduchov & Eskridge 1996: within 0.4 % from -40 to 50 °C).
double saturationPressurePa(double temperatureC)
{
    return 610.94 * std::exp(17.625 * temperatureC / (temperatureC + 243.04));
}

// g/kg from the partial pressure of water vapour (ASHRAE Fundamentals 2017 ch. 1 eq. 20).
double humidityRatioFromVapour(double vapourPa, double pressurePa)
{
    return 621.945 * vapourPa / std::max(1.0, pressurePa - vapourPa);
}
} // namespace

double WeatherYear::humidityRatioGPerKg(int h) const
{
    if (!hasHumidity())
        return 0.0;
    // Standard atmosphere at the station's elevation when the file gives no pressure (ASHRAE eq. 3).
    const double p = pressurePa.empty() ? 101325.0 * std::pow(1.0 - 2.25577e-5 * elevationM, 5.2559) : pressurePa[h];
    return humidityRatioFromVapour(saturationPressurePa(dewPointC[h]), p);
}

double WeatherYear::humidityRatioAt(double temperatureC, double rh, double pressurePa)
{
    return humidityRatioFromVapour(rh * saturationPressurePa(temperatureC), pressurePa);
}

int WeatherYear::monthOf(int h)
{
    static constexpr int kMonthEnds[12] = {31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
    const int day = std::clamp(h / 24, 0, 364);
    return int(std::upper_bound(std::begin(kMonthEnds), std::end(kMonthEnds), day) - std::begin(kMonthEnds));
}

std::vector<double> WeatherYear::groundTemperatureC(double depthM) const
{
    if (ground.empty()) {
        double sum = 0.0;
        for (double t : dryBulbC)
            sum += t;
        return std::vector<double>(kHours, dryBulbC.empty() ? 10.0 : sum / double(dryBulbC.size()));
    }
    const GroundTemperatures *best = &ground.front();
    for (const GroundTemperatures &g : ground)
        if (std::abs(g.depthM - depthM) < std::abs(best->depthM - depthM))
            best = &g;
    std::vector<double> series(kHours);
    for (int h = 0; h < kHours; ++h)
        series[h] = best->monthlyC[monthOf(h)];
    return series;
}

int WeatherYear::filledValues() const
{
    int total = 0;
    for (int n : filledByField)
        total += n;
    return total;
}

QString WeatherYear::filledValuesText() const
{
    const int total = filledValues();
    if (total == 0)
        return {};
    QStringList fields;
    for (auto it = filledByField.cbegin(); it != filledByField.cend(); ++it)
        if (it.value() > 0)
            fields.append(QStringLiteral("%1 %2").arg(QString(it.key()).replace(QLatin1Char('_'), QLatin1Char(' ')))
                              .arg(it.value()));
    return QStringLiteral("%1 missing value%2 filled in by interpolation (%3)")
        .arg(total)
        .arg(total == 1 ? QString() : QStringLiteral("s"))
        .arg(fields.join(QStringLiteral(", ")));
}

double WeatherYear::distanceKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
{
    // Lambert's formula for long lines: the central angle between the reduced
    // latitudes, corrected for the flattening of the WGS 84 ellipsoid.
    constexpr double a = 6378137.0, f = 1.0 / 298.257223563, rad = M_PI / 180.0;
    const double b1 = std::atan((1.0 - f) * std::tan(lat1Deg * rad));
    const double b2 = std::atan((1.0 - f) * std::tan(lat2Deg * rad));
    const double dLon = (lon2Deg - lon1Deg) * rad;
    const double h = std::pow(std::sin((b2 - b1) / 2.0), 2)
        + std::cos(b1) * std::cos(b2) * std::pow(std::sin(dLon / 2.0), 2);
    const double sigma = 2.0 * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
    const double sinHalf = std::sin(sigma / 2.0), cosHalf = std::cos(sigma / 2.0);
    // The correction divides by these: at (almost) zero or antipodal distance it vanishes anyway.
    if (sinHalf < 1e-12 || cosHalf < 1e-12)
        return a * sigma / 1000.0;
    const double p = (b1 + b2) / 2.0, q = (b2 - b1) / 2.0;
    const double x = (sigma - std::sin(sigma)) * std::pow(std::sin(p) * std::cos(q) / cosHalf, 2);
    const double y = (sigma + std::sin(sigma)) * std::pow(std::cos(p) * std::sin(q) / sinHalf, 2);
    return a * (sigma - f / 2.0 * (x + y)) / 1000.0;
}

double WeatherYear::stationDistanceKm(const Site &site) const
{
    if (!siteHasLocation(site))
        return std::numeric_limits<double>::quiet_NaN();
    return distanceKm(latitudeDeg, longitudeDeg, site.latitude, site.longitude);
}

QStringList WeatherYear::siteWarnings(const Site &site) const
{
    const double km = stationDistanceKm(site);
    if (std::isnan(km))
        return {};
    const bool otherHemisphere = (latitudeDeg < 0.0) != (site.latitude < 0.0);
    if (km <= kFarStationKm && !otherHemisphere)
        return {};
    const auto hemisphere = [](double lat) {
        return lat < 0.0 ? QStringLiteral("southern") : QStringLiteral("northern");
    };
    const QString station = locationName.isEmpty() ? source : locationName;
    const auto degrees = [](double v) { return QString::number(v, 'f', 3); };
    // One pass of arg(): a station name with "%2" in it cannot take the numbers' places.
    QString warning = QStringLiteral("Weather station %1 (%2, %3) is %4 km from the site (%5, %6)")
                          .arg(station, degrees(latitudeDeg), degrees(longitudeDeg), QString::number(km, 'f', 0),
                               degrees(site.latitude), degrees(site.longitude));
    if (otherHemisphere)
        warning += QStringLiteral(", in the %1 hemisphere while the site is in the %2: the seasons are reversed")
                       .arg(hemisphere(latitudeDeg), hemisphere(site.latitude));
    else
        warning += QStringLiteral(", more than %1 km: its climate and sun are not the site's").arg(kFarStationKm, 0, 'f', 0);
    return {warning};
}

} // namespace tt
