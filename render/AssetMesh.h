// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

#include <QHash>
#include <osg/Geometry>
#include <osg/ref_ptr>

namespace tt {

//! Energy assets as simple, recognisable symbols in one batched geometry with
//! per-vertex ids: a mast with nacelle and three blades for a turbine, blue
//! panel fields for PV (on roofs and on the ground), container boxes for
//! batteries, a tank for heat storage, boxes with chimneys for plants.
namespace AssetMesh {
//! Null when the town has no assets. With `levels` (the live view) each symbol is tinted
//! as a whole by its level on the value ramp (0 to 1: output over rating, state of
//! charge), grey when it has none or it is not finite (no data for a while).
osg::ref_ptr<osg::Geometry> build(const Town &town, const QHash<EntityId, double> *levels = nullptr);
} // namespace AssetMesh

} // namespace tt
