// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "WeatherYear.h"

namespace tt {

//! Reads EnergyPlus weather files (EPW). Missing-value codes (99.9 °C,
//! 9999 W/m², 999 m/s) are filled by linear interpolation between the nearest
//! valid hours and counted; leap-year files lose 29 February; short or broken
//! files fail with the file, the line and the problem.
namespace EpwReader {
Status read(const QString &path, WeatherYear *out);
//! Same, from text already in memory; `name` is used in messages.
Status parse(const QByteArray &text, const QString &name, WeatherYear *out);
} // namespace EpwReader

} // namespace tt
