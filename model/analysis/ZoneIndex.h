// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityTable.h"
#include "core/Zone.h"

#include <unordered_map>
#include <vector>

namespace tt {

//! Which zone each building is in: the smallest zone containing the building's
//! centroid (zones may overlap, e.g. a school plot inside a residential area).
//! Zones are bucketed in a uniform grid so a lookup tests only the few zones
//! whose bounds cover the point's cell.
class ZoneIndex {
public:
    //! Indexes the zones and reassigns every building already assigned.
    void rebuild(const EntityTable<Zone> &zones);
    //! Smallest zone containing p (lowest id on equal area); kNoEntity outside every zone.
    EntityId zoneAt(Vec2 p) const;

    //! Assigns (or reassigns) a building by its centroid and returns its zone.
    EntityId assign(EntityId building, Vec2 centroid);
    void unassign(EntityId building);
    void clearAssignments();
    //! The zone a building was assigned to; kNoEntity when unzoned or unknown.
    EntityId zoneOf(EntityId building) const;
    const std::unordered_map<EntityId, EntityId> &assignments() const { return m_zoneOf; }

private:
    struct Entry {
        EntityId id;
        double area;
        Bounds2 bounds;
        Polygon polygon;
    };
    int cellOf(int cx, int cy) const { return cy * m_columns + cx; }

    std::vector<Entry> m_entries;
    std::vector<std::vector<int>> m_cells;  // entry indices per grid cell
    Bounds2 m_bounds;
    double m_cellSize = 1.0;
    int m_columns = 0;
    int m_rows = 0;
    std::unordered_map<EntityId, EntityId> m_zoneOf;
    std::unordered_map<EntityId, Vec2> m_centroids;
};

} // namespace tt
