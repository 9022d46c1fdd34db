// SPDX-License-Identifier: MIT
#include "EnergySimulator.h"

#include "ArchetypeSets.h"
#include "DefaultAssetSizer.h"
#include "LpDispatcher.h"
#include "NetworkLoadBuilder.h"
#include "RuleBasedDispatcher.h"

#include <algorithm>

namespace tt {

namespace {
//! Depth of buried district heating and cooling pipes (top of the casing at 0.6-1 m).
constexpr double kPipeDepthM = 1.0;
} // namespace

bool SimulationOptions::strategyFromKey(const QString &key, DispatchStrategy *strategy)
{
    if (key == QLatin1String("rule"))
        *strategy = DispatchStrategy::RuleBased;
    else if (key == QLatin1String("optimal"))
        *strategy = DispatchStrategy::Optimal;
    else
        return false;
    return true;
}

bool SimulationOptions::objectiveFromKey(const QString &key, DispatchObjective *objective)
{
    if (key == QLatin1String("cost"))
        *objective = DispatchObjective::Cost;
    else if (key == QLatin1String("co2"))
        *objective = DispatchObjective::Co2;
    else
        return false;
    return true;
}

EnergySimulator::EnergySimulator()
    : m_libraryStatus(ArchetypeLibrary::loadBundled(&m_library))
    , m_technologiesStatus(TechnologyParameters::loadBundled(&m_technologies))
{
}

EnergySimulator::~EnergySimulator() = default;

Status EnergySimulator::prepare(const QString &set, const WeatherYear &weather)
{
    if (!m_libraryStatus || m_library.key() != set) {
        // The demand model refers to the library: it goes first.
        m_model.reset();
        ArchetypeLibrary library;
        m_libraryStatus = ArchetypeLibrary::loadBundled(set, &library);
        if (m_libraryStatus)
            m_library = std::move(library);
    }
    if (!m_libraryStatus)
        return m_libraryStatus;
    if (!m_technologiesStatus)
        return m_technologiesStatus;
    if (int(weather.dryBulbC.size()) != WeatherYear::kHours || int(weather.ghi.size()) != WeatherYear::kHours
        || int(weather.dni.size()) != WeatherYear::kHours || int(weather.dhi.size()) != WeatherYear::kHours
        || int(weather.windMs.size()) != WeatherYear::kHours)
        return Status::error(QStringLiteral("%1: weather must have 8760 hourly values per series").arg(weather.source));
    if (m_weather != &weather || !m_model) {
        m_model = std::make_unique<BuildingDemandModel>(m_library, weather);
        m_weather = &weather;
    }
    return Status::success();
}

SimulationResult EnergySimulator::run(const Town &town, const WeatherYear &weather,
                                      const SimulationOptions &options, const Progress &progress)
{
    SimulationResult result;
    result.status = prepare(ArchetypeSets::forTown(town, &result.archetypeSetReason), weather);
    result.archetypeSet = m_library.key();
    result.archetypeSetName = m_library.name();
    if (!result.status)
        return result;
    const auto cancelled = [&progress, &result](double fraction, const QString &stage) {
        if (!progress || progress(fraction, stage))
            return false;
        result.status = Status::error(QStringLiteral("simulation cancelled"), ErrorCode::Cancelled);
        return true;
    };
    if (cancelled(0.0, QStringLiteral("demand")))
        return result;
    result.status = m_model->run(town, &result.buildings, &result.townDemand, progressSpan(progress, 0.0, 0.5));
    if (!result.status)
        return result;
    result.simulatedBuildings.reserve(town.buildings.size());
    for (const Building &b : town.buildings)
        if (!b.context)
            result.simulatedBuildings.append(b);

    if (cancelled(0.5, QStringLiteral("dispatch")))
        return result;
    if (town.assets.isEmpty() && options.sizeDefaultAssets) {
        const Town sized = withDefaultAssets(town, result.townDemand, &result.defaultAssets);
        result.warnings.append(QStringLiteral("the town has no energy assets: simulated with %1 default assets")
                                   .arg(result.defaultAssets.size()));
        dispatch(sized, weather, options, &result, true, progressSpan(progress, 0.5, 1.0));
    } else {
        dispatch(town, weather, options, &result, true, progressSpan(progress, 0.5, 1.0));
    }
    if (!result.status)
        return result;
    // Cancelling now would throw away a finished result: the report is only news.
    if (progress)
        progress(1.0, QStringLiteral("done"));
    return result;
}

void EnergySimulator::dispatch(const Town &town, const WeatherYear &weather, const SimulationOptions &options,
                               SimulationResult *result, bool rebuildSystem, const Progress &progress)
{
    if (rebuildSystem) {
        result->systemWarnings.clear();
        result->system = EnergySystem::fromTown(town, weather, m_technologies, &result->systemWarnings);
        result->tariff = Tariff::forTown(town, &result->tariffReason);
    }
    simulateNetworks(town, weather, options.keepNetworkLoads, result);
    DemandSeries supplied = result->townDemand;
    for (size_t h = 0; h < result->networks.hours.size(); ++h) {
        const NetworkHour &n = result->networks.hours[h];
        supplied.electricity[h] += n.electricLossesKw + n.pumpingKw;
        supplied.heating[h] += n.heatLossesKw;
        supplied.cooling[h] += n.coolingGainsKw;
    }
    // The heat pumps serve each hour's space heat and hot water at their mixed COP.
    result->system.setHeatMix(supplied.heating, supplied.dhw);
    const DispatchDemand demand = DispatchDemand::fromSeries(supplied);
    result->dispatch = options.strategy == DispatchStrategy::Optimal
        ? LpDispatcher(options.objective).dispatch(result->system, demand, progress)
        : RuleBasedDispatcher().dispatch(result->system, demand);
    if (result->dispatch.cancelled) {
        result->status = Status::error(QStringLiteral("simulation cancelled"), ErrorCode::Cancelled);
        return;
    }
    result->kpis = EnergyKpis::compute(town, result->buildings, result->dispatch, result->system);
    result->kpis.strategy = options.strategy == DispatchStrategy::Optimal ? QStringLiteral("optimal")
                                                                          : QStringLiteral("rule");
    // The rules follow a fixed merit order: no objective is minimised.
    result->kpis.objective = options.strategy == DispatchStrategy::RuleBased ? QStringLiteral("none")
        : options.objective == DispatchObjective::Cost                      ? QStringLiteral("cost")
                                                                             : QStringLiteral("co2");
    result->kpis.warnings = result->warnings + result->systemWarnings + result->kpis.warnings;
    result->economics = LifecycleEconomics::compute(result->system, result->dispatch, m_technologies.costs,
                                                    LifecycleEconomics::financeFor(town, m_technologies.finance));
}

void EnergySimulator::simulateNetworks(const Town &town, const WeatherYear &weather, bool keepLoads,
                                       SimulationResult *result)
{
    result->networks = NetworkYearResult();
    result->networkLoads.reset();
    if (town.networkNodes.isEmpty())
        return;
    TownNetworks networks;
    Status s = TownNetworks::build(town, &networks);
    if (s) {
        auto loads = std::make_shared<NetworkLoads>(
            NetworkLoadBuilder::build(town, networks, NetworkLoadBuilder::source(*m_model, result->system)));
        result->networks = NetworkYear::simulate(networks, *loads, weather.groundTemperatureC(kPipeDepthM));
        s = result->networks.status;
        if (s && keepLoads)
            result->networkLoads = std::move(loads);
    }
    if (!s) {
        result->warnings.append(QStringLiteral("networks not simulated (their losses are left out): %1").arg(s.message));
        result->networks = NetworkYearResult();
    }
}

Town EnergySimulator::withDefaultAssets(const Town &town, const DemandSeries &townDemand, QVector<EnergyAsset> *added) const
{
    Town sized = town;
    for (EnergyAsset a : DefaultAssetSizer::size(town, townDemand, m_library, m_technologies)) {
        a.id = sized.allocateId();
        sized.assets.put(a);
        if (added)
            added->append(a);
    }
    return sized;
}

Status EnergySimulator::buildingLoads(const Town &town, const WeatherYear &weather, BuildingLoadSource *source)
{
    if (Status s = prepare(ArchetypeSets::forTown(town), weather); !s)
        return s;
    // The same roofs as a simulation has: without assets, the default ones.
    if (town.assets.isEmpty()) {
        QVector<BuildingDemand> buildings;
        DemandSeries totals;
        if (Status s = m_model->run(town, &buildings, &totals); !s)
            return s;
        m_loadSystem = EnergySystem::fromTown(withDefaultAssets(town, totals), weather, m_technologies);
    } else {
        m_loadSystem = EnergySystem::fromTown(town, weather, m_technologies);
    }
    *source = NetworkLoadBuilder::source(*m_model, m_loadSystem);
    return Status::success();
}

Status EnergySimulator::rerunBuilding(const Town &town, EntityId id, const WeatherYear &weather,
                                      const SimulationOptions &options, SimulationResult *result)
{
    const QString set = ArchetypeSets::forTown(town);
    if (set != result->archetypeSet)
        return Status::error(QStringLiteral("the archetype set changed from '%1' to '%2': simulate the whole year again")
                                 .arg(result->archetypeSet, set));
    const Status ready = prepare(set, weather);
    if (!ready)
        return ready;
    DemandSeries &totals = result->townDemand;
    if (totals.isEmpty())
        return Status::error(QStringLiteral("rerunBuilding needs a result from run()"));
    int slot = -1;
    for (int i = 0; i < result->simulatedBuildings.size(); ++i)
        if (result->simulatedBuildings[i].id == id)
            slot = i;
    if (slot >= 0) {
        DemandSeries old;
        m_model->hourly(result->simulatedBuildings[slot], &old);
        for (int h = 0; h < WeatherYear::kHours; ++h) {
            totals.electricity[h] -= old.electricity[h];
            totals.heating[h] -= old.heating[h];
            totals.cooling[h] -= old.cooling[h];
            totals.dhw[h] -= old.dhw[h];
        }
    }
    const Building *found = town.buildings.find(id);
    const Building *now = found && !found->context ? found : nullptr;  // surroundings are not simulated
    // The system (PV yields above all, 8760 h per array) depends on a building only
    // through the roof area of PV it hosts: rebuild it only when that can change.
    const bool sameRoof = slot >= 0 && now && now->footprint == result->simulatedBuildings[slot].footprint;
    const auto hosts = [id](const EnergyAsset &a) { return a.hostBuilding == id; };
    const bool hostsPv = std::any_of(town.assets.begin(), town.assets.end(), hosts)
        || std::any_of(result->defaultAssets.begin(), result->defaultAssets.end(), hosts);
    const bool rebuildSystem = hostsPv && !sameRoof;
    if (now) {
        const BuildingDemand d = m_model->simulate(*now, &totals);
        if (slot >= 0) {
            result->buildings[slot] = d;
            result->simulatedBuildings[slot] = *now;
        } else {
            result->buildings.append(d);
            result->simulatedBuildings.append(*now);
        }
    } else if (slot >= 0) {
        result->buildings.remove(slot);
        result->simulatedBuildings.remove(slot);
    }
    if (town.assets.isEmpty() && !result->defaultAssets.isEmpty()) {
        // Keep the default system the full run sized, so results stay comparable.
        Town sized = town;
        for (const EnergyAsset &a : result->defaultAssets)
            sized.assets.put(a);
        dispatch(sized, weather, options, result, rebuildSystem);
    } else {
        dispatch(town, weather, options, result, rebuildSystem);
    }
    return Status::success();
}

void EnergySimulator::setTechnologies(const TechnologyParameters &technologies)
{
    m_technologies = technologies;
    m_technologiesStatus = Status::success();
}

Status EnergySimulator::buildingHourly(const Building &building, const WeatherYear &weather, DemandSeries *series,
                                       BuildingDemand *annual)
{
    const Status ready = prepare(m_library.key().isEmpty() ? ArchetypeSets::kDefault : m_library.key(), weather);
    if (!ready)
        return ready;
    const BuildingDemand d = m_model->hourly(building, series);
    if (annual)
        *annual = d;
    return Status::success();
}

} // namespace tt
