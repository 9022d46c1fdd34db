// SPDX-License-Identifier: MIT
#include "LifecycleEconomics.h"

#include "core/Town.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tt {

namespace {
// Years within this of the period's end count as at its end (no purchase there).
constexpr double kYearEpsilon = 1e-9;

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double discount(double rate, double year)
{
    return std::pow(1.0 + rate, -year);
}

//! Adds one technology of `size` units to a system's economics: its capex (the main
//! part lasting lifetimeYears, the replaced part replacementYears), fixed O&M, and
//! the variable O&M of `outputKwh` a year.
class Account {
public:
    Account(SystemEconomics *e, const FinanceParameters &finance)
        : m_e(e), m_finance(finance)
    {
    }
    void add(const QString &technology, double size, const CostParameters &c, double outputKwh,
             double extraCapex = 0.0, double extraFixedOm = 0.0)
    {
        if (size <= 0.0 && extraCapex <= 0.0)
            return;
        const double main = size * (c.capex - c.replacementCost) + extraCapex;
        const double part = size * c.replacementCost;
        m_e->capex += main + part;
        m_e->capexByTechnology[technology] += main + part;
        m_e->fixedOm += size * c.fixedOm + extraFixedOm;
        m_e->variableOm += outputKwh * c.variableOm;
        lifecycle(main, c.lifetimeYears);
        if (part > 0.0)
            lifecycle(part, c.replacementYears);
    }

private:
    void lifecycle(double cost, double life)
    {
        double replacements = 0.0, salvage = 0.0;
        LifecycleEconomics::presentLifecycleCost(cost, life, m_finance, &replacements, &salvage);
        m_e->replacementsPresentValue += replacements;
        m_e->salvagePresentValue += salvage;
    }

    SystemEconomics *m_e;
    FinanceParameters m_finance;
};

// Net present cost, annualised cost and HOMER's cost of electricity: the annualised cost
// less the heat and cooling served at the baseline's cost of making them, per kWh of
// electricity served.
void finish(SystemEconomics *e, const FinanceParameters &f, double heatKwh, double heatUnitCost, double coolKwh,
            double coolUnitCost, double electricityServedKwh)
{
    e->annualOpex = e->energyBill + e->fixedOm + e->variableOm;
    const double crf = LifecycleEconomics::capitalRecoveryFactor(f.discountRate, f.analysisYears);
    e->netPresentCost = e->capex + e->replacementsPresentValue - e->salvagePresentValue + e->annualOpex / crf;
    e->annualisedCost = e->netPresentCost * crf;
    e->lcoeElectricity = electricityServedKwh > 0.0
        ? (e->annualisedCost - heatKwh * heatUnitCost - coolKwh * coolUnitCost) / electricityServedKwh
        : NAN;
}
} // namespace

double LifecycleEconomics::capitalRecoveryFactor(double rate, double years)
{
    if (years <= 0.0)
        return 1.0;
    if (rate <= 0.0)
        return 1.0 / years;
    const double g = std::pow(1.0 + rate, years);
    return rate * g / (g - 1.0);
}

double LifecycleEconomics::presentLifecycleCost(double cost, double life, const FinanceParameters &f,
                                                double *replacements, double *salvage)
{
    const double n = f.analysisYears;
    double renewals = 0.0, lastPurchase = 0.0;
    if (life > 0.0) {
        for (double year = life; year < n - kYearEpsilon; year += life) {
            renewals += cost * discount(f.discountRate, year);
            lastPurchase = year;
        }
    }
    const double remaining = life > 0.0 ? std::max(0.0, life - (n - lastPurchase)) : 0.0;
    const double rest = life > 0.0 ? cost * remaining / life * discount(f.discountRate, n) : 0.0;
    if (replacements)
        *replacements = renewals;
    if (salvage)
        *salvage = rest;
    return cost + renewals - rest;
}

double LifecycleEconomics::annualisedUnitCost(const CostParameters &c, const FinanceParameters &f)
{
    double present = presentLifecycleCost(c.capex - c.replacementCost, c.lifetimeYears, f);
    if (c.replacementCost > 0.0)
        present += presentLifecycleCost(c.replacementCost, c.replacementYears, f);
    return present * capitalRecoveryFactor(f.discountRate, f.analysisYears) + c.fixedOm;
}

FinanceParameters LifecycleEconomics::financeFor(const Town &town, const FinanceParameters &defaults)
{
    FinanceParameters f = defaults;
    bool ok = false;
    const double rate = town.settings.value(QStringLiteral("discount_rate")).toDouble(&ok);
    if (ok)
        f.discountRate = rate;
    const double years = town.settings.value(QStringLiteral("analysis_years")).toDouble(&ok);
    if (ok && years >= 1.0)
        f.analysisYears = years;
    return f;
}

LifecycleEconomics LifecycleEconomics::compute(const EnergySystem &s, const DispatchResult &d,
                                               const TechnologyCosts &c, const FinanceParameters &finance)
{
    LifecycleEconomics out;
    out.finance = finance;
    const BaselineSupply base = BaselineSupply::compute(d, s);
    const std::vector<double> grid = d.gridSupplyKw(s);
    const double peakGridKw = grid.empty() ? 0.0 : *std::max_element(grid.begin(), grid.end());

    // The system. Battery wear is left out of its bill: replacements stand for the ageing.
    SystemEconomics &e = out.system;
    Account a(&e, finance);
    const double pvKwp = s.rooftopPvKwp + s.groundPvKwp;
    const double pvKwh = d.total(Flow::Pv);
    a.add(QStringLiteral("rooftop_pv"), s.rooftopPvKwp, c.rooftopPv, pvKwp > 0.0 ? pvKwh * s.rooftopPvKwp / pvKwp : 0.0);
    a.add(QStringLiteral("ground_pv"), s.groundPvKwp, c.groundPv, pvKwp > 0.0 ? pvKwh * s.groundPvKwp / pvKwp : 0.0);
    a.add(QStringLiteral("wind_turbine"), s.windRatedKw, c.wind, d.total(Flow::Wind));
    a.add(QStringLiteral("chp"), s.chpElecKw, c.chp, d.total(Flow::ChpElec));
    a.add(QStringLiteral("absorption_chiller"), 0.0, c.chp, 0.0, s.absorptionCoolKw * c.absorptionCapex,
          s.absorptionCoolKw * c.absorptionFixedOm);
    a.add(QStringLiteral("gas_boiler"), s.gasBoilerKw, c.gasBoiler, d.total(Flow::GasBoilerHeat));
    a.add(QStringLiteral("biomass_boiler"), s.biomassBoilerKw, c.biomassBoiler, d.total(Flow::BiomassHeat));
    a.add(QStringLiteral("heat_pump"), s.heatPumpKw, c.heatPump,
          d.total(Flow::HeatPumpHeat) + d.total(Flow::HeatPumpCool));
    a.add(QStringLiteral("chiller"), s.chillerKw, c.chiller, d.total(Flow::ChillerCool));
    a.add(QStringLiteral("battery"), s.battery.capacityKwh, c.battery, d.total(Flow::BatteryDischarge),
          s.battery.powerKw * c.batteryPowerCapex);
    a.add(QStringLiteral("thermal_storage"), s.thermal.capacityKwh, c.thermalStorage,
          d.total(Flow::ThermalDischarge), s.thermal.powerKw * c.thermalStoragePowerCapex);
    a.add(QStringLiteral("ev_fleet"), s.evVehicles, c.evFleet, 0.0);
    a.add(QStringLiteral("grid_connection"), peakGridKw, c.grid, 0.0);
    e.demandCharge = s.demandCharge(grid);
    e.energyBill = d.cost(s) - d.total(Flow::BatteryDischarge) * s.battery.wearCostPerKwh;

    // The baseline: boilers and chillers sized to the peaks, the same fleet, its own connection.
    SystemEconomics &b = out.baseline;
    Account ab(&b, finance);
    ab.add(QStringLiteral("gas_boiler"), base.peakHeatKw, c.gasBoiler, base.heatKwh);
    ab.add(QStringLiteral("chiller"), base.peakCoolKw, c.chiller, base.coolKwh);
    ab.add(QStringLiteral("ev_fleet"), s.evVehicles, c.evFleet, 0.0);
    ab.add(QStringLiteral("grid_connection"), base.peakGridKw(), c.grid, 0.0);
    b.demandCharge = base.demandCharge;
    b.energyBill = base.cost();

    const double meanPrice = s.importPrice.empty()
        ? 0.0
        : std::accumulate(s.importPrice.begin(), s.importPrice.end(), 0.0) / double(s.importPrice.size());
    const double heatUnit = s.gasPrice / s.baseline.gasBoilerEfficiency + c.gasBoiler.variableOm;
    const double coolUnit = meanPrice / s.baseline.chillerCop + c.chiller.variableOm;
    const double evNet = d.total(Flow::EvCharge) - d.total(Flow::EvDischarge);
    finish(&e, finance, base.heatKwh, heatUnit, base.coolKwh, coolUnit,
           d.total(Flow::ElecDemand) + evNet + d.total(Flow::GridExport));
    finish(&b, finance, base.heatKwh, heatUnit, base.coolKwh, coolUnit, d.total(Flow::ElecDemand) + base.evGridKwh);

    out.npv = b.netPresentCost - e.netPresentCost;
    const double extra = e.capex - b.capex, saving = b.annualOpex - e.annualOpex;
    out.simplePaybackYears = saving > 0.0 ? std::max(0.0, extra) / saving : (extra <= 0.0 && saving == 0.0 ? 0.0 : NAN);
    return out;
}

QJsonObject SystemEconomics::toJson() const
{
    QJsonObject byTechnology;
    for (auto it = capexByTechnology.constBegin(); it != capexByTechnology.constEnd(); ++it)
        byTechnology.insert(it.key(), it.value());
    return {{"capex_cny", capex},
            {"capex_by_technology_cny", byTechnology},
            {"annual_opex_cny", annualOpex},
            {"energy_bill_cny", energyBill},
            {"demand_charge_cny", demandCharge},
            {"fixed_om_cny", fixedOm},
            {"variable_om_cny", variableOm},
            {"replacements_present_value_cny", replacementsPresentValue},
            {"salvage_present_value_cny", salvagePresentValue},
            {"net_present_cost_cny", netPresentCost},
            {"annualised_cost_cny", annualisedCost},
            {"lcoe_electricity_cny_per_kwh", finiteOrNull(lcoeElectricity)}};
}

QJsonObject LifecycleEconomics::toJson() const
{
    QJsonObject o = system.toJson();
    o.insert("npv_cny", npv);
    o.insert("simple_payback_years", finiteOrNull(simplePaybackYears));
    o.insert("discount_rate", finance.discountRate);
    o.insert("analysis_years", finance.analysisYears);
    o.insert("baseline", baseline.toJson());
    return o;
}

} // namespace tt
