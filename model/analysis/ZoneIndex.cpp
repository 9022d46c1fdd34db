// SPDX-License-Identifier: MIT
#include "ZoneIndex.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
// About four cells per zone keeps buckets short; the cap bounds memory for
// towns with a few huge and many tiny zones.
constexpr double kCellsPerZone = 4.0;
constexpr int kMaxCellsPerAxis = 256;
} // namespace

void ZoneIndex::rebuild(const EntityTable<Zone> &zones)
{
    m_entries.clear();
    m_cells.clear();
    m_bounds = Bounds2{};
    for (const Zone &zone : zones) {
        if (zone.area.isEmpty())
            continue;
        const Bounds2 b = geometry::bounds(zone.area);
        m_entries.push_back(Entry{zone.id, zone.areaM2(), b, zone.area});
        m_bounds.add(b);
    }
    m_columns = m_rows = 0;
    if (!m_entries.empty()) {
        const double extent = std::max({m_bounds.width(), m_bounds.height(), 1.0});
        const double cellArea = std::max(m_bounds.width(), 1.0) * std::max(m_bounds.height(), 1.0)
            / (kCellsPerZone * double(m_entries.size()));
        m_cellSize = std::max(std::sqrt(cellArea), extent / kMaxCellsPerAxis);
        m_columns = std::max(1, int(std::ceil(m_bounds.width() / m_cellSize)));
        m_rows = std::max(1, int(std::ceil(m_bounds.height() / m_cellSize)));
        m_cells.resize(size_t(m_columns) * size_t(m_rows));
        for (int i = 0; i < int(m_entries.size()); ++i) {
            const Bounds2 &b = m_entries[i].bounds;
            const int x0 = std::clamp(int((b.minX - m_bounds.minX) / m_cellSize), 0, m_columns - 1);
            const int x1 = std::clamp(int((b.maxX - m_bounds.minX) / m_cellSize), 0, m_columns - 1);
            const int y0 = std::clamp(int((b.minY - m_bounds.minY) / m_cellSize), 0, m_rows - 1);
            const int y1 = std::clamp(int((b.maxY - m_bounds.minY) / m_cellSize), 0, m_rows - 1);
            for (int cy = y0; cy <= y1; ++cy)
                for (int cx = x0; cx <= x1; ++cx)
                    m_cells[cellOf(cx, cy)].push_back(i);
        }
    }
    for (auto &[building, zone] : m_zoneOf)
        zone = zoneAt(m_centroids.at(building));
}

EntityId ZoneIndex::zoneAt(Vec2 p) const
{
    if (m_entries.empty() || !m_bounds.contains(p))
        return kNoEntity;
    const int cx = std::clamp(int((p.x - m_bounds.minX) / m_cellSize), 0, m_columns - 1);
    const int cy = std::clamp(int((p.y - m_bounds.minY) / m_cellSize), 0, m_rows - 1);
    const Entry *best = nullptr;
    for (int i : m_cells[cellOf(cx, cy)]) {
        const Entry &e = m_entries[i];
        if (best && (e.area > best->area || (e.area == best->area && e.id > best->id)))
            continue;
        if (e.bounds.contains(p) && geometry::contains(e.polygon, p))
            best = &e;
    }
    return best ? best->id : kNoEntity;
}

EntityId ZoneIndex::assign(EntityId building, Vec2 centroid)
{
    const EntityId zone = zoneAt(centroid);
    m_zoneOf[building] = zone;
    m_centroids[building] = centroid;
    return zone;
}

void ZoneIndex::unassign(EntityId building)
{
    m_zoneOf.erase(building);
    m_centroids.erase(building);
}

void ZoneIndex::clearAssignments()
{
    m_zoneOf.clear();
    m_centroids.clear();
}

EntityId ZoneIndex::zoneOf(EntityId building) const
{
    const auto it = m_zoneOf.find(building);
    return it == m_zoneOf.end() ? kNoEntity : it->second;
}

} // namespace tt
