// SPDX-License-Identifier: MIT
// Sizing benchmark: the sample town (generate-town --seed 1) on its bundled
// Shanghai weather: its year's simulation, the optimal dispatch of that year
// with the default assets, and the full-year sizing programme (towntwin-cli size).
#include "energy/CapacitySizer.h"
#include "energy/EpwReader.h"
#include "energy/LpDispatcher.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace tt;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Town town = TownGenerator::generate(1);
    WeatherYear weather;
    const Status read = EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &weather);
    if (!read) {
        std::fprintf(stderr, "%s\n", qPrintable(read.message));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    EnergySimulator simulator;
    const SimulationResult simulated = simulator.run(town, weather, SimulationOptions());
    std::printf("sample town: %lld buildings, %lld default assets; simulated year %.2f s\n",
                qlonglong(town.buildings.size()), qlonglong(simulated.defaultAssets.size()), timer.elapsed() / 1000.0);

    const DispatchDemand demand = DispatchDemand::fromSeries(simulated.townDemand);
    timer.restart();
    const DispatchResult lp = LpDispatcher(DispatchObjective::Cost).dispatch(simulated.system, demand);
    std::printf("optimal dispatch of the year (48 h windows): %.2f s\n", timer.elapsed() / 1000.0);

    timer.restart();
    const SizingResult sized
        = CapacitySizer().size(town, weather, simulated, SizingOptions(), simulator.technologies());
    const double seconds = timer.elapsed() / 1000.0;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("sizing (reference + optimum): %.1f s; optimum's LP %d rows, %d columns, %lld non-zeros, "
                "%d iterations in %d solves of the year, %.1f s, %s; peak memory %.0f MB\n",
                seconds, sized.solver.rows, sized.solver.columns, qlonglong(sized.solver.nonZeros),
                sized.solver.iterations, sized.solver.yearSolves, sized.solver.seconds, qPrintable(sized.solver.status),
                usage.ru_maxrss / 1024.0);
    std::printf("annualised cost: sized %.2f M CNY, reference %.2f M CNY, baseline %.2f M CNY; CO2 sized %.0f t, "
                "reference %.0f t\n",
                sized.sized.economics.system.annualisedCost / 1e6, sized.reference.economics.system.annualisedCost / 1e6,
                sized.sized.economics.baseline.annualisedCost / 1e6, sized.sized.kpis.co2Kg / 1000.0,
                sized.reference.kpis.co2Kg / 1000.0);
    return sized.status ? 0 : 1;
}
