// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingUse.h"
#include "EntityId.h"
#include "Geometry.h"

#include <QString>
#include <QVector>

namespace tt {

//! One use and the share of floor area it takes (CEA's 1ST_USE/1ST_USE_R style).
struct UseShare {
    BuildingUse use = BuildingUse::Other;
    double share = 1.0;
    bool operator==(const UseShare &o) const { return use == o.use && share == o.share; }
};

//! A building: an extruded footprint standing on the terrain.
struct Building {
    EntityId id = kNoEntity;
    QString sourceId;           //!< the source's own id (osm_id, CEA Name, ...)
    QString name;
    BuildingUse use = BuildingUse::Other;  //!< main use (largest share)
    QVector<UseShare> mix;      //!< all uses with shares summing to 1; empty means 100% `use`
    double levels = 0.0;        //!< storeys above ground (may be fractional in source data)
    //! Storeys below ground (CEA floors_bg, OSM building:levels:underground): not in the
    //! zoning floor area (FAR counts what stands above ground), simulated as unconditioned.
    double basementLevels = 0.0;
    double heightM = 0.0;       //!< height above ground to the (flat) roof
    double groundM = 0.0;       //!< elevation of the ground under the building (DEM, project CRS heights)
    bool heightGuessed = false; //!< true when heightM came from a default, not the data
    //! Surroundings (CEA's surroundings.shp, neighbours outside the plan): drawn
    //! for context, not counted in the zoning KPIs or simulated for energy.
    bool context = false;
    int year = 0;               //!< year of construction, 0 when unknown
    Polygon footprint;          //!< local coordinates (metres from the site origin)

    double footprintArea() const { return geometry::area(footprint); }
    //! Gross floor area above ground: footprint × storeys (levels, or height / storey height when
    //! levels are unknown).
    double grossFloorArea() const;
    //! Floor area below ground: footprint × basementLevels.
    double basementFloorArea() const { return footprintArea() * basementLevels; }
    //! Shares of floor area per use, always non-empty and normalised.
    QVector<UseShare> useShares() const;

    bool operator==(const Building &o) const;
    bool operator!=(const Building &o) const { return !(*this == o); }
};

} // namespace tt
