// SPDX-License-Identifier: MIT
#pragma once

#include "core/Building.h"

#include <functional>
#include <vector>

namespace tt {

//! What one building draws from the networks in each hour of a year (kW).
struct BuildingLoad {
    std::vector<double> electricKw;    //!< net of its roof's PV (negative: feeding in)
    std::vector<double> electricKvar;
    std::vector<double> heatingKw;     //!< space heating and hot water
    std::vector<double> coolingKw;
};

//! Fills a building's hourly load; the energy model provides it to the network code.
using BuildingLoadSource = std::function<void(const Building &, BuildingLoad *)>;

} // namespace tt
