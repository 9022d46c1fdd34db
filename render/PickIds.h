// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <osgUtil/LineSegmentIntersector>

#include <vector>

namespace osg {
class Camera;
class Geometry;
} // namespace osg

namespace tt {

//! Batched geometry carries one entity id per vertex (an osg::UInt64Array in
//! the geometry's user data) so a hit triangle names the entity it belongs to.
namespace PickIds {
//! Attaches the per-vertex id array to the geometry (same length as its vertices).
void attach(osg::Geometry *geometry, const std::vector<EntityId> &idsPerVertex);
//! The per-vertex ids of a geometry, or null when it has none.
const osg::UInt64Array *ids(const osg::Geometry *geometry);
//! The entity a hit belongs to, or kNoEntity for geometry without ids.
EntityId entityAt(const osgUtil::LineSegmentIntersector::Intersection &hit);
//! The entity under a window position (pixels, origin bottom-left as in OSG)
//! of the camera's viewport, or kNoEntity.
EntityId pick(osg::Camera *camera, double x, double y);
//! The nearest surface under a window position: its world point and the entity
//! it belongs to (kNoEntity for terrain or the grid). False when nothing is hit.
bool pickPoint(osg::Camera *camera, double x, double y, osg::Vec3d *world, EntityId *id);
} // namespace PickIds

} // namespace tt
