// SPDX-License-Identifier: MIT
#include "BuildingMetrics.h"

namespace tt {

double BuildingMetrics::gfaM2() const
{
    double total = 0.0;
    for (double v : gfaByUseM2)
        total += v;
    return total;
}

BuildingMetrics BuildingMetrics::of(const Building &building)
{
    BuildingMetrics m;
    m.centroid = geometry::centroid(building.footprint);
    m.footprintM2 = building.footprintArea();
    const double gfa = building.grossFloorArea();
    for (const UseShare &share : building.useShares())
        m.gfaByUseM2[int(share.use)] += gfa * share.share;
    return m;
}

} // namespace tt
