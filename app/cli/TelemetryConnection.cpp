// SPDX-License-Identifier: MIT
#include "TelemetryConnection.h"

#include "CliVerbs.h"
#include "VerbParser.h"

#include "core/Town.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>

namespace tt {

namespace {
volatile std::sig_atomic_t g_stopRequested = 0;
extern "C" void requestStop(int)
{
    g_stopRequested = 1;
}
} // namespace

void cli::stopOnSignals()
{
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
}

bool cli::stopRequested()
{
    return g_stopRequested != 0;
}

QList<QCommandLineOption> connectionOptions()
{
    return {
        {QStringLiteral("broker"), QStringLiteral("MQTT broker (default: the project's)."), QStringLiteral("HOST:PORT")},
        {QStringLiteral("client-id"), QStringLiteral("Client id: a persistent session, so messages sent while away arrive on return."),
         QStringLiteral("ID")},
        {QStringLiteral("username"), QStringLiteral("User name at the broker."), QStringLiteral("U")},
        {QStringLiteral("password-file"), QStringLiteral("File whose first line is the password."), QStringLiteral("F")},
        {QStringLiteral("tls-ca"), QStringLiteral("CA certificate: connect with TLS."), QStringLiteral("F")},
        {QStringLiteral("prefix"), QStringLiteral("Topic prefix (default: the project's, else towntwin)."), QStringLiteral("P")},
        {QStringLiteral("mapping"), QStringLiteral("Mapping file for meters with other topics or payloads."),
         QStringLiteral("F")},
    };
}

int TelemetryConnection::fromOptions(VerbParser &parser, const Town &town, const QString &projectPath)
{
    m_telemetry = TelemetrySettings::fromTown(town);
    const auto option = [&parser](const char *name, QString *value) {
        if (parser.isSet(QLatin1String(name)))
            *value = parser.value(QLatin1String(name));
    };
    option("broker", &m_telemetry.broker);
    option("client-id", &m_telemetry.clientId);
    option("username", &m_telemetry.username);
    option("password-file", &m_telemetry.passwordFile);
    option("tls-ca", &m_telemetry.caFile);
    option("prefix", &m_telemetry.prefix);
    option("mapping", &m_telemetry.mappingFile);
    if (m_telemetry.broker.isEmpty())
        return parser.usageError(QStringLiteral("--broker is needed: the project remembers no broker"));
    if (m_telemetry.prefix.isEmpty() || m_telemetry.prefix.contains(QLatin1Char('+')) || m_telemetry.prefix.contains(QLatin1Char('#')))
        return parser.usageError(QStringLiteral("--prefix '%1' cannot be a topic prefix").arg(m_telemetry.prefix));
    QString error;
    if (!MqttSettings::parseBroker(m_telemetry.broker, &m_mqtt, &error))
        return parser.usageError(QStringLiteral("--broker: %1").arg(error));
    m_mqtt.clientId = m_telemetry.clientId;
    m_mqtt.username = m_telemetry.username;
    m_mqtt.caFile = m_telemetry.caFile;
    // Files the project names are relative to the project.
    const QDir projectDir = QFileInfo(projectPath).absoluteDir();
    if (!m_telemetry.passwordFile.isEmpty()) {
        QFile file(projectDir.absoluteFilePath(m_telemetry.passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            cli::printError(parser.verbName(), QStringLiteral("%1: cannot read the password file: %2")
                                                   .arg(file.fileName(), file.errorString()));
            return ExitFailure;
        }
        m_mqtt.password = QString::fromUtf8(file.readLine()).trimmed();
    }
    if (!m_telemetry.mappingFile.isEmpty()) {
        if (Status s = TelemetryMapping::load(projectDir.absoluteFilePath(m_telemetry.mappingFile), &m_mapping); !s) {
            cli::printError(parser.verbName(), s.message);
            return ExitFailure;
        }
    }
    return ExitOk;
}

TelemetryDecoder TelemetryConnection::decoder(const Town &town) const
{
    return TelemetryDecoder(std::make_shared<TelemetryEntities>(town), m_telemetry.prefix, m_mapping);
}

} // namespace tt
