// SPDX-License-Identifier: MIT
#pragma once

#include "live/MqttClient.h"
#include "live/TelemetryMonitor.h"
#include "network/NetworkSnapshot.h"
#include "ops/Alarm.h"
#include "ops/AlarmMonitor.h"
#include "ops/HourlyTotals.h"
#include "ops/OperationsPlanner.h"
#include "ops/LiveValues.h"
#include "ops/TelemetrySettings.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointF>
#include <QTimer>

#include <memory>

namespace tt {

class Document;
class EnergyRunner;
struct LiveExpectation;
class TimeBar;

//! What the scene shows of the live town at one instant.
struct LiveFrame {
    std::shared_ptr<const NetworkSnapshot> snapshot;  //!< links, voltages, buildings' electricity (NaN: no data)
    QHash<EntityId, double> assetLevels;              //!< 0 to 1 of each asset's rating or charge; NaN: no data
};

//! The operators' live view of the town: a connection to the broker, the ingest
//! pipeline into the history, the latest values, alarms, and the simulation the
//! measurements are compared with. Follows "now" on the time bar; moved back, it shows
//! the recorded history at that hour. Everything runs on the GUI thread except the
//! broker's network thread and building the expectation.
class LiveSession : public QObject {
    Q_OBJECT
public:
    LiveSession(Document *document, EnergyRunner *runner, TimeBar *timeBar, QObject *parent = nullptr);
    ~LiveSession() override;

    //! Connects with the project's telemetry settings and a password typed in (never
    //! stored), recording into `historyPath`. Fails on settings that cannot work.
    Status start(const TelemetrySettings &settings, const QString &password, const QString &historyPath);
    void stop();
    bool isActive() const { return bool(m_client); }
    bool isConnected() const { return m_client && m_client->isConnected(); }
    QString brokerText() const { return m_mqtt.brokerText(); }
    QString historyPath() const;

    //! What the scene shows for `hour` of the year: now while following, else the history.
    LiveFrame frameAt(int hour);
    bool isFollowing() const { return m_following; }
    const LiveValues &values() const { return m_values; }
    const TelemetryTally &tally() const;
    qint64 recorded() const;

    //! Raised alarms, oldest first, new ones appended (also those recorded before, from
    //! the history).
    const std::vector<Alarm> &alarms() const { return m_alarms; }
    int unacknowledgedCount() const { return m_unacknowledged; }
    //! Acknowledges the alarms now, in the history and here, all or none.
    Status acknowledge(const std::vector<qint64> &alarmIds);

    //! An entity's measured values and the simulation's for the same hours of the year, over
    //! the `hours` before the shown instant (x: epoch milliseconds).
    void series(EntityId entity, TelemetryQuantity quantity, int hours, QVector<QPointF> *measured,
                QVector<QPointF> *simulated) const;
    //! The quantity an entity is shown by (a building's electricity, a battery's charge, ...).
    TelemetryQuantity mainQuantity(EntityId entity) const;
    bool hasExpectation() const { return bool(m_expectation); }

    //! The small cycle: every `everyHours` of data, the next 48 h are optimised again from
    //! the measured state and a forecast, and the set-points published (retained, QoS 1) on
    //! `<prefix>/<asset>/setpoint` and recorded.
    void setPlanning(bool enabled, double everyHours = 1.0);
    bool isPlanning() const { return m_planning; }
    //! Plans now (when connected, with data and the simulation ready); false otherwise.
    bool planNow();
    //! The last plan made; empty before the first.
    const OperationsPlan &lastPlan() const { return m_lastPlan; }
    //! What the meters say about storage and vehicles now (NaN where nothing fresh).
    MeasuredState measuredState() const;
    //! The instant the view shows (newest data while following), epoch seconds.
    double shownTs() const { return m_shownTs; }
    //! An instant as the site's clock shows it (what the time bar shows), for the panels.
    QString siteTimeText(double ts, const QString &format = QStringLiteral("yyyy-MM-dd HH:mm")) const;

    //! How often the stream's values reach the scene at most.
    static constexpr int kRefreshMs = 500;
    //! Rejections are summed up in one message per this period.
    static constexpr int kRejectionReportMs = 5000;

public slots:
    //! Back to following the newest data.
    void follow();

signals:
    void connectionChanged(bool connected);
    //! Something the operator should read: level 0 info, 1 warning, 2 error.
    void message(int level, const QString &text);
    //! New values to show: the time bar's owner redraws frameAt(hour).
    void frameChanged();
    //! The alarm list was replaced (a new session, with what the history holds).
    void alarmsReset();
    //! `count` alarms were appended to alarms().
    void alarmsRaised(int count);
    //! Some alarms were acknowledged.
    void alarmsAcknowledged();
    void statsChanged();
    //! The simulation to compare with is ready (or failed: message()).
    void expectationReady();
    //! A plan's set-points went out to `assets` assets.
    void setpointsPublished(int assets);

private:
    void poll();
    void reportRejections();
    void buildExpectation();
    void publishPlan(const OperationsPlan &plan);
    bool expected(EntityId entity, TelemetryQuantity quantity, double ts, double *value) const;
    LiveFrame frameOf(const LiveValues &values) const;
    int hourOf(double ts) const;

    Document *m_document;
    EnergyRunner *m_runner;
    TimeBar *m_timeBar;
    MqttSettings m_mqtt;
    std::shared_ptr<const TelemetryEntities> m_entities;
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<TelemetryMonitor> m_monitor;
    std::unique_ptr<AlarmMonitor> m_alarmMonitor;
    std::shared_ptr<const LiveExpectation> m_expectation;
    QFutureWatcher<std::shared_ptr<const LiveExpectation>> m_expectationWatcher;
    QFutureWatcher<OperationsPlan> m_planWatcher;
    OperationsPlan m_lastPlan;
    HourlyTotals m_totals;
    QString m_prefix;
    bool m_planning = false;
    double m_planEveryS = 3600.0;
    double m_lastPlanTs = 0.0;
    LiveValues m_values;       // the newest of everything
    LiveValues m_history;      // the state at a past instant, when not following
    std::vector<Alarm> m_alarms;
    int m_unacknowledged = 0;
    QTimer m_poll;
    qint64 m_lastRefreshMs = 0;
    qint64 m_lastRejectionReportMs = 0;
    TelemetryTally m_reportedTally;  // what the last rejection message counted up to
    std::vector<TelemetryRejectionNote> m_rejectionSamples;
    bool m_dirty = false;
    bool m_following = true;
    bool m_wasConnected = false;
    double m_shownTs = 0.0;
    int m_liveHour = -1;
};

} // namespace tt
