// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

#include <osg/Geometry>
#include <osg/ref_ptr>

namespace tt {

//! Energy assets as simple, recognisable symbols in one batched geometry with
//! per-vertex ids: a mast with nacelle and three blades for a turbine, blue
//! panel fields for PV (on roofs and on the ground), container boxes for
//! batteries, a tank for heat storage, boxes with chimneys for plants.
namespace AssetMesh {
//! Null when the town has no assets.
osg::ref_ptr<osg::Geometry> build(const Town &town);
} // namespace AssetMesh

} // namespace tt
