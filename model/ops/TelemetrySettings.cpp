// SPDX-License-Identifier: MIT
#include "TelemetrySettings.h"

#include "core/Town.h"

namespace tt {

TelemetrySettings TelemetrySettings::fromTown(const Town &town)
{
    const QVariantMap m = town.settings.value(QLatin1String(kSettingKey)).toMap();
    TelemetrySettings s;
    const QString prefix = m.value(QStringLiteral("prefix")).toString().trimmed();
    // A prefix with wildcards or empty levels could never be published to.
    if (!prefix.isEmpty() && !prefix.contains(QLatin1Char('+')) && !prefix.contains(QLatin1Char('#'))
        && !prefix.split(QLatin1Char('/')).contains(QString()))
        s.prefix = prefix;
    s.broker = m.value(QStringLiteral("broker")).toString();
    s.clientId = m.value(QStringLiteral("client_id")).toString();
    s.username = m.value(QStringLiteral("username")).toString();
    s.passwordFile = m.value(QStringLiteral("password_file")).toString();
    s.caFile = m.value(QStringLiteral("tls_ca")).toString();
    s.mappingFile = m.value(QStringLiteral("mapping")).toString();
    s.alarms = m.value(QStringLiteral("alarms")).toMap();
    return s;
}

QVariantMap TelemetrySettings::toVariant() const
{
    QVariantMap m;
    const auto put = [&m](const char *key, const QString &value) {
        if (!value.isEmpty())
            m.insert(QLatin1String(key), value);
    };
    if (prefix != QLatin1String(kDefaultPrefix))
        m.insert(QStringLiteral("prefix"), prefix);
    put("broker", broker);
    put("client_id", clientId);
    put("username", username);
    put("password_file", passwordFile);
    put("tls_ca", caFile);
    put("mapping", mappingFile);
    if (!alarms.isEmpty())
        m.insert(QStringLiteral("alarms"), alarms);
    return m;
}

} // namespace tt
