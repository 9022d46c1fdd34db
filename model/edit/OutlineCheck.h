// SPDX-License-Identifier: MIT
#pragma once

#include "core/Geometry.h"
#include "core/Status.h"

namespace tt {

class Terrain;

//! Whether an outline drawn or moved by the planner can stand in the plan.
//! Edits are refused as a whole when any outline fails, never applied half-way.
namespace OutlineCheck {
//! Smallest footprint or zone accepted, m²: anything less is a stray click.
constexpr double kMinAreaM2 = 1.0;
//! At least three vertices, finite coordinates, an area of kMinAreaM2 or more,
//! no self-intersection, and every vertex on the terrain when there is one.
//! `what` names the entity in the message ("building 12", "the new zone").
Status check(const Polygon &outline, const Terrain &terrain, const QString &what);
} // namespace OutlineCheck

} // namespace tt
