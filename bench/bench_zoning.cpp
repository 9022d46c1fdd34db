// SPDX-License-Identifier: MIT
// Zoning KPIs on a synthetic 10,000-building town: the full recompute, and the
// incremental update after one building is moved or changes use (the issue's
// budget: ≤ 10 ms). Prints milliseconds.
#include "GridTown.h"
#include "analysis/ZoningKpiEngine.h"
#include "core/Document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tt;

namespace {
struct Figures {
    double median;
    double max;
};

Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Town town = bench::gridTown();
    std::printf("synthetic town: %d buildings, %d zones, %d roads\n", town.buildings.size(), town.zones.size(),
                town.roads.size());

    std::vector<double> full;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const KpiReport r = computeKpis(town);
        full.push_back(t.nsecsElapsed() / 1e6);
        if (i == 0)
            std::printf("residents %.0f, built-up %.3f km2, reach primary school %.3f (%s)\n", r.capacity.residents,
                        r.landUse.builtUpAreaM2 / 1e6, r.serviceReach.share(ServiceType::PrimarySchool),
                        r.serviceReach.alongRoads ? "road network" : "straight line");
    }
    const Figures f = summarise(full);
    std::printf("full recompute (computeKpis): median %.2f ms, max %.2f ms over %zu runs\n", f.median, f.max,
                full.size());

    Document doc;
    doc.resetTown(town);
    ZoningKpiEngine engine(&doc);
    std::vector<EntityId> ids;
    for (const Building &b : doc.town().buildings)
        ids.push_back(b.id);

    // Each edit goes through the document (command, signals) and the engine's
    // synchronous update and report, as an edit in the GUI does.
    QRandomGenerator rng(7);
    std::vector<double> moves, reuses;
    const BuildingUse uses[] = {BuildingUse::Residential, BuildingUse::School, BuildingUse::Retail,
                                BuildingUse::Hospital};
    for (int i = 0; i < 200; ++i) {
        Building b = *doc.town().buildings.find(ids[rng.bounded(int(ids.size()))]);
        const bool move = i % 2 == 0;
        if (move)
            b.footprint = geometry::translated(b.footprint, {rng.bounded(60.0) - 30.0, rng.bounded(60.0) - 30.0});
        else
            b.use = uses[rng.bounded(4)];
        QElapsedTimer t;
        t.start();
        bench::require(doc.modifyEntities(EntityBatch{{b}, {}, {}, {}, {}, {}}, QStringLiteral("edit")));
        (move ? moves : reuses).push_back(t.nsecsElapsed() / 1e6);
    }
    const Figures m = summarise(moves);
    const Figures u = summarise(reuses);
    std::printf("incremental, move one building:   median %.2f ms, max %.2f ms over %zu edits\n", m.median, m.max,
                moves.size());
    std::printf("incremental, re-use one building: median %.2f ms, max %.2f ms over %zu edits\n", u.median, u.max,
                reuses.size());
    return 0;
}
