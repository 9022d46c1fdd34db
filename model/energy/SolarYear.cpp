// SPDX-License-Identifier: MIT
#include "SolarYear.h"

#include "core/SolarPosition.h"

#include <QDate>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
constexpr double kRad = M_PI / 180.0;
// Below ~5° the beam ratio cos(θ)/cos(θz) explodes on noisy data; clamp as pvlib does.
constexpr double kMinCosZenith = 0.0872;
} // namespace

SolarYear::SolarYear(const WeatherYear &weather)
    : m_weather(weather)
    , m_elevation(WeatherYear::kHours)
    , m_azimuth(WeatherYear::kHours)
    , m_extraterrestrial(WeatherYear::kHours)
{
    // Julian day of 1 January 00:00 UT of the data year; EPW hours are local
    // standard time and cover the hour ending at the stamp, so use the middle.
    const double jd0 = double(QDate(weather.year, 1, 1).toJulianDay()) - 0.5;
    for (int h = 0; h < WeatherYear::kHours; ++h) {
        const double jd = jd0 + (h + 0.5 - weather.utcOffsetHours) / 24.0;
        const SunAngles sun = SolarPosition::atJulianDay(jd, weather.latitudeDeg, weather.longitudeDeg);
        m_elevation[h] = sun.elevationDeg;
        m_azimuth[h] = sun.azimuthDeg;
        m_extraterrestrial[h] = SolarPosition::extraterrestrialNormal(h / 24 + 1);
    }
}

double SolarYear::planeOfArray(double ghi, double dni, double dhi, double sunElevationDeg, double sunAzimuthDeg,
                               double extraterrestrial, double tiltDeg, double azimuthDeg, double albedo)
{
    const double tilt = tiltDeg * kRad;
    const double cosTilt = std::cos(tilt);
    const double ground = ghi * albedo * (1.0 - cosTilt) * 0.5;
    if (sunElevationDeg <= 0.0)
        return dhi * (1.0 + cosTilt) * 0.5 + ground;
    const double zen = (90.0 - sunElevationDeg) * kRad;
    const double cosZen = std::cos(zen);
    const double cosAoi = cosZen * cosTilt
        + std::sin(zen) * std::sin(tilt) * std::cos((sunAzimuthDeg - azimuthDeg) * kRad);
    const double beam = dni * std::max(0.0, cosAoi);
    const double anisotropy = extraterrestrial > 0.0 ? std::clamp(dni / extraterrestrial, 0.0, 1.0) : 0.0;
    const double rb = std::max(0.0, cosAoi) / std::max(cosZen, kMinCosZenith);
    const double diffuse = dhi * (anisotropy * rb + (1.0 - anisotropy) * (1.0 + cosTilt) * 0.5);
    return beam + diffuse + ground;
}

std::vector<double> SolarYear::planeOfArray(double tiltDeg, double azimuthDeg, double albedo) const
{
    std::vector<double> poa(WeatherYear::kHours);
    for (int h = 0; h < WeatherYear::kHours; ++h)
        poa[h] = planeOfArray(m_weather.ghi[h], m_weather.dni[h], m_weather.dhi[h], m_elevation[h], m_azimuth[h],
                              m_extraterrestrial[h], tiltDeg, azimuthDeg, albedo);
    return poa;
}

} // namespace tt
