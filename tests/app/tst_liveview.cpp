// SPDX-License-Identifier: MIT
// The operators' live view as an operator uses it, on a real mosquitto broker started
// by the test: the sample town with its energy system and networks is opened, connected
// (the project remembers the broker, never a password), and a day of telemetry with
// faults arrives from `replay`. The time bar follows the newest reading; buildings,
// assets and links take their measured values and a meter gone quiet turns grey; bad
// readings are summed up in the messages; a flat battery and a building drawing three
// times its simulated load raise alarms that are acknowledged and recorded; the chart
// puts measurements beside the simulation of the same hours; moving the time bar back
// shows the recorded state of that hour and "Live" returns to now.
#include "CliRun.h"
#include "GuiTestMain.h"
#include "MosquittoBroker.h"
#include "RunnerWait.h"

#include "SceneController.h"
#include "TelemetryHistory.h"
#include "core/Document.h"
#include "gui/AlarmPanel.h"
#include "gui/LivePanel.h"
#include "gui/LiveSession.h"
#include "gui/MainWindow.h"
#include "gui/MessagePanel.h"
#include "gui/PlaybackController.h"
#include "gui/ProjectSession.h"
#include "gui/TimeBar.h"
#include "gui/tools/Selection.h"
#include "live/MqttClient.h"
#include "ops/SiteClock.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace tt;

class TestLiveView : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    testbroker::MosquittoBroker m_broker;
    QString m_town;
    std::unique_ptr<MainWindow> m_window;
    QJsonObject m_sent;  // replay's summary

    QString path(const QString &name) const { return m_dir.filePath(name); }
    LiveSession *live() const { return m_window->liveSession(); }
    const Town &town() const { return m_window->document()->town(); }
    const EnergyAsset *firstAsset(EnergyAssetType type) const
    {
        for (const EnergyAsset &a : town().assets)
            if (a.type == type)
                return &a;
        return nullptr;
    }
    double offset() const { return town().site.utcOffsetHours; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        m_town = clitest::sampleTownWithAssets(m_dir.path(), &error);
        QVERIFY2(!m_town.isEmpty(), qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        QSignalSpy ready(m_window.get(), &MainWindow::projectLoadFinished);
        QVERIFY(m_window->session()->open(m_town));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(guitest::waitUntilSimulated(*m_window->energyRunner(), *m_window->document(), 120000));
    }

    void cleanupTestCase() { m_window.reset(); }

    void connectingRemembersTheBrokerButNoPassword()
    {
        TelemetrySettings settings = TelemetrySettings::fromTown(town());
        QVERIFY(settings.broker.isEmpty());
        settings.broker = m_broker.address();
        settings.clientId = QStringLiteral("control-room");
        QVERIFY(m_window->startTelemetry(settings, QStringLiteral("s3cret"), path(QStringLiteral("town.history.gpkg"))).ok);
        QCOMPARE(TelemetrySettings::fromTown(town()).broker, m_broker.address());
        const QByteArray stored = QJsonDocument::fromVariant(town().settings).toJson();
        QVERIFY(!stored.contains("s3cret"));
        QTRY_VERIFY_WITH_TIMEOUT(live()->isConnected(), 10000);
        QVERIFY(m_window->livePanel()->statusText().contains(QStringLiteral("Connected to %1").arg(m_broker.address())));
        QVERIFY(m_window->timeBar()->isLiveFollowing());
    }

    void aDayArrivesAndTheTownShowsIt()
    {
        const clitest::Run sent = clitest::run({QStringLiteral("replay"), m_town, QStringLiteral("--broker"), m_broker.address(),
                                                QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--hours"),
                                                QStringLiteral("30"), QStringLiteral("--faults"), QStringLiteral("--start"),
                                                QStringLiteral("2026-07-20")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        m_sent = QJsonDocument::fromJson(sent.out).object();
        QTRY_COMPARE_WITH_TIMEOUT(live()->tally().received, m_sent.value("published").toInteger(), 30000);
        QCOMPARE(live()->tally().rejected, m_sent.value("published").toInteger() - m_sent.value("readings").toInteger()
                                               - m_sent.value("faults").toObject().value("duplicate").toInteger());

        // The time bar follows the newest reading: 21 July 05:00, site time.
        const double last = m_sent.value("last_ts").toDouble();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->timeBar()->hour(), siteclock::hourOfYear(last, offset()), 5000);
        QCOMPARE(siteclock::hourOfYear(last, offset()), 200 * 24 + 29);  // 20 July 00:00 is hour 4800; 29 hours on

        // Buildings take their measured load; the first one's meter is quiet from midnight to 6.
        std::shared_ptr<const NetworkSnapshot> shown = m_window->playback()->snapshot();
        QVERIFY(shown);
        const EntityId quiet = town().buildings.begin()->id;
        QVERIFY(std::isnan(shown->buildingKw.value(quiet, 0.0)));
        int measured = 0;
        for (auto it = shown->buildingKw.constBegin(); it != shown->buildingKw.constEnd(); ++it)
            measured += std::isfinite(*it) ? 1 : 0;
        QCOMPARE(measured, int(town().buildings.size()) - 1);
        // The feeder's cables carry what their meters said, loading against their rating.
        int loaded = 0;
        for (const NetworkLink &l : town().networkLinks)
            if (l.carrier == NetworkCarrier::Electricity && shown->links.value(l.id).loading > 0.0)
                ++loaded;
        QVERIFY(loaded > 100);
        QVERIFY(shown->voltagePu.size() > 100);
        // Assets by their level: the battery by its charge.
        const EnergyAsset *battery = firstAsset(EnergyAssetType::Battery);
        QVERIFY(battery);
        const double level = m_window->scene()->assetLevels().value(battery->id, NAN);
        const LiveValues::Value *soc = live()->values().latest(battery->id, TelemetryQuantity::SocPct);
        QVERIFY(soc);
        QCOMPARE(level, soc->value / 100.0);

        // The faults are summed up in the messages, not one line each.
        MessagePanel *messages = m_window->messages();
        QTRY_VERIFY_WITH_TIMEOUT(messages->messageText(0).contains(QStringLiteral("rejected")), 8000);
        int rejectionLines = 0;
        for (int i = 0; i < messages->messageCount(); ++i)
            rejectionLines += messages->messageText(i).contains(QStringLiteral("reading(s) rejected")) ? 1 : 0;
        QVERIFY(rejectionLines <= 3);
    }

    void alarmsAreRaisedAcknowledgedAndRecorded()
    {
        AlarmPanel *alarms = m_window->alarmPanel();
        QTRY_VERIFY_WITH_TIMEOUT(live()->hasExpectation(), 60000);
        const int before = alarms->rowCount();
        const double ts = m_sent.value("last_ts").toDouble() + 600.0;
        const EnergyAsset *battery = firstAsset(EnergyAssetType::Battery);
        const EntityId office = std::next(town().buildings.begin(), 5)->id;
        const LiveValues::Value *now = live()->values().latest(office, TelemetryQuantity::ElectricityKw);
        QVERIFY(now);
        MqttSettings settings;
        QString error;
        QVERIFY(MqttSettings::parseBroker(m_broker.address(), &settings, &error));
        MqttClient meter(settings);
        QVERIFY(meter.start().ok);
        QVERIFY(meter.waitConnected(5000));
        const auto publish = [&meter, ts](EntityId id, const char *quantity, double value) {
            const QString topic = QStringLiteral("towntwin/%1/%2").arg(id).arg(QLatin1String(quantity));
            QVERIFY(meter.publish(topic, QStringLiteral("{\"ts\": %1, \"value\": %2}").arg(ts, 0, 'f', 0).arg(value).toUtf8()).ok);
        };
        publish(battery->id, "soc_pct", 4.0);
        publish(office, "electricity_kw", 3.0 * now->value + 100.0);
        QVERIFY(meter.waitAcknowledged(5000));
        meter.stop();
        QTRY_COMPARE_WITH_TIMEOUT(alarms->rowCount(), before + 2, 10000);
        QVERIFY2(alarms->rowText(0).contains(QStringLiteral("Deviation")) || alarms->rowText(1).contains(QStringLiteral("Deviation")),
                 qPrintable(alarms->rowText(0)));
        QString lowRow = alarms->rowText(0).contains(QStringLiteral("soc_pct")) ? alarms->rowText(0) : alarms->rowText(1);
        QVERIFY2(lowRow.contains(QStringLiteral("Low")) && lowRow.contains(QStringLiteral("is below 10 %")), qPrintable(lowRow));
        QVERIFY(alarms->unacknowledgedCount() >= 2);
        alarms->acknowledge(true);
        QCOMPARE(alarms->unacknowledgedCount(), 0);
        // Recorded: another reader of the history sees them acknowledged.
        TelemetryHistory history;
        QVERIFY(history.open(live()->historyPath()).ok);
        const std::vector<Alarm> recorded = history.alarms();
        QCOMPARE(int(recorded.size()), alarms->rowCount());
        for (const Alarm &a : recorded)
            QVERIFY(a.acknowledged());
    }

    void theChartPutsMeasurementsBesideTheSimulation()
    {
        const EntityId building = std::next(town().buildings.begin(), 3)->id;
        m_window->selection()->set({building});
        LivePanel *panel = m_window->livePanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->measuredPoints() >= 24, 5000);
        QVERIFY(panel->simulatedPoints() >= 48);
        // The replay published the simulation: each measured hour equals the simulated one.
        QVector<QPointF> measured, simulated;
        live()->series(building, TelemetryQuantity::ElectricityKw, LivePanel::kChartHours, &measured, &simulated);
        int compared = 0;
        for (const QPointF &m : measured)
            for (const QPointF &s : simulated)
                if (std::abs(s.x() - 1800e3 - m.x()) < 1.0) {
                    QVERIFY2(std::abs(m.y() - s.y()) <= 1e-3 * std::max(1.0, std::abs(s.y())),
                             qPrintable(QStringLiteral("%1 vs %2").arg(m.y()).arg(s.y())));
                    ++compared;
                }
        QVERIFY(compared >= 24);
    }

    void theTimeBarLooksBackThroughTheHistory()
    {
        TimeBar *bar = m_window->timeBar();
        const int liveHour = bar->hour();
        const EntityId building = std::next(town().buildings.begin(), 3)->id;
        bar->setHour(liveHour - 10);
        QVERIFY(!live()->isFollowing());
        QVERIFY(!bar->isLiveFollowing());
        // The state recorded by the end of that hour: that hour's reading.
        const double ts = siteclock::tsAt(2026, liveHour - 10, offset());
        TelemetryHistory history;
        QVERIFY(history.open(live()->historyPath()).ok);
        const std::vector<TelemetryReading> then = history.readings(building, TelemetryQuantity::ElectricityKw, ts, ts + 3600.0);
        QCOMPARE(int(then.size()), 1);
        QCOMPARE(m_window->playback()->snapshot()->buildingKw.value(building), then.front().value);
        emit bar->liveRequested();
        QTRY_COMPARE_WITH_TIMEOUT(bar->hour(), liveHour, 5000);
        QVERIFY(live()->isFollowing());
    }

    void theSmallCyclePublishesSetpoints()
    {
        MqttSettings settings;
        QString error;
        QVERIFY(MqttSettings::parseBroker(m_broker.address(), &settings, &error));
        MqttClient controller(settings);  // what a plant controller runs
        controller.setSubscriptions({QStringLiteral("towntwin/+/setpoint")});
        QVERIFY(controller.start().ok);
        QVERIFY(controller.waitConnected(5000));

        auto *plan = m_window->findChild<QAction *>(QStringLiteral("planSetpoints"));
        QVERIFY(plan);
        plan->trigger();
        QVERIFY(live()->isPlanning());
        QSignalSpy published(live(), &LiveSession::setpointsPublished);
        QVERIFY(live()->planNow());
        QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 30000);
        const int assets = published.first().first().toInt();
        const OperationsPlan &made = live()->lastPlan();
        QVERIFY2(made.status.ok, qPrintable(made.status.message));
        QCOMPARE(made.hours, 48);
        // From the next full hour after the newest reading; the flat battery (4 %) measured.
        const double start = std::ceil(live()->values().now() / 3600.0) * 3600.0;
        QCOMPARE(made.setpoints.front().ts, start);
        QCOMPARE(live()->measuredState().batterySocPct, 4.0);
        const EnergyAsset *battery = firstAsset(EnergyAssetType::Battery);
        const double power = battery->parameter(QStringLiteral("power_kw"), 0.0);
        int batteryHours = 0;
        for (const Setpoint &s : made.setpoints)
            if (s.asset == battery->id && s.quantity == QLatin1String("battery_kw")) {
                ++batteryHours;
                QVERIFY2(power <= 0.0 || std::abs(s.value) <= power * 1.0001, qPrintable(QString::number(s.value)));
            }
        QCOMPARE(batteryHours, 48);

        // Retained at QoS 1: the controller has them, and one connecting later gets them too.
        std::vector<MqttMessage> received;
        const auto collect = [&controller, &received] {
            for (MqttMessage &m : controller.takeMessages())
                received.push_back(std::move(m));
            return int(received.size());
        };
        QTRY_COMPARE_WITH_TIMEOUT(collect(), assets, 10000);
        MqttClient late(settings);
        late.setSubscriptions({QStringLiteral("towntwin/%1/setpoint").arg(battery->id)});
        QVERIFY(late.start().ok);
        std::vector<MqttMessage> got;
        // (QTRY evaluates its condition once more at the end: collect, do not just take.)
        const auto collectLate = [&late, &got] {
            for (MqttMessage &m : late.takeMessages())
                got.push_back(std::move(m));
            return !got.empty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(collectLate(), 10000);
        const QJsonObject message = QJsonDocument::fromJson(got.front().payload).object();
        QCOMPARE(message.value("asset").toString(), QString::number(battery->id));
        QCOMPARE(message.value("setpoints").toArray().size(), 48);
        QCOMPARE(message.value("setpoints").toArray().first().toObject().value("quantity").toString(), QStringLiteral("battery_kw"));
        late.stop();
        controller.stop();

        // And recorded.
        TelemetryHistory history;
        QVERIFY(history.open(live()->historyPath()).ok);
        QCOMPARE(history.setpoints(start, start + 48 * 3600.0).size(), made.setpoints.size());
        plan->trigger();
        QVERIFY(!live()->isPlanning());
    }

    void disconnectingReturnsToThePlan()
    {
        live()->stop();
        QVERIFY(!live()->isActive());
        QVERIFY(!m_window->timeBar()->isLiveFollowing());
        QVERIFY(m_window->scene()->assetLevels().isEmpty());
        QVERIFY(m_window->livePanel()->statusText().contains(QStringLiteral("Not connected")));
    }

    void closingTheWindowWhileConnectedKeepsWhatArrived()
    {
        const QString historyFile = path(QStringLiteral("closing.history.gpkg"));
        QVERIFY(m_window->startTelemetry(TelemetrySettings::fromTown(town()), QString(), historyFile).ok);
        QTRY_VERIFY_WITH_TIMEOUT(live()->isConnected(), 10000);
        const clitest::Run sent = clitest::run({QStringLiteral("replay"), m_town, QStringLiteral("--broker"), m_broker.address(),
                                                QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--hours"),
                                                QStringLiteral("3"), QStringLiteral("--start"), QStringLiteral("2026-08-01")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(sent.out).object();
        QTRY_COMPARE_WITH_TIMEOUT(live()->tally().accepted, summary.value("readings").toInteger(), 30000);
        const EntityId battery = firstAsset(EnergyAssetType::Battery)->id;

        // The session is torn down with the window, while its panels and menus go too.
        m_window.reset();
        TelemetryHistory history;
        QVERIFY(history.open(historyFile).ok);
        const double first = summary.value("first_ts").toDouble(), last = summary.value("last_ts").toDouble();
        QCOMPARE(history.readings(battery, TelemetryQuantity::SocPct, first, last + 1.0).size(), size_t(3));
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestLiveView)
#include "tst_liveview.moc"
