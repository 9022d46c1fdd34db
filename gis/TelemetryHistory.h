// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "ops/Alarm.h"
#include "ops/TelemetryReading.h"

#include <QString>

#include <functional>
#include <vector>

// SQLite stays out of the public header (tests/layering): the handles are opaque here.
struct sqlite3;
struct sqlite3_stmt;

namespace tt {

//! The recorded history of live telemetry, alarms and set-points: a GeoPackage
//! beside the project whose attribute tables `telemetry`, `alarms` and
//! `setpoints` QGIS and GDAL read as plain tables. Readings are buffered and
//! written in one transaction per flush(), so the file keeps up with the live
//! stream; while the file cannot be written they stay buffered and the next
//! flush() writes them. Not thread-safe: one thread owns an instance.
class TelemetryHistory {
public:
    TelemetryHistory();
    ~TelemetryHistory();
    TelemetryHistory(const TelemetryHistory &) = delete;
    TelemetryHistory &operator=(const TelemetryHistory &) = delete;

    //! "<dir>/<basename>.history.gpkg" beside PROJECT.gpkg.
    static QString defaultPathFor(const QString &projectPath);

    //! Opens the history file, creating it as a GeoPackage when there is none and adding
    //! the tables a SQLite file lacks; refuses a file that is not SQLite or cannot be
    //! written, naming it. The path is kept even then, so readings appended meanwhile are
    //! written by the first flush() that can open it. Closes a history open before;
    //! readings appended before the first open() are written to this file.
    Status open(const QString &path);
    QString path() const { return m_path; }
    //! True while the file is open for writing.
    bool isOpen() const { return m_db != nullptr; }

    //! Buffers; nothing is written until flush(). Readings with a NaN or infinite
    //! time or value are dropped: SQLite would store NaN as NULL.
    void append(const TelemetryReading &reading);
    void append(const std::vector<TelemetryReading> &readings);
    //! Writes what is buffered in one transaction; a reading already stored (same
    //! entity, quantity and time) is stored once. On failure (disk full, read-only,
    //! file removed, locked) nothing of it is written, the error names the file and
    //! the problem, and the readings stay buffered for the next flush().
    Status flush();
    size_t pendingCount() const { return m_pending.size(); }
    qint64 recordedCount() const { return m_recorded; }    //!< rows newly stored since open()
    qint64 duplicateCount() const { return m_duplicates; } //!< flushed readings that were stored already

    //! Stored readings of one entity and quantity with fromTs <= ts < toTs, by time.
    std::vector<TelemetryReading> readings(EntityId entity, TelemetryQuantity quantity, double fromTs,
                                           double toTs) const;
    //! The last stored reading of every entity and quantity at or before ts, one per
    //! (entity, quantity), ordered by entity then quantity key.
    std::vector<TelemetryReading> latestAt(double ts) const;
    //! Earliest and latest stored time; false when nothing is stored.
    bool timeSpan(double *first, double *last) const;

    //! Stores the alarms at once, in one transaction (they must not wait for the next
    //! flush), and sets their ids. On failure nothing is stored and the ids stay 0.
    Status recordAlarms(std::vector<Alarm> *alarms);
    //! Acknowledges the alarms in one transaction; an unknown id fails them all, by name.
    Status acknowledgeAlarms(const std::vector<qint64> &ids, double acknowledgedTs);
    //! Every recorded alarm, newest first.
    std::vector<Alarm> alarms() const;

    //! One row per asset, quantity and hour: a set-point replaces the stored one for the
    //! same hour unless the stored one was issued later (plans may arrive out of order).
    Status recordSetpoints(const std::vector<Setpoint> &setpoints);
    //! Set-points with fromTs <= ts < toTs, by time, asset and quantity.
    std::vector<Setpoint> setpoints(double fromTs, double toTs) const;

    //! Flushes what it can, then closes; readings that could not be written are dropped
    //! with a warning naming the file and their number.
    void close();

private:
    Status connect();
    void disconnect();
    Status createGeoPackage() const;
    Status createTables();
    Status prepareStatements();
    Status sqliteError(const QString &what) const;
    Status execute(const char *sql, const QString &what);
    //! Runs `work` between BEGIN IMMEDIATE and COMMIT, rolling back when either fails.
    Status transaction(const QString &what, const std::function<Status()> &work);
    bool hasMoved() const;
    //! Connects when not connected (again after a failure), refuses a file removed meanwhile.
    Status ensureWritable();

    QString m_path;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertReading = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    std::vector<TelemetryReading> m_pending;
    qint64 m_recorded = 0;
    qint64 m_duplicates = 0;
    // The stored time span, read once from the file and then kept up to date by
    // flush(): MIN/MAX over ts would scan the whole table on every call.
    mutable bool m_spanKnown = false;
    mutable double m_first = 0.0;
    mutable double m_last = 0.0;
    mutable bool m_spanEmpty = true;
};

} // namespace tt
