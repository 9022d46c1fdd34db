// SPDX-License-Identifier: MIT
#pragma once

#include "core/Site.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace tt {

//! One year of hourly weather (8760 hours, local standard time; index 0 is
//! 1 January 00:00-01:00). Filled by EpwReader or by tests.
struct WeatherYear {
    static constexpr int kHours = 8760;
    //! A station farther than this from the site describes another climate.
    static constexpr double kFarStationKm = 100.0;

    QString source;             //!< file or description, for messages
    QString locationName;       //!< EPW LOCATION city, e.g. "Shanghai-Hongqiao.Intl.AP"
    QString region;             //!< state or province, e.g. "SH"
    QString country;            //!< ISO 3166 alpha-3 as EPW files give it, e.g. "CHN"
    QString dataSource;         //!< how the year was made, e.g. "SRC-TMYx"
    double latitudeDeg = 0.0;   //!< of the weather station, north positive
    double longitudeDeg = 0.0;  //!< east positive
    double utcOffsetHours = 0.0;
    double elevationM = 0.0;    //!< of the station, for the standard pressure
    int year = 2009;            //!< calendar year of the data (for weekdays and the sun)
    int firstDayOfWeek = 1;     //!< ISO day of week of 1 January (1 = Monday)
    //! Missing values (EPW markers) replaced by interpolation, per series the
    //! model uses, by EPW field name ("dry_bulb_temperature", ...; zeros included).
    QMap<QString, int> filledByField;

    std::vector<double> dryBulbC;   //!< air temperature, °C
    std::vector<double> ghi;        //!< global horizontal irradiance, W/m²
    std::vector<double> dni;        //!< direct normal irradiance, W/m²
    std::vector<double> dhi;        //!< diffuse horizontal irradiance, W/m²
    std::vector<double> windMs;     //!< wind speed at 10 m, m/s
    //! Humidity: empty when the file has none (latent loads are then not computed).
    std::vector<double> dewPointC;  //!< dew-point temperature, °C
    std::vector<double> pressurePa; //!< station pressure, Pa; empty: the standard pressure at elevationM

    //! Undisturbed ground temperature at one depth by month (EPW GROUND TEMPERATURES).
    struct GroundTemperatures {
        double depthM = 0.0;
        double monthlyC[12] = {};
    };
    std::vector<GroundTemperatures> ground;  //!< by depth, shallowest first; empty when the file has none

    //! A year with every series set to constant values (for tests and what-if runs).
    static WeatherYear constant(double dryBulb, double ghiWm2, double dniWm2, double dhiWm2, double wind);
    //! Hour of day 0..23 of hour index h.
    static int hourOfDay(int h) { return h % 24; }
    //! ISO day of week (1 = Monday .. 7 = Sunday) of hour index h.
    int dayOfWeek(int h) const { return (firstDayOfWeek - 1 + h / 24) % 7 + 1; }
    bool isWeekend(int h) const { return dayOfWeek(h) >= 6; }

    bool hasHumidity() const { return !dewPointC.empty(); }
    //! Outdoor humidity ratio of hour h, g water per kg dry air (from the dew point and the
    //! pressure, ASHRAE Fundamentals ch. 1 eq. 20 with the Magnus saturation pressure). 0 without humidity.
    double humidityRatioGPerKg(int h) const;
    //! Saturation humidity ratio at `temperatureC` and relative humidity `rh` (0..1), g/kg, at `pressurePa`.
    static double humidityRatioAt(double temperatureC, double rh, double pressurePa = 101325.0);
    //! Hourly ground temperature at the given depth: the monthly values of the file's nearest
    //! depth, else the year's mean air temperature (what undisturbed ground at depth tends to).
    std::vector<double> groundTemperatureC(double depthM) const;
    //! Month 0..11 of hour index h (365-day year).
    static int monthOf(int h);

    //! All values filled in, over every field.
    int filledValues() const;
    //! "5 missing values filled in by interpolation (dry bulb temperature 3,
    //! wind speed 2)"; empty when none were.
    QString filledValuesText() const;

    //! Geodesic distance in km between two WGS 84 points (Lambert's formula:
    //! within metres of the exact ellipsoidal distance at thousands of km,
    //! where a sphere is off by tens of km).
    static double distanceKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg);
    //! Whether `site` has a location at all: towns built in code, without a
    //! CRS, are at (0, 0), which is open sea.
    static bool siteHasLocation(const Site &site) { return site.latitude != 0.0 || site.longitude != 0.0; }
    //! Distance from the weather station to the site, km; NaN when the site has no location.
    double stationDistanceKm(const Site &site) const;
    //! Why this weather may not describe `site`: a station more than
    //! kFarStationKm away or in the other hemisphere (seasons reversed), with
    //! the distance. Empty when it fits or the site has no location.
    QStringList siteWarnings(const Site &site) const;
};

} // namespace tt
