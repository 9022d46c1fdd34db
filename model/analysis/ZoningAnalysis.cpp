// SPDX-License-Identifier: MIT
#include "ZoningAnalysis.h"

namespace tt {

void ZoningAnalysis::reset(const Town &town)
{
    m_settings = ZoningSettings::fromSettings(town.settings);
    m_rulesStatus = PlanRules::forTown(town, &m_rules);
    m_metrics.clear();
    m_metrics.reserve(size_t(town.buildings.size()));
    m_zoneIndex.clearAssignments();
    m_zoneIndex.rebuild(town.zones);
    for (const Building &b : town.buildings) {
        if (b.context)
            continue;
        const BuildingMetrics m = BuildingMetrics::of(b);
        m_zoneIndex.assign(b.id, m.centroid);
        m_metrics.emplace(b.id, m);
    }
    m_reach.reset(town, m_settings, m_metrics);
}

void ZoningAnalysis::updateBuildings(const Town &town, const QVector<EntityId> &ids)
{
    for (EntityId id : ids) {
        const Building *b = town.buildings.find(id);
        if (b && !b->context) {
            const BuildingMetrics m = BuildingMetrics::of(*b);
            m_zoneIndex.assign(id, m.centroid);
            m_metrics[id] = m;
            m_reach.updateBuilding(id, &m);
        } else {
            m_zoneIndex.unassign(id);
            m_metrics.erase(id);
            m_reach.updateBuilding(id, nullptr);
        }
    }
    m_reach.flush();
}

void ZoningAnalysis::updateZones(const Town &town)
{
    m_zoneIndex.rebuild(town.zones);
    m_reach.updateZones(town);
    m_reach.flush();
}

void ZoningAnalysis::updateRoads(const Town &town)
{
    m_reach.reset(town, m_settings, m_metrics);
}

KpiReport ZoningAnalysis::report(const Town &town) const
{
    KpiReport r;
    r.landUse = LandUseStatistics::compute(town, m_zoneIndex, m_metrics);
    r.capacity = Capacity::compute(r.landUse.gfaByUseM2, m_settings);
    r.serviceReach = m_reach.result();
    r.planCheck = m_rulesStatus.ok ? PlanChecker::check(m_rules, r.metrics()) : PlanCheck{{}, m_rulesStatus};
    return r;
}

KpiReport computeKpis(const Town &town)
{
    ZoningAnalysis analysis;
    analysis.reset(town);
    return analysis.report(town);
}

} // namespace tt
