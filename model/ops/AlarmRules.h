// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryQuantity.h"
#include "core/Status.h"

#include <QVariantMap>

#include <array>
#include <cmath>

namespace tt {

//! When a reading raises an alarm: thresholds per quantity, overloads against the
//! entity's rating, and a deviation from what the simulation expects for that hour.
//! Kept in the project's telemetry settings under "alarms":
//!
//!     {"voltage_pu": {"min": 0.95, "max": 1.05}, "soc_pct": {"min": 10},
//!      "overload": 1.0, "deviation": {"relative": 0.5, "enabled": true}}
struct AlarmRules {
    struct Threshold {
        double min = -INFINITY;
        double max = INFINITY;
    };
    std::array<Threshold, kTelemetryQuantityCount> thresholds{};
    //! A reading above this share of the entity's rating is an overload (0: off).
    double overload = 1.0;
    bool deviationEnabled = true;
    //! A reading further than this share of the expected value from it is a deviation...
    double deviationRelative = 0.5;
    //! ...and further than this absolute amount, per quantity (small loads swing a lot).
    std::array<double, kTelemetryQuantityCount> deviationAbsolute{};

    //! The grid code's ±5 % voltage band, storage below 10 %, 100 % of a rating, 50 % off the simulation.
    static AlarmRules defaults();
    //! The defaults overridden by the settings' "alarms" map; errors name the key.
    static Status fromSettings(const QVariantMap &alarms, AlarmRules *rules);
    QVariantMap toVariant() const;
};

} // namespace tt
