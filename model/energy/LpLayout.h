// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"

#include <algorithm>

namespace tt::lp {

// The columns of one hour in both linear programmes (LpDispatcher's windows and
// CapacitySizer's year); each EV cohort adds kEvColumns after them.
enum Col {
    cImport, cExport, cCurtail, cChpElec, cGasBoiler, cBiomass, cHpElec, cHpCoolElec, cChillerElec, cAbsHeat, cDump,
    cBatCharge, cBatDischarge, cBatSoc, cTsCharge, cTsDischarge, cTsSoc, cUnmetElec, cUnmetHeat, cUnmetCool,
    kHourColumns
};
enum EvCol { eCharge, eDischarge, eSoc, eShort, kEvColumns };

// Breaks ties (e.g. simultaneous charge and discharge) without changing the optimum materially.
constexpr double kCycleCost = 1e-4;
// Under the CO2 objective cost still breaks ties between equally clean solutions.
constexpr double kCostTieBreak = 1e-3;
// Export in an hour whose tariff is below the feed-in price is valued just under that
// tariff: the one meter nets import and export, so selling at the feed-in price while
// buying cheaper is not possible. The bill still pays the feed-in price for it.
constexpr double kNetMeteringMargin = 1e-3;

//! What the programme earns per kWh exported in hour t (see kNetMeteringMargin).
inline double exportValue(const EnergySystem &s, int t)
{
    return s.importPrice.empty() ? s.feedInPrice : std::min(s.feedInPrice, s.importPrice[size_t(t)] - kNetMeteringMargin);
}

//! Writes hour t of a solution (`v` points at that hour's first column) into `r`: every flow
//! follows from the columns, the system's efficiencies and the demand.
void storeHour(DispatchResult *r, int t, const double *v, const EnergySystem &s, const DispatchDemand &demand);

} // namespace tt::lp
