// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"
#include "network/NetworkSnapshot.h"

#include <osg/Node>
#include <osg/ref_ptr>

namespace tt {

//! The energy networks along their routes: ribbons (cables thin, pipe pairs wider, each
//! carrier on its own side of the route, as in a street's utility corridor) for close
//! views, and lines a few pixels wide on top so a whole town still shows them.
//! Sources are substation blocks, transformers small boxes.
//!
//! With a snapshot of an hour, cables and transformers are coloured by loading (green,
//! yellow, orange, red over 100 %), pipes keep their carrier's colour; lines grow wider
//! with the power they carry and carry dashes that move in the direction of flow (with
//! SceneShading's flow dashes on), faster with more power; overloaded links and nodes
//! outside 0.95-1.05 pu are flagged with red markers.
namespace NetworkMesh {
osg::Vec4ub carrierColor(NetworkCarrier carrier);
//! Green at no load through yellow and orange to red at 100 % and above.
osg::Vec4ub loadingColor(double loading);
//! Null when the town has no networks; `snapshot` may be null (no hour shown).
osg::ref_ptr<osg::Node> build(const Town &town, const NetworkSnapshot *snapshot);
} // namespace NetworkMesh

} // namespace tt
