// SPDX-License-Identifier: MIT
#pragma once

#include "BaselineSupply.h"
#include "DispatchResult.h"
#include "EnergySystem.h"
#include "TechnologyParameters.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace tt {

struct Town;

//! The lifecycle figures of one supply system (CNY at 2024 prices; a year is the simulated one).
struct SystemEconomics {
    double capex = 0.0;
    QMap<QString, double> capexByTechnology;  //!< by technologies.json key
    double energyBill = 0.0;     //!< electricity (incl. demand charge) and fuel less export, per year
    double demandCharge = 0.0;   //!< part of energyBill
    double fixedOm = 0.0, variableOm = 0.0;  //!< per year
    double annualOpex = 0.0;     //!< energyBill + fixedOm + variableOm
    double replacementsPresentValue = 0.0;  //!< parts renewed within the analysis period
    double salvagePresentValue = 0.0;       //!< life left at its end, straight-line
    double netPresentCost = 0.0;
    double annualisedCost = 0.0;  //!< netPresentCost × capital recovery factor
    double lcoeElectricity = 0.0; //!< NaN when no electricity was served
    QJsonObject toJson() const;
};

//! Capex, opex, NPV, levelised cost and payback of the town's system against the
//! separate-production baseline, HOMER-style (definitions in docs/ENERGY_MODEL.md):
//! every part bought at year 0 and again at the end of its life, straight-line
//! salvage at the end of the analysis period, the simulated year's opex every
//! year, all discounted at the real rate.
struct LifecycleEconomics {
    FinanceParameters finance;
    SystemEconomics system;
    SystemEconomics baseline;
    double npv = 0.0;  //!< baseline's net present cost − the system's: > 0 pays off
    double simplePaybackYears = 0.0;  //!< extra capex / yearly opex saving; NaN when it never pays back

    static LifecycleEconomics compute(const EnergySystem &s, const DispatchResult &d, const TechnologyCosts &costs,
                                      const FinanceParameters &finance);
    //! The technologies' finance defaults with the project's settings "discount_rate" and
    //! "analysis_years" over them.
    static FinanceParameters financeFor(const Town &town, const FinanceParameters &defaults);
    //! Capital recovery factor: the yearly payment that repays 1 over `years` at `rate`.
    static double capitalRecoveryFactor(double rate, double years);
    //! Present value of one cost bought at year 0 and renewed every `life` years over the
    //! analysis period, less its straight-line salvage value at the end (cost ≥ 0, life > 0).
    static double presentLifecycleCost(double cost, double life, const FinanceParameters &finance,
                                       double *replacements = nullptr, double *salvage = nullptr);
    //! What one unit of a technology costs a year over the analysis period: its capex (the
    //! main part over lifetimeYears, the replaced part over replacementYears, renewals and
    //! salvage included) spread by the capital recovery factor, plus fixed O&M.
    static double annualisedUnitCost(const CostParameters &c, const FinanceParameters &finance);
    QJsonObject toJson() const;
};

} // namespace tt
