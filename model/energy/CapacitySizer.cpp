// SPDX-License-Identifier: MIT
#include "CapacitySizer.h"

#include "DefaultAssetSizer.h"
#include "LpLayout.h"
#include "PvModel.h"
#include "SolarYear.h"
#include "WeatherYear.h"
#include "WindModel.h"

#include <ClpEventHandler.hpp>
#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <ClpSolve.hpp>
#include <CoinPackedMatrix.hpp>

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tt {

using namespace lp;

namespace {
constexpr int kHours = WeatherYear::kHours;
constexpr int kMonths = 12;

// The capacity columns, after every hour's; then one peak column per month and the year's.
enum Cap { kRoofPv, kGroundPv, kWind, kBatteryKwh, kBatteryKw, kChp, kAbsorption, kHeatPump, kTank, kBoiler,
           kChiller, kCapCount };

// Rows of one hour; one more per EV cohort.
enum Row {
    rElec, rHeat, rCool, rBattery, rThermal, rExport, rDump, rPeak,
    rHeatPumpCap, rChpCap, rBoilerCap, rChillerCap, rAbsorptionCap,
    rBatPower, rBatMax, rBatMin, rTankPower, rTankMax, rTankMin,
    kHourRows
};

//! One capacity: its bounds, what a unit costs a year and to build, and for PV and
//! wind the hourly output of one kW(p).
struct Unit {
    double lower = 0.0, upper = 0.0;
    double annualCost = 0.0;
    double capex = 0.0;
    std::vector<double> profile;
};

//! The programme of one year: the system data of `base` (efficiencies, prices, COPs,
//! EV cohorts, battery and tank limits), the capacities free within their units' bounds.
struct Problem {
    const EnergySystem *base = nullptr;
    const DispatchDemand *demand = nullptr;
    Unit units[kCapCount];
    double tankPowerPerKwh = 0.0;
    double gridUnitCost = 0.0;  //!< a year, per kW of the year's peak import
    TechnologyCosts costs;
    DispatchObjective objective = DispatchObjective::Cost;
    double co2CapKg = INFINITY;
    double capexBudget = INFINITY;
};

struct Triplets {
    std::vector<int> rows, cols;
    std::vector<double> values;
    void add(int row, int col, double v)
    {
        if (v == 0.0)
            return;
        rows.push_back(row);
        cols.push_back(col);
        values.push_back(v);
    }
};

//! Stops CLP between iterations when the user cancels.
class CancelHandler : public ClpEventHandler {
public:
    explicit CancelHandler(const Progress &progress)
        : m_progress(progress)
    {
    }
    CancelHandler(const CancelHandler &other) = default;
    ClpEventHandler *clone() const override { return new CancelHandler(*this); }
    int event(Event which) override
    {
        if (which != endOfIteration || !m_progress || ++m_iterations % 200 != 0)
            return -1;
        return m_progress(0.5, QStringLiteral("sizing")) ? -1 : 5;
    }

private:
    Progress m_progress;
    int m_iterations = 0;
};

struct Solution {
    std::vector<double> x;
    double capacities[kCapCount] = {};
    bool cancelled = false;
};

Solution solve(const Problem &p, SolverStatistics *stats, const Progress &progress)
{
    const EnergySystem &s = *p.base;
    const DispatchDemand &d = *p.demand;
    const int cohorts = s.evCohorts.size();
    const int colsPerHour = kHourColumns + cohorts * kEvColumns;
    const int rowsPerHour = kHourRows + cohorts;
    const int capCol = kHours * colsPerHour, monthCol = capCol + kCapCount, yearCol = monthCol + kMonths;
    const int nCols = yearCol + 1;
    const int monthRow = kHours * rowsPerHour;
    const bool co2Cap = std::isfinite(p.co2CapKg), budget = std::isfinite(p.capexBudget);
    const int co2Row = monthRow + kMonths, budgetRow = co2Row + (co2Cap ? 1 : 0);
    const int nRows = budgetRow + (budget ? 1 : 0);
    const bool co2 = p.objective == DispatchObjective::Co2;
    const double money = co2 ? kCostTieBreak : 1.0;
    const double chpHeat = s.chpHeatPerElec();
    const StorageUnit &bat = s.battery, &ts = s.thermal;
    const TechnologyCosts &c = p.costs;

    std::vector<double> colLower(nCols, 0.0), colUpper(nCols, COIN_DBL_MAX), objective(nCols, 0.0);
    std::vector<double> rowLower(nRows, -COIN_DBL_MAX), rowUpper(nRows, 0.0);
    Triplets m;
    m.rows.reserve(size_t(kHours) * 80);
    m.cols.reserve(size_t(kHours) * 80);
    m.values.reserve(size_t(kHours) * 80);
    const auto equal = [&](int row, double rhs) { rowLower[row] = rowUpper[row] = rhs; };

    for (int t = 0; t < kHours; ++t) {
        const int c0 = t * colsPerHour, r0 = t * rowsPerHour;
        const int prev = (t == 0 ? kHours - 1 : t - 1) * colsPerHour;  // the year wraps: storage ends as it began
        const auto bound = [&](int col, double hi, double cost) {
            colUpper[c0 + col] = hi;
            objective[c0 + col] = cost;
        };
        const double cop = s.heatPumpCop[size_t(t)], eer = s.heatPumpCoolingCopAt(t);
        const double gridCo = co2 ? s.co2Grid : 0.0, gasCo = co2 ? s.co2Gas : 0.0, bioCo = co2 ? s.co2Biomass : 0.0;
        const double price = s.importPrice.empty() ? 0.0 : s.importPrice[size_t(t)];
        bound(cImport, s.importLimitKw, gridCo + money * price);
        bound(cExport, s.exportLimitKw, -money * exportValue(s, t));
        bound(cCurtail, COIN_DBL_MAX, 0.0);
        bound(cChpElec, COIN_DBL_MAX, (gasCo + money * s.gasPrice) / s.chpElecEfficiency + money * c.chp.variableOm);
        bound(cGasBoiler, COIN_DBL_MAX,
              (gasCo + money * s.gasPrice) / s.gasBoilerEfficiency + money * c.gasBoiler.variableOm);
        bound(cBiomass, s.biomassBoilerKw,
              (bioCo + money * s.biomassPrice) / s.biomassBoilerEfficiency + money * c.biomassBoiler.variableOm);
        bound(cHpElec, COIN_DBL_MAX, money * cop * c.heatPump.variableOm);
        bound(cHpCoolElec, eer > 0.0 ? COIN_DBL_MAX : 0.0, money * eer * c.heatPump.variableOm);
        bound(cChillerElec, COIN_DBL_MAX, money * s.chillerCop * c.chiller.variableOm);
        bound(cAbsHeat, COIN_DBL_MAX, 0.0);
        bound(cDump, COIN_DBL_MAX, 0.0);
        // Battery ageing is in its replacements here, not a price per kWh.
        bound(cBatCharge, COIN_DBL_MAX, kCycleCost);
        bound(cBatDischarge, COIN_DBL_MAX, kCycleCost + money * c.battery.variableOm);
        bound(cBatSoc, COIN_DBL_MAX, 0.0);
        bound(cTsCharge, COIN_DBL_MAX, kCycleCost);
        bound(cTsDischarge, COIN_DBL_MAX, kCycleCost + money * c.thermalStorage.variableOm);
        bound(cTsSoc, COIN_DBL_MAX, 0.0);
        bound(cUnmetElec, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
        bound(cUnmetHeat, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
        bound(cUnmetCool, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);

        // Electricity: supply − extra loads + generation of the sized PV and wind = demand.
        const int e = r0 + rElec;
        equal(e, d.electricity[size_t(t)]);
        for (const auto &[col, v] : {std::pair{cImport, 1.0}, {cExport, -1.0}, {cCurtail, -1.0}, {cChpElec, 1.0},
                                     {cBatDischarge, 1.0}, {cBatCharge, -1.0}, {cHpElec, -1.0}, {cHpCoolElec, -1.0},
                                     {cChillerElec, -1.0}, {cUnmetElec, 1.0}})
            m.add(e, c0 + col, v);
        for (int k : {kRoofPv, kGroundPv, kWind})
            if (!p.units[k].profile.empty())
                m.add(e, capCol + k, p.units[k].profile[size_t(t)]);
        // Heat and cooling.
        equal(r0 + rHeat, d.heat[size_t(t)]);
        for (const auto &[col, v] : {std::pair{cChpElec, chpHeat}, {cGasBoiler, 1.0}, {cBiomass, 1.0}, {cHpElec, cop},
                                     {cTsDischarge, 1.0}, {cTsCharge, -1.0}, {cAbsHeat, -1.0}, {cDump, -1.0},
                                     {cUnmetHeat, 1.0}})
            m.add(r0 + rHeat, c0 + col, v);
        equal(r0 + rCool, d.cooling[size_t(t)]);
        for (const auto &[col, v] : {std::pair{cAbsHeat, s.absorptionCop}, {cHpCoolElec, eer},
                                     {cChillerElec, s.chillerCop}, {cUnmetCool, 1.0}})
            m.add(r0 + rCool, c0 + col, v);
        // Storage: soc − keep·soc(previous hour) − η_c·charge + discharge/η_d = 0.
        const auto storage = [&](int row, int socCol, int chCol, int disCol, const StorageUnit &u) {
            equal(r0 + row, 0.0);
            m.add(r0 + row, c0 + socCol, 1.0);
            m.add(r0 + row, prev + socCol, -(1.0 - u.lossPerHour));
            m.add(r0 + row, c0 + chCol, -u.chargeEfficiency);
            m.add(r0 + row, c0 + disCol, 1.0 / u.dischargeEfficiency);
        };
        storage(rBattery, cBatSoc, cBatCharge, cBatDischarge, bat);
        storage(rThermal, cTsSoc, cTsCharge, cTsDischarge, ts);
        // Only local generation is sold: export + curtailed ≤ PV + wind + CHP.
        m.add(r0 + rExport, c0 + cExport, 1.0);
        m.add(r0 + rExport, c0 + cCurtail, 1.0);
        m.add(r0 + rExport, c0 + cChpElec, -1.0);
        for (int k : {kRoofPv, kGroundPv, kWind})
            if (!p.units[k].profile.empty())
                m.add(r0 + rExport, capCol + k, -p.units[k].profile[size_t(t)]);
        m.add(r0 + rDump, c0 + cDump, 1.0);
        m.add(r0 + rDump, c0 + cChpElec, -chpHeat);
        m.add(r0 + rPeak, c0 + cImport, 1.0);
        m.add(r0 + rPeak, monthCol + WeatherYear::monthOf(t), -1.0);
        // Each hour's output within the capacities (rows ≤ 0).
        const auto within = [&](int row, std::initializer_list<std::pair<int, double>> terms, int cap, double perCap) {
            for (const auto &[col, v] : terms)
                m.add(r0 + row, c0 + col, v);
            m.add(r0 + row, capCol + cap, -perCap);
        };
        within(rHeatPumpCap, {{cHpElec, cop}, {cHpCoolElec, eer}}, kHeatPump, 1.0);
        within(rChpCap, {{cChpElec, 1.0}}, kChp, 1.0);
        within(rBoilerCap, {{cGasBoiler, 1.0}}, kBoiler, 1.0);
        within(rChillerCap, {{cChillerElec, s.chillerCop}}, kChiller, 1.0);
        within(rAbsorptionCap, {{cAbsHeat, s.absorptionCop}}, kAbsorption, 1.0);
        // One inverter (or pump) power for charging and discharging.
        within(rBatPower, {{cBatCharge, 1.0}, {cBatDischarge, 1.0}}, kBatteryKw, 1.0);
        within(rBatMax, {{cBatSoc, 1.0}}, kBatteryKwh, bat.socMax);
        within(rTankPower, {{cTsCharge, 1.0}, {cTsDischarge, 1.0}}, kTank, p.tankPowerPerKwh);
        within(rTankMax, {{cTsSoc, 1.0}}, kTank, ts.socMax);
        // Never below the minimum charge: soc − socMin·capacity ≥ 0.
        for (const auto &[row, col, cap, share] : {std::tuple{rBatMin, cBatSoc, kBatteryKwh, bat.socMin},
                                                   std::tuple{rTankMin, cTsSoc, kTank, ts.socMin}}) {
            if (share <= 0.0)
                continue;  // soc ≥ 0 is the column's bound already
            m.add(r0 + row, c0 + col, 1.0);
            m.add(r0 + row, capCol + cap, -share);
            rowLower[r0 + row] = 0.0;
            rowUpper[r0 + row] = COIN_DBL_MAX;
        }

        for (int k = 0; k < cohorts; ++k) {
            const EvCohort &ev = s.evCohorts[k];
            const int e0 = c0 + kHourColumns + k * kEvColumns;
            const int row = r0 + kHourRows + k;
            const bool parked = ev.parked[size_t(t)];
            colUpper[e0 + eCharge] = parked ? ev.chargerKw : 0.0;
            colUpper[e0 + eDischarge] = parked && ev.v2g ? ev.chargerKw : 0.0;
            objective[e0 + eDischarge] = kCycleCost + money * s.v2gWearCostPerKwh;
            colLower[e0 + eSoc] = ev.departs[size_t(t)] ? ev.departureSoc * ev.capacityKwh : ev.minSoc * ev.capacityKwh;
            colUpper[e0 + eSoc] = ev.capacityKwh;
            colUpper[e0 + eShort] = ev.departs[size_t(t)] ? COIN_DBL_MAX : 0.0;
            objective[e0 + eShort] = EnergySystem::kUnmetPenalty;
            m.add(e, e0 + eCharge, -1.0);
            m.add(e, e0 + eDischarge, 1.0);
            m.add(row, e0 + eSoc, 1.0);
            m.add(row, prev + kHourColumns + k * kEvColumns + eSoc, -1.0);
            m.add(row, e0 + eCharge, -ev.efficiency);
            m.add(row, e0 + eDischarge, 1.0 / ev.efficiency);
            m.add(row, e0 + eShort, -1.0);
            equal(row, -ev.tripKwh[size_t(t)]);
        }
        if (co2Cap) {
            m.add(co2Row, c0 + cImport, s.co2Grid);
            m.add(co2Row, c0 + cChpElec, s.co2Gas / s.chpElecEfficiency);
            m.add(co2Row, c0 + cGasBoiler, s.co2Gas / s.gasBoilerEfficiency);
            m.add(co2Row, c0 + cBiomass, s.co2Biomass / s.biomassBoilerEfficiency);
        }
    }
    for (int k = 0; k < kCapCount; ++k) {
        const Unit &u = p.units[k];
        colLower[capCol + k] = u.lower;
        colUpper[capCol + k] = std::max(u.lower, u.upper);
        objective[capCol + k] = money * u.annualCost;
        if (budget)
            m.add(budgetRow, capCol + k, u.capex);
    }
    // Demand charge on each month's peak; the connection is built for the year's.
    for (int month = 0; month < kMonths; ++month) {
        objective[monthCol + month] = money * s.demandChargePerKwMonth;
        m.add(monthRow + month, monthCol + month, 1.0);
        m.add(monthRow + month, yearCol, -1.0);
    }
    objective[yearCol] = money * p.gridUnitCost;
    if (co2Cap)
        rowUpper[co2Row] = p.co2CapKg;
    if (budget)
        rowUpper[budgetRow] = p.capexBudget;

    QElapsedTimer timer;
    timer.start();
    ClpSimplex model;
    model.setLogLevel(0);
    const CoinPackedMatrix matrix(true, m.rows.data(), m.cols.data(), m.values.data(), CoinBigIndex(m.values.size()));
    model.loadProblem(matrix, colLower.data(), colUpper.data(), objective.data(), rowLower.data(), rowUpper.data());
    CancelHandler handler(progress);
    model.passInEventHandler(&handler);
    // Dual simplex after presolve: 168 s on the sample town, where CLP's barrier took 343 s
    // and 10 GB, its primal simplex and idiot crash over 5 minutes (docs/ENERGY_MODEL.md).
    ClpSolve how;
    how.setSolveType(ClpSolve::useDual);
    how.setPresolveType(ClpSolve::presolveOn);
    model.initialSolve(how);
    if (!model.isProvenOptimal() && model.status() != 5)
        model.primal();
    stats->rows = nRows;
    stats->columns = nCols;
    stats->nonZeros = qint64(m.values.size());
    stats->iterations = model.numberIterations();
    stats->seconds = timer.elapsed() / 1000.0;
    static const char *const kStatus[] = {"optimal", "infeasible", "unbounded", "stopped on iterations or time",
                                          "stopped on difficulties", "cancelled"};
    const int status = model.status();
    stats->status = QString::fromLatin1(status >= 0 && status <= 5 ? kStatus[status] : "unknown");

    Solution out;
    out.cancelled = status == 5;
    const double *x = model.primalColumnSolution();
    out.x.assign(x, x + nCols);
    for (int k = 0; k < kCapCount; ++k)
        out.capacities[k] = std::max(0.0, x[capCol + k]);
    return out;
}

// Hourly output of one kW(p) of PV at a tilt, facing the equator.
std::vector<double> pvProfile(const SolarYear &sun, const WeatherYear &weather, const PvParameters &defaults,
                              double tiltDeg, double latitude)
{
    PvParameters pv = defaults;
    pv.kwp = 1.0;
    const std::vector<double> poa = sun.planeOfArray(tiltDeg, EnergySystem::defaultPvAzimuthDeg(latitude));
    std::vector<double> out(kHours);
    for (int h = 0; h < kHours; ++h)
        out[size_t(h)] = PvModel::acPowerKw(poa[size_t(h)], weather.dryBulbC[size_t(h)], pv);
    return out;
}

std::vector<double> perUnit(const std::vector<double> &kw, double capacity)
{
    std::vector<double> out(kw.size(), 0.0);
    if (capacity > 0.0)
        for (size_t h = 0; h < kw.size(); ++h)
            out[h] = kw[h] / capacity;
    return out;
}

// The costs of the units; generation's variable O&M is on its whole output.
void price(Problem *p, const TechnologyParameters &tech, const FinanceParameters &f)
{
    const TechnologyCosts &c = tech.costs;
    const auto unit = [&f](const CostParameters &cost) { return LifecycleEconomics::annualisedUnitCost(cost, f); };
    const double crf = LifecycleEconomics::capitalRecoveryFactor(f.discountRate, f.analysisYears);
    const auto part = [&](double capex, double life) {
        return capex > 0.0 ? LifecycleEconomics::presentLifecycleCost(capex, life, f) * crf : 0.0;
    };
    const auto sum = [](const std::vector<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    Unit *u = p->units;
    u[kRoofPv].annualCost = unit(c.rooftopPv) + c.rooftopPv.variableOm * sum(u[kRoofPv].profile);
    u[kRoofPv].capex = c.rooftopPv.capex;
    u[kGroundPv].annualCost = unit(c.groundPv) + c.groundPv.variableOm * sum(u[kGroundPv].profile);
    u[kGroundPv].capex = c.groundPv.capex;
    u[kWind].annualCost = unit(c.wind) + c.wind.variableOm * sum(u[kWind].profile);
    u[kWind].capex = c.wind.capex;
    u[kBatteryKwh].annualCost = unit(c.battery);
    u[kBatteryKwh].capex = c.battery.capex;
    u[kBatteryKw].annualCost = part(c.batteryPowerCapex, c.battery.lifetimeYears);
    u[kBatteryKw].capex = c.batteryPowerCapex;
    u[kChp].annualCost = unit(c.chp);
    u[kChp].capex = c.chp.capex;
    u[kAbsorption].annualCost = part(c.absorptionCapex, c.chp.lifetimeYears) + c.absorptionFixedOm;
    u[kAbsorption].capex = c.absorptionCapex;
    u[kHeatPump].annualCost = unit(c.heatPump);
    u[kHeatPump].capex = c.heatPump.capex;
    u[kTank].annualCost = unit(c.thermalStorage)
        + part(c.thermalStoragePowerCapex * p->tankPowerPerKwh, c.thermalStorage.lifetimeYears);
    u[kTank].capex = c.thermalStorage.capex + c.thermalStoragePowerCapex * p->tankPowerPerKwh;
    u[kBoiler].annualCost = unit(c.gasBoiler);
    u[kBoiler].capex = c.gasBoiler.capex;
    u[kChiller].annualCost = unit(c.chiller);
    u[kChiller].capex = c.chiller.capex;
    p->gridUnitCost = unit(c.grid);
    p->costs = c;
}

// Fixes every capacity of `p` at `values`.
void fix(Problem *p, const double values[kCapCount])
{
    for (int k = 0; k < kCapCount; ++k)
        p->units[k].lower = p->units[k].upper = values[k];
}

SizedSystem evaluate(const Town &town, const EnergySystem &system, const Solution &solution, const Problem &p,
                     const TechnologyCosts &costs, const FinanceParameters &finance)
{
    SizedSystem out;
    out.system = system;
    out.capacities = Capacities::of(system);
    const int cohorts = system.evCohorts.size();
    const int colsPerHour = kHourColumns + cohorts * kEvColumns;
    out.dispatch.resize(kHours);
    for (int t = 0; t < kHours; ++t)
        storeHour(&out.dispatch, t, solution.x.data() + size_t(t) * colsPerHour, system, *p.demand);
    out.economics = LifecycleEconomics::compute(system, out.dispatch, costs, finance);
    out.kpis = EnergyKpis::compute(town, {}, out.dispatch, system);
    return out;
}
} // namespace

Capacities Capacities::of(const EnergySystem &s)
{
    Capacities c;
    c.rooftopPvKwp = s.rooftopPvKwp;
    c.groundPvKwp = s.groundPvKwp;
    c.windKw = s.windRatedKw;
    c.batteryKwh = s.battery.capacityKwh;
    c.batteryKw = s.battery.powerKw;
    c.chpKwE = s.chpElecKw;
    c.absorptionKwTh = s.absorptionCoolKw;
    c.heatPumpKwTh = s.heatPumpKw;
    c.thermalStorageKwh = s.thermal.capacityKwh;
    c.boilerKwTh = s.gasBoilerKw;
    c.chillerKwTh = s.chillerKw;
    return c;
}

QJsonObject Capacities::toJson() const
{
    return {{"pv_kwp", rooftopPvKwp + groundPvKwp}, {"rooftop_pv_kwp", rooftopPvKwp}, {"ground_pv_kwp", groundPvKwp},
            {"wind_kw", windKw}, {"battery_kwh", batteryKwh}, {"battery_kw", batteryKw}, {"chp_kw_e", chpKwE},
            {"heat_pump_kw_th", heatPumpKwTh}, {"absorption_chiller_kw_th", absorptionKwTh},
            {"thermal_storage_kwh", thermalStorageKwh}, {"boiler_kw_th", boilerKwTh},
            {"electric_chiller_kw_th", chillerKwTh}};
}

SizingLimits SizingLimits::forTown(const Town &town, const EnergySystem &reference, const TechnologyParameters &tech)
{
    using namespace DefaultAssetSizer;
    SizingLimits l;
    double roofM2 = 0.0, fieldM2 = 0.0;
    for (const Building &b : town.buildings)
        if (!b.context && b.footprintArea() >= kMinRoofM2)
            roofM2 += b.footprintArea();
    for (const Zone &z : town.zones)
        if (z.zoneClass == ZoneClass::Agricultural && z.areaM2() >= kMinFieldM2)
            fieldM2 += z.areaM2();
    l.rooftopPvKwp = std::max(reference.rooftopPvKwp, roofM2 * kRoofAreaShare * tech.rooftopPv.moduleEfficiency);
    l.groundPvKwp = std::max(reference.groundPvKwp, fieldM2 * kAgrivoltaicLandShare * tech.groundPv.kwpPerM2);
    const double defaultWind = fieldM2 > 0.0 ? kWindTurbines * tech.wind.turbine.ratedKw : 0.0;
    l.windKw = std::max(reference.windRatedKw, defaultWind);
    l.reasons << QStringLiteral("rooftop PV up to %1 kWp: modules on %2 % of %3 m² of roofs of at least %4 m², or the "
                                "project's own if more")
                     .arg(l.rooftopPvKwp, 0, 'f', 0).arg(100.0 * kRoofAreaShare).arg(roofM2, 0, 'f', 0).arg(kMinRoofM2)
              << QStringLiteral("ground PV up to %1 kWp: agrivoltaic rows on %2 % of %3 m² of farmland parcels of at "
                                "least %4 m², or the project's own PV fields if more")
                     .arg(l.groundPvKwp, 0, 'f', 0).arg(100.0 * kAgrivoltaicLandShare).arg(fieldM2, 0, 'f', 0)
                     .arg(kMinFieldM2)
              << QStringLiteral("wind up to %1 kW: the project's turbines, or %2 default turbines where it has farmland")
                     .arg(l.windKw, 0, 'f', 0).arg(kWindTurbines);
    return l;
}

QJsonObject SizedSystem::toJson() const
{
    return {{"capacities", capacities.toJson()},
            {"economics", economics.toJson()},
            {"kpis", QJsonObject{{"co2_t", kpis.co2Kg / 1000.0},
                                 {"primary_energy_saving", kpis.primaryEnergySaving},
                                 {"co2_saving", kpis.co2Saving},
                                 {"self_sufficiency", kpis.selfSufficiency},
                                 {"renewable_share", kpis.renewableShare},
                                 {"grid_import_mwh", kpis.gridImportKwh / 1000.0},
                                 {"peak_grid_import_kw", kpis.peakGridImportKw},
                                 {"unmet_mwh", (kpis.unmetElecKwh + kpis.unmetHeatKwh + kpis.unmetCoolKwh
                                                + kpis.evShortfallKwh) / 1000.0}}}};
}

QJsonObject SolverStatistics::toJson() const
{
    return {{"solver", QStringLiteral("COIN-OR CLP (dual simplex after presolve)")},
            {"rows", rows},
            {"columns", columns},
            {"nonzeros", double(nonZeros)},
            {"iterations", iterations},
            {"seconds", seconds},
            {"status", status}};
}

QJsonObject SizingResult::toJson() const
{
    const SystemEconomics &b = sized.economics.baseline;
    return {{"capacities", sized.capacities.toJson()},
            {"economics", sized.economics.toJson()},
            {"kpis", sized.toJson().value("kpis")},
            {"reference", reference.toJson()},
            {"baseline", QJsonObject{{"economics", b.toJson()},
                                     {"kpis", QJsonObject{{"co2_t", sized.kpis.baselineCo2Kg / 1000.0},
                                                          {"primary_energy_mwh",
                                                           sized.kpis.baselinePrimaryEnergyKwh / 1000.0}}}}},
            {"limits", QJsonObject{{"rooftop_pv_kwp", limits.rooftopPvKwp},
                                   {"ground_pv_kwp", limits.groundPvKwp},
                                   {"wind_kw", limits.windKw},
                                   {"reasons", QJsonArray::fromStringList(limits.reasons)}}},
            {"solver", solver.toJson()},
            {"warnings", QJsonArray::fromStringList(warnings)}};
}

SizingResult CapacitySizer::size(const Town &town, const WeatherYear &weather, const SimulationResult &simulated,
                                 const SizingOptions &options, const TechnologyParameters &tech,
                                 const Progress &progress) const
{
    SizingResult r;
    const EnergySystem &ref = simulated.system;
    const DispatchDemand demand = DispatchDemand::fromSeries(simulated.townDemand);
    const FinanceParameters finance = LifecycleEconomics::financeFor(town, tech.finance);
    r.limits = SizingLimits::forTown(town, ref, tech);
    if (progress && !progress(0.0, QStringLiteral("sizing"))) {
        r.status = Status::error(QStringLiteral("sizing cancelled"), ErrorCode::Cancelled);
        return r;
    }

    // The reference: the project's own capacities in the same programme, its generation
    // as its assets give it (their own tilts and turbines).
    Problem p;
    p.base = &ref;
    p.demand = &demand;
    p.objective = options.objective;
    p.tankPowerPerKwh = ref.thermal.capacityKwh > 0.0 ? ref.thermal.powerKw / ref.thermal.capacityKwh
                                                      : tech.thermalStorage.powerKwPerKwh;
    p.units[kRoofPv].profile = perUnit(ref.pvKw, ref.rooftopPvKwp + ref.groundPvKwp);
    p.units[kWind].profile = perUnit(ref.windKw, ref.windRatedKw);
    price(&p, tech, finance);
    const double own[kCapCount] = {ref.rooftopPvKwp + ref.groundPvKwp, 0.0, ref.windRatedKw,
                                   ref.battery.capacityKwh, ref.battery.powerKw, ref.chpElecKw, ref.absorptionCoolKw,
                                   ref.heatPumpKw, ref.thermal.capacityKwh, ref.gasBoilerKw, ref.chillerKw};
    fix(&p, own);
    SolverStatistics refStats;
    const Solution refSolution = solve(p, &refStats, progressSpan(progress, 0.0, 0.2));
    if (refSolution.cancelled) {
        r.status = Status::error(QStringLiteral("sizing cancelled"), ErrorCode::Cancelled);
        return r;
    }
    r.reference = evaluate(town, ref, refSolution, p, tech.costs, finance);

    // The optimum: PV at a standard tilt facing the equator, the default turbine.
    Problem q = p;
    q.co2CapKg = options.co2CapKg;
    q.capexBudget = options.capexBudget;
    const SolarYear sun(weather);
    q.units[kRoofPv].profile = pvProfile(sun, weather, tech.pv, tech.rooftopPv.tiltDeg, town.site.latitude);
    q.units[kGroundPv].profile = pvProfile(sun, weather, tech.pv, tech.groundPv.tiltDeg, town.site.latitude);
    std::vector<double> wind(kHours);
    const WindTurbineParameters &turbine = tech.wind.turbine;
    for (int h = 0; h < kHours; ++h)
        wind[size_t(h)] = tech.wind.availability
            * WindModel::powerKw(WindModel::hubSpeed(weather.windMs[size_t(h)], turbine.hubHeightM, turbine.shearAlpha),
                                 turbine)
            / turbine.ratedKw;
    q.units[kWind].profile = wind;
    q.tankPowerPerKwh = tech.thermalStorage.powerKwPerKwh;
    price(&q, tech, finance);
    for (Unit &u : q.units) {
        u.lower = 0.0;
        u.upper = COIN_DBL_MAX;
    }
    q.units[kRoofPv].upper = r.limits.rooftopPvKwp;
    q.units[kGroundPv].upper = r.limits.groundPvKwp;
    q.units[kWind].upper = r.limits.windKw;
    const Solution best = solve(q, &r.solver, progressSpan(progress, 0.2, 1.0));
    if (best.cancelled) {
        r.status = Status::error(QStringLiteral("sizing cancelled"), ErrorCode::Cancelled);
        return r;
    }
    if (r.solver.status != QLatin1String("optimal"))
        r.warnings << QStringLiteral("the sizing programme ended %1: %2").arg(r.solver.status,
                                                                            options.co2CapKg < INFINITY
                                                                                ? QStringLiteral("is the CO2 cap reachable within the limits?")
                                                                                : QStringLiteral("its solution is not an optimum"));

    EnergySystem sized = ref;
    const double *cap = best.capacities;
    sized.rooftopPvKwp = cap[kRoofPv];
    sized.groundPvKwp = cap[kGroundPv];
    sized.windRatedKw = cap[kWind];
    sized.pvKw.assign(kHours, 0.0);
    sized.windKw.assign(kHours, 0.0);
    for (int h = 0; h < kHours; ++h) {
        sized.pvKw[size_t(h)] = cap[kRoofPv] * q.units[kRoofPv].profile[size_t(h)]
            + cap[kGroundPv] * q.units[kGroundPv].profile[size_t(h)];
        sized.windKw[size_t(h)] = cap[kWind] * wind[size_t(h)];
    }
    sized.pvKwhByBuilding.clear();
    sized.battery.capacityKwh = cap[kBatteryKwh];
    sized.battery.powerKw = cap[kBatteryKw];
    sized.chpElecKw = cap[kChp];
    sized.absorptionCoolKw = cap[kAbsorption];
    sized.heatPumpKw = cap[kHeatPump];
    sized.thermal.capacityKwh = cap[kTank];
    sized.thermal.powerKw = cap[kTank] * q.tankPowerPerKwh;
    sized.gasBoilerKw = cap[kBoiler];
    sized.chillerKw = cap[kChiller];
    r.sized = evaluate(town, sized, best, q, tech.costs, finance);
    r.status = Status::success();
    if (progress)
        progress(1.0, QStringLiteral("done"));
    return r;
}

} // namespace tt
