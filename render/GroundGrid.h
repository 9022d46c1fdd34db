// SPDX-License-Identifier: MIT
#pragma once

#include <osg/Node>
#include <osg/ref_ptr>

namespace tt {

//! The reference grid shown when no project is open: a square of the given
//! half-size with a line every `spacing` metres and a stronger line every 5th.
namespace GroundGrid {
osg::ref_ptr<osg::Node> create(double halfSize, double spacing);
}

} // namespace tt
