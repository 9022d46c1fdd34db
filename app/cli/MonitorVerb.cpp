// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "TelemetryConnection.h"
#include "live/TelemetryMonitor.h"

#include "core/Town.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <atomic>

namespace tt {

namespace {

//! Rejections are many when a meter misbehaves: the first ones in full, then a count.
class RejectionPrinter {
public:
    explicit RejectionPrinter(QString verb) : m_verb(std::move(verb)) {}
    void print(const std::vector<TelemetryRejectionNote> &notes, qint64 rejectedSoFar)
    {
        for (const TelemetryRejectionNote &n : notes) {
            if (m_printed < kFirst)
                cli::printError(m_verb, QStringLiteral("rejected (%1): %2").arg(telemetryrejection::key(n.reason), n.message));
            ++m_printed;
        }
        if (m_printed > kFirst && rejectedSoFar / kEvery > m_lastThousands) {
            m_lastThousands = rejectedSoFar / kEvery;
            cli::printError(m_verb, QStringLiteral("%1 readings rejected so far").arg(rejectedSoFar));
        }
    }

private:
    static constexpr qint64 kFirst = 20, kEvery = 1000;
    QString m_verb;
    qint64 m_printed = 0;
    qint64 m_lastThousands = 0;
};

int runMonitor(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption recordOpt(QStringLiteral("record"),
                                       QStringLiteral("History file (default: PROJECT.history.gpkg beside the project)."),
                                       QStringLiteral("HISTORY.gpkg"));
    const QCommandLineOption noRecord(QStringLiteral("no-record"), QStringLiteral("Validate and count only."));
    const QCommandLineOption forOpt(QStringLiteral("for"), QStringLiteral("Stop after this many seconds."),
                                    QStringLiteral("SECONDS"));
    VerbParser parser(verb, connectionOptions() + QList<QCommandLineOption>{recordOpt, noRecord, forOpt}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    double forSeconds = -1.0;
    if (parser.isSet(QStringLiteral("for"))) {
        bool ok = false;
        forSeconds = parser.value(QStringLiteral("for")).toDouble(&ok);
        if (!ok || forSeconds <= 0.0)
            return parser.usageError(QStringLiteral("--for wants a number of seconds, not '%1'").arg(parser.value(QStringLiteral("for"))));
    }
    const QString projectPath = parser.positional().first();
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    TelemetryConnection connection;
    if (const int code = connection.fromOptions(parser, town, projectPath))
        return code;

    TelemetryMonitor monitor(connection.decoder(town));
    QString historyPath;
    if (!parser.isSet(QStringLiteral("no-record"))) {
        historyPath = parser.isSet(QStringLiteral("record")) ? parser.value(QStringLiteral("record"))
                                                             : TelemetryHistory::defaultPathFor(projectPath);
        if (Status s = monitor.openHistory(historyPath); !s) {
            cli::printError(verb.name, s.message);
            return ExitFailure;
        }
    }
    MqttClient client(connection.settings());
    client.setSubscriptions(monitor.decoder().subscriptions());
    if (Status s = client.start(); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    cli::stopOnSignals();

    RejectionPrinter rejections(verb.name);
    QElapsedTimer clock;
    clock.start();
    const auto drain = [&] {
        monitor.ingest(client.takeMessages(), double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
        rejections.print(monitor.takeRejections(), monitor.tally().rejected);
        for (const QString &event : client.takeEvents())
            cli::printError(verb.name, event);
    };
    while (!cli::stopRequested() && (forSeconds < 0.0 || clock.elapsed() < qint64(forSeconds * 1000.0))) {
        client.waitForMessages(100);
        drain();
        if (Status s = monitor.flush(); !s)
            cli::printError(verb.name, s.message);
    }
    client.stop();
    drain();
    // The history may just have been unwritable: a few more tries before giving up.
    Status written = monitor.flush(true);
    for (int attempt = 0; !written && attempt < 4; ++attempt) {
        cli::printError(verb.name, written.message);
        QThread::msleep(500);
        written = monitor.flush(true);
    }
    QJsonObject summary = monitor.tally().toJson();
    summary.insert(QStringLiteral("recorded"), monitor.history().recordedCount());
    summary.insert(QStringLiteral("duplicates"), monitor.history().duplicateCount());
    summary.insert(QStringLiteral("not_recorded"), qint64(monitor.history().pendingCount()));
    summary.insert(QStringLiteral("history"), historyPath);
    summary.insert(QStringLiteral("broker"), connection.settings().brokerText());
    summary.insert(QStringLiteral("connections"), client.connections());
    QTextStream(stdout) << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    if (monitor.history().pendingCount() > 0) {
        cli::printError(verb.name, QStringLiteral("%1: %2 readings could not be recorded")
                                       .arg(historyPath).arg(monitor.history().pendingCount()));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

CliVerb monitorVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("monitor");
    verb.summary = QStringLiteral("Watch the town's telemetry on an MQTT broker and record it");
    verb.usage = QStringLiteral("monitor PROJECT.gpkg --broker HOST:PORT [--client-id ID] [--username U --password-file F] "
                                "[--tls-ca F] [--prefix P] [--mapping F] [--record HISTORY.gpkg | --no-record] [--for SECONDS]");
    verb.run = [verb](const QStringList &args) { return runMonitor(verb, args); };
    return verb;
}

} // namespace tt
