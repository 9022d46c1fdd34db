// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"
#include "EnergySystem.h"

#include <vector>

namespace tt {

//! The reference system the savings are measured against, supplying the same
//! demand as a dispatched year: grid electricity for the electric demand and the
//! EV trips (through the chargers' losses), gas boilers for heat and electric
//! chillers for cooling, with the system's baseline efficiencies, tariff and factors.
struct BaselineSupply {
    std::vector<double> gridKw;  //!< per hour: electric demand and the chillers
    double evGridKwh = 0.0;      //!< EV charging, bought at the year's mean tariff (no hour of its own)
    double gasKwh = 0.0;
    double heatKwh = 0.0, coolKwh = 0.0;
    double peakHeatKw = 0.0, peakCoolKw = 0.0;  //!< what its boilers and chillers are sized to
    double energyCost = 0.0;     //!< electricity at the tariff and gas
    double demandCharge = 0.0;   //!< on each month's peak of gridKw
    double co2Kg = 0.0;
    double primaryEnergyKwh = 0.0;

    static BaselineSupply compute(const DispatchResult &d, const EnergySystem &s);
    double gridKwh() const;
    double peakGridKw() const;
    //! energyCost + demandCharge.
    double cost() const { return energyCost + demandCharge; }
};

} // namespace tt
