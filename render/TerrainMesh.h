// SPDX-License-Identifier: MIT
#pragma once

#include "SceneTypes.h"
#include "core/Terrain.h"

#include <osg/Node>
#include <osg/ref_ptr>

namespace tt {

//! The terrain surface: square tiles of the elevation grid, each an osg::LOD
//! with the grid at every 1st, 2nd, 4th and 8th sample so large DEMs stay
//! responsive; smooth per-vertex normals; NoData cells left as holes.
namespace TerrainMesh {
constexpr int kTileCells = 64;
//! Sample steps of the detail levels, finest first.
constexpr int kLevelSteps[] = {1, 2, 4, 8};

osg::ref_ptr<osg::Node> create(const Terrain &terrain, TerrainStyle style);
//! A round contour spacing giving about 15-30 lines over the elevation range.
double contourInterval(double minElevation, double maxElevation);
//! Contour lines (GL_LINES, marching squares on the full grid) at multiples of
//! interval; cells touching NoData are skipped. Null when there are none.
osg::ref_ptr<osg::Geometry> contours(const Terrain &terrain, double interval);
} // namespace TerrainMesh

} // namespace tt
