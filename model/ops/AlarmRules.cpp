// SPDX-License-Identifier: MIT
#include "AlarmRules.h"

namespace tt {

AlarmRules AlarmRules::defaults()
{
    using Q = TelemetryQuantity;
    AlarmRules r;
    // GB/T 12325: 10 kV and below within ±7 %, customers' 380 V ±7 %; utilities act at ±5 %.
    r.thresholds[int(Q::VoltagePu)] = {0.95, 1.05};
    r.thresholds[int(Q::SocPct)] = {10.0, INFINITY};
    for (Q q : {Q::ElectricityKw, Q::HeatingKw, Q::CoolingKw, Q::PvKw, Q::WindKw, Q::ChpKw})
        r.deviationAbsolute[int(q)] = 20.0;
    r.deviationAbsolute[int(Q::SocPct)] = 25.0;
    r.deviationAbsolute[int(Q::EvAvailable)] = 10.0;
    r.deviationAbsolute[int(Q::VoltagePu)] = 0.03;
    r.deviationAbsolute[int(Q::TemperatureC)] = 5.0;
    return r;
}

Status AlarmRules::fromSettings(const QVariantMap &alarms, AlarmRules *rules)
{
    AlarmRules r = defaults();
    for (auto it = alarms.constBegin(); it != alarms.constEnd(); ++it) {
        const QVariantMap m = it->toMap();
        TelemetryQuantity q;
        if (it.key() == QLatin1String("overload")) {
            bool ok = false;
            r.overload = it->toDouble(&ok);
            if (!ok || r.overload < 0.0)
                return Status::error(QStringLiteral("alarm setting 'overload' must be a share >= 0, not '%1'").arg(it->toString()));
        } else if (it.key() == QLatin1String("deviation")) {
            for (const QString &inner : m.keys())
                if (inner != QLatin1String("enabled") && inner != QLatin1String("relative"))
                    return Status::error(QStringLiteral("alarm setting 'deviation' has no '%1' (enabled, relative)").arg(inner));
            r.deviationEnabled = m.value(QStringLiteral("enabled"), true).toBool();
            r.deviationRelative = m.value(QStringLiteral("relative"), r.deviationRelative).toDouble();
            if (!(r.deviationRelative > 0.0))
                return Status::error(QStringLiteral("alarm setting 'deviation.relative' must be > 0"));
        } else if (telemetryquantity::fromKey(it.key(), &q)) {
            if (it->typeId() != QMetaType::QVariantMap)
                return Status::error(QStringLiteral("alarm setting '%1' wants {\"min\": …, \"max\": …}").arg(it.key()));
            for (const QString &inner : m.keys()) {
                bool number = false;
                m.value(inner).toString().toDouble(&number);
                if ((inner != QLatin1String("min") && inner != QLatin1String("max")) || !number)
                    return Status::error(QStringLiteral("alarm setting '%1': '%2' must be \"min\" or \"max\" with a number")
                                             .arg(it.key(), inner));
            }
            Threshold &t = r.thresholds[size_t(q)];
            if (m.contains(QStringLiteral("min")))
                t.min = m.value(QStringLiteral("min")).toDouble();
            if (m.contains(QStringLiteral("max")))
                t.max = m.value(QStringLiteral("max")).toDouble();
            if (t.min > t.max)
                return Status::error(QStringLiteral("alarm setting '%1': min %2 is above max %3").arg(it.key()).arg(t.min).arg(t.max));
        } else {
            return Status::error(QStringLiteral("unknown alarm setting '%1' (a quantity, 'overload' or 'deviation')").arg(it.key()));
        }
    }
    *rules = r;
    return Status::success();
}

QVariantMap AlarmRules::toVariant() const
{
    QVariantMap m;
    const AlarmRules d = defaults();
    for (int i = 0; i < kTelemetryQuantityCount; ++i) {
        const Threshold &t = thresholds[size_t(i)];
        if (t.min == d.thresholds[size_t(i)].min && t.max == d.thresholds[size_t(i)].max)
            continue;
        QVariantMap limits;
        if (std::isfinite(t.min))
            limits.insert(QStringLiteral("min"), t.min);
        if (std::isfinite(t.max))
            limits.insert(QStringLiteral("max"), t.max);
        m.insert(telemetryquantity::key(TelemetryQuantity(i)), limits);
    }
    if (overload != d.overload)
        m.insert(QStringLiteral("overload"), overload);
    if (deviationEnabled != d.deviationEnabled || deviationRelative != d.deviationRelative)
        m.insert(QStringLiteral("deviation"),
                 QVariantMap{{QStringLiteral("enabled"), deviationEnabled}, {QStringLiteral("relative"), deviationRelative}});
    return m;
}

} // namespace tt
