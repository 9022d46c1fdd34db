// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

namespace tt {

//! The bundled sample: "Lianhu Green Smart Town", a planned 3 km² green smart
//! town 40 km west of Shanghai near Zhujiajiao (UTM 51N). About 2 km² of
//! farmland parcels crossed by a river, and a 1 km × 1 km town for 30,000
//! residents (1.2 million m² of homes at 40 m² each) with a mall, offices, a
//! science centre, a hospital and clinic, schools, elderly care, a factory, a
//! warehouse, a district energy plant, parks and a street grid. Energy assets
//! and settings are left empty for the energy model and the user.
namespace TownGenerator {
//! Residential gross floor area the generator aims at: 30,000 residents × 40 m².
constexpr double kResidentialGfaM2 = 30000.0 * 40.0;
//! A new town; the same seed always gives the same town, other seeds vary layout details.
Town generate(quint32 seed);
}  // namespace TownGenerator

}  // namespace tt
