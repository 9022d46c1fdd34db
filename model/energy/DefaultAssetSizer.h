// SPDX-License-Identifier: MIT
#pragma once

#include "ArchetypeLibrary.h"
#include "DemandSeries.h"
#include "TechnologyParameters.h"
#include "core/Town.h"

#include <QVector>

namespace tt {

//! A sensible default energy system for a town, sized from its simulated
//! demand (rules in docs/ENERGY_MODEL.md): rooftop PV, agrivoltaics and two
//! wind turbines on farmland, a gas trigeneration plant at the energy-plant
//! building, ground-source heat pumps, boilers, chillers, battery, thermal
//! storage, a shared EV fleet and the grid connection, with the technology data
//! the sizing used (efficiencies, COPs, tariff and factors) as explicit asset
//! parameters. The assets have no ids yet; add them through the Document (or
//! assign ids with Town::allocateId()).
namespace DefaultAssetSizer {
// Where the plan has room for generation (docs/ENERGY_MODEL.md); CapacitySizer's limits too.
//! Roofs smaller than this carry no PV (chimneys, dormers and setbacks eat small roofs).
constexpr double kMinRoofM2 = 50.0;
//! Modules on half of every roof's footprint: differs from technologies.json's area_share
//! for a single asset, a sizing choice of the default set.
constexpr double kRoofAreaShare = 0.5;
//! Farmland parcels smaller than this get no agrivoltaic field.
constexpr double kMinFieldM2 = 10000.0;
//! Share of the farmland under elevated agrivoltaic rows (crops keep growing below).
constexpr double kAgrivoltaicLandShare = 0.10;
//! Turbines on the largest farmland parcel.
constexpr int kWindTurbines = 2;

QVector<EnergyAsset> size(const Town &town, const DemandSeries &townDemand, const ArchetypeLibrary &library,
                          const TechnologyParameters &technologies = TechnologyParameters::bundled());
} // namespace DefaultAssetSizer

} // namespace tt
