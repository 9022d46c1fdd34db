// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tt::roadclass {

//! Typical carriageway width in metres for an OSM highway=* (or similar) class:
//! motorway 20 m, trunk 15, primary 12, secondary 10, tertiary 8, residential 6,
//! service 4, track 3, cycleway 2.5, footway/path 2; unknown classes 6 m.
double widthM(const QString &roadClass);

} // namespace tt::roadclass
