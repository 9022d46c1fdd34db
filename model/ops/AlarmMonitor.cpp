// SPDX-License-Identifier: MIT
#include "AlarmMonitor.h"

#include <cmath>

namespace tt {

namespace {

quint64 conditionKey(EntityId entity, TelemetryQuantity q, AlarmKind kind)
{
    return (entity << 16) | (quint64(q) << 8) | quint64(kind);
}

QString number(double v) { return QString::number(v, 'g', 4); }

} // namespace

AlarmMonitor::AlarmMonitor(AlarmRules rules, std::shared_ptr<const TelemetryEntities> entities)
    : m_rules(std::move(rules)), m_entities(std::move(entities))
{
}

void AlarmMonitor::update(const TelemetryReading &r, AlarmKind kind, bool on, double limit, const QString &what,
                          std::vector<Alarm> *out)
{
    const quint64 key = conditionKey(r.entity, r.quantity, kind);
    if (!on) {
        m_active.remove(key);
        return;
    }
    if (m_active.contains(key))
        return;
    m_active.insert(key);
    const TelemetryEntities::Entry *e = m_entities->entry(r.entity);
    Alarm a;
    a.entity = r.entity;
    a.quantity = r.quantity;
    a.kind = kind;
    a.ts = r.ts;
    a.value = r.value;
    a.limit = limit;
    a.message = QStringLiteral("%1: %2 %3 %4 %5")
                    .arg(e ? e->name : QString::number(r.entity), telemetryquantity::key(r.quantity), number(r.value),
                         telemetryquantity::unit(r.quantity), what);
    out->push_back(std::move(a));
}

std::vector<Alarm> AlarmMonitor::check(const std::vector<TelemetryReading> &readings, const Expectation &expected)
{
    std::vector<Alarm> out;
    for (const TelemetryReading &r : readings) {
        const AlarmRules::Threshold &t = m_rules.thresholds[size_t(r.quantity)];
        // An overload of a rated entity counts as "high" too: one condition, the stricter limit.
        // Only the quantity the rating is in: a CHP's heat is not rated by its electric output.
        double high = t.max;
        const TelemetryEntities::Entry *e = m_entities->entry(r.entity);
        const bool power = r.quantity != TelemetryQuantity::SocPct && r.quantity != TelemetryQuantity::VoltagePu
            && r.quantity != TelemetryQuantity::TemperatureC && r.quantity != TelemetryQuantity::EvAvailable;
        if (e && power && m_rules.overload > 0.0 && e->rating > 0.0 && e->kind != MeteredKind::Building
            && r.quantity == e->ratedQuantity)
            high = std::min(high, m_rules.overload * e->rating);
        const double magnitude = power ? std::abs(r.value) : r.value;
        // Meters round: exactly at the rating (to a millionth) is not above it.
        update(r, AlarmKind::High, magnitude > high + 1e-6 * std::abs(high), high,
               QStringLiteral("is above %1 %2").arg(number(high), telemetryquantity::unit(r.quantity)), &out);
        update(r, AlarmKind::Low, r.value < t.min, t.min,
               QStringLiteral("is below %1 %2").arg(number(t.min), telemetryquantity::unit(r.quantity)), &out);
        double want = 0.0;
        if (m_rules.deviationEnabled && expected && expected(r.entity, r.quantity, r.ts, &want)) {
            const double allowed = std::max(m_rules.deviationAbsolute[size_t(r.quantity)], m_rules.deviationRelative * std::abs(want));
            update(r, AlarmKind::Deviation, std::abs(r.value - want) > allowed, want,
                   QStringLiteral("is %1 from the simulated %2").arg(r.value > want ? QStringLiteral("far up") : QStringLiteral("far down"), number(want)),
                   &out);
        }
    }
    return out;
}

} // namespace tt
