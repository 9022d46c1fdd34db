// SPDX-License-Identifier: MIT
#pragma once

#include "MeshBuilder.h"
#include "core/Building.h"
#include "core/EntityTable.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace tt {

//! Extruded building geometry. A building with R footprint vertices (outer
//! ring and holes) gets 2R shared vertices (ground and roof ring), two wall
//! triangles per footprint edge and a triangulated flat roof. There are no
//! normals: the scene shader lights each face flat from screen derivatives.
namespace BuildingMesh {
using ColorFn = std::function<osg::Vec4ub(const Building &)>;

//! Adds one building to a batch.
void append(MeshBuilder &mesh, const Building &building, const osg::Vec4ub &color);
//! One batched geometry for many buildings (a tile), ids attached for picking.
osg::ref_ptr<osg::Geometry> build(const std::vector<const Building *> &buildings, const ColorFn &color);
//! Texture resolution of an impostor: metres per texel, texels per side at most.
constexpr double kImpostorTexelM = 2.0;
constexpr int kImpostorMaxTexels = 256;
//! The far-away stand-in for a batch, for when buildings shrink to a few
//! pixels: one textured quad at the mean roof height, the roofs painted into
//! the texture in the buildings' colours (transparent between them).
osg::ref_ptr<osg::Geometry> buildImpostor(const std::vector<const Building *> &buildings, const ColorFn &color);
//! Rewrites the colours of a batch in place, from the buildings its ids name.
void recolor(osg::Geometry *geometry, const EntityTable<Building> &buildings, const ColorFn &color);
} // namespace BuildingMesh

} // namespace tt
