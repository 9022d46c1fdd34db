// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"
#include "Geometry.h"

#include <QString>

namespace tt {

//! A road centre line; the network for service-reach distances.
struct Road {
    EntityId id = kNoEntity;
    QString sourceId;
    QString name;
    QString roadClass;    //!< e.g. OSM highway=* ("primary", "residential") or the source's class
    double widthM = 6.0;  //!< carriageway width used for drawing and land take
    QVector<Vec2> line;   //!< local coordinates, at least two vertices

    double lengthM() const { return geometry::length(line); }
    bool operator==(const Road &o) const
    {
        return id == o.id && sourceId == o.sourceId && name == o.name && roadClass == o.roadClass
            && widthM == o.widthM && line == o.line;
    }
    bool operator!=(const Road &o) const { return !(*this == o); }
};

} // namespace tt
