// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"
#include "EnergyKpis.h"
#include "EnergySimulator.h"
#include "LifecycleEconomics.h"
#include "core/Progress.h"

#include <QJsonObject>
#include <limits>

namespace tt {

//! The sizes of the micro-energy system's technologies.
struct Capacities {
    double rooftopPvKwp = 0.0, groundPvKwp = 0.0, windKw = 0.0;
    double batteryKwh = 0.0, batteryKw = 0.0;
    double chpKwE = 0.0, absorptionKwTh = 0.0, heatPumpKwTh = 0.0, thermalStorageKwh = 0.0;
    double boilerKwTh = 0.0, chillerKwTh = 0.0;

    static Capacities of(const EnergySystem &s);
    QJsonObject toJson() const;
};

//! What the sizing may build and what it minimises.
struct SizingOptions {
    DispatchObjective objective = DispatchObjective::Cost;
    double co2CapKg = std::numeric_limits<double>::infinity();       //!< per year
    double capexBudget = std::numeric_limits<double>::infinity();    //!< CNY of capex
};

//! Upper limits the plan sets: PV on the roofs and farmland it has, wind where it has sites.
struct SizingLimits {
    double rooftopPvKwp = 0.0, groundPvKwp = 0.0, windKw = 0.0;
    QStringList reasons;  //!< how each limit follows from the plan
    static SizingLimits forTown(const Town &town, const EnergySystem &reference, const TechnologyParameters &tech);
};

//! A system the year was optimised for: its sizes, the hours, money and KPIs.
struct SizedSystem {
    Capacities capacities;
    EnergySystem system;
    DispatchResult dispatch;
    LifecycleEconomics economics;
    EnergyKpis kpis;
    QJsonObject toJson() const;
};

struct SolverStatistics {
    int rows = 0, columns = 0;  //!< of the year's programme
    qint64 nonZeros = 0;
    int iterations = 0;   //!< simplex iterations over all solves of the year
    int yearSolves = 0;   //!< capacities the decomposition tried
    double gap = 0.0;     //!< what the master still expected to gain at the end (CNY or kg a year)
    double seconds = 0.0;
    QString status;
    QJsonObject toJson() const;
};

struct SizingResult {
    Status status;
    SizedSystem sized;      //!< the optimum
    SizedSystem reference;  //!< the project's own assets, run by the same programme
    SizingLimits limits;
    SolverStatistics solver;
    QStringList warnings;
    QJsonObject toJson() const;  //!< sizing.json
};

//! Optimal sizes of the micro-energy system, REopt-style: one linear programme over
//! the whole year (8760 hours, perfect foresight) whose variables are the capacities
//! and every hour's dispatch; it minimises annualised capital cost (capex over its
//! life, replacements and salvage, at the project's discount rate) plus fixed O&M
//! plus the year's energy bill with demand charges and variable O&M, or CO2. Storage
//! ends the year as it began. The CHP's minimum load is relaxed (an LP), as the
//! rolling dispatch's first pass is. The programme is solved by Benders decomposition
//! (capacities in the master, the year's dispatch as the subproblem) to a relative gap
//! of 1e-4. Formulation in docs/ENERGY_MODEL.md.
class CapacitySizer {
public:
    //! `simulated` is the project's simulated year (its demand and its system, with the
    //! default assets if it has none). Reports stage "sizing"; cancelling gives ErrorCode::Cancelled.
    SizingResult size(const Town &town, const WeatherYear &weather, const SimulationResult &simulated,
                      const SizingOptions &options, const TechnologyParameters &technologies,
                      const Progress &progress = {}) const;
};

} // namespace tt
