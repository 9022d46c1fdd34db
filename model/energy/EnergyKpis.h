// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingDemandModel.h"
#include "DispatchResult.h"

#include <QJsonObject>
#include <QMap>

namespace tt {

//! Annual key figures of a simulated year (energies in kWh, powers in kW,
//! cost in the tariff's currency, CO2 in kg). Definitions in docs/ENERGY_MODEL.md.
struct EnergyKpis {
    struct ByCarrier {
        double electricity = 0.0, heating = 0.0, cooling = 0.0, dhw = 0.0;
    };
    QString strategy;   //!< "rule" or "optimal"
    QString objective;  //!< "cost" or "co2" for optimal dispatch, "none" for the rules
    ByCarrier demand;
    double evChargingKwh = 0.0;  //!< into the fleet's batteries, V2G cycling included
    double evTripKwh = 0.0;      //!< out of the batteries for driving: the fleet's own demand
    QMap<QString, ByCarrier> demandByUse;  //!< by BuildingUse key, split by floor-area share

    double pvKwh = 0.0, windKwh = 0.0, chpElecKwh = 0.0, chpHeatKwh = 0.0, heatPumpHeatKwh = 0.0;
    double gasBoilerHeatKwh = 0.0, biomassHeatKwh = 0.0, absorptionCoolKwh = 0.0, chillerCoolKwh = 0.0;
    double heatPumpCoolKwh = 0.0;  //!< cooling by reversible heat pumps
    double curtailedKwh = 0.0, heatDumpKwh = 0.0;
    double gridImportKwh = 0.0, gridExportKwh = 0.0, peakGridImportKw = 0.0;
    double gasKwh = 0.0, biomassFuelKwh = 0.0;

    double selfSufficiency = 0.0;  //!< 1 − grid import / local electricity use
    double selfConsumption = 0.0;  //!< locally used share of PV and wind output
    double renewableShare = 0.0;   //!< renewable share of the energy the system takes in

    double cost = 0.0;          //!< DispatchResult::cost: energy, demand charge, fuel, wear
    double demandCharge = 0.0;  //!< part of cost
    double co2Kg = 0.0;
    double primaryEnergyKwh = 0.0;  //!< non-renewable, without credit for export
    double exportCreditPrimaryKwh = 0.0;
    double baselineCost = 0.0;
    double baselineDemandCharge = 0.0;  //!< part of baselineCost
    double baselineCo2Kg = 0.0;
    double baselinePrimaryEnergyKwh = 0.0;
    double primaryEnergySaving = 0.0;  //!< 1 − primary / baseline primary
    double primaryEnergySavingWithExportCredit = 0.0;
    double co2Saving = 0.0;

    double unmetElecKwh = 0.0, unmetHeatKwh = 0.0, unmetCoolKwh = 0.0, evShortfallKwh = 0.0;
    double balanceResidualMaxKw = 0.0;
    QStringList warnings;

    //! The reference system of the savings (grid electricity, gas boilers and
    //! electric chillers for the same demand): the system's, from technologies.json.
    BaselineParameters baseline;

    static EnergyKpis compute(const Town &town, const QVector<BuildingDemand> &buildings,
                              const DispatchResult &dispatch, const EnergySystem &system);
    QJsonObject toJson() const;
};

} // namespace tt
