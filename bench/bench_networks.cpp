// SPDX-License-Identifier: MIT
// Network benchmark: laying out and sizing the networks, a year of hourly flows
// (power flow of the feeder, pipe flows of heating and cooling) for the sample town
// and the 10,000-building grid town, one hour's snapshot and its 3D mesh (what each
// frame of the time bar's playback costs), and peak memory.
#include "GridTown.h"
#include "NetworkMesh.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/NetworkLoadBuilder.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"
#include "network/NetworkLayout.h"
#include "network/NetworkSnapshot.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace tt;

namespace {
double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

void measure(const char *name, Town town, const WeatherYear &weather, const NetworkCatalogue &catalogue)
{
    EnergySimulator simulator;
    BuildingLoadSource source;
    bench::require(simulator.buildingLoads(town, weather, &source));
    QElapsedTimer timer;
    timer.start();
    const NetworkLayout::Result laid = NetworkLayout::lay(town, catalogue, source, NetworkLayout::Options());
    bench::require(laid.status);
    const double layoutS = timer.nsecsElapsed() / 1e9;
    int nodes = 0, links = 0;
    for (const NetworkLayout::CarrierSummary &s : laid.summary) {
        nodes += s.nodes;
        links += s.links;
    }
    TownNetworks networks;
    bench::require(TownNetworks::build(laid.town, &networks));
    bench::require(simulator.buildingLoads(laid.town, weather, &source));
    timer.restart();
    const NetworkLoads loads = NetworkLoadBuilder::build(laid.town, networks, source);
    const double loadsS = timer.nsecsElapsed() / 1e9;
    timer.restart();
    const NetworkYearResult year = NetworkYear::simulate(networks, loads, weather.groundTemperatureC(1.0));
    bench::require(year.status);
    const double yearS = timer.nsecsElapsed() / 1e9;

    const int hour = year.maxLoadingHour;
    constexpr int kFrames = 20;
    timer.restart();
    double meshMs = 0.0;
    for (int i = 0; i < kFrames; ++i) {
        const NetworkSnapshot snapshot = NetworkSnapshot::at(networks, loads, (hour + i) % 8760);
        QElapsedTimer mesh;
        mesh.start();
        const osg::ref_ptr<osg::Node> node = NetworkMesh::build(laid.town, &snapshot);
        meshMs += mesh.nsecsElapsed() / 1e6;
    }
    const double frameMs = timer.nsecsElapsed() / 1e6 / kFrames;
    std::printf("%s: %d buildings, networks of %d nodes and %d links (%d on the feeder)\n", name,
                laid.town.buildings.size(), nodes, links, int(networks.feeder()->network.links.size()));
    std::printf("  layout and sizing          %8.2f s\n", layoutS);
    std::printf("  hourly loads of the nodes  %8.2f s (the demand model once more)\n", loadsS);
    std::printf("  year of hourly flows       %8.2f s (%.0f power flows per second)\n", yearS, 8760.0 / yearS);
    std::printf("  one hour for playback      %8.1f ms (snapshot and mesh; mesh %.1f ms)\n", frameMs, meshMs / kFrames);
    std::printf("  losses: electric %.0f MWh, heat %.0f MWh, pumping %.0f MWh\n", year.electricLossesKwh() / 1000.0,
                year.heatLossesKwh() / 1000.0, year.pumpingKwh() / 1000.0);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    WeatherYear weather;
    bench::require(EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &weather));
    NetworkCatalogue catalogue;
    bench::require(NetworkCatalogue::loadBundled(&catalogue));
    measure("sample town", TownGenerator::generate(1), weather, catalogue);
    measure("grid town", bench::gridTown(), weather, catalogue);
    std::printf("peak memory %.0f MB\n", peakRssMb());
    return 0;
}
