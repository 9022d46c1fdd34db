// SPDX-License-Identifier: MIT
#pragma once

#include <osg/Node>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace tt::SkyBackground {

//! The hazy distant land below the horizon: what the view is cleared to, so that only
//! the band of sky above it has to be drawn.
const osg::Vec4 kLandColor(0.70f, 0.75f, 0.69f, 1.0f);

//! The sky behind the town: the land's haze fading into a pale horizon, deepening towards
//! the zenith. A band of rows over the width of the view at the far plane, from where the
//! haze reaches the land colour up to the top edge, refitted to the camera at every cull:
//! looking down on the town it is empty and costs nothing (a software rasteriser has no
//! hierarchical depth test, so every pixel a background covers is work). Drawn after the
//! opaque scene; colours are worked out per vertex.
osg::ref_ptr<osg::Node> create();

} // namespace tt::SkyBackground
