// SPDX-License-Identifier: MIT
#pragma once
// Towns and buildings the tests build in code.
#include "core/Town.h"

namespace tt::testtowns {

//! An empty town whose site lies at this WGS 84 point.
inline Town townAt(double latitude, double longitude)
{
    Town town;
    town.site.latitude = latitude;
    town.site.longitude = longitude;
    return town;
}

//! A rectangular building of w × d metres at the origin, `levels` storeys of `storeyM`.
inline Building box(BuildingUse use, double w, double d, double levels, double storeyM, int year, EntityId id = 1)
{
    Building b;
    b.id = id;
    b.use = use;
    b.levels = levels;
    b.heightM = levels * storeyM;
    b.year = year;
    b.footprint.outer = {{0, 0}, {w, 0}, {w, d}, {0, d}};
    return b;
}

} // namespace tt::testtowns
