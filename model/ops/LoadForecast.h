// SPDX-License-Identifier: MIT
#pragma once

#include "energy/DispatchResult.h"

#include <array>
#include <vector>

namespace tt {

//! The operations cycle's load forecast for the next hours: the simulated
//! (weather-driven) town loads of those hours of the year, each carrier scaled by
//! how the measured last 24 hours compare with the simulated same 24 hours
//! (persistence of the deviation). Without measurements, the simulation as is.
class LoadForecast {
public:
    static constexpr int kPersistenceHours = 24;  //!< the measured hours compared
    static constexpr int kMinValidHours = 12;     //!< fewer valid measured hours: ratio 1
    static constexpr double kMinRatio = 0.5;
    static constexpr double kMaxRatio = 2.0;

    //! `simulated`: the year's town demand (8760 h; hour h of a shorter series is h modulo
    //! its length, an empty carrier is 0). Returns hours startHour … startHour + hours − 1
    //! (wrapping past the year's end) times each carrier's ratio.
    //! measured*: the town's measured totals of the last 24 hours before startHour, kW per
    //! hour, oldest first (the last entry is hour startHour − 1; a longer vector's last 24
    //! entries are used); NaN or infinite where missing. A carrier's ratio is the measured
    //! energy over the simulated energy of its valid hours, 1 with fewer than 12 valid
    //! hours or no simulated energy in them, clamped to [0.5, 2]. `ratios` (optional) gets
    //! the ratios used for electricity, heat and cooling.
    static DispatchDemand forecast(const DispatchDemand &simulated, int startHour, int hours,
                                   const std::vector<double> &measuredElecLast24,
                                   const std::vector<double> &measuredHeatLast24,
                                   const std::vector<double> &measuredCoolLast24,
                                   std::array<double, 3> *ratios = nullptr);

    //! One carrier's ratio as forecast() computes it.
    static double persistenceRatio(const std::vector<double> &simulated, int startHour,
                                   const std::vector<double> &measuredLast24);
};

} // namespace tt
