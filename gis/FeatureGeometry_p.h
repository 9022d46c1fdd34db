// SPDX-License-Identifier: MIT
#pragma once

#include "core/Geometry.h"

#include <QString>
#include <QVector>

class OGRGeometry;

namespace tt::featuregeometry {

//! The polygons of one feature, still in the source CRS.
struct Polygons {
    QVector<Polygon> parts;  //!< one per polygon part; empty when nothing usable
    QString problem;         //!< why nothing usable came out of the feature
    QString repair;          //!< what was repaired to keep it, empty when nothing was
    bool wrongType = false;  //!< the feature is a point or line, not a polygon at all
};

//! The lines of one feature, still in the source CRS.
struct Lines {
    QVector<QVector<Vec2>> parts;
    QString problem;
    bool wrongType = false;  //!< the feature is a point or polygon, not a line at all
};

//! Polygon parts of a (multi)polygon or curve polygon; self-intersecting rings are
//! repaired with GEOS MakeValid, non-finite or absurd coordinates reject the feature.
Polygons polygons(const OGRGeometry *geometry);
//! Line parts of a (multi)line string or compound curve.
Lines lines(const OGRGeometry *geometry);
//! The first vertex of any geometry (outer ring of the first part of a polygon, ...);
//! false for a null or empty one. What CRS checks sample from each feature.
bool firstVertex(const OGRGeometry *geometry, Vec2 *vertex);

} // namespace tt::featuregeometry
