// SPDX-License-Identifier: MIT
#pragma once

#include "WeatherYear.h"

#include <vector>

namespace tt {

//! The sun's path over a weather year (one NOAA position per hour, at the
//! middle of the hour) and the transposition of the weather's irradiance onto
//! tilted planes with the Hay-Davies anisotropic sky model (circumsolar
//! diffuse follows the beam, the rest is isotropic; ground reflection with
//! albedo 0.2). The weather passed to the constructor must outlive it.
class SolarYear {
public:
    explicit SolarYear(const WeatherYear &weather);

    //! Plane-of-array irradiance in W/m² for every hour; tilt 0 = horizontal,
    //! 90 = vertical; azimuth of the surface normal clockwise from north (180 = south).
    std::vector<double> planeOfArray(double tiltDeg, double azimuthDeg, double albedo = 0.2) const;
    //! Same for one hour, from explicit values (for tests and single evaluations).
    static double planeOfArray(double ghi, double dni, double dhi, double sunElevationDeg, double sunAzimuthDeg,
                               double extraterrestrial, double tiltDeg, double azimuthDeg, double albedo = 0.2);

    double sunElevationDeg(int hour) const { return m_elevation[hour]; }
    double sunAzimuthDeg(int hour) const { return m_azimuth[hour]; }

private:
    const WeatherYear &m_weather;
    std::vector<double> m_elevation;
    std::vector<double> m_azimuth;
    std::vector<double> m_extraterrestrial;
};

} // namespace tt
