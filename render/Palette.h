// SPDX-License-Identifier: MIT
#pragma once

#include "core/BuildingUse.h"

#include <QColor>
#include <QVector>
#include <osg/Vec4ub>

namespace tt {

//! Colours of the scene: one per building use, a value ramp, highlights.
namespace Palette {
QColor useColor(BuildingUse use);
//! Surroundings: a pale neutral that recedes behind the plan's colours.
QColor context();
//! Stops of the value ramp (low to high), used by height and attribute colouring.
QVector<QColor> rampStops();
//! Ramp colour at t in [0,1] (clamped), interpolated between the stops.
QColor ramp(double t);
QColor selection();
//! Buildings without a value in attribute colouring.
QColor noValue();
osg::Vec4ub toVec4ub(const QColor &color);
} // namespace Palette

} // namespace tt
