// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingMetrics.h"
#include "KpiReport.h"
#include "PlanRules.h"
#include "ServiceReachAnalysis.h"
#include "ZoneIndex.h"
#include "ZoningSettings.h"
#include "core/Town.h"

namespace tt {

//! The zoning KPIs of one town with everything cached per building and per
//! zone, so an edit recomputes only what it touches: a building's metrics, its
//! zone and its road access, and the reach of a service whose provider moved.
//! The report itself is a cheap aggregation of the caches.
class ZoningAnalysis {
public:
    //! Everything from scratch (a new town, or settings and rules changed).
    void reset(const Town &town);
    //! Buildings added, changed or removed; their current versions are looked up in town.
    void updateBuildings(const Town &town, const QVector<EntityId> &ids);
    //! Zones added, changed or removed: the zone index and park providers are rebuilt.
    void updateZones(const Town &town);
    //! Roads added, changed or removed: the road graph and every road access are rebuilt.
    void updateRoads(const Town &town);

    KpiReport report(const Town &town) const;
    //! The zone a building stands in (smallest containing its centroid); kNoEntity when unzoned.
    EntityId zoneOf(EntityId building) const { return m_zoneIndex.zoneOf(building); }
    //! Per-home walking distances and the road graph behind the reach shares.
    const ServiceReachAnalysis &serviceReach() const { return m_reach; }

private:
    ZoningSettings m_settings;
    PlanRules m_rules;
    Status m_rulesStatus;
    ZoneIndex m_zoneIndex;
    BuildingMetricsMap m_metrics;
    ServiceReachAnalysis m_reach;
};

//! All zoning KPIs of a town, computed from scratch (the CLI's `kpis` verb).
KpiReport computeKpis(const Town &town);

} // namespace tt
