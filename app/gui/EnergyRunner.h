// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityBatch.h"
#include "core/Status.h"
#include "energy/EnergySimulator.h"
#include "energy/ProjectWeather.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace tt {

class Document;

//! Keeps a document's energy simulation current without blocking the GUI:
//! follows the document's change signals, debounces edits, and runs the
//! EnergySimulator on one worker thread against a copy of the town taken when
//! the run starts (the GUI keeps editing meanwhile). Edits of a few buildings
//! re-run only those buildings; anything else re-runs the whole year. Edits
//! that arrive during a run are coalesced into one more run afterwards.
class EnergyRunner : public QObject {
    Q_OBJECT
public:
    enum class State { NoWeather, Stale, Computing, UpToDate, Failed };
    Q_ENUM(State)

    //! Edits that arrive within this time are simulated together.
    static constexpr int kDebounceMs = 200;
    //! Each rerunBuilding() re-dispatches the whole year, so beyond this many
    //! changed buildings one full run is cheaper than re-running them one by one.
    static constexpr int kMaxIncrementalBuildings = 1;

    explicit EnergyRunner(Document *document, QObject *parent = nullptr);
    //! Cancels a full run in progress (between buildings or LP windows) and waits for it;
    //! queued runs are dropped.
    ~EnergyRunner() override;

    //! Reads the EPW (on the calling thread; errors name the file), makes it the
    //! project's weather (its setting ProjectWeather::kSettingKey, one undo step)
    //! and re-runs the year with it. On failure the previous weather, if any,
    //! stays in use and the project is not changed.
    Status setWeatherFile(const QString &epwPath);
    //! The file simulated with (a ":/" path for a bundled one); empty without weather.
    QString weatherFile() const { return m_weatherFile; }
    //! How the project names it ("bundled:NAME" or a path); empty without weather.
    QString weatherReference() const { return m_weatherReference; }
    //! Whether the project named it or it is the bundled one near the site.
    ProjectWeather::Origin weatherOrigin() const { return m_weatherOrigin; }
    //! Calendar year of the weather data (for date axes); 0 without weather.
    int weatherYear() const { return m_weatherYear; }
    //! The weather year simulated with (read-only, shareable with worker threads); null without weather.
    std::shared_ptr<const WeatherYear> weather() const { return m_weather; }
    //! The technologies the simulation uses: the bundled file (the GUI sets no others).
    const TechnologyParameters &technologies() const { return TechnologyParameters::bundled(); }
    //! What to know about the weather in use on the document's site: a station
    //! far away or across the equator (with the distance), values filled in.
    //! Empty without weather or when there is nothing to say.
    QStringList weatherWarnings() const;

    //! Changes the dispatch strategy or objective: re-runs the whole year.
    void setOptions(const SimulationOptions &options);
    SimulationOptions options() const { return m_options; }

    State state() const { return m_state; }
    //! The message of the last failure (weather file or simulation).
    QString errorMessage() const { return m_error; }

    //! The last result delivered; empty (no hours) before the first one.
    const SimulationResult &result() const { return m_result; }
    bool hasResult() const { return m_hasResult; }
    //! Document::revision() of the town the last result was computed from.
    quint64 resultRevision() const { return m_resultRevision; }
    //! Worker time of the run that produced the last result, in seconds.
    double lastRunSeconds() const { return m_lastRunSeconds; }
    //! Whether the last result came from re-running single buildings.
    bool lastRunIncremental() const { return m_lastRunIncremental; }

    //! Computes the hourly demand of a building of the current town on the
    //! worker; emits buildingHourlyReady(). Does nothing without weather or
    //! when `id` is not a building.
    void requestBuildingHourly(EntityId id);

signals:
    void stateChanged(tt::EnergyRunner::State state);
    //! Another weather file is in use, or none (weatherFile() is empty).
    void weatherChanged();
    void resultReady(const tt::SimulationResult &result);
    void failed(const QString &message);
    void buildingHourlyReady(tt::EntityId id, const tt::DemandSeries &series);

private:
    struct Worker;
    struct Job;
    struct Outcome;

    //! Uses the weather the document's project names (or the bundled one near
    //! its site); without either, there is no weather. Called when the town, its
    //! settings or its file change; does nothing when the weather stays the same.
    void followProjectWeather();
    //! Reads `path` and runs the year with it from now on.
    Status loadWeather(const QString &path, const QString &reference, ProjectWeather::Origin origin);
    void onEntities(EntityKind kind, const QVector<EntityId> &ids);
    void requestFullRun(int delayMs);
    //! Marks the result stale and (re)starts the debounce timer.
    void schedule(int delayMs);
    bool hasPendingWork() const { return m_pendingFull || !m_pendingIds.isEmpty(); }
    //! Hands the pending work to the worker unless a run is in progress.
    void startNext();
    void finish(Outcome outcome);
    void fail(const QString &message);
    void setState(State state);

    Document *m_document;
    std::unique_ptr<Worker> m_worker;  // touched only by tasks on m_pool
    QThreadPool m_pool;
    QTimer m_debounce;

    QString m_weatherFile;
    QString m_weatherReference;
    ProjectWeather::Origin m_weatherOrigin = ProjectWeather::Origin::None;
    int m_weatherYear = 0;
    //! The same year the worker simulates; read-only, so both threads may hold it.
    std::shared_ptr<const WeatherYear> m_weather;
    SimulationOptions m_options;
    //! Bumped when the weather or the options change and on destruction: a full run of an
    //! older epoch cancels itself (the worker reads this), an incremental one is discarded.
    std::atomic<quint64> m_epoch = 0;

    bool m_pendingFull = true;  // nothing has been simulated yet
    QSet<EntityId> m_pendingIds;
    bool m_busy = false;

    State m_state = State::NoWeather;
    QString m_error;
    SimulationResult m_result;
    bool m_hasResult = false;
    quint64 m_resultRevision = 0;
    double m_lastRunSeconds = 0.0;
    bool m_lastRunIncremental = false;
};

} // namespace tt
