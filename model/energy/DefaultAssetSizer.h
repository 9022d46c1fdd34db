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
QVector<EnergyAsset> size(const Town &town, const DemandSeries &townDemand, const ArchetypeLibrary &library,
                          const TechnologyParameters &technologies = TechnologyParameters::bundled());
} // namespace DefaultAssetSizer

} // namespace tt
