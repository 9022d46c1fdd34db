// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryQuantity.h"
#include "core/EntityId.h"

#include <QString>

namespace tt {

//! Why an alarm was raised.
enum class AlarmKind : quint8 {
    High,       //!< above the quantity's upper threshold
    Low,        //!< below the lower threshold
    Deviation,  //!< too far from what the simulation expects for that hour
};

namespace alarmkind {
QString key(AlarmKind kind);  //!< "high", "low", "deviation"
bool fromKey(const QString &key, AlarmKind *kind);
} // namespace alarmkind

//! A raised alarm as the alarm list shows and the history records it.
struct Alarm {
    qint64 id = 0;  //!< the history's row id once recorded; 0 before
    EntityId entity = kNoEntity;
    TelemetryQuantity quantity = TelemetryQuantity::ElectricityKw;
    AlarmKind kind = AlarmKind::High;
    double ts = 0.0;       //!< the reading's time, epoch seconds UTC
    double value = 0.0;    //!< what was measured
    double limit = 0.0;    //!< the threshold, or the expected value for a deviation
    QString message;       //!< names the entity, the quantity and the problem
    double acknowledgedTs = 0.0;  //!< epoch seconds; 0 while not acknowledged

    bool acknowledged() const { return acknowledgedTs > 0.0; }
};

//! A set-point the operations cycle sends to an asset for one hour.
struct Setpoint {
    EntityId asset = kNoEntity;
    QString quantity;    //!< "battery_kw" (+ discharge), "chp_kw", "ev_kw" (+ to the grid), "heat_pump_kw"
    double ts = 0.0;     //!< start of the hour it applies to, epoch seconds UTC
    double value = 0.0;
    double issuedTs = 0.0;  //!< when the plan was made
};

} // namespace tt
