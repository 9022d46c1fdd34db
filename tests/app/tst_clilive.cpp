// SPDX-License-Identifier: MIT
// The operators' telemetry as a site runs it, on a real mosquitto broker started by
// the test: `replay` publishes the sample town's simulated day with faults mixed in,
// `monitor` validates and records it, and every count in its summary matches what was
// sent; a persistent session gets what was published while it was away, also across a
// broker restart; SIGTERM stops it cleanly; a mapping file adapts foreign meters; bad
// options and unusable files are refused by name.
#include "CliRun.h"
#include "MosquittoBroker.h"

#include "ProjectFile.h"
#include "TelemetryHistory.h"
#include "core/Town.h"
#include "live/MqttClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace tt;
using namespace tt::clitest;

namespace {

//! A `monitor` running in the background until terminated or its --for ends.
class MonitorProcess {
public:
    void start(const QStringList &args)
    {
        m_process.start(cli(), QStringList{QStringLiteral("monitor")} + args);
        QVERIFY(m_process.waitForStarted(5000));
    }
    //! SIGTERM, then its summary; fails the test unless it exits 0 within five seconds.
    QJsonObject stop()
    {
        m_process.terminate();
        return finish(5000);
    }
    QJsonObject finish(int ms)
    {
        QJsonObject summary;
        if (!m_process.waitForFinished(ms)) {
            m_process.kill();
            m_process.waitForFinished();
            qWarning("monitor did not finish in %d ms", ms);
            return summary;
        }
        m_err = m_process.readAllStandardError();
        if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
            qWarning("monitor exit %d: %s", m_process.exitCode(), m_err.constData());
            return summary;
        }
        return QJsonDocument::fromJson(m_process.readAllStandardOutput()).object();
    }
    const QByteArray &err() const { return m_err; }

private:
    QProcess m_process;
    QByteArray m_err;
};

QJsonObject json(const Run &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCliLive : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    testbroker::MosquittoBroker m_broker;
    QString m_town;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList withBroker(QStringList args) const { return args << QStringLiteral("--broker") << m_broker.address(); }
    Run replay(QStringList extra)
    {
        return run(withBroker(QStringList{QStringLiteral("replay"), m_town, QStringLiteral("--speed"), QStringLiteral("0")} + extra));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        m_town = sampleTownWithAssets(m_dir.path(), &error);
        QVERIFY2(!m_town.isEmpty(), qPrintable(error));
        Town town;
        QVERIFY(ProjectFile::load(m_town, &town).ok);
        QCOMPARE(town.assets.size(), 227);
    }

    void replayWithFaultsIsCountedAndRecorded()
    {
        const QString history = path(QStringLiteral("faults.history.gpkg"));
        MonitorProcess monitor;
        monitor.start(withBroker({m_town, QStringLiteral("--record"), history}));
        QTest::qWait(1000);  // subscribed
        const Run sent = replay({QStringLiteral("--hours"), QStringLiteral("24"), QStringLiteral("--faults"),
                                 QStringLiteral("--start"), QStringLiteral("2026-07-01")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const QJsonObject s = json(sent);
        QCOMPARE(s.value("hours").toInt(), 24);
        QCOMPARE(s.value("unacknowledged").toInt(), 0);
        QTest::qWait(2000);  // the broker has everything; let it arrive
        const QJsonObject m = monitor.stop();
        QVERIFY2(!m.isEmpty(), monitor.err().constData());

        const QJsonObject faults = s.value("faults").toObject();
        const qint64 readings = s.value("readings").toInteger();
        const qint64 duplicates = faults.value("duplicate").toInteger();
        QVERIFY(readings > 20000);
        QCOMPARE(faults.size(), 9);  // every kind of fault was sent
        QCOMPARE(m.value("received").toInteger(), s.value("published").toInteger());
        QCOMPARE(m.value("accepted").toInteger(), readings + duplicates);
        QCOMPARE(m.value("recorded").toInteger(), readings);
        QCOMPARE(m.value("duplicates").toInteger(), duplicates);
        QCOMPARE(m.value("not_recorded").toInteger(), 0);
        QJsonObject expectedReasons = faults;
        expectedReasons.remove(QStringLiteral("duplicate"));
        QCOMPARE(m.value("rejected_by_reason").toObject(), expectedReasons);
        qint64 rejected = 0;
        for (const QJsonValue &v : expectedReasons)
            rejected += v.toInteger();
        QCOMPARE(m.value("rejected").toInteger(), rejected);
        // The first messages name the topic and the problem.
        QVERIFY2(monitor.err().contains("rejected (invalid_json): topic 'towntwin/"), monitor.err().constData());
        QVERIFY2(monitor.err().contains("rejected (impossible_value)"), monitor.err().constData());

        // What the history holds, read back as the GUI does.
        TelemetryHistory h;
        QVERIFY(h.open(history).ok);
        double first = 0.0, last = 0.0;
        QVERIFY(h.timeSpan(&first, &last));
        // 2026-07-01 00:00 at UTC+8 is 2026-06-30T16:00Z.
        QCOMPARE(first, double(QDateTime(QDate(2026, 6, 30), QTime(16, 0), QTimeZone::utc()).toSecsSinceEpoch()));
        QCOMPARE(last, first + 23 * 3600.0);
        const std::vector<TelemetryReading> latest = h.latestAt(last);
        QVERIFY(latest.size() > 1000);
        int soc = 0, voltages = 0;
        for (const TelemetryReading &r : latest) {
            if (r.quantity == TelemetryQuantity::SocPct) {
                ++soc;
                QVERIFY2(r.value >= 0.0 && r.value <= 100.0, qPrintable(QString::number(r.value)));
                QCOMPARE(h.readings(r.entity, r.quantity, first, last + 1).size(), size_t(24));
            }
            if (r.quantity == TelemetryQuantity::VoltagePu) {
                ++voltages;
                QVERIFY2(r.value > 0.9 && r.value < 1.1, qPrintable(QString::number(r.value)));
            }
        }
        QVERIFY(soc >= 2);  // the battery, the EV fleet (and thermal storage)
        QVERIFY(voltages > 100);
    }

    void aPersistentSessionGetsWhatWasSentWhileAway()
    {
        const QStringList away{QStringLiteral("monitor"), m_town, QStringLiteral("--no-record"), QStringLiteral("--for"), QStringLiteral("2")};
        // First visit: the broker learns the session and its subscription.
        Run first = run(withBroker(away + QStringList{QStringLiteral("--client-id"), QStringLiteral("ops-desk")}));
        QCOMPARE(first.exitCode, 0);
        Run clean = run(withBroker(away));  // a clean session, for comparison
        QCOMPARE(clean.exitCode, 0);
        const Run sent = replay({QStringLiteral("--hours"), QStringLiteral("3")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const Run back = run(withBroker(away + QStringList{QStringLiteral("--client-id"), QStringLiteral("ops-desk")}));
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(json(back).value("received").toInteger(), json(sent).value("published").toInteger());
        QCOMPARE(json(back).value("accepted").toInteger(), json(sent).value("readings").toInteger());
        const Run other = run(withBroker(away));
        QCOMPARE(json(other).value("received").toInteger(), 0);
    }

    void aBrokerRestartLosesNothing()
    {
        const QString history = path(QStringLiteral("restart.history.gpkg"));
        MonitorProcess monitor;
        monitor.start(withBroker({m_town, QStringLiteral("--record"), history, QStringLiteral("--client-id"),
                                  QStringLiteral("control-room")}));
        QTest::qWait(1000);
        const Run before = replay({QStringLiteral("--hours"), QStringLiteral("2"), QStringLiteral("--start"),
                                   QStringLiteral("2026-03-01T00:00")});
        QVERIFY2(before.exitCode == 0, before.err.constData());
        QTest::qWait(1000);
        m_broker.stop();
        QTest::qWait(1500);  // the monitor notices and starts backing off
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        const Run after = replay({QStringLiteral("--hours"), QStringLiteral("2"), QStringLiteral("--start"),
                                  QStringLiteral("2026-03-01T02:00")});
        QVERIFY2(after.exitCode == 0, after.err.constData());
        QTest::qWait(9000);  // back-off is at most 1 + 2 + 4 s by now
        const QJsonObject m = monitor.stop();
        QVERIFY2(!m.isEmpty(), monitor.err().constData());
        QCOMPARE(m.value("connections").toInt(), 2);
        QCOMPARE(m.value("recorded").toInteger(), json(before).value("readings").toInteger() + json(after).value("readings").toInteger());
        QVERIFY2(monitor.err().contains("lost the connection"), monitor.err().constData());
    }

    void aMappingAdaptsForeignMeters()
    {
        // A site whose meters publish watts under their own names and milliseconds.
        QFile mapping(path(QStringLiteral("site.json")));
        QVERIFY(mapping.open(QIODevice::WriteOnly));
        mapping.write(R"({"rules": [{"topic": "acme/+/power", "entity": "{1}", "quantity": "electricity_kw",
                          "value": "data.w", "ts": "data.t", "ts_unit": "ms", "scale": 0.001}]})");
        mapping.close();
        MonitorProcess monitor;
        monitor.start(withBroker({m_town, QStringLiteral("--no-record"), QStringLiteral("--mapping"), mapping.fileName(),
                                  QStringLiteral("--for"), QStringLiteral("3")}));
        QTest::qWait(1000);
        MqttSettings settings;
        QString error;
        QVERIFY(MqttSettings::parseBroker(m_broker.address(), &settings, &error));
        MqttClient meter(settings);
        QVERIFY(meter.start().ok);
        QVERIFY(meter.waitConnected(5000));
        const QByteArray t = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        Town town;
        QVERIFY(ProjectFile::load(m_town, &town).ok);
        const QString building = QStringLiteral("acme/%1/").arg(town.buildings.begin()->id);
        QVERIFY(meter.publish(building + QStringLiteral("power"), "{\"data\": {\"w\": 12500, \"t\": " + t + "}}").ok);
        QVERIFY(meter.publish(building + QStringLiteral("power"), "{\"data\": {\"t\": " + t + "}}").ok);
        QVERIFY(meter.publish(building + QStringLiteral("power"), "{\"data\": ").ok);
        QVERIFY(meter.waitAcknowledged(5000));
        meter.stop();
        const QJsonObject m = monitor.finish(10000);
        QCOMPARE(m.value("received").toInteger(), 3);
        QCOMPARE(m.value("accepted").toInteger(), 1);
        QCOMPARE(m.value("rejected_by_reason").toObject(),
                 (QJsonObject{{"missing_value", 1}, {"invalid_json", 1}}));
    }

    void badOptionsAndFilesAreRefusedByName()
    {
        Run r = run({QStringLiteral("monitor"), m_town});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--broker"), r.err.constData());
        r = run({QStringLiteral("monitor"), m_town, QStringLiteral("--broker"), QStringLiteral("localhost:99999")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("99999"), r.err.constData());
        QFile notSqlite(path(QStringLiteral("notes.gpkg")));
        QVERIFY(notSqlite.open(QIODevice::WriteOnly));
        notSqlite.write("these are my notes, not a history\n");
        notSqlite.close();
        r = run(withBroker({QStringLiteral("monitor"), m_town, QStringLiteral("--record"), notSqlite.fileName(),
                            QStringLiteral("--for"), QStringLiteral("1")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("notes.gpkg"), r.err.constData());
        QFile kept(notSqlite.fileName());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("these are my notes, not a history\n"));  // never overwritten
        r = run(withBroker({QStringLiteral("monitor"), m_town, QStringLiteral("--mapping"), path(QStringLiteral("none.json"))}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("none.json"), r.err.constData());
        // No broker there: it keeps retrying, then stops when told to, with nothing received.
        r = run({QStringLiteral("monitor"), m_town, QStringLiteral("--no-record"), QStringLiteral("--broker"),
                 QStringLiteral("127.0.0.1:1"), QStringLiteral("--for"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r).value("connections").toInt(), 0);
        QCOMPARE(json(r).value("received").toInteger(), 0);
        r = run(withBroker({QStringLiteral("replay"), m_town, QStringLiteral("--speed"), QStringLiteral("fast")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--speed"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLive)
#include "tst_clilive.moc"
