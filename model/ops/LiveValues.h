// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryReading.h"

#include <QHash>

#include <vector>

namespace tt {

//! The latest value of every metered entity and quantity, and which ones have gone
//! quiet. Time is the data's own: "now" is the newest reading's instant, so a replay
//! at any speed and a live site look the same.
class LiveValues {
public:
    struct Value {
        double ts = 0.0;
        double value = 0.0;
    };

    //! An entity is stale when its newest reading is older than this, before the newest of all.
    static constexpr double kDefaultStaleAfterS = 5400.0;

    //! Keeps each reading that is newer than the one held (late readings do not turn back the clock).
    void update(const std::vector<TelemetryReading> &readings);
    //! Replaces everything (e.g. with the history's state at a past instant).
    void reset(const std::vector<TelemetryReading> &readings, double now);
    void clear();

    const Value *latest(EntityId entity, TelemetryQuantity quantity) const;
    //! The newest instant seen; 0 before the first reading.
    double now() const { return m_now; }
    bool isStale(const Value &v) const { return v.ts < m_now - m_staleAfterS; }
    void setStaleAfter(double seconds) { m_staleAfterS = seconds; }
    double staleAfter() const { return m_staleAfterS; }
    //! Every held value of one quantity, by entity.
    QHash<EntityId, Value> of(TelemetryQuantity quantity) const;
    int count() const { return int(m_values.size()); }

private:
    static quint64 key(EntityId e, TelemetryQuantity q) { return (e << 8) | quint64(q); }
    QHash<quint64, Value> m_values;
    double m_now = 0.0;
    double m_staleAfterS = kDefaultStaleAfterS;
};

} // namespace tt
