// SPDX-License-Identifier: MIT
#pragma once

#include "core/Building.h"

#include <array>
#include <unordered_map>

namespace tt {

//! What one building contributes to the zoning KPIs, computed once per edit of
//! that building so aggregations never touch its polygon again.
struct BuildingMetrics {
    Vec2 centroid;                                      //!< locates it in a zone and on the road network
    double footprintM2 = 0.0;
    std::array<double, kBuildingUseCount> gfaByUseM2{};  //!< gross floor area split by Building::useShares

    double gfaM2() const;  //!< total gross floor area
    double gfaOf(BuildingUse use) const { return gfaByUseM2[int(use)]; }
    //! Measures a building once: centroid, footprint area, floor area per use.
    static BuildingMetrics of(const Building &building);
};

using BuildingMetricsMap = std::unordered_map<EntityId, BuildingMetrics>;

} // namespace tt
