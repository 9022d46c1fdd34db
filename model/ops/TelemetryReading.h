// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryQuantity.h"
#include "core/EntityId.h"

namespace tt {

//! One accepted measurement: which entity, what, when and how much.
struct TelemetryReading {
    EntityId entity = kNoEntity;
    TelemetryQuantity quantity = TelemetryQuantity::ElectricityKw;
    double ts = 0.0;  //!< seconds since 1970-01-01T00:00:00Z (fractions kept)
    double value = 0.0;

    bool operator==(const TelemetryReading &o) const
    {
        return entity == o.entity && quantity == o.quantity && ts == o.ts && value == o.value;
    }
};

} // namespace tt
