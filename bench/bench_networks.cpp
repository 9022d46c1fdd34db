// SPDX-License-Identifier: MIT
// Network benchmark: laying out and sizing the networks, a year of hourly flows
// (power flow of the feeder, pipe flows of heating and cooling) for the sample town
// and the 10,000-building grid town, one hour's snapshot and its 3D mesh (what each
// frame of the time bar's playback costs), playback frames drawn on the GL (Mesa
// llvmpipe under Xvfb), and peak memory.
#include "GridTown.h"
#include "NetworkMesh.h"
#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/NetworkLoadBuilder.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"
#include "network/NetworkLayout.h"
#include "network/NetworkSnapshot.h"

#include <QDate>
#include <QElapsedTimer>
#include <QGuiApplication>

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

//! Plays the year as the time bar does, one hour a frame: the hour's flows solved, the
//! networks' mesh rebuilt, the sun moved, the frame drawn at 1600x1000 from the home view.
void playback(const Town &town, const TownNetworks &networks, const NetworkLoads &loads, QSize size)
{
    OffscreenRenderer renderer;
    if (Status ready = renderer.initialize(size, 0); !ready) {
        std::printf("  playback frames skipped: %s\n", qPrintable(ready.message));
        return;
    }
    Document document;
    document.resetTown(town);
    SceneController scene(&document);
    renderer.setSceneData(scene.root());
    renderer.camera().setSceneBounds(scene.dataBounds());
    renderer.camera().home();
    bench::require(renderer.drawFrame());
    constexpr int kFrames = 48;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kFrames; ++i)
        bench::require(renderer.drawFrame());
    const double stillMs = timer.nsecsElapsed() / 1e6 / kFrames;
    timer.restart();
    for (int i = 0; i < kFrames; ++i) {
        const int hour = 4560 + i;  // two July days
        scene.setNetworkSnapshot(std::make_shared<const NetworkSnapshot>(NetworkSnapshot::at(networks, loads, hour)));
        scene.setSunTime(QDateTime(QDate(2013, 7, 10 + hour / 24 - 190), QTime(hour % 24, 0)));
        scene.setFlowPhase(i * 0.04);
        bench::require(renderer.drawFrame());
    }
    const double ms = timer.nsecsElapsed() / 1e6 / kFrames;
    std::printf("  playback, %4dx%-4d       %8.1f ms a frame (%.0f frames/s with flows; the still scene %.1f ms)\n",
                size.width(), size.height(), ms, 1000.0 / ms, stillMs);
}

void measure(const char *name, Town town, const WeatherYear &weather, const NetworkCatalogue &catalogue,
             bool drawFrames)
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
    // The whole screen, and the 3D view of the main window on it (docks on both sides).
    if (drawFrames)
        for (const QSize size : {QSize(1600, 1000), QSize(800, 700)})
            playback(laid.town, networks, loads, size);
}
} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    WeatherYear weather;
    bench::require(EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &weather));
    NetworkCatalogue catalogue;
    bench::require(NetworkCatalogue::loadBundled(&catalogue));
    measure("sample town", TownGenerator::generate(1), weather, catalogue, true);
    measure("grid town", bench::gridTown(), weather, catalogue, false);
    std::printf("peak memory %.0f MB\n", peakRssMb());
    return 0;
}
