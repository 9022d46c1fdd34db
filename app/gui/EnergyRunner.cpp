// SPDX-License-Identifier: MIT
#include "EnergyRunner.h"

#include "core/Document.h"
#include "energy/EpwReader.h"

#include <QElapsedTimer>

namespace tt {

//! What the worker thread owns. EnergySimulator is not thread-safe and keeps
//! its demand model between runs, so only tasks on the runner's one-thread
//! pool touch this, one at a time.
struct EnergyRunner::Worker {
    std::shared_ptr<const WeatherYear> weather;
    std::unique_ptr<EnergySimulator> simulator;
    //! The last good result: what rerunBuilding() updates.
    SimulationResult base;
    bool baseValid = false;
};

//! One run, as the GUI thread hands it over: everything by value.
struct EnergyRunner::Job {
    bool full = true;
    QVector<EntityId> ids;
    Town town;
    SimulationOptions options;
    quint64 revision = 0;
    quint64 epoch = 0;
};

//! What a run gives back to the GUI thread.
struct EnergyRunner::Outcome {
    SimulationResult result;
    quint64 revision = 0;
    quint64 epoch = 0;
    double seconds = 0.0;
    bool incremental = false;
};

EnergyRunner::EnergyRunner(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_worker(std::make_unique<Worker>())
{
    // The time bar solves single hours of the networks from the kept loads.
    m_options.keepNetworkLoads = true;
    // One thread that never expires: the simulator lives on exactly one thread.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &EnergyRunner::startNext);
    connect(document, &Document::townReset, this, [this] { requestFullRun(0); });
    connect(document, &Document::entitiesAdded, this, &EnergyRunner::onEntities);
    connect(document, &Document::entitiesChanged, this, &EnergyRunner::onEntities);
    connect(document, &Document::entitiesRemoved, this, &EnergyRunner::onEntities);
    connect(document, &Document::townReset, this, &EnergyRunner::followProjectWeather);
    connect(document, &Document::settingsChanged, this, &EnergyRunner::followProjectWeather);
    // Settings choose the archetype set among others: the whole year again.
    connect(document, &Document::settingsChanged, this, [this] { requestFullRun(0); });
    connect(document, &Document::filePathChanged, this, &EnergyRunner::followProjectWeather);
    followProjectWeather();
}

EnergyRunner::~EnergyRunner()
{
    // Queued runs would only be discarded; the running one's completion event dies with this object.
    ++m_epoch;
    m_pool.clear();
    m_pool.waitForDone();
}

Status EnergyRunner::setWeatherFile(const QString &epwPath)
{
    const QString reference = ProjectWeather::referenceFor(epwPath);
    const QString path = ProjectWeather::resolve(reference, m_document->filePath());
    if (const Status status = loadWeather(path, reference, ProjectWeather::Origin::Project); !status)
        return status;
    QVariantMap settings = m_document->town().settings;
    if (settings.value(ProjectWeather::kSettingKey).toString() != reference) {
        settings.insert(ProjectWeather::kSettingKey, reference);
        // followProjectWeather() then finds this weather already in use.
        m_document->setSettings(settings, m_document->town().rulesJson,
                                tr("Use weather %1").arg(ProjectWeather::displayName(reference)));
    }
    return Status::success();
}

void EnergyRunner::followProjectWeather()
{
    const ProjectWeather::Choice choice = ProjectWeather::choose(m_document->town(), m_document->filePath());
    if (!choice.path.isEmpty() && choice.path == m_weatherFile) {
        // The same file, perhaps named otherwise (the project now names the bundled one in use).
        if (choice.origin != m_weatherOrigin || choice.reference != m_weatherReference) {
            m_weatherOrigin = choice.origin;
            m_weatherReference = choice.reference;
            emit weatherChanged();
        }
        return;
    }
    if (choice.origin != ProjectWeather::Origin::None) {
        if (const Status status = loadWeather(choice.path, choice.reference, choice.origin); status)
            return;
    }
    // No weather, or the project's cannot be read (fail() said why): the old
    // project's weather must not stand in for it.
    m_weatherFile.clear();
    m_weatherReference.clear();
    m_weatherOrigin = ProjectWeather::Origin::None;
    m_weatherYear = 0;
    m_weather.reset();
    ++m_epoch;
    m_debounce.stop();
    if (m_hasResult) {
        m_result = SimulationResult();
        m_hasResult = false;
        emit resultReady(m_result);
    }
    if (m_state != State::Failed || choice.origin == ProjectWeather::Origin::None)
        setState(State::NoWeather);
    emit weatherChanged();
}

Status EnergyRunner::loadWeather(const QString &path, const QString &reference, ProjectWeather::Origin origin)
{
    auto weather = std::make_shared<WeatherYear>();
    const Status status = EpwReader::read(path, weather.get());
    if (!status) {
        fail(status.message);
        return status;
    }
    weather->source = reference;
    m_weatherFile = path;
    m_weatherReference = reference;
    m_weatherOrigin = origin;
    m_weatherYear = weather->year;
    m_weather = weather;
    ++m_epoch;
    Worker *worker = m_worker.get();
    // Queued behind a run in progress, which therefore finishes with the old weather.
    m_pool.start([worker, weather] {
        worker->weather = weather;
        // A fresh simulator: its demand model caches the weather by address.
        worker->simulator = std::make_unique<EnergySimulator>();
        worker->baseValid = false;
    });
    requestFullRun(0);
    emit weatherChanged();
    return status;
}

QStringList EnergyRunner::weatherWarnings() const
{
    if (!m_weather)
        return {};
    QStringList warnings = m_weather->siteWarnings(m_document->town().site);
    if (const QString filled = m_weather->filledValuesText(); !filled.isEmpty())
        warnings.append(filled);
    return warnings;
}

void EnergyRunner::setOptions(const SimulationOptions &options)
{
    m_options = options;
    ++m_epoch;
    requestFullRun(0);
}

void EnergyRunner::onEntities(EntityKind kind, const QVector<EntityId> &ids)
{
    switch (kind) {
    case EntityKind::Building:
        if (!m_pendingFull) {
            for (EntityId id : ids)
                m_pendingIds.insert(id);
            if (m_pendingIds.size() > kMaxIncrementalBuildings) {
                m_pendingFull = true;
                m_pendingIds.clear();
            }
        }
        schedule(kDebounceMs);
        break;
    case EntityKind::Zone:   // farmland decides the default agrivoltaics and wind
    case EntityKind::Asset:
    case EntityKind::NetworkNode:  // network losses and pumping are part of the balance
    case EntityKind::NetworkLink:
        requestFullRun(kDebounceMs);
        break;
    case EntityKind::Road:
        break;  // roads carry no energy
    }
}

void EnergyRunner::requestFullRun(int delayMs)
{
    m_pendingFull = true;
    m_pendingIds.clear();
    schedule(delayMs);
}

void EnergyRunner::schedule(int delayMs)
{
    if (m_weatherFile.isEmpty())
        return;  // the pending work waits for a weather file
    // A run in progress stays "Computing": another one follows it anyway.
    if (!m_busy)
        setState(State::Stale);
    m_debounce.start(delayMs);
}

void EnergyRunner::startNext()
{
    if (m_busy || m_weatherFile.isEmpty() || !hasPendingWork())
        return;
    Job job;
    job.full = m_pendingFull;
    job.ids = m_pendingIds.values();
    job.town = m_document->town();
    job.options = m_options;
    job.revision = m_document->revision();
    job.epoch = m_epoch;
    m_pendingFull = false;
    m_pendingIds.clear();
    m_busy = true;
    setState(State::Computing);

    Worker *worker = m_worker.get();
    m_pool.start([this, worker, job = std::move(job)] {
        QElapsedTimer timer;
        timer.start();
        Outcome out;
        out.revision = job.revision;
        out.epoch = job.epoch;
        if (!job.full && worker->baseValid) {
            out.incremental = true;
            out.result = worker->base;
            for (EntityId id : job.ids) {
                out.result.status = worker->simulator->rerunBuilding(job.town, id, *worker->weather, job.options,
                                                                     &out.result);
                if (!out.result.status)
                    break;
            }
        } else {
            const auto stillWanted = [this, epoch = job.epoch](double, const QString &) { return m_epoch == epoch; };
            out.result = worker->simulator->run(job.town, *worker->weather, job.options, stillWanted);
        }
        worker->baseValid = out.result.status.ok;
        if (worker->baseValid)
            worker->base = out.result;
        out.seconds = timer.nsecsElapsed() / 1e9;
        // `this` outlives the task (the destructor waits for it); a posted event
        // is dropped if the runner is destroyed before it is delivered.
        QMetaObject::invokeMethod(
            this, [this, out = std::move(out)]() mutable { finish(std::move(out)); }, Qt::QueuedConnection);
    });
}

void EnergyRunner::finish(Outcome outcome)
{
    m_busy = false;
    if (m_weatherFile.isEmpty())
        return;  // the weather went while this ran: followProjectWeather() set the state
    // Runs with outdated weather or options are replaced by the full run already pending.
    const bool current = outcome.epoch == m_epoch && (!m_hasResult || outcome.revision >= m_resultRevision);
    const bool ok = outcome.result.status.ok;
    if (current && ok) {
        m_result = std::move(outcome.result);
        m_hasResult = true;
        m_resultRevision = outcome.revision;
        m_lastRunSeconds = outcome.seconds;
        m_lastRunIncremental = outcome.incremental;
        emit resultReady(m_result);
    } else if (current) {
        fail(outcome.result.status.message);
    }
    if (hasPendingWork()) {
        if (m_debounce.isActive())
            setState(State::Stale);
        else
            startNext();
    } else if (!current || ok) {
        setState(State::UpToDate);
    }
}

void EnergyRunner::fail(const QString &message)
{
    m_error = message;
    setState(State::Failed);
    emit failed(message);
}

void EnergyRunner::requestBuildingHourly(EntityId id)
{
    const Building *building = m_document->town().buildings.find(id);
    if (m_weatherFile.isEmpty() || !building)
        return;
    Worker *worker = m_worker.get();
    m_pool.start([this, worker, id, copy = *building] {
        DemandSeries series;
        const Status status = worker->simulator->buildingHourly(copy, *worker->weather, &series);
        QMetaObject::invokeMethod(
            this,
            [this, id, status, series = std::move(series)] {
                if (status)
                    emit buildingHourlyReady(id, series);
                else
                    emit failed(status.message);
            },
            Qt::QueuedConnection);
    });
}

void EnergyRunner::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace tt
