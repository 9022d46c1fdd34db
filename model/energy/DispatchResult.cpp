// SPDX-License-Identifier: MIT
#include "DispatchResult.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
const char *const kFlowKeys[kFlowCount] = {
    "elec_demand_kw", "heat_demand_kw", "cool_demand_kw",
    "pv_kw", "wind_kw", "elec_curtailed_kw",
    "chp_elec_kw", "chp_heat_kw", "chp_gas_kw", "absorption_heat_kw", "absorption_cool_kw",
    "gas_boiler_heat_kw", "gas_boiler_gas_kw", "biomass_heat_kw", "biomass_fuel_kw",
    "heat_pump_elec_kw", "heat_pump_heat_kw", "heat_pump_cool_kw", "chiller_elec_kw", "chiller_cool_kw",
    "battery_charge_kw", "battery_discharge_kw", "battery_soc_kwh",
    "thermal_charge_kw", "thermal_discharge_kw", "thermal_soc_kwh",
    "ev_charge_kw", "ev_discharge_kw", "ev_soc_kwh", "ev_trip_kwh",
    "grid_import_kw", "grid_export_kw", "heat_dump_kw",
    "unmet_elec_kw", "unmet_heat_kw", "unmet_cool_kw", "ev_shortfall_kwh",
};
} // namespace

QString DispatchResult::flowKey(Flow f)
{
    return QString::fromLatin1(kFlowKeys[int(f)]);
}

void DispatchResult::resize(int hours)
{
    for (auto &f : flows)
        f.assign(hours, 0.0);
}

double DispatchResult::total(Flow f) const
{
    double sum = 0.0;
    for (double v : flows[int(f)])
        sum += v;
    return sum;
}

double DispatchResult::peak(Flow f) const
{
    const auto &v = flows[int(f)];
    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

double DispatchResult::residual(Carrier c, int h) const
{
    const auto f = [this, h](Flow flow) { return at(flow, h); };
    switch (c) {
    case Carrier::Electricity:
        return f(Flow::Pv) + f(Flow::Wind) - f(Flow::ElecCurtailed) + f(Flow::ChpElec) + f(Flow::GridImport)
            + f(Flow::BatteryDischarge) + f(Flow::EvDischarge) + f(Flow::UnmetElec)
            - (f(Flow::ElecDemand) + f(Flow::HeatPumpElec) + f(Flow::ChillerElec) + f(Flow::BatteryCharge)
               + f(Flow::EvCharge) + f(Flow::GridExport));
    case Carrier::Heat:
        return f(Flow::ChpHeat) + f(Flow::GasBoilerHeat) + f(Flow::BiomassHeat) + f(Flow::HeatPumpHeat)
            + f(Flow::ThermalDischarge) + f(Flow::UnmetHeat)
            - (f(Flow::HeatDemand) + f(Flow::ThermalCharge) + f(Flow::AbsorptionHeat) + f(Flow::HeatDump));
    case Carrier::Cooling:
        return f(Flow::AbsorptionCool) + f(Flow::HeatPumpCool) + f(Flow::ChillerCool) + f(Flow::UnmetCool)
            - f(Flow::CoolDemand);
    }
    return 0.0;
}

double DispatchResult::maxResidual() const
{
    double worst = 0.0;
    for (int h = 0; h < hours(); ++h)
        for (Carrier c : {Carrier::Electricity, Carrier::Heat, Carrier::Cooling})
            worst = std::max(worst, std::abs(residual(c, h)));
    return worst;
}

std::vector<double> DispatchResult::unmetGridKw(const EnergySystem &s) const
{
    std::vector<double> kw(size_t(hours()), 0.0);
    const double cop = s.baseline.chillerCop > 0.0 ? s.baseline.chillerCop : 1.0;
    // The shortfall is energy in the batteries: the grid gives it through the chargers.
    double efficiency = 0.0;
    for (const EvCohort &c : s.evCohorts)
        efficiency += c.efficiency / double(s.evCohorts.size());
    if (efficiency <= 0.0)
        efficiency = 1.0;
    for (int h = 0; h < hours(); ++h)
        kw[size_t(h)] = at(Flow::UnmetElec, h) + at(Flow::EvShortfall, h) / efficiency + at(Flow::UnmetCool, h) / cop;
    return kw;
}

double DispatchResult::unmetGasKwh(const EnergySystem &s) const
{
    const double efficiency = s.baseline.gasBoilerEfficiency > 0.0 ? s.baseline.gasBoilerEfficiency : 1.0;
    return total(Flow::UnmetHeat) / efficiency;
}

double DispatchResult::cost(const EnergySystem &s) const
{
    const std::vector<double> grid = gridSupplyKw(s);
    double c = 0.0;
    // A hand-built system may have no tariff: electricity is then free.
    for (int h = 0; h < hours() && h < int(s.importPrice.size()); ++h)
        c += grid[size_t(h)] * s.importPrice[size_t(h)];
    return c + s.demandCharge(grid) - total(Flow::GridExport) * s.feedInPrice
        + (total(Flow::ChpGas) + total(Flow::GasBoilerGas) + unmetGasKwh(s)) * s.gasPrice
        + total(Flow::BiomassFuel) * s.biomassPrice + total(Flow::BatteryDischarge) * s.battery.wearCostPerKwh
        + total(Flow::EvDischarge) * s.v2gWearCostPerKwh;
}

std::vector<double> DispatchResult::gridSupplyKw(const EnergySystem &s) const
{
    std::vector<double> grid = unmetGridKw(s);
    for (int h = 0; h < hours(); ++h)
        grid[size_t(h)] += at(Flow::GridImport, h);
    return grid;
}

double DispatchResult::co2Kg(const EnergySystem &s) const
{
    double grid = 0.0;
    for (double kw : gridSupplyKw(s))
        grid += kw;
    return grid * s.co2Grid + (total(Flow::ChpGas) + total(Flow::GasBoilerGas) + unmetGasKwh(s)) * s.co2Gas
        + total(Flow::BiomassFuel) * s.co2Biomass;
}

double DispatchResult::unmetKwh() const
{
    return total(Flow::UnmetElec) + total(Flow::UnmetHeat) + total(Flow::UnmetCool) + total(Flow::EvShortfall);
}

double DispatchResult::penalisedObjective(const EnergySystem &s, DispatchObjective objective) const
{
    const double base = objective == DispatchObjective::Cost ? cost(s) : co2Kg(s);
    return base + EnergySystem::kUnmetPenalty * unmetKwh();
}

DispatchDemand DispatchDemand::fromSeries(const DemandSeries &d)
{
    DispatchDemand out;
    out.electricity = d.electricity;
    out.cooling = d.cooling;
    out.heat.resize(d.heating.size());
    for (size_t h = 0; h < d.heating.size(); ++h)
        out.heat[h] = d.heating[h] + d.dhw[h];
    return out;
}

} // namespace tt
