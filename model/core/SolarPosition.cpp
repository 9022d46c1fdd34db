// SPDX-License-Identifier: MIT
#include "SolarPosition.h"

#include <algorithm>
#include <cmath>

namespace tt::SolarPosition {

namespace {
constexpr double kRad = M_PI / 180.0;
double deg(double rad) { return rad / kRad; }
} // namespace

SunAngles atJulianDay(double jd, double latitudeDeg, double longitudeDeg)
{
    const double t = (jd - 2451545.0) / 36525.0;  // Julian centuries since J2000.0
    const double l0 = std::fmod(280.46646 + t * (36000.76983 + t * 0.0003032), 360.0);
    const double m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    const double e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    const double c = std::sin(m * kRad) * (1.914602 - t * (0.004817 + 0.000014 * t))
        + std::sin(2 * m * kRad) * (0.019993 - 0.000101 * t) + std::sin(3 * m * kRad) * 0.000289;
    const double trueLong = l0 + c;
    const double omega = 125.04 - 1934.136 * t;
    const double lambda = trueLong - 0.00569 - 0.00478 * std::sin(omega * kRad);
    const double eps0 = 23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0;
    const double eps = eps0 + 0.00256 * std::cos(omega * kRad);
    const double decl = std::asin(std::sin(eps * kRad) * std::sin(lambda * kRad));

    const double y = std::pow(std::tan(eps * kRad / 2.0), 2);
    const double eqTime = 4.0
        * deg(y * std::sin(2 * l0 * kRad) - 2 * e * std::sin(m * kRad)
              + 4 * e * y * std::sin(m * kRad) * std::cos(2 * l0 * kRad)
              - 0.5 * y * y * std::sin(4 * l0 * kRad) - 1.25 * e * e * std::sin(2 * m * kRad));  // minutes

    const double dayFraction = std::fmod(jd + 0.5, 1.0);  // UT since midnight
    double trueSolarMinutes = std::fmod(dayFraction * 1440.0 + eqTime + 4.0 * longitudeDeg, 1440.0);
    if (trueSolarMinutes < 0)
        trueSolarMinutes += 1440.0;
    const double hourAngle = trueSolarMinutes / 4.0 - 180.0;

    const double lat = latitudeDeg * kRad;
    const double cosZenith = std::clamp(
        std::sin(lat) * std::sin(decl) + std::cos(lat) * std::cos(decl) * std::cos(hourAngle * kRad), -1.0, 1.0);
    const double zenith = std::acos(cosZenith);
    SunAngles angles;
    angles.elevationDeg = 90.0 - deg(zenith);
    const double sinZ = std::sin(zenith);
    if (sinZ < 1e-9) {
        angles.azimuthDeg = 180.0;
    } else {
        const double cosAz = std::clamp((std::sin(lat) * cosZenith - std::sin(decl)) / (std::cos(lat) * sinZ), -1.0, 1.0);
        const double az = deg(std::acos(cosAz));
        angles.azimuthDeg = hourAngle > 0 ? std::fmod(az + 180.0, 360.0) : std::fmod(540.0 - az, 360.0);
    }
    return angles;
}

SunAngles at(const QDateTime &utc, double latitudeDeg, double longitudeDeg)
{
    const QDateTime u = utc.toUTC();
    const double jd = double(u.date().toJulianDay()) - 0.5 + u.time().msecsSinceStartOfDay() / 86400000.0;
    return atJulianDay(jd, latitudeDeg, longitudeDeg);
}

double extraterrestrialNormal(int dayOfYear)
{
    // Spencer (1971) eccentricity correction on a 1361 W/m² solar constant.
    const double b = 2.0 * M_PI * (dayOfYear - 1) / 365.0;
    return 1361.0
        * (1.00011 + 0.034221 * std::cos(b) + 0.00128 * std::sin(b) + 0.000719 * std::cos(2 * b)
           + 0.000077 * std::sin(2 * b));
}

} // namespace tt::SolarPosition
