// SPDX-License-Identifier: MIT
#pragma once

#include "Crs_p.h"
#include "core/Geometry.h"

#include <QVector>

namespace tt {

//! Where a feeder's nodes and lines lie, as read: in each layer's own CRS, in the
//! order of the network's nodes and links. What the importer places into the site.
struct FeederGeometry {
    QVector<Vec2> nodePositions;        //!< per node; NaN where the feature has no point
    QVector<QVector<Vec2>> linkRoutes;  //!< per link; empty where the feature has no line
    crs::SrsPtr nodesCrs, linesCrs;     //!< what each layer declares; null when nothing
};

} // namespace tt
