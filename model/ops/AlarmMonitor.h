// SPDX-License-Identifier: MIT
#pragma once

#include "Alarm.h"
#include "AlarmRules.h"
#include "TelemetryEntities.h"
#include "TelemetryReading.h"

#include <QSet>

#include <functional>
#include <memory>
#include <vector>

namespace tt {

//! Raises alarms from readings as they arrive. A condition raises one alarm when it
//! begins; while it lasts nothing more is raised, and once a reading clears it the next
//! occurrence raises a new one, so a lasting overload is one line in the list, not one
//! a minute.
class AlarmMonitor {
public:
    //! What the simulation expects an entity to report at an instant; false when it has no expectation.
    using Expectation = std::function<bool(EntityId, TelemetryQuantity, double ts, double *expected)>;

    AlarmMonitor(AlarmRules rules, std::shared_ptr<const TelemetryEntities> entities);

    //! The alarms the readings raise, in their order.
    std::vector<Alarm> check(const std::vector<TelemetryReading> &readings, const Expectation &expected = {});
    //! Conditions that are on now.
    int activeCount() const { return int(m_active.size()); }

private:
    //! Raises `kind` for the reading when `on` and not already on; clears it when not `on`.
    void update(const TelemetryReading &r, AlarmKind kind, bool on, double limit, const QString &what,
                std::vector<Alarm> *out);

    AlarmRules m_rules;
    std::shared_ptr<const TelemetryEntities> m_entities;
    QSet<quint64> m_active;
};

} // namespace tt
