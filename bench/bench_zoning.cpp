// SPDX-License-Identifier: MIT
// Zoning KPIs on a synthetic 10,000-building town: the full recompute, and the
// incremental update after one building is moved or changes use (the issue's
// budget: ≤ 10 ms). Prints milliseconds.
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
constexpr int kBlocks = 20;          // 20 × 20 blocks
constexpr double kBlockM = 100.0;    // between street centre lines
constexpr int kPerSide = 5;          // 5 × 5 buildings per block: 10,000 in all
constexpr int kPlotsPerBlock = 2;    // small overlapping plots: 400 blocks + 800 plots = 1,200 zones

Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

Town syntheticTown()
{
    Town town;
    const double size = kBlocks * kBlockM;
    town.site.boundary = rect(0, 0, size, size);
    EntityId id = 1;
    for (int i = 0; i <= kBlocks; ++i) {
        for (bool northSouth : {false, true}) {
            Road r;
            r.id = id++;
            const double c = i * kBlockM;
            // Vertices at every block corner, as digitised streets have.
            for (int k = 0; k <= kBlocks; ++k)
                r.line.append(northSouth ? Vec2{c, k * kBlockM} : Vec2{k * kBlockM, c});
            town.roads.put(r);
        }
    }
    const BuildingUse services[] = {BuildingUse::School, BuildingUse::Hospital, BuildingUse::ElderlyCare,
                                    BuildingUse::Retail, BuildingUse::Office};
    const double lot = (kBlockM - 20.0) / kPerSide;
    for (int bx = 0; bx < kBlocks; ++bx) {
        for (int by = 0; by < kBlocks; ++by) {
            const double x0 = bx * kBlockM + 10.0, y0 = by * kBlockM + 10.0;
            const int block = bx * kBlocks + by;
            Zone z;
            z.id = id++;
            z.zoneClass = block % 9 == 4 ? ZoneClass::Green : (block % 5 == 0 ? ZoneClass::Commercial : ZoneClass::Residential);
            z.area = rect(x0, y0, x0 + kBlockM - 20.0, y0 + kBlockM - 20.0);
            town.zones.put(z);
            for (int p = 0; p < kPlotsPerBlock; ++p) {
                Zone plot;
                plot.id = id++;
                plot.zoneClass = ZoneClass::PublicService;
                plot.area = rect(x0 + p * 2 * lot, y0, x0 + (p * 2 + 1) * lot, y0 + lot);
                town.zones.put(plot);
            }
            for (int k = 0; k < kPerSide * kPerSide; ++k) {
                Building b;
                b.id = id++;
                const int n = block * kPerSide * kPerSide + k;
                b.use = n % 23 == 0 ? services[(n / 23) % 5] : BuildingUse::Residential;
                b.levels = 2 + n % 7;
                const double x = x0 + (k % kPerSide) * lot + 2.0, y = y0 + (k / kPerSide) * lot + 2.0;
                b.footprint = rect(x, y, x + lot - 4.0, y + lot - 4.0);
                town.buildings.put(b);
            }
        }
    }
    town.nextId = id;
    return town;
}

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
    const Town town = syntheticTown();
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
        doc.modifyEntities(EntitySet{{b}, {}, {}, {}}, QStringLiteral("edit"));
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
