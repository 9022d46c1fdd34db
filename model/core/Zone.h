// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"
#include "Geometry.h"
#include "ZoneClass.h"

#include <QString>

namespace tt {

//! A land-use zone (parcel or planning area) drawn on the terrain.
struct Zone {
    EntityId id = kNoEntity;
    QString sourceId;
    QString name;
    ZoneClass zoneClass = ZoneClass::Green;
    Polygon area;  //!< local coordinates

    double areaM2() const { return geometry::area(area); }
    bool operator==(const Zone &o) const
    {
        return id == o.id && sourceId == o.sourceId && name == o.name && zoneClass == o.zoneClass && area == o.area;
    }
    bool operator!=(const Zone &o) const { return !(*this == o); }
};

} // namespace tt
