// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <vector>

namespace tt {

//! One year of hourly weather (8760 hours, local standard time; index 0 is
//! 1 January 00:00-01:00). Filled by EpwReader or by tests.
struct WeatherYear {
    static constexpr int kHours = 8760;

    QString source;             //!< file or description, for messages
    QString locationName;
    double latitudeDeg = 0.0;   //!< north positive
    double longitudeDeg = 0.0;  //!< east positive
    double utcOffsetHours = 0.0;
    int year = 2009;            //!< calendar year of the data (for weekdays and the sun)
    int firstDayOfWeek = 1;     //!< ISO day of week of 1 January (1 = Monday)
    int filledValues = 0;       //!< missing values (EPW codes) replaced by interpolation

    std::vector<double> dryBulbC;   //!< air temperature, °C
    std::vector<double> ghi;        //!< global horizontal irradiance, W/m²
    std::vector<double> dni;        //!< direct normal irradiance, W/m²
    std::vector<double> dhi;        //!< diffuse horizontal irradiance, W/m²
    std::vector<double> windMs;     //!< wind speed at 10 m, m/s

    //! A year with every series set to constant values (for tests and what-if runs).
    static WeatherYear constant(double dryBulb, double ghiWm2, double dniWm2, double dhiWm2, double wind);
    //! Hour of day 0..23 of hour index h.
    static int hourOfDay(int h) { return h % 24; }
    //! ISO day of week (1 = Monday .. 7 = Sunday) of hour index h.
    int dayOfWeek(int h) const { return (firstDayOfWeek - 1 + h / 24) % 7 + 1; }
    bool isWeekend(int h) const { return dayOfWeek(h) >= 6; }
};

} // namespace tt
