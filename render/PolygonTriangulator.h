// SPDX-License-Identifier: MIT
#pragma once

#include "core/Geometry.h"

#include <QtGlobal>

#include <vector>

namespace tt {

//! Fills polygons with triangles: roofs, zones, PV fields.
namespace PolygonTriangulator {
//! Triangles (three indices each, counter-clockwise seen from above) into the
//! polygon's vertices numbered outer ring first, then each hole in order.
//! Convex rings without holes are fanned; anything else goes through VTK's
//! contour triangulator, which honours holes. Empty when nothing can be filled.
std::vector<quint32> triangulate(const Polygon &polygon);
} // namespace PolygonTriangulator

} // namespace tt
