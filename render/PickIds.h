// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <osgUtil/LineSegmentIntersector>

namespace osg {
class Geometry;
}

namespace tt {

//! Batched geometry carries one entity id per vertex (an osg::UInt64Array in
//! the geometry's user data) so a hit triangle names the entity it belongs to.
namespace PickIds {
//! Attaches the per-vertex id array to the geometry (same length as its vertices).
void attach(osg::Geometry *geometry, const std::vector<EntityId> &idsPerVertex);
//! The entity a hit belongs to, or kNoEntity for geometry without ids.
EntityId entityAt(const osgUtil::LineSegmentIntersector::Intersection &hit);
} // namespace PickIds

} // namespace tt
