// SPDX-License-Identifier: MIT
#include "ServiceReachAnalysis.h"

#include "Capacity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tt {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr unsigned kAllServices = (1u << kServiceTypeCount) - 1;

unsigned bit(ServiceType type)
{
    return 1u << int(type);
}

unsigned providedServices(const BuildingMetrics &m)
{
    unsigned mask = 0;
    for (int t = 0; t < kServiceTypeCount; ++t) {
        BuildingUse use;
        if (servicetype::providingUse(ServiceType(t), &use) && m.gfaOf(use) > 0.0)
            mask |= bit(ServiceType(t));
    }
    return mask;
}

//! Straight distance from p to a polygon's area (0 inside).
double distanceToArea(const Polygon &area, Vec2 p)
{
    if (geometry::contains(area, p))
        return 0.0;
    double best = kInf;
    const auto ringDistance = [&](const Ring &ring) {
        for (int i = 0; i < ring.size(); ++i)
            best = std::min(best, geometry::distanceToSegment(p, ring[i], ring[(i + 1) % ring.size()]));
    };
    ringDistance(area.outer);
    for (const Ring &hole : area.holes)
        ringDistance(hole);
    return best;
}
} // namespace

void ServiceReachAnalysis::reset(const Town &town, const ZoningSettings &settings, const BuildingMetricsMap &metrics)
{
    m_settings = settings;
    m_network.build(town.roads);
    m_places.clear();
    // Every service is recomputed below, so updateBuilding skips measuring.
    m_dirty = kAllServices;
    for (const auto &[id, m] : metrics)
        updateBuilding(id, &m);
    updateZones(town);
    flush();
}

void ServiceReachAnalysis::updateBuilding(EntityId id, const BuildingMetrics *metrics)
{
    const auto it = m_places.find(id);
    const Place *old = it == m_places.end() ? nullptr : &it->second;
    Place now;
    if (metrics) {
        now.centroid = metrics->centroid;
        now.residents = Capacity::residentsOf(metrics->gfaByUseM2, m_settings);
        now.provides = providedServices(*metrics);
    }
    const unsigned oldProvides = old ? old->provides : 0;
    if (oldProvides != now.provides || (old && old->centroid != now.centroid))
        m_dirty |= oldProvides | now.provides;
    if (!metrics || (now.residents <= 0.0 && now.provides == 0)) {
        if (old)
            m_places.erase(it);
        return;
    }
    now.access = old && old->centroid == now.centroid ? old->access : m_network.locate(now.centroid);
    for (int t = 0; t < kServiceTypeCount; ++t)
        if (!(m_dirty & bit(ServiceType(t))))
            now.distanceM[t] = measure(ServiceType(t), now);
    m_places[id] = now;
}

void ServiceReachAnalysis::updateZones(const Town &town)
{
    std::vector<const Zone *> parks;
    for (const Zone &zone : town.zones)
        if (zone.zoneClass == ZoneClass::Green && !zone.area.isEmpty())
            parks.push_back(&zone);
    std::sort(parks.begin(), parks.end(), [](const Zone *a, const Zone *b) { return a->id < b->id; });
    m_parks.clear();
    for (const Zone *zone : parks)
        m_parks.append(zone->area);
    m_dirty |= bit(ServiceType::Park);
}

void ServiceReachAnalysis::flush()
{
    for (int t = 0; t < kServiceTypeCount; ++t)
        if (m_dirty & bit(ServiceType(t)))
            rebuildProviders(ServiceType(t));
    m_dirty = 0;
}

void ServiceReachAnalysis::rebuildProviders(ServiceType type)
{
    Providers &p = m_providers[int(type)];
    p = Providers{};
    if (type == ServiceType::Park) {
        p.count = m_parks.size();
        if (alongRoads()) {
            // A park is entered anywhere along its edge: sample the boundary.
            for (const Polygon &park : m_parks) {
                const Ring &ring = park.outer;
                for (int i = 0; i < ring.size(); ++i) {
                    const Vec2 a = ring[i];
                    const Vec2 b = ring[(i + 1) % ring.size()];
                    const int steps = std::max(1, int(std::ceil((b - a).length() / kParkAccessSpacingM)));
                    for (int k = 0; k < steps; ++k)
                        p.accesses.append(m_network.locate(a + (b - a) * (double(k) / steps)));
                }
            }
        }
    } else {
        for (const auto &[id, place] : m_places) {
            if (!(place.provides & bit(type)))
                continue;
            ++p.count;
            p.points.append(place.centroid);
            p.accesses.append(place.access);
        }
    }
    if (alongRoads())
        p.field = m_network.distancesFrom(p.accesses);
    for (auto &[id, place] : m_places)
        if (place.residents > 0.0)
            place.distanceM[int(type)] = measure(type, place);
}

double ServiceReachAnalysis::measure(ServiceType type, const Place &place) const
{
    // Living above the shop, or in the park, is no walk at all.
    if (place.provides & bit(type))
        return 0.0;
    if (type == ServiceType::Park) {
        for (const Polygon &park : m_parks)
            if (geometry::contains(park, place.centroid))
                return 0.0;
    }
    if (alongRoads())
        return m_network.distance(m_providers[int(type)].field, place.access);
    double best = kInf;
    if (type == ServiceType::Park) {
        for (const Polygon &park : m_parks)
            best = std::min(best, distanceToArea(park, place.centroid));
    }
    for (const Vec2 &p : m_providers[int(type)].points)
        best = std::min(best, (p - place.centroid).length());
    return best;
}

ServiceReach ServiceReachAnalysis::result() const
{
    ServiceReach r;
    r.alongRoads = alongRoads();
    for (const auto &[id, place] : m_places) {
        if (place.residents <= 0.0)
            continue;
        r.residents += place.residents;
        for (int t = 0; t < kServiceTypeCount; ++t)
            if (place.distanceM[t] <= m_settings.reachRadiusM[t])
                r.services[t].residentsReached += place.residents;
    }
    for (int t = 0; t < kServiceTypeCount; ++t) {
        ServiceReachEntry &e = r.services[t];
        e.radiusM = m_settings.reachRadiusM[t];
        e.providers = m_providers[t].count;
        e.share = r.residents > 0.0 ? e.residentsReached / r.residents : 0.0;
    }
    return r;
}

double ServiceReachAnalysis::distanceM(ServiceType type, EntityId building) const
{
    const auto it = m_places.find(building);
    return it == m_places.end() || it->second.residents <= 0.0 ? kInf : it->second.distanceM[int(type)];
}

} // namespace tt
