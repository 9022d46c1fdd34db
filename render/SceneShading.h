// SPDX-License-Identifier: MIT
#pragma once

#include "core/SolarPosition.h"

#include <osg/StateSet>

namespace tt {

//! The one small shader of the scene: a directional sun plus sky ambient.
//! Faces are lit flat from screen-space derivatives of the world position, so
//! buildings need no normal arrays; the terrain switches to its smooth
//! per-vertex normals. Uniforms set on a node's state set override the root's.
//! Where TT_SHADOWS is defined (SunShadow), the sun's term is dimmed by the shadow map.
namespace SceneShading {
//! Program and default uniforms for the scene root.
void install(osg::StateSet *root);
//! Unit vector from the ground towards the sun (x east, y north, z up).
osg::Vec3 towardsSun(const SunAngles &sun);
//! Points the light at the sun; below the horizon only the ambient remains.
void setSun(osg::StateSet *root, const SunAngles &sun);
//! Light with the geometry's normal array instead of flat faces.
void setSmoothNormals(osg::StateSet *stateSet, bool smooth);
//! Off: colours are drawn as given (baked hillshade, lines, labels).
void setLit(osg::StateSet *stateSet, bool lit);
//! Vertices with colour alpha below 1/2 are drawn hatched (guessed heights);
//! only for opaque geometry, which then ignores alpha.
void setHatchLowAlpha(osg::StateSet *stateSet, bool hatch);
//! Colours from the (premultiplied-alpha) texture in unit 0 instead of the
//! vertex colours; blending is up to the caller, fully transparent texels are skipped.
void setTextured(osg::StateSet *stateSet, bool textured);
//! Walls drawn with hints of windows (storeys and bays; buildings).
void setWindows(osg::StateSet *stateSet, bool windows);

//! Lines whose texture coordinate is (distance along the flow in m, speed) drawn as
//! dashes moving along the flow as the phase advances.
void setFlowDashes(osg::StateSet *stateSet, bool dashes);
void setFlowPhase(osg::StateSet *stateSet, double seconds);
} // namespace SceneShading

} // namespace tt
