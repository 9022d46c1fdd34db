// SPDX-License-Identifier: MIT
#include "LandUseStatistics.h"

#include "ZoneIndex.h"

#include <algorithm>
#include <unordered_map>

namespace tt {

namespace {
double ratio(double numerator, double denominator)
{
    return denominator > 0.0 ? numerator / denominator : 0.0;
}
} // namespace

double LandUseStatistics::classShare(ZoneClass zoneClass) const
{
    return ratio(classes[int(zoneClass)].areaM2, siteAreaM2);
}

double LandUseStatistics::farmlandShare() const
{
    return ratio(agriculturalAreaM2, siteAreaM2);
}

double LandUseStatistics::greenRatio() const
{
    return ratio(greenAreaM2, builtUpAreaM2);
}

double LandUseStatistics::farBuiltUp() const
{
    return ratio(builtUpGfaM2, builtUpAreaM2);
}

double LandUseStatistics::coverageBuiltUp() const
{
    return ratio(builtUpFootprintM2, builtUpAreaM2);
}

LandUseStatistics LandUseStatistics::compute(const Town &town, const ZoneIndex &zoneIndex,
                                             const BuildingMetricsMap &metrics)
{
    LandUseStatistics s;
    s.zones.reserve(town.zones.size());
    for (const Zone &zone : town.zones) {
        ZoneLandUse z{zone.id, zone.name, zone.zoneClass, {}};
        z.tally.areaM2 = zone.areaM2();
        s.zones.append(z);
    }
    std::sort(s.zones.begin(), s.zones.end(), [](const ZoneLandUse &a, const ZoneLandUse &b) { return a.id < b.id; });
    std::unordered_map<EntityId, int> row;
    row.reserve(s.zones.size());
    double zoneAreaSum = 0.0;
    for (int i = 0; i < s.zones.size(); ++i) {
        const ZoneLandUse &z = s.zones[i];
        row.emplace(z.id, i);
        zoneAreaSum += z.tally.areaM2;
        s.classes[int(z.zoneClass)].areaM2 += z.tally.areaM2;
        if (zoneclass::isBuiltUp(z.zoneClass))
            s.builtUpAreaM2 += z.tally.areaM2;
    }
    s.agriculturalAreaM2 = s.classes[int(ZoneClass::Agricultural)].areaM2;
    s.greenAreaM2 = s.classes[int(ZoneClass::Green)].areaM2;
    s.siteFromBoundary = !town.site.boundary.isEmpty();
    s.siteAreaM2 = s.siteFromBoundary ? geometry::area(town.site.boundary) : zoneAreaSum;

    for (const auto &[id, m] : metrics) {
        const double gfa = m.gfaM2();
        ++s.buildings;
        s.footprintM2 += m.footprintM2;
        s.gfaM2 += gfa;
        for (int u = 0; u < kBuildingUseCount; ++u)
            s.gfaByUseM2[u] += m.gfaByUseM2[u];
        const auto it = row.find(zoneIndex.zoneOf(id));
        bool builtUp = true;
        if (it == row.end()) {
            ++s.unzonedBuildings;
        } else {
            ZoneLandUse &z = s.zones[it->second];
            builtUp = zoneclass::isBuiltUp(z.zoneClass);
            for (LandUseTally *t : {&z.tally, &s.classes[int(z.zoneClass)]}) {
                t->footprintM2 += m.footprintM2;
                t->gfaM2 += gfa;
                ++t->buildings;
            }
        }
        if (builtUp) {
            s.builtUpFootprintM2 += m.footprintM2;
            s.builtUpGfaM2 += gfa;
        }
    }
    return s;
}

} // namespace tt
