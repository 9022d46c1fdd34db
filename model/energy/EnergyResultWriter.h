// SPDX-License-Identifier: MIT
#pragma once

#include "EnergySimulator.h"

namespace tt {

//! Writes a simulation to DIR: buildings_annual.csv (one row per building),
//! town_hourly.csv (8760 rows: timestamp, every flow in kW, storage contents
//! in kWh) and kpis.json. Each file is written to a temporary name and renamed
//! into place, so a reader never sees half a file.
namespace EnergyResultWriter {
Status write(const QString &dir, const SimulationResult &result, const WeatherYear &weather);
} // namespace EnergyResultWriter

} // namespace tt
