// SPDX-License-Identifier: MIT
#pragma once
// The benchmarks' synthetic 10,000-building town: a 20 × 20 grid of 100 m
// blocks with streets, block zones, small public-service plots, mostly homes
// with a service every 23rd building, heights, ages and a flat terrain with a
// margin so that moved buildings stay on it. Header-only: each benchmark is one
// executable.
#include "core/Status.h"
#include "core/Town.h"

#include <cstdio>
#include <cstdlib>

namespace tt::bench {

//! Ends the benchmark when a result it needs could not be had: figures without it would mislead.
inline void require(const Status &status)
{
    if (!status) {
        std::fprintf(stderr, "benchmark stopped: %s\n", qPrintable(status.message));
        std::exit(1);
    }
}

constexpr int kBlocks = 20;        // 20 × 20 blocks
constexpr double kBlockM = 100.0;  // between street centre lines
constexpr int kPerSide = 5;        // 5 × 5 buildings per block: 10,000 in all
constexpr int kPlotsPerBlock = 2;  // small public-service plots inside each block

inline Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

inline Town gridTown()
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
            for (int k = 0; k <= kBlocks; ++k)
                r.line.append(northSouth ? Vec2{c, k * kBlockM} : Vec2{k * kBlockM, c});
            town.roads.put(r);
        }
    }
    const BuildingUse services[] = {BuildingUse::School, BuildingUse::Hospital, BuildingUse::ElderlyCare,
                                    BuildingUse::Retail, BuildingUse::Office};
    const double lot = (kBlockM - 20.0) / kPerSide;
    town.buildings.reserve(kBlocks * kBlocks * kPerSide * kPerSide);
    for (int bx = 0; bx < kBlocks; ++bx) {
        for (int by = 0; by < kBlocks; ++by) {
            const double x0 = bx * kBlockM + 10.0, y0 = by * kBlockM + 10.0;
            const int block = bx * kBlocks + by;
            Zone z;
            z.id = id++;
            z.zoneClass = block % 9 == 4 ? ZoneClass::Green
                                         : (block % 5 == 0 ? ZoneClass::Commercial : ZoneClass::Residential);
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
                b.heightM = b.levels * buildinguse::storeyHeight(b.use);
                b.year = 1950 + (n * 7) % 75;
                const double x = x0 + (k % kPerSide) * lot + 2.0, y = y0 + (k / kPerSide) * lot + 2.0;
                b.footprint = rect(x, y, x + lot - 4.0, y + lot - 4.0);
                town.buildings.put(b);
            }
        }
    }
    town.nextId = id;
    // A margin around the streets so that moved buildings stay on the terrain.
    Bounds2 area = town.dataBounds();
    area.minX -= 100.0;
    area.minY -= 100.0;
    area.maxX += 100.0;
    area.maxY += 100.0;
    town.terrain = Terrain::flat(area, 0.0, 50.0);
    return town;
}

} // namespace tt::bench
