// SPDX-License-Identifier: MIT
#pragma once

#include "core/EnergyAsset.h"

namespace tt {

//! The energy assets a planner places by hand, with sizes typical of a
//! 30,000-resident town's first build-out so that a placed asset simulates
//! at once; the planner refines the parameters afterwards.
namespace AssetTemplate {
//! Types that can be placed with one click (the others come with the default set).
QVector<EnergyAssetType> placeableTypes();
//! A new asset (no id) at `position`. Rooftop PV needs `hostBuilding`; a ground
//! PV field gets a square of kGroundPvFieldM2 centred on the position.
EnergyAsset make(EnergyAssetType type, Vec2 position, EntityId hostBuilding = kNoEntity);
//! Ground-mounted PV field placed by one click: 1 ha, about 0.5 MWp at 0.05 kWp/m².
constexpr double kGroundPvFieldM2 = 10000.0;
} // namespace AssetTemplate

} // namespace tt
