// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityTable.h"
#include "core/Terrain.h"
#include "core/Zone.h"

#include <osg/Node>
#include <osg/ref_ptr>

namespace tt::TreeMesh {

//! At most this many trees in a town; larger parks get them further apart.
constexpr int kMaxTrees = 20000;

//! Trees over the green zones (parks), standing on the terrain, so that a plan reads as a
//! town rather than boxes on coloured ground: low-poly canopies on trunks, in a few greens
//! and sizes, about 12 m apart on a jittered grid that is the same for the same zones.
//! Each tree picks as its zone. Null when there are no green zones.
osg::ref_ptr<osg::Node> build(const EntityTable<Zone> &zones, const Terrain &terrain);

//! How many trees build() plants (for tests and benchmarks).
int count(const EntityTable<Zone> &zones, const Terrain &terrain);

} // namespace tt::TreeMesh
