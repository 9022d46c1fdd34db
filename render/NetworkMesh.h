// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

#include <osg/Geometry>
#include <osg/ref_ptr>

namespace tt {

//! The energy networks drawn along their routes, one batched geometry with per-vertex
//! ids: cables thin, pipe pairs wider, each carrier in its colour and on its own side
//! of the route (where a road carries all three they lie side by side, as in a street's
//! utility corridor). Open links are grey; sources are drawn as substation blocks.
namespace NetworkMesh {
osg::Vec4ub carrierColor(NetworkCarrier carrier);
//! Null when the town has no networks.
osg::ref_ptr<osg::Geometry> build(const Town &town);
} // namespace NetworkMesh

} // namespace tt
