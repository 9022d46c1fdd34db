// SPDX-License-Identifier: MIT
#pragma once

#include "ZoningSettings.h"

#include <array>

namespace tt {

//! People and places the plan's floor area provides, from ZoningSettings' factors.
struct Capacity {
    double residents = 0.0;        //!< residential GFA / m² per person
    double jobs = 0.0;             //!< sum of jobsByUse
    std::array<double, kBuildingUseCount> jobsByUse{};  //!< GFA of the use / m² per job of the use
    double schoolSeats = 0.0;      //!< School GFA / m² per seat
    double hospitalBeds = 0.0;     //!< Hospital GFA / m² per bed
    double elderlyCareBeds = 0.0;  //!< ElderlyCare GFA / m² per bed

    //! Capacity of floor area split by use (a whole town's or one building's).
    static Capacity compute(const std::array<double, kBuildingUseCount> &gfaByUseM2, const ZoningSettings &settings);
    //! Residents housed in that floor area; weights a home in the service-reach shares.
    static double residentsOf(const std::array<double, kBuildingUseCount> &gfaByUseM2, const ZoningSettings &settings);
};

} // namespace tt
