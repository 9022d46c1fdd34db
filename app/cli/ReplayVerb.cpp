// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "TelemetryConnection.h"

#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"
#include "ops/SimulatedTelemetry.h"
#include "ops/SiteClock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <cmath>

namespace tt {

namespace {

QByteArray isoTime(double ts, double utcOffsetHours)
{
    const QTimeZone zone(int(std::lround(utcOffsetHours * 3600.0)));
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ts * 1000.0)), zone).toString(Qt::ISODate).toUtf8();
}

QByteArray payload(const QByteArray &ts, double value)
{
    return QByteArrayLiteral("{\"ts\":\"") + ts + QByteArrayLiteral("\",\"value\":") + QByteArray::number(value, 'g', 9)
        + '}';
}

//! The bad input `--faults` mixes in, one kind after the other, so that a monitor's
//! rejection counts can be checked against what was sent.
class FaultInjector {
public:
    FaultInjector(QString prefix, double utcOffsetHours) : m_prefix(std::move(prefix)), m_offset(utcOffsetHours) {}

    //! One fault for this hour, built on one of its good readings; published through `send`.
    template<typename Send>
    void inject(const std::vector<TelemetryReading> &hour, const Send &send)
    {
        if (hour.empty())
            return;
        const TelemetryReading &r = hour[m_rng.bounded(quint32(hour.size()))];
        const QString topic = m_prefix + QLatin1Char('/') + QString::number(r.entity) + QLatin1Char('/')
            + telemetryquantity::key(r.quantity);
        const QByteArray ts = isoTime(r.ts, m_offset);
        const int kind = m_next++ % 9;
        switch (kind) {
        case 0: send(topic, QByteArrayLiteral("{\"ts\": \"") + ts + "\", \"value\": ", "invalid_json"); break;
        case 1: send(m_prefix + QStringLiteral("/no-such-meter/") + telemetryquantity::key(r.quantity), payload(ts, r.value),
                     "unknown_entity");
            break;
        case 2: send(m_prefix + QLatin1Char('/') + QString::number(r.entity) + QStringLiteral("/humidity_pct"),
                     payload(ts, 50.0), "unknown_quantity");
            break;
        case 3: send(topic, QByteArrayLiteral("{\"ts\":\"") + ts + "\",\"value\":\"12 kW\"}", "non_numeric_value"); break;
        case 4: send(topic, QByteArrayLiteral("{\"ts\":\"") + ts + "\",\"value\":NaN}", "non_finite_value"); break;
        // A meter reporting W instead of kW, a million times too much for anything.
        case 5: send(topic, payload(ts, 1e9 + std::abs(r.value) * 1e6), "impossible_value"); break;
        // A local time without its offset.
        case 6: send(topic, QByteArrayLiteral("{\"ts\":\"") + ts.left(19) + "\",\"value\":1}", "bad_timestamp"); break;
        case 7: send(topic, QByteArrayLiteral("{\"ts\":\"") + ts + "\"}", "missing_value"); break;
        // The same reading again: accepted, stored once.
        case 8: send(topic, payload(ts, r.value), "duplicate"); break;
        }
    }

private:
    QString m_prefix;
    double m_offset;
    QRandomGenerator m_rng{20261203};
    int m_next = 0;
};

int runReplay(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption weatherOpt(QStringLiteral("weather"), QStringLiteral("EnergyPlus weather file (default: the project's)."),
                                        QStringLiteral("FILE.epw"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"),
                                      QStringLiteral("Simulated seconds per second (default 3600: an hour a second; "
                                                     "0: as fast as the broker takes them)."),
                                      QStringLiteral("N"));
    const QCommandLineOption startOpt(QStringLiteral("start"),
                                      QStringLiteral("First hour, site time, e.g. 2026-07-01 or 2026-07-01T08:00 "
                                                     "(default: a year ago)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption hoursOpt(QStringLiteral("hours"), QStringLiteral("How many hours (default 8760)."),
                                      QStringLiteral("N"));
    const QCommandLineOption faultsOpt(QStringLiteral("faults"),
                                       QStringLiteral("Mix in bad readings (one an hour) and a silent meter."));
    VerbParser parser(verb, connectionOptions() + QList<QCommandLineOption>{weatherOpt, speedOpt, startOpt, hoursOpt, faultsOpt}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    bool ok = true;
    const double speed = parser.isSet(QStringLiteral("speed")) ? parser.value(QStringLiteral("speed")).toDouble(&ok) : 3600.0;
    if (!ok || speed < 0.0 || !std::isfinite(speed))
        return parser.usageError(QStringLiteral("--speed wants a number >= 0, not '%1'").arg(parser.value(QStringLiteral("speed"))));
    const int hours = parser.isSet(QStringLiteral("hours")) ? parser.value(QStringLiteral("hours")).toInt(&ok) : WeatherYear::kHours;
    if (!ok || hours < 1)
        return parser.usageError(QStringLiteral("--hours wants a positive number, not '%1'").arg(parser.value(QStringLiteral("hours"))));

    const QString projectPath = parser.positional().first();
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    TelemetryConnection connection;
    if (const int code = connection.fromOptions(parser, town, projectPath))
        return code;
    const double offset = town.site.utcOffsetHours;
    double startTs = 0.0;
    if (parser.isSet(QStringLiteral("start"))) {
        QDateTime local = QDateTime::fromString(parser.value(QStringLiteral("start")), Qt::ISODate);
        if (!local.isValid())
            local = QDateTime(QDate::fromString(parser.value(QStringLiteral("start")), Qt::ISODate), QTime(0, 0));
        if (!local.isValid())
            return parser.usageError(QStringLiteral("--start wants a date like 2026-07-01, not '%1'").arg(parser.value(QStringLiteral("start"))));
        local.setTimeZone(QTimeZone::utc());
        startTs = double(local.toSecsSinceEpoch()) - offset * 3600.0;
    } else {
        const double now = double(QDateTime::currentSecsSinceEpoch());
        startTs = std::floor((now - 365.0 * 86400.0) / 3600.0) * 3600.0;
    }

    WeatherYear year;
    QString chosenBy;
    if (const int code = cli::loadWeather(parser, parser.value(QStringLiteral("weather")), projectPath, town, &year, &chosenBy))
        return code;
    SimulationOptions options;
    options.keepNetworkLoads = true;
    EnergySimulator simulator;
    SimulationResult result = simulator.run(town, year, options, cli::stderrProgress(verb.name));
    if (!result.status) {
        cli::printError(verb.name, result.status.message);
        return ExitFailure;
    }
    // Default assets sized for a town without any have no ids a monitor of the project knows.
    if (!result.defaultAssets.isEmpty())
        cli::printError(verb.name, QStringLiteral("warning: the project has no energy assets; only its buildings and "
                                                  "networks are replayed"));
    SimulatedTelemetry telemetry;
    if (Status s = SimulatedTelemetry::build(town, year, result, simulator, &telemetry); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }

    MqttClient client(connection.settings());
    if (Status s = client.start(); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    if (!client.waitConnected(10000))
        cli::printError(verb.name, QStringLiteral("no connection to %1 yet; readings are queued until there is one")
                                       .arg(connection.settings().brokerText()));
    cli::stopOnSignals();

    const QString prefix = connection.telemetry().prefix;
    const bool faults = parser.isSet(QStringLiteral("faults"));
    FaultInjector injector(prefix, offset);
    QJsonObject faultCounts;
    qint64 published = 0, good = 0;
    int failures = 0;
    const auto send = [&](const QString &topic, const QByteArray &body, const char *fault) {
        if (Status s = client.publish(topic, body); !s) {
            if (++failures <= 5)
                cli::printError(verb.name, s.message);
            return;
        }
        ++published;
        if (fault)
            faultCounts.insert(QLatin1String(fault), faultCounts.value(QLatin1String(fault)).toInt() + 1);
        else
            ++good;
    };
    // Under --faults one meter falls silent for six hours each day, so that the live
    // view's "no data for a while" shows.
    EntityId silent = kNoEntity;
    if (faults && !town.buildings.isEmpty())
        silent = town.buildings.begin()->id;

    QElapsedTimer clock;
    clock.start();
    std::vector<TelemetryReading> readings;
    int hoursSent = 0;
    double lastTs = startTs;
    for (int i = 0; i < hours && !cli::stopRequested(); ++i) {
        const double ts = startTs + 3600.0 * i;
        if (speed > 0.0) {
            const qint64 due = qint64(1000.0 * 3600.0 * i / speed);
            while (clock.elapsed() < due && !cli::stopRequested())
                QThread::msleep(ulong(std::min<qint64>(50, due - clock.elapsed())));
        }
        readings.clear();
        const int hour = siteclock::hourOfYear(ts, offset);
        telemetry.readingsAt(hour, ts, &readings);
        const QByteArray iso = isoTime(ts, offset);
        const bool quiet = hour % 24 < 6;
        for (const TelemetryReading &r : readings) {
            if (r.entity == silent && quiet)
                continue;
            send(prefix + QLatin1Char('/') + QString::number(r.entity) + QLatin1Char('/') + telemetryquantity::key(r.quantity),
                 payload(iso, r.value), nullptr);
        }
        if (faults)
            injector.inject(readings, send);
        // Keep the broker's queue for this client bounded at high speed.
        if (client.unacknowledged() > 20000)
            client.waitAcknowledged(30000);
        ++hoursSent;
        lastTs = ts;
    }
    const bool acknowledged = client.waitAcknowledged(30000);
    client.stop();
    QJsonObject summary{{"published", published},
                        {"readings", good},
                        {"hours", hoursSent},
                        {"first_ts", startTs},
                        {"last_ts", lastTs},
                        {"faults", faultCounts},
                        {"unacknowledged", client.unacknowledged()},
                        {"seconds", double(clock.elapsed()) / 1000.0}};
    QTextStream(stdout) << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    if (!acknowledged) {
        cli::printError(verb.name, QStringLiteral("%1 messages were not acknowledged by %2")
                                       .arg(client.unacknowledged()).arg(connection.settings().brokerText()));
        return ExitFailure;
    }
    return failures > 0 ? ExitFailure : ExitOk;
}

} // namespace

CliVerb replayVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("replay");
    verb.summary = QStringLiteral("Publish the simulated year as the town's telemetry on an MQTT broker");
    verb.usage = QStringLiteral("replay PROJECT.gpkg --broker HOST:PORT [--weather FILE.epw] [--speed N] [--start DATE] "
                                "[--hours N] [--faults] [--prefix P]");
    verb.run = [verb](const QStringList &args) { return runReplay(verb, args); };
    return verb;
}

} // namespace tt
