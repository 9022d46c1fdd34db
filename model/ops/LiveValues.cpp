// SPDX-License-Identifier: MIT
#include "LiveValues.h"

#include <algorithm>

namespace tt {

void LiveValues::update(const std::vector<TelemetryReading> &readings)
{
    for (const TelemetryReading &r : readings) {
        const auto it = m_values.find(key(r.entity, r.quantity));
        if (it == m_values.end())
            m_values.insert(key(r.entity, r.quantity), {r.ts, r.value});
        else if (r.ts >= it->ts)
            *it = {r.ts, r.value};
        m_now = std::max(m_now, r.ts);
    }
}

void LiveValues::reset(const std::vector<TelemetryReading> &readings, double now)
{
    clear();
    update(readings);
    m_now = now;
}

void LiveValues::clear()
{
    m_values.clear();
    m_now = 0.0;
}

const LiveValues::Value *LiveValues::latest(EntityId entity, TelemetryQuantity quantity) const
{
    const auto it = m_values.constFind(key(entity, quantity));
    return it == m_values.constEnd() ? nullptr : &*it;
}

QHash<EntityId, LiveValues::Value> LiveValues::of(TelemetryQuantity quantity) const
{
    QHash<EntityId, Value> out;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it)
        if (TelemetryQuantity(it.key() & 0xff) == quantity)
            out.insert(it.key() >> 8, *it);
    return out;
}

} // namespace tt
