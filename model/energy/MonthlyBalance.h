// SPDX-License-Identifier: MIT
#pragma once

#include <array>

namespace tt {

struct DispatchResult;

//! The town's electricity per month of a simulated year: where it came from (PV and
//! wind after curtailment, CHP, battery and EV discharge, grid import, unmet demand)
//! and what the town used (buildings, heat pumps, chillers, EV charging). Supply above
//! use went into storage or was exported. The Energy dock's chart and the report draw it.
struct MonthlyBalance {
    enum Source { Pv, Wind, Chp, Storage, Grid, Unmet, SourceCount };
    static constexpr int kMonths = 12;

    std::array<std::array<double, kMonths>, SourceCount> supplyKwh{};
    std::array<double, kMonths> useKwh{};

    //! Sums a year's hourly dispatch (8760 h) by month; all zero for any other length.
    static MonthlyBalance fromDispatch(const DispatchResult &dispatch);
    //! The month's supply from every source.
    double supplyKwhIn(int month) const;
    //! Whether some demand went unmet (more than the solver's round-off, 1 kWh in a month).
    bool anyUnmet() const;
};

} // namespace tt
