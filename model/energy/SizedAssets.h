// SPDX-License-Identifier: MIT
#pragma once

#include "CapacitySizer.h"

namespace tt {

//! Writes sized capacities into a town's energy assets, as `size --apply` and the
//! GUI's Apply do. Assets of a kind the town has are scaled in proportion (removed
//! when the size is zero); a kind it lacks gets one new asset at the energy plant
//! (the first energy building, else the site origin). PV is laid out anew: rooftop
//! PV on every roof the limits counted, in proportion to its footprint; ground PV
//! on the project's own fields, else on the farmland parcels. Turbines are whole:
//! the wind size is rounded to a number of the project's (or the default) turbines.
//! The EV fleet and the grid connection are left as they are.
namespace SizedAssets {
//! Changes `town` in place; `notes` says what was rounded or laid out.
void apply(Town *town, const Capacities &capacities, const TechnologyParameters &technologies, QStringList *notes);
} // namespace SizedAssets

} // namespace tt
