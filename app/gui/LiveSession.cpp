// SPDX-License-Identifier: MIT
#include "LiveSession.h"

#include "EnergyRunner.h"
#include "TimeBar.h"

#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "ops/LoadForecast.h"
#include "ops/SimulatedTelemetry.h"
#include "ops/SiteClock.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSignalBlocker>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace tt {

//! The simulated year the live town is compared with and planned from.
struct LiveExpectation {
    SimulatedTelemetry telemetry;
    EnergySystem system;
    DispatchDemand demand;
    DispatchResult dispatch;
};

namespace {

double nowTs()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

TelemetryQuantity linkQuantity(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return TelemetryQuantity::ElectricityKw;
    case NetworkCarrier::Heating: return TelemetryQuantity::HeatingKw;
    case NetworkCarrier::Cooling: return TelemetryQuantity::CoolingKw;
    }
    return TelemetryQuantity::ElectricityKw;
}

TelemetryQuantity assetQuantity(EnergyAssetType type)
{
    switch (type) {
    case EnergyAssetType::RooftopPv:
    case EnergyAssetType::GroundPv: return TelemetryQuantity::PvKw;
    case EnergyAssetType::WindTurbine: return TelemetryQuantity::WindKw;
    case EnergyAssetType::Chp: return TelemetryQuantity::ChpKw;
    case EnergyAssetType::GasBoiler:
    case EnergyAssetType::BiomassBoiler:
    case EnergyAssetType::HeatPump: return TelemetryQuantity::HeatingKw;
    case EnergyAssetType::Chiller: return TelemetryQuantity::CoolingKw;
    case EnergyAssetType::Battery:
    case EnergyAssetType::ThermalStorage: return TelemetryQuantity::SocPct;
    case EnergyAssetType::EvFleet: return TelemetryQuantity::EvAvailable;
    case EnergyAssetType::GridConnection: return TelemetryQuantity::ElectricityKw;
    }
    return TelemetryQuantity::ElectricityKw;
}

} // namespace

LiveSession::LiveSession(Document *document, EnergyRunner *runner, TimeBar *timeBar, QObject *parent)
    : QObject(parent), m_document(document), m_runner(runner), m_timeBar(timeBar)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &LiveSession::poll);
    connect(&m_planWatcher, &QFutureWatcher<OperationsPlan>::finished, this, [this] { publishPlan(m_planWatcher.result()); });
    connect(&m_expectationWatcher, &QFutureWatcher<std::shared_ptr<const LiveExpectation>>::finished, this, [this] {
        m_expectation = m_expectationWatcher.result();
        if (m_expectation)
            emit expectationReady();
        else
            emit message(1, tr("Live view: the simulation to compare measurements with could not be run; "
                               "no deviation alarms."));
    });
    connect(timeBar, &TimeBar::liveRequested, this, &LiveSession::follow);
}

LiveSession::~LiveSession()
{
    // The window around is being torn down, its widgets partly gone: nobody to tell,
    // but what arrived still goes into the history.
    const QSignalBlocker quiet(this);
    stop();
    m_expectationWatcher.waitForFinished();
    m_planWatcher.waitForFinished();
}

Status LiveSession::start(const TelemetrySettings &settings, const QString &password, const QString &historyPath)
{
    stop();
    MqttSettings mqtt;
    QString error;
    if (!MqttSettings::parseBroker(settings.broker, &mqtt, &error))
        return Status::error(tr("Broker: %1").arg(error));
    mqtt.clientId = settings.clientId;
    mqtt.username = settings.username;
    mqtt.caFile = settings.caFile;
    mqtt.password = password;
    const QDir projectDir = QFileInfo(m_document->filePath()).absoluteDir();
    if (mqtt.password.isEmpty() && !settings.passwordFile.isEmpty()) {
        QFile file(projectDir.absoluteFilePath(settings.passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return Status::error(tr("%1: cannot read the password file: %2").arg(file.fileName(), file.errorString()));
        mqtt.password = QString::fromUtf8(file.readLine()).trimmed();
    }
    TelemetryMapping mapping;
    if (!settings.mappingFile.isEmpty())
        if (Status s = TelemetryMapping::load(projectDir.absoluteFilePath(settings.mappingFile), &mapping); !s)
            return s;
    const Town &town = m_document->town();
    AlarmRules rules;
    if (Status s = AlarmRules::fromSettings(settings.alarms, &rules); !s)
        return s;

    m_entities = std::make_shared<TelemetryEntities>(town);
    auto monitor = std::make_unique<TelemetryMonitor>(TelemetryDecoder(m_entities, settings.prefix, mapping), true);
    if (Status s = monitor->openHistory(historyPath); !s)
        return s;
    m_monitor = std::move(monitor);
    m_alarmMonitor = std::make_unique<AlarmMonitor>(rules, m_entities);
    m_alarms = m_monitor->history().alarms();
    std::reverse(m_alarms.begin(), m_alarms.end());
    m_unacknowledged = int(std::count_if(m_alarms.begin(), m_alarms.end(), [](const Alarm &a) { return !a.acknowledged(); }));
    m_mqtt = mqtt;
    m_client = std::make_unique<MqttClient>(mqtt);
    m_client->setSubscriptions(m_monitor->decoder().subscriptions());
    if (Status s = m_client->start(); !s) {
        m_client.reset();
        m_monitor.reset();
        return s;
    }
    m_values.clear();
    m_totals = HourlyTotals(int(town.buildings.size()));
    m_prefix = settings.prefix;
    m_lastPlanTs = 0.0;
    m_lastPlan = {};
    m_following = true;
    m_liveHour = -1;
    m_wasConnected = false;
    m_reportedTally = {};
    m_timeBar->setLive(true, true);
    m_poll.start();
    buildExpectation();
    emit alarmsReset();
    emit statsChanged();
    return Status::success();
}

void LiveSession::stop()
{
    if (!m_client)
        return;
    m_poll.stop();
    m_client->stop();
    poll();  // what arrived before the stop
    if (Status s = m_monitor->flush(true); !s)
        emit message(2, s.message);
    m_client.reset();
    m_monitor.reset();
    m_alarmMonitor.reset();
    m_timeBar->setLive(false, false);
    m_wasConnected = false;
    emit connectionChanged(false);
    emit frameChanged();
}

QString LiveSession::historyPath() const
{
    return m_monitor ? m_monitor->history().path() : QString();
}

const TelemetryTally &LiveSession::tally() const
{
    static const TelemetryTally none;
    return m_monitor ? m_monitor->tally() : none;
}

qint64 LiveSession::recorded() const
{
    return m_monitor ? m_monitor->history().recordedCount() : 0;
}

void LiveSession::buildExpectation()
{
    const std::shared_ptr<const WeatherYear> weather = m_runner->weather();
    if (!weather) {
        emit message(1, tr("Live view: no weather for the site, so nothing to compare measurements with."));
        return;
    }
    SimulationOptions options = m_runner->options();
    options.keepNetworkLoads = true;
    const Town town = m_document->town();
    m_expectationWatcher.setFuture(QtConcurrent::run([town, weather, options]() -> std::shared_ptr<const LiveExpectation> {
        EnergySimulator simulator;
        const SimulationResult result = simulator.run(town, *weather, options);
        if (!result.status)
            return nullptr;
        auto expectation = std::make_shared<LiveExpectation>();
        if (!SimulatedTelemetry::build(town, *weather, result, simulator, &expectation->telemetry))
            return nullptr;
        expectation->system = result.system;
        expectation->demand = DispatchDemand::fromSeries(result.townDemand);
        expectation->dispatch = result.dispatch;
        return expectation;
    }));
}

QString LiveSession::siteTimeText(double ts, const QString &format) const
{
    const QTimeZone zone(int(std::lround(m_document->town().site.utcOffsetHours * 3600.0)));
    return QDateTime::fromMSecsSinceEpoch(qint64(ts * 1000.0), zone).toString(format);
}

int LiveSession::hourOf(double ts) const
{
    return siteclock::hourOfYear(ts, m_document->town().site.utcOffsetHours);
}

bool LiveSession::expected(EntityId entity, TelemetryQuantity quantity, double ts, double *value) const
{
    return m_expectation && m_expectation->telemetry.expected(entity, quantity, hourOf(ts), value);
}

void LiveSession::poll()
{
    if (!m_client)
        return;
    for (const QString &event : m_client->takeEvents())
        emit message(event.startsWith(QLatin1String("connected")) ? 0 : 1, tr("Telemetry: %1").arg(event));
    if (m_client->isConnected() != m_wasConnected) {
        m_wasConnected = m_client->isConnected();
        emit connectionChanged(m_wasConnected);
    }
    const std::vector<MqttMessage> messages = m_client->takeMessages();
    if (!messages.empty()) {
        m_monitor->ingest(messages, nowTs());
        const std::vector<TelemetryReading> accepted = m_monitor->takeAccepted();
        m_values.update(accepted);
        const Town &town = m_document->town();
        m_totals.add(accepted, [&town](EntityId id) { return town.buildings.contains(id); });
        std::vector<Alarm> raised = m_alarmMonitor->check(
            accepted, [this](EntityId e, TelemetryQuantity q, double ts, double *v) { return expected(e, q, ts, v); });
        if (!raised.empty()) {
            if (Status s = m_monitor->history().recordAlarms(&raised); !s)
                emit message(2, s.message);
            m_alarms.insert(m_alarms.end(), raised.begin(), raised.end());
            m_unacknowledged += int(raised.size());
            emit alarmsRaised(int(raised.size()));
        }
        for (TelemetryRejectionNote &n : m_monitor->takeRejections())
            if (m_rejectionSamples.size() < 3)
                m_rejectionSamples.push_back(std::move(n));
        m_dirty = m_dirty || !accepted.empty();
        emit statsChanged();
    }
    if (Status s = m_monitor->flush(); !s)
        emit message(2, s.message);
    if (m_planning && !m_planWatcher.isRunning() && m_values.now() - m_lastPlanTs >= m_planEveryS)
        planNow();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastRejectionReportMs >= kRejectionReportMs) {
        m_lastRejectionReportMs = now;
        reportRejections();
    }
    if (m_dirty && now - m_lastRefreshMs >= kRefreshMs) {
        m_lastRefreshMs = now;
        m_dirty = false;
        if (m_following) {
            const double offset = m_document->town().site.utcOffsetHours;
            m_timeBar->setYear(siteclock::yearAt(m_values.now(), offset));
            m_liveHour = hourOf(m_values.now());
            if (m_timeBar->hour() != m_liveHour)
                m_timeBar->setHour(m_liveHour);  // its owner asks frameAt() for the hour
            else
                emit frameChanged();
        }
    }
}

void LiveSession::reportRejections()
{
    const TelemetryTally &t = m_monitor->tally();
    const qint64 fresh = t.rejected - m_reportedTally.rejected;
    if (fresh <= 0)
        return;
    QStringList reasons;
    for (int i = 0; i < kTelemetryRejectionCount; ++i)
        if (const qint64 n = t.byReason[size_t(i)] - m_reportedTally.byReason[size_t(i)]; n > 0)
            reasons << QStringLiteral("%1 %2").arg(telemetryrejection::key(TelemetryRejection(i))).arg(n);
    QString text = tr("Telemetry: %n reading(s) rejected (%1)", nullptr, int(fresh)).arg(reasons.join(QStringLiteral(", ")));
    if (!m_rejectionSamples.empty())
        text += tr("; e.g. %1").arg(m_rejectionSamples.front().message);
    m_rejectionSamples.clear();
    m_reportedTally = t;
    emit message(1, text);
}

void LiveSession::follow()
{
    m_following = true;
    m_timeBar->setLive(isActive(), true);
    m_dirty = true;
    m_lastRefreshMs = 0;
    poll();
}

LiveFrame LiveSession::frameAt(int hour)
{
    if (!isActive() || m_values.now() <= 0.0)
        return {};
    if (m_following && hour == m_liveHour) {
        m_shownTs = m_values.now();
        return frameOf(m_values);
    }
    // The operator moved the time bar: the recorded state at the end of that hour.
    m_following = false;
    m_timeBar->setLive(true, false);
    const double offset = m_document->town().site.utcOffsetHours;
    int year = siteclock::yearAt(m_values.now(), offset);
    double ts = siteclock::tsAt(year, hour, offset) + 3599.0;
    if (ts > m_values.now())
        ts = siteclock::tsAt(year - 1, hour, offset) + 3599.0;
    (void)m_monitor->flush(true);
    m_history.setStaleAfter(m_values.staleAfter());
    m_history.reset(m_monitor->history().latestAt(ts), ts);
    m_shownTs = ts;
    return frameOf(m_history);
}

TelemetryQuantity LiveSession::mainQuantity(EntityId entity) const
{
    const Town &town = m_document->town();
    if (const EnergyAsset *a = town.assets.find(entity))
        return assetQuantity(a->type);
    if (const NetworkLink *l = town.networkLinks.find(entity))
        return linkQuantity(l->carrier);
    if (const NetworkNode *n = town.networkNodes.find(entity))
        return n->carrier == NetworkCarrier::Electricity ? TelemetryQuantity::VoltagePu : TelemetryQuantity::TemperatureC;
    return TelemetryQuantity::ElectricityKw;
}

LiveFrame LiveSession::frameOf(const LiveValues &values) const
{
    const Town &town = m_document->town();
    const auto valueOf = [&values](EntityId id, TelemetryQuantity q) {
        const LiveValues::Value *v = values.latest(id, q);
        return v && !values.isStale(*v) ? v->value : NAN;
    };
    auto snapshot = std::make_shared<NetworkSnapshot>();
    snapshot->hour = hourOf(values.now());
    for (const Building &b : town.buildings)
        snapshot->buildingKw.insert(b.id, valueOf(b.id, TelemetryQuantity::ElectricityKw));
    for (const NetworkLink &l : town.networkLinks) {
        const double kw = valueOf(l.id, linkQuantity(l.carrier));
        const TelemetryEntities::Entry *e = m_entities->entry(l.id);
        const bool rated = l.carrier == NetworkCarrier::Electricity && e && e->rating > 0.0;
        snapshot->links.insert(l.id, {kw, rated && std::isfinite(kw) ? std::abs(kw) / e->rating : 0.0});
    }
    for (const NetworkNode &n : town.networkNodes)
        if (n.carrier == NetworkCarrier::Electricity)
            if (const double v = valueOf(n.id, TelemetryQuantity::VoltagePu); std::isfinite(v))
                snapshot->voltagePu.insert(n.id, v);
    LiveFrame frame;
    frame.snapshot = std::move(snapshot);
    for (const EnergyAsset &a : town.assets) {
        const TelemetryQuantity q = assetQuantity(a.type);
        const double v = valueOf(a.id, q);
        const TelemetryEntities::Entry *e = m_entities->entry(a.id);
        double level = NAN;
        if (q == TelemetryQuantity::SocPct)
            level = v / 100.0;
        else if (e && e->rating > 0.0)
            level = std::abs(v) / e->rating;
        frame.assetLevels.insert(a.id, level);
    }
    return frame;
}

Status LiveSession::acknowledge(const std::vector<qint64> &alarmIds)
{
    if (!m_monitor)
        return Status::error(tr("Not connected to telemetry"));
    const double ts = nowTs();
    if (Status s = m_monitor->history().acknowledgeAlarms(alarmIds, ts); !s)
        return s;
    const std::unordered_set<qint64> ids(alarmIds.begin(), alarmIds.end());
    for (Alarm &a : m_alarms) {
        if (!ids.count(a.id))
            continue;
        m_unacknowledged -= a.acknowledged() ? 0 : 1;
        a.acknowledgedTs = ts;
    }
    emit alarmsAcknowledged();
    return Status::success();
}

void LiveSession::series(EntityId entity, TelemetryQuantity quantity, int hours, QVector<QPointF> *measured,
                         QVector<QPointF> *simulated) const
{
    measured->clear();
    simulated->clear();
    if (!m_monitor || m_shownTs <= 0.0)
        return;
    const double end = m_shownTs;
    const double start = end - hours * 3600.0;
    for (const TelemetryReading &r : m_monitor->history().readings(entity, quantity, start, end + 1.0))
        measured->append(QPointF(r.ts * 1000.0, r.value));
    for (double ts = std::floor(start / 3600.0) * 3600.0; ts <= end; ts += 3600.0) {
        double v = 0.0;
        // The simulated hour's value spans the hour: drawn at its middle.
        if (expected(entity, quantity, ts, &v))
            simulated->append(QPointF((ts + 1800.0) * 1000.0, v));
    }
}

} // namespace tt

namespace tt {

void LiveSession::setPlanning(bool enabled, double everyHours)
{
    m_planning = enabled;
    m_planEveryS = std::max(0.25, everyHours) * 3600.0;
}

MeasuredState LiveSession::measuredState() const
{
    // Several batteries, tanks or fleets report one charge each: the town's is their
    // capacity-weighted mean.
    const auto weighted = [this](EnergyAssetType type, const char *capacity, double fallback) {
        double sum = 0.0, weight = 0.0;
        for (const EnergyAsset &a : m_document->town().assets) {
            if (a.type != type)
                continue;
            const LiveValues::Value *v = m_values.latest(a.id, TelemetryQuantity::SocPct);
            if (!v || m_values.isStale(*v))
                continue;
            const double w = std::max(1e-9, a.parameter(QLatin1String(capacity), fallback));
            sum += w * v->value;
            weight += w;
        }
        return weight > 0.0 ? sum / weight : NAN;
    };
    MeasuredState state;
    state.batterySocPct = weighted(EnergyAssetType::Battery, "capacity_kwh", 1.0);
    state.thermalSocPct = weighted(EnergyAssetType::ThermalStorage, "capacity_kwh", 1.0);
    state.evSocPct = weighted(EnergyAssetType::EvFleet, "vehicles", 1.0);
    double plugged = 0.0;
    bool any = false;
    for (const EnergyAsset &a : m_document->town().assets)
        if (a.type == EnergyAssetType::EvFleet)
            if (const LiveValues::Value *v = m_values.latest(a.id, TelemetryQuantity::EvAvailable); v && !m_values.isStale(*v)) {
                plugged += v->value;
                any = true;
            }
    state.evAvailable = any ? plugged : NAN;
    return state;
}

bool LiveSession::planNow()
{
    if (!m_client || !m_expectation || m_values.now() <= 0.0 || m_planWatcher.isRunning())
        return false;
    const OperationsPlanner planner(m_runner->options().objective);
    // From the next full hour: set-points for an hour that has begun would come late.
    const double startTs = std::ceil(m_values.now() / 3600.0) * 3600.0;
    const int startHour = hourOf(startTs);
    const auto last24 = [this, startTs](HourlyTotals::Carrier c) { return m_totals.last24(c, startTs); };
    const DispatchDemand forecast
        = LoadForecast::forecast(m_expectation->demand, startHour, planner.horizonHours(), last24(HourlyTotals::Electricity),
                                 last24(HourlyTotals::Heat), last24(HourlyTotals::Cooling));
    const MeasuredState state = measuredState();
    const Town town = m_document->town();
    const std::shared_ptr<const LiveExpectation> expectation = m_expectation;
    const double issued = nowTs();
    m_lastPlanTs = m_values.now();
    m_planWatcher.setFuture(QtConcurrent::run([planner, expectation, town, forecast, startHour, state, startTs, issued] {
        return planner.plan(expectation->system, town, forecast, startHour, state, startTs, issued, &expectation->dispatch);
    }));
    return true;
}

void LiveSession::publishPlan(const OperationsPlan &plan)
{
    if (!m_client)
        return;
    if (!plan.status) {
        emit message(2, tr("Operations plan: %1").arg(plan.status.message));
        return;
    }
    const bool first = m_lastPlan.setpoints.empty();
    QStringList newNotes;
    for (const QString &note : plan.notes)
        if (!m_lastPlan.notes.contains(note))
            newNotes << note;
    m_lastPlan = plan;
    const double offset = m_document->town().site.utcOffsetHours;
    const QTimeZone zone(int(std::lround(offset * 3600.0)));
    const auto iso = [&zone](double ts) {
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ts * 1000.0)), zone).toString(Qt::ISODate);
    };
    QMap<EntityId, QJsonArray> byAsset;
    for (const Setpoint &s : plan.setpoints)
        byAsset[s.asset].append(QJsonObject{{"ts", iso(s.ts)}, {"quantity", s.quantity}, {"value", s.value}});
    for (auto it = byAsset.constBegin(); it != byAsset.constEnd(); ++it) {
        const QJsonObject payload{{"asset", QString::number(it.key())},
                                  {"issued", iso(plan.setpoints.empty() ? nowTs() : plan.setpoints.front().issuedTs)},
                                  {"horizon_h", plan.hours},
                                  {"setpoints", *it}};
        // Retained: a controller that connects later gets the plan in force at once.
        if (Status s = m_client->publish(QStringLiteral("%1/%2/setpoint").arg(m_prefix).arg(it.key()),
                                         QJsonDocument(payload).toJson(QJsonDocument::Compact), true);
            !s)
            emit message(2, s.message);
    }
    if (Status s = m_monitor->history().recordSetpoints(plan.setpoints); !s)
        emit message(2, s.message);
    // Every hour's plan would flood the messages: the Operations dock shows the latest.
    if (first)
        emit message(0, tr("Operations plan: set-points for the next %1 h published to %2 assets on %3/<asset>/setpoint")
                            .arg(plan.hours)
                            .arg(byAsset.size())
                            .arg(m_prefix));
    for (const QString &note : newNotes)
        emit message(0, tr("Operations plan: %1").arg(note));
    emit setpointsPublished(int(byAsset.size()));
}

} // namespace tt
