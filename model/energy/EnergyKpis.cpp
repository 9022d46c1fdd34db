// SPDX-License-Identifier: MIT
#include "EnergyKpis.h"

#include "BaselineSupply.h"

#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace tt {

namespace {
double ratio(double a, double b)
{
    return b > 0.0 ? a / b : 0.0;
}

QJsonObject carrierJson(const EnergyKpis::ByCarrier &c)
{
    return {{"electricity", c.electricity / 1000.0}, {"heating", c.heating / 1000.0},
            {"cooling", c.cooling / 1000.0}, {"dhw", c.dhw / 1000.0}};
}
} // namespace

EnergyKpis EnergyKpis::compute(const Town &town, const QVector<BuildingDemand> &buildings,
                               const DispatchResult &d, const EnergySystem &s)
{
    EnergyKpis k;
    k.baseline = s.baseline;
    for (const BuildingDemand &b : buildings) {
        k.demand.electricity += b.electricityKwh;
        k.demand.heating += b.heatingKwh;
        k.demand.cooling += b.coolingKwh;
        k.demand.dhw += b.dhwKwh;
        const Building *building = town.buildings.find(b.id);
        if (!building)
            continue;
        for (const UseShare &u : building->useShares()) {
            ByCarrier &c = k.demandByUse[buildinguse::key(u.use)];
            c.electricity += u.share * b.electricityKwh;
            c.heating += u.share * b.heatingKwh;
            c.cooling += u.share * b.coolingKwh;
            c.dhw += u.share * b.dhwKwh;
        }
    }
    k.evChargingKwh = d.total(Flow::EvCharge);
    k.evTripKwh = d.total(Flow::EvTrip);
    k.pvKwh = d.total(Flow::Pv);
    k.windKwh = d.total(Flow::Wind);
    k.chpElecKwh = d.total(Flow::ChpElec);
    k.chpHeatKwh = d.total(Flow::ChpHeat);
    k.heatPumpHeatKwh = d.total(Flow::HeatPumpHeat);
    k.gasBoilerHeatKwh = d.total(Flow::GasBoilerHeat);
    k.biomassHeatKwh = d.total(Flow::BiomassHeat);
    k.absorptionCoolKwh = d.total(Flow::AbsorptionCool);
    k.chillerCoolKwh = d.total(Flow::ChillerCool);
    k.heatPumpCoolKwh = d.total(Flow::HeatPumpCool);
    k.curtailedKwh = d.total(Flow::ElecCurtailed);
    k.heatDumpKwh = d.total(Flow::HeatDump);
    k.gridImportKwh = d.total(Flow::GridImport);
    k.gridExportKwh = d.total(Flow::GridExport);
    k.peakGridImportKw = d.peak(Flow::GridImport);
    k.gasKwh = d.total(Flow::ChpGas) + d.total(Flow::GasBoilerGas);
    k.biomassFuelKwh = d.total(Flow::BiomassFuel);
    k.unmetElecKwh = d.total(Flow::UnmetElec);
    k.unmetHeatKwh = d.total(Flow::UnmetHeat);
    k.unmetCoolKwh = d.total(Flow::UnmetCool);
    k.evShortfallKwh = d.total(Flow::EvShortfall);
    k.balanceResidualMaxKw = d.maxResidual();
    k.warnings = d.warnings;

    // Renewables count as used locally unless curtailed or exported (export is
    // charged to renewables before CHP power, hour by hour).
    double localRenewables = 0.0;
    const int hours = d.hours();
    for (int h = 0; h < hours; ++h) {
        const double re = d.at(Flow::Pv, h) + d.at(Flow::Wind, h) - d.at(Flow::ElecCurtailed, h);
        localRenewables += std::max(0.0, re - std::min(re, d.at(Flow::GridExport, h)));
    }
    const BaselineSupply base = BaselineSupply::compute(d, s);
    // Unmet electricity and the EV shortfall were used but never supplied here: not local.
    const double unsupplied = d.total(Flow::UnmetElec) + d.total(Flow::EvShortfall);
    const double localUse = d.total(Flow::ElecDemand) + d.total(Flow::HeatPumpElec) + d.total(Flow::ChillerElec)
        + k.evChargingKwh + d.total(Flow::EvShortfall);
    k.selfSufficiency = std::clamp(1.0 - ratio(k.gridImportKwh + unsupplied, localUse), 0.0, 1.0);
    k.selfConsumption = ratio(localRenewables, k.pvKwh + k.windKwh);
    // Ground heat the heat pumps lifted: their heat less the electricity heating took (their
    // electricity also drives the cooling of reversible ones, whose ground sink is not a source).
    double ambientHeat = 0.0;
    for (int h = 0; h < d.hours() && h < int(s.heatPumpCop.size()); ++h)
        ambientHeat += d.at(Flow::HeatPumpHeat, h) * (1.0 - 1.0 / s.heatPumpCop[size_t(h)]);
    const double renewableIn = localRenewables + k.biomassFuelKwh + ambientHeat;
    k.renewableShare = ratio(renewableIn, renewableIn + k.gridImportKwh + k.gasKwh);

    k.cost = d.cost(s);
    k.co2Kg = d.co2Kg(s);
    // Unmet demand counts as supplied the baseline way, as in cost and CO2.
    const std::vector<double> grid = d.gridSupplyKw(s);
    const double gridKwh = std::accumulate(grid.begin(), grid.end(), 0.0);
    k.primaryEnergyKwh = gridKwh * s.pefGrid + (k.gasKwh + d.unmetGasKwh(s)) * s.pefGas
        + k.biomassFuelKwh * s.pefBiomass;
    k.exportCreditPrimaryKwh = k.gridExportKwh * s.pefGrid;
    k.demandCharge = s.demandCharge(grid);
    k.baselineCost = base.cost();
    k.baselineDemandCharge = base.demandCharge;
    k.baselineCo2Kg = base.co2Kg;
    k.baselinePrimaryEnergyKwh = base.primaryEnergyKwh;
    k.primaryEnergySaving = 1.0 - ratio(k.primaryEnergyKwh, k.baselinePrimaryEnergyKwh);
    k.primaryEnergySavingWithExportCredit
        = 1.0 - ratio(k.primaryEnergyKwh - k.exportCreditPrimaryKwh, k.baselinePrimaryEnergyKwh);
    k.co2Saving = 1.0 - ratio(k.co2Kg, k.baselineCo2Kg);
    return k;
}

QJsonObject EnergyKpis::toJson() const
{
    QJsonObject byUse;
    for (auto it = demandByUse.begin(); it != demandByUse.end(); ++it)
        byUse.insert(it.key(), carrierJson(it.value()));
    QJsonObject demandJson = carrierJson(demand);
    demandJson.insert("ev_charging", evChargingKwh / 1000.0);
    demandJson.insert("ev_trips", evTripKwh / 1000.0);
    const QJsonObject generation{
        {"pv", pvKwh / 1000.0}, {"wind", windKwh / 1000.0}, {"chp_electricity", chpElecKwh / 1000.0},
        {"chp_heat", chpHeatKwh / 1000.0}, {"heat_pump_heat", heatPumpHeatKwh / 1000.0},
        {"gas_boiler_heat", gasBoilerHeatKwh / 1000.0}, {"biomass_heat", biomassHeatKwh / 1000.0},
        {"absorption_cooling", absorptionCoolKwh / 1000.0}, {"electric_chiller_cooling", chillerCoolKwh / 1000.0},
        {"heat_pump_cooling", heatPumpCoolKwh / 1000.0},
        {"electricity_curtailed", curtailedKwh / 1000.0}, {"heat_dumped", heatDumpKwh / 1000.0}};
    const QJsonObject baselineJson{
        {"description", QStringLiteral("grid electricity for all electric demand and EV charging, gas boilers "
                                       "(efficiency %1) for space heating and hot water, electric chillers (COP %2) "
                                       "for cooling")
                            .arg(baseline.gasBoilerEfficiency)
                            .arg(baseline.chillerCop)},
        {"primary_energy_mwh", baselinePrimaryEnergyKwh / 1000.0}, {"co2_t", baselineCo2Kg / 1000.0},
        {"cost", baselineCost}, {"demand_charge", baselineDemandCharge}};
    return {{"strategy", strategy},
            {"objective", objective},
            {"demand_mwh", demandJson},
            {"demand_by_use_mwh", byUse},
            {"generation_mwh", generation},
            {"grid_import_mwh", gridImportKwh / 1000.0},
            {"grid_export_mwh", gridExportKwh / 1000.0},
            {"peak_grid_import_kw", peakGridImportKw},
            {"gas_mwh", gasKwh / 1000.0},
            {"biomass_fuel_mwh", biomassFuelKwh / 1000.0},
            {"self_sufficiency", selfSufficiency},
            {"self_consumption", selfConsumption},
            {"renewable_share", renewableShare},
            {"cost", cost},
            {"demand_charge", demandCharge},
            {"co2_t", co2Kg / 1000.0},
            {"primary_energy_mwh", primaryEnergyKwh / 1000.0},
            {"baseline", baselineJson},
            {"primary_energy_saving", primaryEnergySaving},
            {"primary_energy_saving_with_export_credit", primaryEnergySavingWithExportCredit},
            {"co2_saving", co2Saving},
            {"unmet_mwh", QJsonObject{{"electricity", unmetElecKwh / 1000.0}, {"heat", unmetHeatKwh / 1000.0},
                                      {"cooling", unmetCoolKwh / 1000.0}, {"ev", evShortfallKwh / 1000.0}}},
            {"balance_residual_max_kw", balanceResidualMaxKw},
            {"warnings", QJsonArray::fromStringList(warnings)}};
}

} // namespace tt
