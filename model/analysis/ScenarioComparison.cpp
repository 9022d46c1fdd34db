// SPDX-License-Identifier: MIT
#include "ScenarioComparison.h"

#include "analysis/ServiceType.h"
#include "analysis/ZoningAnalysis.h"
#include "energy/EnergySimulator.h"

#include <QJsonArray>

#include <cmath>
#include <functional>
#include <limits>

namespace tt {

namespace {

struct RowSpec {
    const char *group;
    const char *key;
    const char *label;
    const char *unit;
    bool higherIsBetter;
};

template <typename Figures>
void addRow(const Figures &a, const Figures &b, const RowSpec &spec, const std::function<double(const Figures &)> &value,
             QVector<ComparisonRow> *rows)
{
    rows->append(ComparisonRow{QString::fromLatin1(spec.group), QString::fromLatin1(spec.key),
                               QString::fromUtf8(spec.label), QString::fromUtf8(spec.unit), value(a), value(b),
                               spec.higherIsBetter});
}

QVector<ComparisonRow> zoningRows(const KpiReport &a, const KpiReport &b)
{
    using Get = std::function<double(const KpiReport &)>;
    const std::pair<RowSpec, Get> specs[] = {
        {{"zoning", "residents", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Residents"), "", true},
         [](const KpiReport &r) { return r.capacity.residents; }},
        {{"zoning", "jobs", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Jobs"), "", true},
         [](const KpiReport &r) { return r.capacity.jobs; }},
        {{"zoning", "buildings", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Buildings"), "", true},
         [](const KpiReport &r) { return double(r.landUse.buildings); }},
        {{"zoning", "gfa_m2", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Gross floor area"), "m²", true},
         [](const KpiReport &r) { return r.landUse.gfaM2; }},
        {{"zoning", "far_built_up", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Floor-area ratio (built-up)"), "", true},
         [](const KpiReport &r) { return r.landUse.farBuiltUp(); }},
        {{"zoning", "coverage_built_up", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Building coverage (built-up)"),
          "%", false},
         [](const KpiReport &r) { return 100.0 * r.landUse.coverageBuiltUp(); }},
        {{"zoning", "green_ratio", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Green ratio"), "%", true},
         [](const KpiReport &r) { return 100.0 * r.landUse.greenRatio(); }},
        {{"zoning", "farmland_share", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Farmland share"), "%", true},
         [](const KpiReport &r) { return 100.0 * r.landUse.farmlandShare(); }},
        {{"zoning", "built_up_area_km2", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Built-up land"), "km²", false},
         [](const KpiReport &r) { return r.landUse.builtUpAreaM2 / 1e6; }},
        {{"zoning", "reach_primary_school",
          QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Residents near a primary school"), "%", true},
         [](const KpiReport &r) {
             return 100.0 * r.serviceReach.services[size_t(ServiceType::PrimarySchool)].share;
         }},
        {{"zoning", "reach_hospital", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Residents near a hospital"), "%",
          true},
         [](const KpiReport &r) { return 100.0 * r.serviceReach.services[size_t(ServiceType::Hospital)].share; }},
        {{"zoning", "reach_park", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Residents near a park"), "%", true},
         [](const KpiReport &r) { return 100.0 * r.serviceReach.services[size_t(ServiceType::Park)].share; }},
        {{"zoning", "plan_check_fail", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Plan rules failed"), "", false},
         [](const KpiReport &r) { return double(r.planCheck.count(RuleStatus::Fail)); }},
    };
    QVector<ComparisonRow> rows;
    for (const auto &[spec, get] : specs)
        addRow<KpiReport>(a, b, spec, get, &rows);
    return rows;
}

QVector<ComparisonRow> energyRows(const EnergyKpis &a, const EnergyKpis &b)
{
    using Get = std::function<double(const EnergyKpis &)>;
    const std::pair<RowSpec, Get> specs[] = {
        {{"energy", "electricity_demand_mwh", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Electricity demand"), "MWh",
          false},
         [](const EnergyKpis &k) { return k.demand.electricity / 1e3; }},
        {{"energy", "heating_demand_mwh", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Heating demand"), "MWh", false},
         [](const EnergyKpis &k) { return (k.demand.heating + k.demand.dhw) / 1e3; }},
        {{"energy", "cooling_demand_mwh", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Cooling demand"), "MWh", false},
         [](const EnergyKpis &k) { return k.demand.cooling / 1e3; }},
        {{"energy", "pv_mwh", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Solar generation"), "MWh", true},
         [](const EnergyKpis &k) { return k.pvKwh / 1e3; }},
        {{"energy", "self_sufficiency", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Self-sufficiency"), "%", true},
         [](const EnergyKpis &k) { return 100.0 * k.selfSufficiency; }},
        {{"energy", "renewable_share", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Renewable share"), "%", true},
         [](const EnergyKpis &k) { return 100.0 * k.renewableShare; }},
        {{"energy", "primary_energy_saving", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Primary-energy saving"), "%",
          true},
         [](const EnergyKpis &k) { return 100.0 * k.primaryEnergySaving; }},
        {{"energy", "co2_saving", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "CO₂ saving"), "%", true},
         [](const EnergyKpis &k) { return 100.0 * k.co2Saving; }},
        {{"energy", "co2_t", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "CO₂ emissions"), "t", false},
         [](const EnergyKpis &k) { return k.co2Kg / 1e3; }},
        {{"energy", "peak_grid_import_kw", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Peak grid import"), "kW", false},
         [](const EnergyKpis &k) { return k.peakGridImportKw; }},
    };
    QVector<ComparisonRow> rows;
    for (const auto &[spec, get] : specs)
        addRow<EnergyKpis>(a, b, spec, get, &rows);
    return rows;
}

QVector<ComparisonRow> economicsRows(const LifecycleEconomics &a, const LifecycleEconomics &b)
{
    using Get = std::function<double(const LifecycleEconomics &)>;
    const std::pair<RowSpec, Get> specs[] = {
        {{"economics", "capex_mcny", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Investment"), "M CNY", false},
         [](const LifecycleEconomics &e) { return e.system.capex / 1e6; }},
        {{"economics", "annual_opex_mcny", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Operating cost per year"),
          "M CNY", false},
         [](const LifecycleEconomics &e) { return e.system.annualOpex / 1e6; }},
        {{"economics", "annualised_cost_mcny", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Annualised cost"), "M CNY",
          false},
         [](const LifecycleEconomics &e) { return e.system.annualisedCost / 1e6; }},
        {{"economics", "npv_mcny", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Net present value"), "M CNY", true},
         [](const LifecycleEconomics &e) { return e.npv / 1e6; }},
        {{"economics", "lcoe_cny_per_kwh", QT_TRANSLATE_NOOP("tt::ScenarioComparison", "Cost of electricity"),
          "CNY/kWh", false},
         [](const LifecycleEconomics &e) { return e.system.lcoeElectricity; }},
    };
    QVector<ComparisonRow> rows;
    for (const auto &[spec, get] : specs)
        addRow<LifecycleEconomics>(a, b, spec, get, &rows);
    return rows;
}

//! JSON has no NaN: a value that does not exist (an LCOE with nothing served) is null.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject figuresJson(const ScenarioFigures &f)
{
    QJsonObject o{{"scenario", f.scenario}, {"zoning", f.zoning.toJson()}};
    if (f.energy)
        o.insert(QLatin1String("energy"), f.energy->toJson());
    if (f.economics)
        o.insert(QLatin1String("economics"), f.economics->toJson());
    return o;
}

} // namespace

Status ScenarioFigures::compute(const Town &town, const WeatherYear *weather, const SimulationOptions &options,
                                const Progress &progress, ScenarioFigures *out)
{
    ScenarioFigures figures;
    figures.scenario = town.activeScenarioName();
    figures.zoning = computeKpis(town);
    if (weather) {
        EnergySimulator simulator;
        SimulationResult result = simulator.run(town, *weather, options, progress);
        if (!result.status)
            return result.status;
        figures.energy = std::move(result.kpis);
        figures.economics = std::move(result.economics);
    }
    *out = std::move(figures);
    return Status::success();
}

ScenarioFigures ScenarioFigures::of(const Town &town, const SimulationResult *result)
{
    ScenarioFigures figures;
    figures.scenario = town.activeScenarioName();
    figures.zoning = computeKpis(town);
    if (result) {
        figures.energy = result->kpis;
        figures.economics = result->economics;
    }
    return figures;
}

Status ScenarioComparison::againstOthers(const Town &town, const ScenarioFigures &active, const WeatherYear *weather,
                                         const SimulationOptions &options, const Progress &progress,
                                         QVector<ScenarioComparison> *out)
{
    QVector<ScenarioComparison> comparisons;
    const int others = std::max<int>(1, town.scenarios.size() - 1);
    int done = 0;
    for (int i = 0; i < town.scenarios.size(); ++i) {
        if (i == town.activeScenario)
            continue;
        ScenarioFigures other;
        if (Status s = ScenarioFigures::compute(town.withScenario(i), weather, options,
                               progressSpan(progress, double(done) / others, double(done + 1) / others), &other);
            !s)
            return Status::error(QStringLiteral("scenario '%1': %2").arg(town.scenarios[i].name, s.message), s.code);
        comparisons.append(ScenarioComparison(active, std::move(other)));
        ++done;
    }
    *out = std::move(comparisons);
    return Status::success();
}

double ComparisonRow::relativeDifference() const
{
    return a == 0.0 ? std::numeric_limits<double>::quiet_NaN() : (b - a) / std::abs(a);
}

ScenarioComparison::ScenarioComparison(ScenarioFigures a, ScenarioFigures b) : m_a(std::move(a)), m_b(std::move(b))
{
    m_rows = zoningRows(m_a.zoning, m_b.zoning);
    if (m_a.energy && m_b.energy)
        m_rows += energyRows(*m_a.energy, *m_b.energy);
    if (m_a.economics && m_b.economics)
        m_rows += economicsRows(*m_a.economics, *m_b.economics);
}

QJsonObject ScenarioComparison::toJson() const
{
    QJsonArray differences;
    for (const ComparisonRow &r : m_rows)
        differences.append(QJsonObject{{"group", r.group},
                                       {"key", r.key},
                                       {"label", r.label},
                                       {"unit", r.unit},
                                       {"a", number(r.a)},
                                       {"b", number(r.b)},
                                       {"difference", number(r.difference())}});
    return QJsonObject{{"a", figuresJson(m_a)}, {"b", figuresJson(m_b)}, {"differences", differences}};
}

} // namespace tt
