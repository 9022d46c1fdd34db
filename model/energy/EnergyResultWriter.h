// SPDX-License-Identifier: MIT
#pragma once

#include "EnergySimulator.h"

namespace tt {

//! Writes a simulation to DIR: buildings_annual.csv (one row per building),
//! town_hourly.csv (8760 rows: timestamp, every flow in kW, storage contents
//! in kWh), network_hourly.csv when the town has networks (8760 rows: hour,
//! electric losses, minimum voltage, highest line loading, heat losses, pumping,
//! cooling gains) and kpis.json (with `networks`: the year's losses and worst hours,
//! null without networks). Each file is written to a temporary name and renamed
//! into place, so a reader never sees half a file. kpis.json gets a `weather`
//! object: the file, how it was chosen (`weatherChosenBy`: "option",
//! "project", "bundled_near_site"; null when not given), the station's
//! location, data source and coordinates, the values filled in per field and
//! the warnings about the station's distance from `site` (none for a site
//! without a location).
namespace EnergyResultWriter {
Status write(const QString &dir, const SimulationResult &result, const WeatherYear &weather,
             const Site &site = Site(), const QString &weatherChosenBy = QString());
} // namespace EnergyResultWriter

} // namespace tt
