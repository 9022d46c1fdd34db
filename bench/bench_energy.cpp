// SPDX-License-Identifier: MIT
// Energy simulation benchmark: demand building-hours per second (10,000
// buildings, one core), full-year optimal dispatch of a sample-sized town,
// re-simulation after one building changes, and peak memory.
#include "GridTown.h"
#include "energy/BuildingDemandModel.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/LpDispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace tt;

namespace {
const BuildingUse kUses[] = {BuildingUse::Residential, BuildingUse::Residential, BuildingUse::Residential,
                             BuildingUse::Residential, BuildingUse::Residential, BuildingUse::Office,
                             BuildingUse::Retail, BuildingUse::School, BuildingUse::Residential, BuildingUse::Hotel};

// A grid of rectangular buildings with a mix of uses, ages and sizes; every
// tenth building is mixed-use (shops under flats).
Town syntheticTown(int count, double footprintW, double footprintD, double levels)
{
    Town town;
    const int perRow = int(std::ceil(std::sqrt(double(count))));
    for (int i = 0; i < count; ++i) {
        Building b;
        b.id = town.allocateId();
        b.sourceId = QStringLiteral("S%1").arg(i);
        b.use = kUses[i % 10];
        if (i % 10 == 1)
            b.mix = {{BuildingUse::Residential, 0.8}, {BuildingUse::Retail, 0.2}};
        b.levels = levels + (i % 3);
        b.heightM = b.levels * 3.0;
        b.year = 1950 + (i * 7) % 75;
        const double x = (i % perRow) * 60.0, y = (i / perRow) * 50.0;
        const double w = footprintW * (0.8 + 0.1 * (i % 5)), d = footprintD;
        b.footprint.outer = {{x, y}, {x + w, y}, {x + w, y + d}, {x, y + d}};
        town.buildings.put(b);
    }
    return town;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    WeatherYear weather;
    const QString epw = QStringLiteral(TOWNTWIN_TEST_DATA "/zug-cea/weather.epw");
    const Status read = EpwReader::read(epw, &weather);
    if (!read) {
        std::fprintf(stderr, "%s\n", qPrintable(read.message));
        return 1;
    }

    // 1. Demand of 10,000 buildings for a year.
    {
        ArchetypeLibrary library;
        bench::require(ArchetypeLibrary::loadBundled(&library));
        const Town town = syntheticTown(10000, 30.0, 15.0, 3.0);
        BuildingDemandModel model(library, weather);
        QVector<BuildingDemand> buildings;
        DemandSeries totals;
        QElapsedTimer timer;
        timer.start();
        bench::require(model.run(town, &buildings, &totals));
        const double s = timer.nsecsElapsed() * 1e-9;
        std::printf("demand: %d buildings x 8760 h in %.3f s = %.1f M building-hours/s (one core)\n",
                    int(town.buildings.size()), s, town.buildings.size() * 8760.0 / s / 1e6);
        std::printf("peak RSS after the 10,000-building year: %.0f MB\n", peakRssMb());
    }

    // 2. A town the size of the sample: ~400 buildings, ~30,000 residents, 2 km² farmland.
    Town town = syntheticTown(400, 40.0, 16.0, 6.0);
    Zone farmland;
    farmland.id = town.allocateId();
    farmland.name = QStringLiteral("farmland");
    farmland.zoneClass = ZoneClass::Agricultural;
    farmland.area.outer = {{-2100, 0}, {-100, 0}, {-100, 1000}, {-2100, 1000}};
    town.zones.put(farmland);
    EnergySimulator simulator;
    SimulationOptions options;
    QElapsedTimer timer;
    timer.start();
    SimulationResult result = simulator.run(town, weather, options);
    const double total = timer.nsecsElapsed() * 1e-9;
    if (!result.status) {
        std::fprintf(stderr, "%s\n", qPrintable(result.status.message));
        return 1;
    }
    const SimulationOptions rule{DispatchStrategy::RuleBased, DispatchObjective::Cost, true};
    timer.restart();
    const SimulationResult ruleResult = simulator.run(town, weather, rule);
    const double ruleSeconds = timer.nsecsElapsed() * 1e-9;
    const DispatchDemand demand = DispatchDemand::fromSeries(result.townDemand);
    timer.restart();
    const DispatchResult lp = LpDispatcher(DispatchObjective::Cost).dispatch(result.system, demand);
    const double lpSeconds = timer.nsecsElapsed() * 1e-9;
    double residents = 0.0;
    for (const Building &b : town.buildings)
        for (const UseShare &u : b.useShares())
            if (u.use == BuildingUse::Residential)
                residents += u.share * b.grossFloorArea() / 40.0;
    std::printf("sample-size town: %d buildings, ~%.0f residents, %d default assets\n", int(town.buildings.size()),
                residents, int(result.defaultAssets.size()));
    std::printf("full-year optimal dispatch (LP, 365 windows of 48 h): %.2f s; whole optimal run %.2f s, "
                "rule-based run %.2f s\n",
                lpSeconds, total, ruleSeconds);
    std::printf("largest hourly imbalance: %.2e kW\n", result.kpis.balanceResidualMaxKw);
    const SimulationResult co2Result
        = simulator.run(town, weather, {DispatchStrategy::Optimal, DispatchObjective::Co2, true});
    const SimulationResult &costResult = result;
    for (const auto &[name, r] : {std::pair{"optimal/cost", &costResult}, std::pair{"rule", &ruleResult},
                                  std::pair{"optimal/co2", &co2Result}}) {
        const EnergyKpis &k = r->kpis;
        std::printf("%-12s cost %.2f M, CO2 %.0f t (saving %.1f %%), primary energy saving %.1f %% (%.1f %% with "
                    "export credit), self-sufficiency %.1f %%, renewable share %.1f %%, unmet %.1f kWh\n",
                    name, k.cost / 1e6, k.co2Kg / 1000.0, 100.0 * k.co2Saving, 100.0 * k.primaryEnergySaving,
                    100.0 * k.primaryEnergySavingWithExportCredit, 100.0 * k.selfSufficiency,
                    100.0 * k.renewableShare, r->dispatch.unmetKwh());
    }

    // 3. One building changes: re-simulate (demand of that building + re-dispatch).
    Building changed = town.buildings[7];
    changed.levels += 2;
    changed.heightM += 6.0;
    town.buildings.put(changed);
    for (const auto &[name, opts] : {std::pair{"rule", rule}, std::pair{"optimal", options}}) {
        SimulationResult r = name == std::string("rule") ? ruleResult : result;
        timer.restart();
        const Status s = simulator.rerunBuilding(town, changed.id, weather, opts, &r);
        std::printf("re-simulate after one building changed (%s dispatch): %.3f s%s\n", name,
                    timer.nsecsElapsed() * 1e-9, s ? "" : qPrintable(QStringLiteral(" (") + s.message + ")"));
    }
    std::printf("peak RSS: %.0f MB\n", peakRssMb());
    return 0;
}
