// SPDX-License-Identifier: MIT
#pragma once

#include "EnergySystem.h"

#include <vector>

namespace tt {

//! Derived timing of an EV cohort used by the dispatchers.
namespace EvSchedule {
//! Per hour: parked hours left up to and including the next departure hour
//! (0 while away; a large number when no departure follows).
std::vector<int> hoursToDeparture(const EvCohort &cohort);
} // namespace EvSchedule

} // namespace tt
