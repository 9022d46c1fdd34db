// SPDX-License-Identifier: MIT
#pragma once

#include "SceneTypes.h"
#include "core/Terrain.h"

#include <osg/Vec4ub>
#include <osg/Node>
#include <osg/ref_ptr>

namespace tt {

//! The terrain surface: square tiles of the elevation grid, each an osg::LOD
//! with the grid at every 1st, 2nd, 4th ... sample so large DEMs stay
//! responsive; smooth per-vertex normals; NoData cells left as holes.
//! A coarser level takes over where its cells look small (a few pixels), or,
//! plain and contoured, where its height error does: a gentle plain is drawn
//! with a few triangles a tile, which a software renderer needs.
namespace TerrainMesh {
constexpr int kTileCells = 64;
//! Sample steps of the detail levels, finest first; the last is a tile's two triangles.
constexpr int kLevelSteps[] = {1, 2, 4, 8, 16, 32, 64};
//! Screen pixels per radian of view the height error is judged for: a level
//! stays under half a pixel of error at full-screen size.
constexpr double kPixelsPerRadian = 2000.0;

//! Largest vertical distance between the tile's grid samples (columns c0..c1,
//! rows r0..r1) and the level drawn every `step` samples; infinite where the
//! tile has NoData, whose holes a coarser level would not follow.
double levelError(const Terrain &terrain, int c0, int r0, int c1, int r1, int step);

//! The colour of the plain style's ground (what opaque zones are blended over).
const osg::Vec4ub kPlainColor(196, 204, 168, 255);

osg::ref_ptr<osg::Node> create(const Terrain &terrain, TerrainStyle style);
//! A round contour spacing giving about 15-30 lines over the elevation range.
double contourInterval(double minElevation, double maxElevation);
//! Contour lines (GL_LINES, marching squares on the full grid) at multiples of
//! interval; cells touching NoData are skipped. Null when there are none.
osg::ref_ptr<osg::Geometry> contours(const Terrain &terrain, double interval);
} // namespace TerrainMesh

} // namespace tt
