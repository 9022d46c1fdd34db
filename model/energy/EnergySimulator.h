// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingDemandModel.h"
#include "DispatchResult.h"
#include "EnergyKpis.h"
#include "EnergySystem.h"
#include "LifecycleEconomics.h"
#include "Tariff.h"
#include "network/BuildingLoad.h"
#include "network/NetworkYear.h"

#include <memory>

namespace tt {

//! Which dispatcher balances the year.
enum class DispatchStrategy : quint8 { RuleBased, Optimal };

struct SimulationOptions {
    DispatchStrategy strategy = DispatchStrategy::Optimal;
    DispatchObjective objective = DispatchObjective::Cost;
    //! When the town has no energy assets, simulate it with DefaultAssetSizer's set.
    bool sizeDefaultAssets = true;
    //! Keep every network node's hourly load in the result (for flows of single hours:
    //! `powerflow --hour`, the time bar); off, only the year's network figures are kept.
    bool keepNetworkLoads = false;

    //! Parses "rule" / "optimal"; false for anything else.
    static bool strategyFromKey(const QString &key, DispatchStrategy *strategy);
    //! Parses "cost" / "co2"; false for anything else.
    static bool objectiveFromKey(const QString &key, DispatchObjective *objective);
};

//! Everything a simulated year produced: annual figures per building, hourly
//! totals of the town, the dispatch and the KPIs.
struct SimulationResult {
    Status status;
    QVector<BuildingDemand> buildings;  //!< one per simulated building
    QVector<Building> simulatedBuildings;  //!< the versions `buildings` were computed from (same order)
    DemandSeries townDemand;  //!< the buildings' demand
    //! The town's networks over the year, when it has any; their electric losses and
    //! pumping (electricity), heat losses (heat) and cooling gains (cold) are supplied on
    //! top of townDemand.
    NetworkYearResult networks;
    std::shared_ptr<const NetworkLoads> networkLoads;  //!< with SimulationOptions::keepNetworkLoads
    EnergySystem system;
    DispatchResult dispatch;
    EnergyKpis kpis;
    LifecycleEconomics economics;
    Tariff tariff;          //!< the prices `system` was built with
    QString tariffReason;   //!< why that tariff (Tariff::forTown)
    QVector<EnergyAsset> defaultAssets;  //!< the assets sized because the town had none (ids assigned)
    QString archetypeSet;        //!< key of the archetype set the buildings were simulated with
    QString archetypeSetName;
    QString archetypeSetReason;  //!< why that set (ArchetypeSets::forTown)
    QStringList warnings;
    QStringList systemWarnings;  //!< what building the system from the assets noted
};

//! The energy simulation façade: demand of every building, generation,
//! dispatch and KPIs for one weather year. Keeps the demand model between
//! calls so that rerunBuilding() only recomputes what changed.
class EnergySimulator {
public:
    EnergySimulator();
    ~EnergySimulator();

    //! Simulates the year. The demand model is kept for the next call with the same
    //! `weather` object (by address): give a new object for other weather, not new contents.
    //! Reports stages "demand", "dispatch" (each LP window) and "done"; when `progress`
    //! cancels, the result's status is ErrorCode::Cancelled and the rest of it is not to be used.
    SimulationResult run(const Town &town, const WeatherYear &weather, const SimulationOptions &options,
                         const Progress &progress = {});
    //! Updates `result` after building `id` was added, changed or removed in `town`:
    //! recomputes that building's demand only, updates the town totals, re-dispatches.
    Status rerunBuilding(const Town &town, EntityId id, const WeatherYear &weather, const SimulationOptions &options,
                         SimulationResult *result);
    //! One building's hourly demand, computed on demand with the archetype set of the last run.
    Status buildingHourly(const Building &building, const WeatherYear &weather, DemandSeries *series,
                          BuildingDemand *annual = nullptr);

    //! What each building of `town` draws from the networks in every hour (to lay them
    //! out): its demand with the town's archetype set, less its roof's PV. The source is
    //! valid until the next call or run.
    Status buildingLoads(const Town &town, const WeatherYear &weather, BuildingLoadSource *source);

    //! The technologies' defaults later runs use (the bundled file until set), e.g.
    //! from TechnologyParameters::loadFile of a user's edited copy.
    void setTechnologies(const TechnologyParameters &technologies);
    const TechnologyParameters &technologies() const { return m_technologies; }

private:
    //! The archetype set `set` and the demand model for `weather`.
    Status prepare(const QString &set, const WeatherYear &weather);
    //! The town with DefaultAssetSizer's assets for its demand (ids assigned), also into *added.
    Town withDefaultAssets(const Town &town, const DemandSeries &townDemand, QVector<EnergyAsset> *added = nullptr) const;
    //! The networks' hourly flows from the buildings' loads into result->networks; a
    //! network that cannot be simulated is a warning and adds nothing.
    void simulateNetworks(const Town &town, const WeatherYear &weather, bool keepLoads, SimulationResult *result);
    //! Dispatches the year; `rebuildSystem` false keeps result->system from the last run.
    //! Sets result->status to Cancelled when `progress` (stage "dispatch", 0..1) cancels.
    void dispatch(const Town &town, const WeatherYear &weather, const SimulationOptions &options,
                  SimulationResult *result, bool rebuildSystem = true, const Progress &progress = {});

    ArchetypeLibrary m_library;
    Status m_libraryStatus;
    TechnologyParameters m_technologies;
    Status m_technologiesStatus;
    const WeatherYear *m_weather = nullptr;
    std::unique_ptr<BuildingDemandModel> m_model;
    EnergySystem m_loadSystem;  // the rooftop PV behind buildingLoads()
};

} // namespace tt
