// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"
#include "TechnologyParameters.h"
#include "core/Progress.h"

#include <cmath>
#include <memory>
#include <vector>

namespace tt {

//! The capacities the sizing chooses.
enum class Capacity { RoofPv, GroundPv, Wind, BatteryKwh, BatteryKw, Chp, Absorption, HeatPump, Tank, Boiler,
                      Chiller };
constexpr int kCapacityCount = 11;

//! One capacity: what a unit costs a year (annualised capex, fixed O&M, and for PV and
//! wind the variable O&M of its year's output) and to build, and for PV and wind the
//! hourly output of one kW(p).
struct CapacityUnit {
    double annualCost = 0.0;
    double capex = 0.0;
    std::vector<double> profile;
};

//! What the year's programme is made of: the system data of `base` (efficiencies,
//! prices, COPs, EV cohorts, battery and tank limits), the year's demand, the units.
struct YearProblem {
    const EnergySystem *base = nullptr;
    const DispatchDemand *demand = nullptr;
    CapacityUnit units[kCapacityCount];
    double tankPowerPerKwh = 0.0;
    double gridUnitCost = 0.0;  //!< a year, per kW of the year's peak import
    TechnologyCosts costs;
    DispatchObjective objective = DispatchObjective::Cost;
    double co2CapKg = INFINITY;
};

//! The optimal dispatch of a whole year (8760 hours, perfect foresight, storage ending
//! the year as it began, demand charges on each month's peak, the grid connection
//! priced by the year's) for given capacities, and how its cost changes with them.
//! The capacities only bound the hours (columns' bounds and rows' right-hand sides),
//! so the cost is a convex function of them whose slopes are the duals of those bounds:
//! the subproblem of the sizing's Benders decomposition. Loaded once; each solve starts
//! from the previous optimal basis, which new capacities leave dual feasible.
class YearDispatchProgramme {
public:
    YearDispatchProgramme(const YearProblem &p, const Progress &progress);
    ~YearDispatchProgramme();
    YearDispatchProgramme(const YearDispatchProgramme &) = delete;
    YearDispatchProgramme &operator=(const YearDispatchProgramme &) = delete;

    //! Optimal dispatch with the capacities `k` (kCapacityCount of them); false if the
    //! user cancelled. Reports `fraction` of its progress meanwhile.
    bool solveAt(const double *k, double fraction);
    //! The year's cost (or CO2) at the last capacities, their annual cost included.
    double value() const;
    //! Its derivative by capacity `k` (a subgradient where it has a kink).
    double derivative(Capacity k) const;
    //! Every hour's columns of the last solve, LpLayout's order.
    const double *hours() const;
    //! How far the last solve's emissions exceed the cap (kg): more than the capacities allow.
    double co2Excess() const;
    bool optimal() const;
    int rows() const;
    int columns() const;
    qint64 nonZeros() const;
    int iterations() const { return m_iterations; }

private:
    struct Solver;  //!< CLP's model and the cancel handler, kept out of this header
    const YearProblem &m_problem;
    std::unique_ptr<Solver> m_solver;
    int m_colsPerHour = 0, m_rowsPerHour = 0, m_co2Slack = -1, m_iterations = 0;
    std::vector<double> m_colLower, m_colUpper, m_rowLower, m_rowUpper;
    std::vector<double> m_k;
    bool m_warm = false;
};

} // namespace tt
