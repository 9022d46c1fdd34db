// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>

namespace tt {

//! Where the sun stands, for PV yield, solar gains and the scene's light.
struct SunAngles {
    double elevationDeg = 0.0;  //!< above the horizon; negative at night
    double azimuthDeg = 0.0;    //!< clockwise from north (90 = east)
    double zenithDeg() const { return 90.0 - elevationDeg; }
};

//! NOAA's solar position algorithm (the spreadsheet version after Meeus),
//! accurate to about 0.01° over 1800-2100: good enough for hourly energy and
//! for lighting, without refraction below the horizon.
namespace SolarPosition {
//! Sun angles at a UTC instant for a site in degrees (north and east positive).
SunAngles at(const QDateTime &utc, double latitudeDeg, double longitudeDeg);
//! Same, from a Julian day number (fractional, UT).
SunAngles atJulianDay(double julianDay, double latitudeDeg, double longitudeDeg);
//! Extraterrestrial normal irradiance (W/m²) on a day of the year (1..366).
double extraterrestrialNormal(int dayOfYear);
} // namespace SolarPosition

} // namespace tt
