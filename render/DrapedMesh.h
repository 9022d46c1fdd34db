// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityTable.h"
#include "core/Road.h"
#include "core/Terrain.h"
#include "core/Zone.h"

#include <osg/Geometry>
#include <osg/ref_ptr>

#include <optional>

namespace tt {

class MeshBuilder;

//! Geometry laid on the terrain: zones and roads, batched one geometry per
//! layer with per-vertex ids. Triangles are subdivided and edges densified
//! to the grid spacing so they follow the relief instead of cutting through it.
namespace DrapedMesh {
constexpr float kZoneLift = 0.3f;
constexpr float kRoadLift = 0.6f;

//! Terrain elevation, or the nearest sensible value where there is none
//! (outside the grid or NoData): the lowest elevation, or 0 without terrain.
double groundAt(const Terrain &terrain, Vec2 p);
//! Zones in their class colours, semi-transparent; or, given the colour of the ground
//! under them, opaque and already blended over it. Null when there are none.
osg::ref_ptr<osg::Geometry> zones(const EntityTable<Zone> &zones, const Terrain &terrain,
                                  const std::optional<osg::Vec4ub> &ground = std::nullopt);
//! Roads as ribbons of their width. Null when there are none.
osg::ref_ptr<osg::Geometry> roads(const EntityTable<Road> &roads, const Terrain &terrain);
//! A ribbon `widthM` wide along the line, following the terrain `lift` metres above it;
//! `offsetM` moves it sideways (positive: to the left of the line's direction).
void appendRibbon(MeshBuilder &mesh, const QVector<Vec2> &centreLine, double widthM, const Terrain &terrain, float lift,
                  const osg::Vec4ub &color, EntityId id, double offsetM = 0.0);
//! The polygon filled with triangles that follow the terrain, `lift` metres above it.
void appendDraped(MeshBuilder &mesh, const Polygon &polygon, const Terrain &terrain, float lift,
                  const osg::Vec4ub &color, EntityId id);
} // namespace DrapedMesh

} // namespace tt
