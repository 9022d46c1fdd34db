// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVariantMap>

namespace tt {

struct Town;

//! How a project connects to its town's telemetry, kept in the project's settings
//! (key "telemetry"). Never a password: at most the path of a file that holds one.
struct TelemetrySettings {
    static constexpr const char *kSettingKey = "telemetry";
    static constexpr const char *kDefaultPrefix = "towntwin";

    QString prefix = QString::fromLatin1(kDefaultPrefix);  //!< topics are `<prefix>/<entity>/<quantity>`
    QString broker;        //!< "HOST:PORT"
    QString clientId;      //!< given: a persistent session
    QString username;
    QString passwordFile;  //!< a file whose first line is the password
    QString caFile;        //!< TLS
    QString mappingFile;   //!< a TelemetryMapping for meters with other topics or payloads
    QVariantMap alarms;    //!< AlarmRules overrides

    static TelemetrySettings fromTown(const Town &town);
    QVariantMap toVariant() const;
    bool operator==(const TelemetrySettings &o) const { return toVariant() == o.toVariant(); }
};

} // namespace tt
