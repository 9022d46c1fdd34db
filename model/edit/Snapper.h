// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"
#include "core/Geometry.h"

namespace tt {

struct Town;

//! Snapping for drags: moves land on a grid and on the corners and walls of
//! neighbouring buildings; rotations line buildings up with the roads.
namespace Snapper {
//! The move rounded to the grid (gridM > 0), then pulled so that a corner of
//! a moved building meets a corner of another building within toleranceM, or
//! else lies on the nearest edge of one (the blocks stand flush).
Vec2 snapMove(const Town &town, const QVector<EntityId> &ids, Vec2 delta, double gridM, double toleranceM);
//! The rotation (radians) turned so the first selected building's longest
//! edge runs parallel or square to the nearest road direction within
//! kRoadToleranceRad; otherwise rounded to kStepRad.
double snapRotation(const Town &town, const QVector<EntityId> &ids, double angleRad);
constexpr double kStepRad = M_PI / 12.0;          // 15°
constexpr double kRoadToleranceRad = M_PI / 36.0;  // 5°
} // namespace Snapper

} // namespace tt
