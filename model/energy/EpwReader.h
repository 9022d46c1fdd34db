// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "WeatherYear.h"

namespace tt {

//! Reads EnergyPlus weather files (EPW) by the conventions of the EPW data
//! dictionary. Missing-value markers (99.9 °C, 9999 Wh/m², 999 m/s, ...) of the
//! fields the model uses are filled by linear interpolation between the
//! nearest valid hours and counted per field; a used field missing in every
//! record is an error. Physically impossible values (also in the checked
//! fields the model does not use), records out of date order, duplicated or
//! missing hours, short or broken files fail with `file:line: problem`
//! naming the field. Leap-year files lose 29 February.
namespace EpwReader {
Status read(const QString &path, WeatherYear *out);
//! Same, from text already in memory; `name` is used in messages.
Status parse(const QByteArray &text, const QString &name, WeatherYear *out);
} // namespace EpwReader

} // namespace tt
