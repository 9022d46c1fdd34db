// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! A store of energy (battery or hot-water tank); energies in kWh, powers in kW.
//! Default-constructed it is empty and ideal; the technologies' values come
//! from resources/energy/technologies.json (TechnologyParameters).
struct StorageUnit {
    double capacityKwh = 0.0;
    double powerKw = 0.0;
    double chargeEfficiency = 1.0;
    double dischargeEfficiency = 1.0;
    double socMin = 0.0;        //!< fractions of capacity
    double socMax = 1.0;
    double initialSoc = 0.0;
    double lossPerHour = 0.0;   //!< standing loss, fraction of content per hour
    double wearCostPerKwh = 0.0;  //!< cost of the cell ageing per kWh discharged

    double minKwh() const { return socMin * capacityKwh; }
    double maxKwh() const { return socMax * capacityKwh; }
};

} // namespace tt
