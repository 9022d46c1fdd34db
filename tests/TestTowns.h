// SPDX-License-Identifier: MIT
#pragma once
// Towns the tests build in code.
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

} // namespace tt::testtowns
