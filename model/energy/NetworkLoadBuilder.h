// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingDemandModel.h"
#include "EnergySystem.h"
#include "network/BuildingLoad.h"
#include "network/NetworkYear.h"

namespace tt {

//! Each network node's hourly load from the buildings it serves: on the feeder a
//! building's electricity less its roof's PV, at a power factor of 0.95 for the demand
//! (PV feeds in at unity); on the heating network its space heat and hot water; on the
//! cooling network its cooling. A feeder node that serves no building carries its own
//! fixed load every hour (an imported utility feeder without buildings).
class NetworkLoadBuilder {
public:
    static constexpr double kPowerFactor = 0.95;

    //! `demand` and `system` must outlive the source it returns.
    static BuildingLoadSource source(BuildingDemandModel &demand, const EnergySystem &system);
    static NetworkLoads build(const Town &town, const TownNetworks &networks, const BuildingLoadSource &source);
};

} // namespace tt
