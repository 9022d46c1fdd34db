// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"

namespace tt {

//! The baseline dispatch, hour by hour in a fixed order: renewables first
//! (surplus to EVs, battery, heat pump into thermal storage, export), then
//! storage, then the CHP following heat (and absorption-cooling) demand, then
//! heat pump, biomass and gas boilers, electric chillers, and the grid. EVs
//! charge as late as they can and still leave with their departure charge;
//! V2G only in peak-tariff hours.
class RuleBasedDispatcher {
public:
    DispatchResult dispatch(const EnergySystem &system, const DispatchDemand &demand) const;
};

} // namespace tt
