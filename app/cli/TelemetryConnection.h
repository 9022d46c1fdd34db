// SPDX-License-Identifier: MIT
#pragma once

#include "live/MqttClient.h"
#include "ops/TelemetryDecoder.h"
#include "ops/TelemetrySettings.h"

#include <QCommandLineOption>
#include <QList>

namespace tt {

class VerbParser;
struct Town;

namespace cli {
//! From now on SIGINT and SIGTERM ask the verb to stop (it finishes cleanly and reports).
void stopOnSignals();
bool stopRequested();
} // namespace cli

//! The options every telemetry verb takes: --broker, --client-id, --username,
//! --password-file, --tls-ca, --prefix, --mapping.
QList<QCommandLineOption> connectionOptions();

//! A verb's broker connection and telemetry contract: its options over the project's
//! remembered telemetry settings.
class TelemetryConnection {
public:
    //! Reads the options; prints what is wrong and returns the exit code, else ExitOk.
    int fromOptions(VerbParser &parser, const Town &town, const QString &projectPath);

    const MqttSettings &settings() const { return m_mqtt; }
    const TelemetrySettings &telemetry() const { return m_telemetry; }
    //! The decoder for `town` with this connection's prefix and mapping.
    TelemetryDecoder decoder(const Town &town) const;

private:
    MqttSettings m_mqtt;
    TelemetrySettings m_telemetry;
    TelemetryMapping m_mapping;
};

} // namespace tt
