// SPDX-License-Identifier: MIT
// Telemetry benchmark on a real mosquitto broker (started here on a free loopback
// port): the history's inserts alone, the decoder alone, sustained end-to-end ingest
// (publishers -> broker -> MqttClient -> decoder -> history, as `monitor` runs it) with
// single readings and with batches, draining a persistent session's backlog, and the
// main window's frame rate on the sample town while 1,000 readings a second arrive.
// The sample town with its energy system and networks comes from this build's CLI.
#include "CliRun.h"
#include "FrameRate.h"
#include "GridTown.h"
#include "MosquittoBroker.h"

#include "GraphicsProbe.h"
#include "TelemetryHistory.h"
#include "ViewportWidget.h"
#include "ProjectFile.h"
#include "core/Document.h"
#include "gui/GuiLauncher.h"
#include "gui/LiveSession.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "live/MqttClient.h"
#include "live/TelemetryMonitor.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace tt;

namespace {

struct Meter {
    EntityId id;
    TelemetryQuantity quantity;
};

std::vector<Meter> meters(const Town &town)
{
    std::vector<Meter> out;
    for (const Building &b : town.buildings)
        for (TelemetryQuantity q : {TelemetryQuantity::ElectricityKw, TelemetryQuantity::HeatingKw, TelemetryQuantity::CoolingKw})
            out.push_back({b.id, q});
    return out;
}

QByteArray topicOf(const Meter &m)
{
    return QStringLiteral("towntwin/%1/%2").arg(m.id).arg(telemetryquantity::key(m.quantity)).toUtf8();
}

QByteArray reading(double ts, double value)
{
    return "{\"ts\":" + QByteArray::number(ts, 'f', 3) + ",\"value\":" + QByteArray::number(value, 'g', 6) + "}";
}

//! Publishes `messages` messages of `perMessage` readings each, spread over the meters.
void publish(const MqttSettings &settings, const std::vector<Meter> &ms, int messages, int perMessage, double startTs,
             int salt)
{
    MqttClient client(settings);
    bench::require(client.start());
    client.waitConnected(5000);
    for (int i = 0; i < messages; ++i) {
        const Meter &m = ms[size_t(i) % ms.size()];
        const double ts = startTs + 60.0 * double(i / int(ms.size())) + 0.001 * salt;
        QByteArray body;
        if (perMessage == 1) {
            body = reading(ts, 10.0 + i % 50);
        } else {
            body = "[";
            for (int k = 0; k < perMessage; ++k)
                body += (k ? "," : "") + reading(ts + k, 10.0 + k);
            body += "]";
        }
        (void)client.publish(QString::fromUtf8(topicOf(m)), body);
        while (client.unacknowledged() > 5000)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    client.waitAcknowledged(60000);
    client.stop();
}

//! Ingests as `monitor` does until `expected` readings are recorded; the seconds it took.
double ingest(TelemetryMonitor &monitor, MqttClient &client, qint64 expected, const std::function<void()> &startPublishing)
{
    QElapsedTimer timer;
    timer.start();
    startPublishing();
    while (monitor.history().recordedCount() + qint64(monitor.history().pendingCount()) < expected
           && timer.elapsed() < 120000) {
        client.waitForMessages(50);
        monitor.ingest(client.takeMessages(), double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
        bench::require(monitor.flush());
    }
    bench::require(monitor.flush(true));
    return timer.nsecsElapsed() / 1e9;
}

void endToEnd(const char *what, const Town &town, const MqttSettings &broker, const QString &history, int messages,
              int perMessage, double startTs)
{
    auto entities = std::make_shared<TelemetryEntities>(town);
    TelemetryMonitor monitor(TelemetryDecoder(entities, QStringLiteral("towntwin")));
    bench::require(monitor.openHistory(history));
    MqttClient client(broker);
    client.setSubscriptions(monitor.decoder().subscriptions());
    bench::require(client.start());
    client.waitConnected(5000);
    const std::vector<Meter> ms = meters(town);
    const qint64 expected = qint64(messages) * perMessage;
    std::vector<std::thread> publishers;
    const double s = ingest(monitor, client, expected, [&] {
        for (int p = 0; p < 2; ++p)
            publishers.emplace_back(publish, broker, std::cref(ms), messages / 2, perMessage, startTs, p);
    });
    for (std::thread &t : publishers)
        t.join();
    client.stop();
    std::printf("  %-34s %8lld readings in %6.2f s: %8.0f readings/s recorded (%lld rejected)\n", what,
                monitor.history().recordedCount(), s, monitor.history().recordedCount() / s, monitor.tally().rejected);
}

void backlog(const Town &town, const MqttSettings &publisher, const QString &history, int messages, double startTs)
{
    MqttSettings broker = publisher;
    broker.clientId = QStringLiteral("bench-backlog");
    auto entities = std::make_shared<TelemetryEntities>(town);
    const QStringList filters{QStringLiteral("towntwin/+/+")};
    {
        MqttClient first(broker);  // the broker learns the session
        first.setSubscriptions(filters);
        bench::require(first.start());
        first.waitConnected(5000);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        first.stop();
    }
    publish(publisher, meters(town), messages, 1, startTs, 7);
    TelemetryMonitor monitor(TelemetryDecoder(entities, QStringLiteral("towntwin")));
    bench::require(monitor.openHistory(history));
    MqttClient client(broker);
    client.setSubscriptions(filters);
    bench::require(client.start());
    const double s = ingest(monitor, client, messages, [] {});
    client.stop();
    std::printf("  %-34s %8lld readings in %6.2f s: %8.0f readings/s recorded\n", "backlog of a persistent session",
                monitor.history().recordedCount(), s, monitor.history().recordedCount() / s);
}

void ingestFigures(const Town &town, const MqttSettings &settings, const QTemporaryDir &dir, double day)
{
    {
        TelemetryHistory history;
        bench::require(history.open(dir.filePath(QStringLiteral("alone.gpkg"))));
        const std::vector<Meter> ms = meters(town);
        constexpr int kRows = 1000000, kBatch = 50000;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kRows; ++i) {
            const Meter &m = ms[size_t(i) % ms.size()];
            history.append({m.id, m.quantity, day + 60.0 * (i / int(ms.size())), double(i % 97)});
            if ((i + 1) % kBatch == 0)
                bench::require(history.flush());
        }
        const double s = timer.nsecsElapsed() / 1e9;
        std::printf("  %-34s %8d rows in %6.2f s: %8.0f rows/s\n", "history inserts alone", kRows, s, kRows / s);
    }
    {
        const TelemetryDecoder decoder(std::make_shared<TelemetryEntities>(town), QStringLiteral("towntwin"));
        const std::vector<Meter> ms = meters(town);
        std::vector<std::pair<QByteArray, QByteArray>> messages;
        for (int i = 0; i < 200000; ++i)
            messages.emplace_back(topicOf(ms[size_t(i) % ms.size()]), reading(day + i, 12.5));
        QElapsedTimer timer;
        timer.start();
        size_t accepted = 0;
        for (const auto &[topic, payload] : messages)
            accepted += decoder.decode(topic, payload, day + 86400.0 * 4).accepted.size();
        const double s = timer.nsecsElapsed() / 1e9;
        std::printf("  %-34s %8zu readings in %6.2f s: %8.0f readings/s\n", "decoding alone", accepted, s, accepted / s);
    }
    endToEnd("end to end, one reading a message", town, settings, dir.filePath(QStringLiteral("single.gpkg")), 200000, 1, day);
    endToEnd("end to end, batches of 20", town, settings, dir.filePath(QStringLiteral("batch.gpkg")), 50000, 20,
             day + 86400.0);
    backlog(town, settings, dir.filePath(QStringLiteral("backlog.gpkg")), 200000, day + 2 * 86400.0);
}

} // namespace

int main(int argc, char **argv)
{
    GuiLauncher::setSurfaceFormat();
    QApplication app(argc, argv);
    QTemporaryDir dir;
    testbroker::MosquittoBroker broker;
    QString error;
    if (!broker.start(&error)) {
        std::fprintf(stderr, "bench_telemetry: %s\n", qPrintable(error));
        return 1;
    }
    const QString project = clitest::sampleTownWithAssets(dir.path(), &error);
    if (project.isEmpty()) {
        std::fprintf(stderr, "bench_telemetry: %s\n", qPrintable(error));
        return 1;
    }
    Town town;
    bench::require(ProjectFile::load(project, &town));
    MqttSettings settings;
    bench::require(Status{MqttSettings::parseBroker(broker.address(), &settings, &error), error});
    const double day = std::floor(double(QDateTime::currentSecsSinceEpoch()) / 86400.0 - 3.0) * 86400.0;
    std::printf("bench_telemetry: sample town, %d metered entities, mosquitto on %s\n",
                TelemetryEntities(town).count(), qPrintable(broker.address()));

    if (!QCoreApplication::arguments().contains(QStringLiteral("--frames")))
        ingestFigures(town, settings, dir, day);
    if (QGuiApplication::platformName() == QLatin1String("offscreen") || qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::printf("  frames: skipped (no display; run under xvfb-run)\n");
        return 0;
    }
    MainWindow window;
    window.resize(1600, 1000);
    QSignalSpy loaded(&window, &MainWindow::projectLoadFinished);
    bench::require(Status{window.session()->open(project), QStringLiteral("cannot open the project")});
    while (loaded.isEmpty())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 20000)  // the energy simulation and the first frames
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double still = bench::framesPerSecond(window.viewport(), 10000);
    TelemetrySettings telemetry;
    telemetry.broker = broker.address();
    bench::require(window.startTelemetry(telemetry, QString(), dir.filePath(QStringLiteral("gui.gpkg"))));
    std::atomic<bool> stop{false};
    std::atomic<int> sent{0};
    std::thread meterThread([&] {
        MqttClient client(settings);
        bench::require(client.start());
        client.waitConnected(5000);
        const std::vector<Meter> ms = meters(town);
        const double start = double(QDateTime::currentSecsSinceEpoch()) - 3600.0;
        // 1,000 readings a second, in tenths of a second.
        for (int tick = 0; !stop; ++tick) {
            for (int k = 0; k < 100; ++k) {
                const int i = tick * 100 + k;
                const Meter &m = ms[size_t(i) % ms.size()];
                (void)client.publish(QString::fromUtf8(topicOf(m)), reading(start + 0.1 * tick, 5.0 + (i % 40)));
            }
            sent += 100;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        client.waitAcknowledged(5000);
        client.stop();
    });
    // Steady state: the connection's one-off simulation of the year (the expectation
    // alarms compare with) has finished and readings have been arriving for a while.
    QElapsedTimer warmUp;
    warmUp.start();
    while (!window.liveSession()->hasExpectation() || warmUp.elapsed() < 3000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double busy = bench::framesPerSecond(window.viewport(), 10000);
    stop = true;
    meterThread.join();
    std::printf("  %-34s %8.1f frames/s (%.1f without telemetry); %d readings sent, %lld accepted, %zu alarms\n",
                "main window while ingesting 1000/s", busy, still, sent.load(), window.liveSession()->tally().accepted,
                window.liveSession()->alarms().size());
    std::printf("  %-34s window 1600x1000, 3D view %dx%d, %s, %d samples\n", "", window.viewport()->width(),
                window.viewport()->height(), qPrintable(GraphicsProbe::rendererName()), window.viewport()->format().samples());
    return 0;
}
