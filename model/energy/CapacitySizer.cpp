// SPDX-License-Identifier: MIT
#include "CapacitySizer.h"

#include "DefaultAssetSizer.h"
#include "LpLayout.h"
#include "PvModel.h"
#include "SolarYear.h"
#include "TrustRegionCuttingPlanes.h"
#include "WeatherYear.h"
#include "WindModel.h"
#include "YearDispatchProgramme.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

namespace tt {

using namespace lp;

namespace {
constexpr int kHours = WeatherYear::kHours;
// Capacity indices, short.
constexpr int kRoofPv = int(Capacity::RoofPv), kGroundPv = int(Capacity::GroundPv), kWind = int(Capacity::Wind),
              kBatteryKwh = int(Capacity::BatteryKwh), kBatteryKw = int(Capacity::BatteryKw), kChp = int(Capacity::Chp),
              kAbsorption = int(Capacity::Absorption), kHeatPump = int(Capacity::HeatPump), kTank = int(Capacity::Tank),
              kBoiler = int(Capacity::Boiler), kChiller = int(Capacity::Chiller), kCapCount = kCapacityCount;

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
void price(YearProblem *p, const TechnologyParameters &tech, const FinanceParameters &f)
{
    const TechnologyCosts &c = tech.costs;
    const auto unit = [&f](const CostParameters &cost) { return LifecycleEconomics::annualisedUnitCost(cost, f); };
    const double crf = LifecycleEconomics::capitalRecoveryFactor(f.discountRate, f.analysisYears);
    const auto part = [&](double capex, double life) {
        return capex > 0.0 ? LifecycleEconomics::presentLifecycleCost(capex, life, f) * crf : 0.0;
    };
    const auto sum = [](const std::vector<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    CapacityUnit *u = p->units;
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

// How large each capacity tends to be, from the year's peak demands: the trust region's unit.
std::vector<double> capacityScales(const DispatchDemand &d, const double *upper)
{
    const auto peak = [](const std::vector<double> &v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); };
    const double e = std::max(1.0, peak(d.electricity)), h = std::max(1.0, peak(d.heat)),
                 c = std::max(1.0, peak(d.cooling));
    std::vector<double> scale(kCapCount);
    for (int k : {kRoofPv, kGroundPv, kWind})
        scale[size_t(k)] = std::isfinite(upper[k]) ? upper[k] : e;
    scale[kBatteryKwh] = 4.0 * e;
    scale[kBatteryKw] = e;
    scale[kChp] = e;
    scale[kAbsorption] = c;
    scale[kHeatPump] = std::max(h, c);
    scale[kTank] = 4.0 * std::max(h, c);
    scale[kBoiler] = h;
    scale[kChiller] = c;
    return scale;
}

SizedSystem evaluate(const Town &town, const EnergySystem &system, const double *x, const YearProblem &p,
                     const TechnologyCosts &costs, const FinanceParameters &finance)
{
    SizedSystem out;
    out.system = system;
    out.capacities = Capacities::of(system);
    const int cohorts = system.evCohorts.size();
    const int colsPerHour = kHourColumns + cohorts * kEvColumns;
    out.dispatch.resize(kHours);
    for (int t = 0; t < kHours; ++t)
        storeHour(&out.dispatch, t, x + size_t(t) * colsPerHour, system, *p.demand);
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
    return {{"solver", QStringLiteral("Benders decomposition over the capacities (cutting planes in a trust region); "
                                      "each year's dispatch by COIN-OR CLP dual simplex, warm-started")},
            {"rows", rows},
            {"columns", columns},
            {"nonzeros", double(nonZeros)},
            {"iterations", iterations},
            {"year_solves", yearSolves},
            {"gap", gap},
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
    // as its assets give it (their own tilts and turbines). It is solved on a second
    // thread while the optimum is sought; it only reads the user's cancel through `stop`.
    YearProblem p;
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
    std::atomic<bool> stop = false;
    bool referenceSolved = false;
    std::thread referenceThread([&] {
        YearDispatchProgramme year(p, [&stop](double, const QString &) { return !stop.load(); });
        referenceSolved = year.solveAt(own, 0.0);
        if (referenceSolved)
            r.reference = evaluate(town, ref, year.hours(), p, tech.costs, finance);
    });

    // The optimum: PV at a standard tilt facing the equator, the default turbine.
    YearProblem q = p;
    q.co2CapKg = options.co2CapKg;
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

    // Benders decomposition: for given capacities the year's dispatch is a linear
    // programme in which they only bound the hours, so its optimum is a convex function
    // of them with the bounds' duals as slopes. A master over the 11 capacities cuts
    // that function from below; each of its proposals costs one warm-started solve of
    // the year. Solving the whole programme at once took 150 s on the sample town.
    QElapsedTimer timer;
    timer.start();
    TrustRegionCuttingPlanes::Options o;
    o.lower.assign(kCapCount, 0.0);
    o.upper.assign(kCapCount, INFINITY);
    o.upper[kRoofPv] = r.limits.rooftopPvKwp;
    o.upper[kGroundPv] = r.limits.groundPvKwp;
    o.upper[kWind] = r.limits.windKw;
    o.scale = capacityScales(demand, o.upper.data());
    // Small first steps: a far proposal costs a long solve (the sample town converged
    // in 43-52 s from radii 0.03-0.2 of the scales, 114 s from 0.5).
    o.initialRadius = 0.05;
    std::vector<double> start(own, own + kCapCount);
    start[kRoofPv] = std::min(ref.rooftopPvKwp, o.upper[kRoofPv]);
    start[kGroundPv] = std::min(ref.groundPvKwp, o.upper[kGroundPv]);
    start[kWind] = std::min(ref.windRatedKw, o.upper[kWind]);
    // No optimum leaves demand unmet at 1,000 CNY/kWh while boilers and chillers cost a
    // fraction of that: the hour of peak heat and the hours of peak cooling must be
    // within what the capacities can give then. Stated in the master, this keeps it from
    // proposing starved systems, whose years are the slowest to solve. Not with a budget,
    // which may not reach that far.
    if (!std::isfinite(options.capexBudget)) {
        double heatPeak = 0.0, coolWithHp = 0.0, coolWithoutHp = 0.0;
        for (int t = 0; t < kHours; ++t) {
            heatPeak = std::max(heatPeak, demand.heat[size_t(t)] - ref.biomassBoilerKw);
            double &cool = ref.heatPumpCoolingCopAt(t) > 0.0 ? coolWithHp : coolWithoutHp;
            cool = std::max(cool, demand.cooling[size_t(t)]);
        }
        const auto need = [&](std::initializer_list<std::pair<int, double>> supply, double peak, int topUp) {
            std::vector<double> row(kCapCount, 0.0);
            double has = 0.0;
            for (const auto &[k, perUnit] : supply) {
                row[size_t(k)] = -perUnit;
                has += perUnit * start[size_t(k)];
            }
            o.constraintRows.push_back(row);
            o.constraintUpper.push_back(-peak);
            if (has < peak)
                start[size_t(topUp)] += peak - has;  // the start must be within them too
        };
        need({{kHeatPump, 1.0}, {kBoiler, 1.0}, {kChp, ref.chpHeatPerElec()}, {kTank, q.tankPowerPerKwh}}, heatPeak,
             kBoiler);
        need({{kHeatPump, 1.0}, {kChiller, 1.0}, {kAbsorption, 1.0}}, coolWithHp, kChiller);
        need({{kChiller, 1.0}, {kAbsorption, 1.0}}, coolWithoutHp, kChiller);
    }
    if (std::isfinite(options.capexBudget)) {
        std::vector<double> capex(kCapCount);
        double spent = 0.0;
        for (int k = 0; k < kCapCount; ++k) {
            capex[size_t(k)] = q.units[k].capex;
            spent += capex[size_t(k)] * start[size_t(k)];
        }
        o.constraintRows.push_back(capex);
        o.constraintUpper.push_back(options.capexBudget);
        // Start within the budget: every capacity shrunk alike.
        if (spent > options.capexBudget)
            for (double &v : start)
                v *= std::max(0.0, options.capexBudget) / spent;
    }

    const Progress optimumProgress = [&](double fraction, const QString &stage) {
        const bool go = !progress || progress(0.05 + 0.95 * fraction, stage);
        if (!go)
            stop = true;
        return go;
    };
    YearDispatchProgramme year(q, optimumProgress);
    std::vector<double> best;  // the hours of the cheapest capacities evaluated
    double bestValue = INFINITY, bestExcess = 0.0;
    std::vector<double> bestCapacities;
    int solves = 0;
    const auto oracle = [&](const std::vector<double> &k) {
        TrustRegionCuttingPlanes::Evaluation e;
        // The number of solves is not known in advance: the bar slows as it fills.
        if (!year.solveAt(k.data(), solves / (solves + 15.0))) {
            e.stop = true;
            return e;
        }
        ++solves;
        e.value = year.value();
        for (int i = 0; i < kCapCount; ++i)
            e.subgradient.push_back(year.derivative(Capacity(i)));
        if (e.value < bestValue) {
            bestValue = e.value;
            best.assign(year.hours(), year.hours() + year.columns());
            bestCapacities = k;
            bestExcess = year.co2Excess();
        }
        return e;
    };
    const TrustRegionCuttingPlanes::Result found = TrustRegionCuttingPlanes().minimise(start, oracle, o);
    referenceThread.join();
    if (found.stopped || !referenceSolved) {
        r.status = Status::error(QStringLiteral("sizing cancelled"), ErrorCode::Cancelled);
        return r;
    }
    r.solver.rows = year.rows();
    r.solver.columns = year.columns();
    r.solver.nonZeros = year.nonZeros();
    r.solver.iterations = year.iterations();
    r.solver.yearSolves = found.evaluations;
    r.solver.gap = found.predictedGap;
    r.solver.seconds = timer.elapsed() / 1000.0;
    r.solver.status = bestExcess > 1e-6 * std::max(1.0, options.co2CapKg) ? QStringLiteral("infeasible")
        : found.converged                                                 ? QStringLiteral("optimal")
                                                                          : QStringLiteral("stopped on iterations");
    const QString unit = options.objective == DispatchObjective::Co2 ? QStringLiteral("kg CO2") : QStringLiteral("CNY");
    if (r.solver.status != QLatin1String("optimal"))
        r.warnings << (r.solver.status == QLatin1String("infeasible")
                           ? QStringLiteral("the CO2 cap cannot be kept within the limits: the sized system emits "
                                            "%1 t more")
                                 .arg(bestExcess / 1000.0, 0, 'f', 1)
                           : QStringLiteral("the sizing stopped after %1 solves of the year, at most %2 %3 a year "
                                            "from the optimum")
                                 .arg(found.evaluations)
                                 .arg(found.predictedGap, 0, 'f', 0)
                                 .arg(unit));

    EnergySystem sized = ref;
    const double *cap = bestCapacities.data();
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
    r.sized = evaluate(town, sized, best.data(), q, tech.costs, finance);
    r.status = Status::success();
    if (progress)
        progress(1.0, QStringLiteral("done"));
    return r;
}

} // namespace tt
