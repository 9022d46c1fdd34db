// SPDX-License-Identifier: MIT
#include "TelemetryHistory.h"

#include "GdalSession_p.h"

#include <gdal_priv.h>
#include <sqlite3.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtDebug>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

namespace tt {

namespace {

// The flush must fail fast when another process holds the write lock: the readings
// stay buffered and the next flush tries again, while a long wait would stall ingest.
constexpr int kBusyTimeoutMs = 200;
// Enough page cache for the unique index of a large flush to stay in memory.
constexpr const char *kCacheSize = "PRAGMA cache_size = -16384";  // KiB

// GeoPackage attribute tables need an INTEGER PRIMARY KEY; AUTOINCREMENT keeps fids
// from being reused after deletes, as GDAL's own tables do.
constexpr const char *kCreateTables = R"(
CREATE TABLE IF NOT EXISTS telemetry (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  entity_id INTEGER NOT NULL,
  quantity TEXT NOT NULL,
  ts REAL NOT NULL,
  value REAL NOT NULL,
  UNIQUE (entity_id, quantity, ts));
CREATE TABLE IF NOT EXISTS alarms (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  entity_id INTEGER NOT NULL,
  quantity TEXT NOT NULL,
  kind TEXT NOT NULL,
  ts REAL NOT NULL,
  value REAL,
  limit_value REAL,
  message TEXT,
  acknowledged_ts REAL);
CREATE TABLE IF NOT EXISTS setpoints (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  asset_id INTEGER NOT NULL,
  quantity TEXT NOT NULL,
  ts REAL NOT NULL,
  value REAL NOT NULL,
  issued_ts REAL,
  UNIQUE (asset_id, quantity, ts));
)";

// Registered so that GDAL and QGIS list the tables as layers of the GeoPackage.
constexpr const char *kRegisterTables = R"(
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES
  ('telemetry', 'attributes', 'telemetry', 'TownTwin telemetry: one row per entity, quantity and time (epoch seconds UTC)',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('alarms', 'attributes', 'alarms', 'TownTwin alarms', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('setpoints', 'attributes', 'setpoints', 'TownTwin set-points: one row per asset, quantity and hour',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
)";

//! The quantity keys as UTF-8, built once: the flush binds them as static text
//! instead of converting a QString per row.
const std::array<QByteArray, kTelemetryQuantityCount> &quantityKeys()
{
    static const std::array<QByteArray, kTelemetryQuantityCount> keys = [] {
        std::array<QByteArray, kTelemetryQuantityCount> k;
        for (int i = 0; i < kTelemetryQuantityCount; ++i)
            k[i] = telemetryquantity::key(TelemetryQuantity(i)).toUtf8();
        return k;
    }();
    return keys;
}

const QByteArray &quantityKey(TelemetryQuantity quantity)
{
    return quantityKeys()[size_t(quantity)];
}

bool quantityFromColumn(sqlite3_stmt *statement, int column, TelemetryQuantity *quantity)
{
    const char *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    const int size = sqlite3_column_bytes(statement, column);
    if (!text)
        return false;
    const auto &keys = quantityKeys();
    for (int i = 0; i < kTelemetryQuantityCount; ++i) {
        if (keys[i].size() == size && std::memcmp(keys[i].constData(), text, size_t(size)) == 0) {
            *quantity = TelemetryQuantity(i);
            return true;
        }
    }
    return false;
}

QString columnString(sqlite3_stmt *statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

void bindText(sqlite3_stmt *statement, int index, const QByteArray &text)
{
    sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

//! Owns a statement prepared for one query.
struct Statement {
    Statement(sqlite3 *db, const char *sql)
    {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &handle, nullptr);
    }
    ~Statement() { sqlite3_finalize(handle); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    explicit operator bool() const { return handle != nullptr; }

    sqlite3_stmt *handle = nullptr;
};

bool isLockedOut(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

} // namespace

TelemetryHistory::TelemetryHistory() = default;

TelemetryHistory::~TelemetryHistory()
{
    close();
}

QString TelemetryHistory::defaultPathFor(const QString &projectPath)
{
    const QFileInfo project(projectPath);
    return QDir(project.absolutePath()).filePath(project.completeBaseName() + QStringLiteral(".history.gpkg"));
}

Status TelemetryHistory::open(const QString &path)
{
    // Readings appended before the first open() are kept for this file.
    if (!m_path.isEmpty())
        close();
    m_path = path;
    m_recorded = 0;
    m_duplicates = 0;
    return connect();
}

Status TelemetryHistory::connect()
{
    disconnect();
    m_spanKnown = false;
    const QFileInfo info(m_path);
    if (info.isDir())
        return Status::error(QStringLiteral("Cannot open telemetry history %1: it is a folder").arg(m_path),
                             ErrorCode::CannotOpen);
    // Checked before SQLite opens it: SQLite would open it for reading only and give the
    // -wal and -shm files it creates the same read-only mode, so the file would stay
    // unwritable after its owner made it writable again.
    if (info.exists() && info.size() > 0 && !info.isWritable())
        return Status::error(QStringLiteral("Cannot open telemetry history %1: the file is read-only").arg(m_path),
                             ErrorCode::CannotOpen);

    // An empty file is what a crash between creating and writing leaves: make it anew.
    if (!info.exists() || info.size() == 0) {
        if (info.exists())
            QFile::remove(m_path);
        // A log or index left by a removed file would be taken for the new file's.
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        if (Status s = createGeoPackage(); !s)
            return s;
    }

    const QByteArray file = QFile::encodeName(m_path);
    const int rc = sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const Status s = Status::error(QStringLiteral("Cannot open telemetry history %1: %2")
                                           .arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_db))),
                                       ErrorCode::CannotOpen);
        disconnect();
        return s;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);

    // sqlite3_open_v2 reads nothing yet: the first query tells a database from any other file.
    QString problem;
    {
        Statement probe(m_db, "SELECT count(*) FROM sqlite_master");
        const int code = probe ? sqlite3_step(probe.handle) : sqlite3_errcode(m_db);
        if (code != SQLITE_ROW)
            problem = (code & 0xff) == SQLITE_NOTADB ? QStringLiteral("it is not an SQLite or GeoPackage file")
                                                     : QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    if (!problem.isEmpty()) {
        disconnect();
        return Status::error(QStringLiteral("Cannot open telemetry history %1: %2").arg(m_path, problem),
                             ErrorCode::CannotOpen);
    }
    // SQLite falls back to reading only when the file is write-protected; a history must be written.
    if (sqlite3_db_readonly(m_db, "main") == 1) {
        const Status s = Status::error(
            QStringLiteral("Cannot open telemetry history %1: the file is read-only").arg(m_path),
            ErrorCode::CannotOpen);
        disconnect();
        return s;
    }
    // WAL: readers (charts, scrubbing) do not block the writer, and a commit is one
    // append to the log; NORMAL syncs at checkpoints only, which WAL keeps consistent.
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", kCacheSize}) {
        if (Status s = execute(pragma, QStringLiteral("Cannot open telemetry history")); !s) {
            disconnect();
            return s;
        }
    }
    if (Status s = createTables(); !s) {
        disconnect();
        return s;
    }
    if (Status s = prepareStatements(); !s) {
        disconnect();
        return s;
    }
    return Status::success();
}

void TelemetryHistory::disconnect()
{
    for (sqlite3_stmt **statement : {&m_insertReading, &m_begin, &m_commit, &m_rollback}) {
        sqlite3_finalize(*statement);
        *statement = nullptr;
    }
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status TelemetryHistory::createGeoPackage() const
{
    GdalSession session;
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!gpkg)
        return Status::error(
            QStringLiteral("Cannot create telemetry history %1: GDAL has no GeoPackage driver").arg(m_path),
            ErrorCode::CannotOpen);
    GDALDatasetUniquePtr ds(gpkg->Create(QFile::encodeName(m_path).constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return Status::error(
            QStringLiteral("Cannot create telemetry history %1: %2").arg(m_path, session.lastError()),
            ErrorCode::CannotOpen);
    session.clearError();
    ds.reset();  // GDAL writes the GeoPackage's own tables when it closes
    if (!session.lastError().isEmpty())
        return Status::error(
            QStringLiteral("Cannot create telemetry history %1: %2").arg(m_path, session.lastError()),
            ErrorCode::CannotOpen);
    return Status::success();
}

Status TelemetryHistory::createTables()
{
    // A plain SQLite file has no gpkg_contents; its tables work the same, only GDAL does not list them.
    bool geoPackage = false;
    {
        Statement contents(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'");
        geoPackage = contents && sqlite3_step(contents.handle) == SQLITE_ROW;
    }
    const QString what = QStringLiteral("Cannot create the tables of telemetry history");
    return transaction(what, [&] {
        Status s = execute(kCreateTables, what);
        if (s && geoPackage)
            s = execute(kRegisterTables, what);
        return s;
    });
}

Status TelemetryHistory::transaction(const QString &what, const std::function<Status()> &work)
{
    if (Status s = execute("BEGIN IMMEDIATE", what); !s)
        return s;
    Status s = work();
    if (s)
        s = execute("COMMIT", what);
    if (!s && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
}

Status TelemetryHistory::prepareStatements()
{
    const struct {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&m_insertReading, "INSERT OR IGNORE INTO telemetry (entity_id, quantity, ts, value) VALUES (?1, ?2, ?3, ?4)"},
        {&m_begin, "BEGIN IMMEDIATE"},
        {&m_commit, "COMMIT"},
        {&m_rollback, "ROLLBACK"},
    };
    for (const auto &s : statements) {
        if (sqlite3_prepare_v3(m_db, s.sql, -1, SQLITE_PREPARE_PERSISTENT, s.statement, nullptr) != SQLITE_OK)
            return sqliteError(QStringLiteral("Cannot use telemetry history"));
    }
    return Status::success();
}

Status TelemetryHistory::sqliteError(const QString &what) const
{
    return Status::error(QStringLiteral("%1 %2: %3").arg(what, m_path, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

Status TelemetryHistory::execute(const char *sql, const QString &what)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return Status::success();
    const Status s = Status::error(QStringLiteral("%1 %2: %3").arg(what, m_path, QString::fromUtf8(message)));
    sqlite3_free(message);
    return s;
}

bool TelemetryHistory::hasMoved() const
{
    // In WAL mode SQLite keeps writing into a file that was deleted or replaced and the
    // readings would vanish with it; one stat per flush notices.
    int moved = 0;
    return sqlite3_file_control(m_db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0;
}

Status TelemetryHistory::ensureWritable()
{
    if (m_path.isEmpty())
        return Status::error(QStringLiteral("No telemetry history file is open"));
    if (m_db && hasMoved()) {
        disconnect();
        return Status::error(QStringLiteral("Cannot write telemetry history %1: the file was removed or replaced "
                                            "while open; it is created again on the next write")
                                 .arg(m_path));
    }
    return m_db ? Status::success() : connect();
}

void TelemetryHistory::append(const TelemetryReading &reading)
{
    if (std::isfinite(reading.ts) && std::isfinite(reading.value))
        m_pending.push_back(reading);
}

void TelemetryHistory::append(const std::vector<TelemetryReading> &readings)
{
    for (const TelemetryReading &r : readings)
        append(r);
}

Status TelemetryHistory::flush()
{
    if (m_pending.empty())
        return Status::success();
    if (Status s = ensureWritable(); !s) {
        s.message += QStringLiteral(" (%1 readings kept for the next try)").arg(m_pending.size());
        return s;
    }

    // Live readings come time by time across every series, but the unique index is
    // ordered by series: inserted in that order, each index page is loaded and
    // written once per flush instead of once per time step (twice the rate). Stable,
    // so of two equal readings in one batch the first appended is the one stored.
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const TelemetryReading &a, const TelemetryReading &b) {
        const auto ea = sqlite3_int64(a.entity), eb = sqlite3_int64(b.entity);
        if (ea != eb)
            return ea < eb;
        if (a.quantity != b.quantity)
            return a.quantity < b.quantity;
        return a.ts < b.ts;
    });

    int code = sqlite3_step(m_begin);
    sqlite3_reset(m_begin);
    qint64 recorded = 0;
    qint64 duplicates = 0;
    double first = std::numeric_limits<double>::infinity();
    double last = -std::numeric_limits<double>::infinity();
    if (code == SQLITE_DONE) {
        for (const TelemetryReading &r : m_pending) {
            sqlite3_bind_int64(m_insertReading, 1, sqlite3_int64(r.entity));
            bindText(m_insertReading, 2, quantityKey(r.quantity));
            sqlite3_bind_double(m_insertReading, 3, r.ts);
            sqlite3_bind_double(m_insertReading, 4, r.value);
            code = sqlite3_step(m_insertReading);
            sqlite3_reset(m_insertReading);
            if (code != SQLITE_DONE)
                break;
            // INSERT OR IGNORE changes no row for a reading that is stored already.
            if (sqlite3_changes(m_db) > 0)
                ++recorded;
            else
                ++duplicates;
            first = std::min(first, r.ts);
            last = std::max(last, r.ts);
        }
    }
    if (code == SQLITE_DONE) {
        code = sqlite3_step(m_commit);
        sqlite3_reset(m_commit);
    }
    if (code != SQLITE_DONE) {
        // The message first: the rollback replaces it.
        const Status s = Status::error(QStringLiteral("Cannot write telemetry history %1: %2 (%3 readings kept for "
                                                      "the next try)")
                                           .arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_db)))
                                           .arg(m_pending.size()));
        if (!sqlite3_get_autocommit(m_db)) {
            sqlite3_step(m_rollback);
            sqlite3_reset(m_rollback);
        }
        // A lock passes; after any other failure (read-only, I/O, disk full) the next
        // flush opens the file afresh, so a file made writable again is written.
        if (!isLockedOut(code))
            disconnect();
        return s;
    }
    m_recorded += recorded;
    m_duplicates += duplicates;
    if (m_spanKnown) {
        m_first = m_spanEmpty ? first : std::min(m_first, first);
        m_last = m_spanEmpty ? last : std::max(m_last, last);
        m_spanEmpty = false;
    }
    m_pending.clear();
    return Status::success();
}

std::vector<TelemetryReading> TelemetryHistory::readings(EntityId entity, TelemetryQuantity quantity, double fromTs,
                                                         double toTs) const
{
    std::vector<TelemetryReading> result;
    Statement query(m_db, "SELECT ts, value FROM telemetry WHERE entity_id = ?1 AND quantity = ?2 AND ts >= ?3 "
                          "AND ts < ?4 ORDER BY ts");
    if (!query)
        return result;
    sqlite3_bind_int64(query.handle, 1, sqlite3_int64(entity));
    bindText(query.handle, 2, quantityKey(quantity));
    sqlite3_bind_double(query.handle, 3, fromTs);
    sqlite3_bind_double(query.handle, 4, toTs);
    while (sqlite3_step(query.handle) == SQLITE_ROW)
        result.push_back({entity, quantity, sqlite3_column_double(query.handle, 0),
                          sqlite3_column_double(query.handle, 1)});
    return result;
}

std::vector<TelemetryReading> TelemetryHistory::latestAt(double ts) const
{
    // A GROUP BY would read every stored row. Instead, step from one (entity, quantity)
    // to the next through the unique index and look up each one's last reading: a few
    // index seeks per series, however long the history. (A row-value comparison
    // "(entity_id, quantity) > (?, ?)" would walk every row of the series it starts in.)
    std::vector<TelemetryReading> result;
    Statement sameEntity(m_db, "SELECT entity_id, quantity FROM telemetry WHERE entity_id = ?1 AND quantity > ?2 "
                               "ORDER BY quantity LIMIT 1");
    Statement nextEntity(m_db, "SELECT entity_id, quantity FROM telemetry WHERE entity_id > ?1 "
                               "ORDER BY entity_id, quantity LIMIT 1");
    Statement latest(m_db, "SELECT ts, value FROM telemetry WHERE entity_id = ?1 AND quantity = ?2 AND ts <= ?3 "
                           "ORDER BY ts DESC LIMIT 1");
    if (!sameEntity || !nextEntity || !latest)
        return result;
    sqlite3_int64 entity = std::numeric_limits<sqlite3_int64>::min();
    QByteArray key;  // "" sorts before every key
    for (;;) {
        sqlite3_bind_int64(sameEntity.handle, 1, entity);
        sqlite3_bind_text(sameEntity.handle, 2, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(nextEntity.handle, 1, entity);
        sqlite3_stmt *found = sqlite3_step(sameEntity.handle) == SQLITE_ROW ? sameEntity.handle
                              : sqlite3_step(nextEntity.handle) == SQLITE_ROW ? nextEntity.handle
                                                                                : nullptr;
        if (!found)
            break;
        entity = sqlite3_column_int64(found, 0);
        key = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(found, 1)), sqlite3_column_bytes(found, 1));
        TelemetryQuantity quantity;
        const bool known = quantityFromColumn(found, 1, &quantity);
        sqlite3_reset(sameEntity.handle);
        sqlite3_reset(nextEntity.handle);
        if (!known)
            continue;  // written by a newer version with more quantities
        sqlite3_bind_int64(latest.handle, 1, entity);
        bindText(latest.handle, 2, key);
        sqlite3_bind_double(latest.handle, 3, ts);
        if (sqlite3_step(latest.handle) == SQLITE_ROW)
            result.push_back({EntityId(entity), quantity, sqlite3_column_double(latest.handle, 0),
                              sqlite3_column_double(latest.handle, 1)});
        sqlite3_reset(latest.handle);
    }
    return result;
}

bool TelemetryHistory::timeSpan(double *first, double *last) const
{
    if (!m_db)
        return false;
    if (!m_spanKnown) {
        Statement query(m_db, "SELECT min(ts), max(ts) FROM telemetry");
        if (!query || sqlite3_step(query.handle) != SQLITE_ROW)
            return false;
        m_spanEmpty = sqlite3_column_type(query.handle, 0) == SQLITE_NULL;
        m_first = sqlite3_column_double(query.handle, 0);
        m_last = sqlite3_column_double(query.handle, 1);
        m_spanKnown = true;
    }
    if (m_spanEmpty)
        return false;
    if (first)
        *first = m_first;
    if (last)
        *last = m_last;
    return true;
}

Status TelemetryHistory::recordAlarms(std::vector<Alarm> *alarms)
{
    if (alarms->empty())
        return Status::success();
    if (Status s = ensureWritable(); !s)
        return s;
    const QString what = QStringLiteral("Cannot record alarms in telemetry history");
    Statement insert(m_db, "INSERT INTO alarms (entity_id, quantity, kind, ts, value, limit_value, message, "
                           "acknowledged_ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert)
        return sqliteError(what);
    const Status s = transaction(what, [&] {
        for (Alarm &alarm : *alarms) {
            const QByteArray kind = alarmkind::key(alarm.kind).toUtf8();
            const QByteArray message = alarm.message.toUtf8();
            sqlite3_bind_int64(insert.handle, 1, sqlite3_int64(alarm.entity));
            bindText(insert.handle, 2, quantityKey(alarm.quantity));
            bindText(insert.handle, 3, kind);
            sqlite3_bind_double(insert.handle, 4, alarm.ts);
            sqlite3_bind_double(insert.handle, 5, alarm.value);
            sqlite3_bind_double(insert.handle, 6, alarm.limit);
            bindText(insert.handle, 7, message);
            if (alarm.acknowledged())
                sqlite3_bind_double(insert.handle, 8, alarm.acknowledgedTs);
            else
                sqlite3_bind_null(insert.handle, 8);
            const int code = sqlite3_step(insert.handle);
            sqlite3_reset(insert.handle);
            if (code != SQLITE_DONE)
                return sqliteError(what);
            alarm.id = sqlite3_last_insert_rowid(m_db);
        }
        return Status::success();
    });
    if (!s)
        for (Alarm &alarm : *alarms)
            alarm.id = 0;
    return s;
}

Status TelemetryHistory::acknowledgeAlarms(const std::vector<qint64> &ids, double acknowledgedTs)
{
    if (ids.empty())
        return Status::success();
    if (Status s = ensureWritable(); !s)
        return s;
    const QString what = QStringLiteral("Cannot acknowledge alarms in telemetry history");
    Statement update(m_db, "UPDATE alarms SET acknowledged_ts = ?2 WHERE fid = ?1");
    if (!update)
        return sqliteError(what);
    return transaction(what, [&] {
        for (const qint64 id : ids) {
            sqlite3_bind_int64(update.handle, 1, id);
            sqlite3_bind_double(update.handle, 2, acknowledgedTs);
            const int code = sqlite3_step(update.handle);
            sqlite3_reset(update.handle);
            if (code != SQLITE_DONE)
                return sqliteError(QStringLiteral("Cannot acknowledge alarm %1 in telemetry history").arg(id));
            if (sqlite3_changes(m_db) == 0)
                return Status::error(QStringLiteral("Cannot acknowledge alarm %1: telemetry history %2 has no such alarm")
                                         .arg(id)
                                         .arg(m_path));
        }
        return Status::success();
    });
}

std::vector<Alarm> TelemetryHistory::alarms() const
{
    std::vector<Alarm> result;
    Statement query(m_db, "SELECT fid, entity_id, quantity, kind, ts, value, limit_value, message, acknowledged_ts "
                          "FROM alarms ORDER BY ts DESC, fid DESC");
    if (!query)
        return result;
    while (sqlite3_step(query.handle) == SQLITE_ROW) {
        Alarm a;
        // Rows of a newer version's quantities or kinds are left out rather than shown as something else.
        if (!quantityFromColumn(query.handle, 2, &a.quantity)
            || !alarmkind::fromKey(columnString(query.handle, 3), &a.kind))
            continue;
        a.id = sqlite3_column_int64(query.handle, 0);
        a.entity = EntityId(sqlite3_column_int64(query.handle, 1));
        a.ts = sqlite3_column_double(query.handle, 4);
        a.value = sqlite3_column_double(query.handle, 5);
        a.limit = sqlite3_column_double(query.handle, 6);
        a.message = columnString(query.handle, 7);
        a.acknowledgedTs = sqlite3_column_double(query.handle, 8);  // NULL reads as 0: not acknowledged
        result.push_back(a);
    }
    return result;
}

Status TelemetryHistory::recordSetpoints(const std::vector<Setpoint> &setpoints)
{
    if (setpoints.empty())
        return Status::success();
    if (Status s = ensureWritable(); !s)
        return s;
    const QString what = QStringLiteral("Cannot record set-points in telemetry history");
    // The WHERE keeps a plan that arrives late from replacing a newer one.
    Statement upsert(m_db, "INSERT INTO setpoints (asset_id, quantity, ts, value, issued_ts) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (asset_id, quantity, ts) DO UPDATE SET "
                           "value = excluded.value, issued_ts = excluded.issued_ts "
                           "WHERE excluded.issued_ts >= setpoints.issued_ts OR setpoints.issued_ts IS NULL");
    if (!upsert)
        return sqliteError(what);
    return transaction(what, [&] {
        for (const Setpoint &p : setpoints) {
            const QByteArray quantity = p.quantity.toUtf8();
            sqlite3_bind_int64(upsert.handle, 1, sqlite3_int64(p.asset));
            bindText(upsert.handle, 2, quantity);
            sqlite3_bind_double(upsert.handle, 3, p.ts);
            sqlite3_bind_double(upsert.handle, 4, p.value);
            sqlite3_bind_double(upsert.handle, 5, p.issuedTs);
            const int code = sqlite3_step(upsert.handle);
            sqlite3_reset(upsert.handle);
            if (code != SQLITE_DONE)
                return sqliteError(what);
        }
        return Status::success();
    });
}

std::vector<Setpoint> TelemetryHistory::setpoints(double fromTs, double toTs) const
{
    std::vector<Setpoint> result;
    Statement query(m_db, "SELECT asset_id, quantity, ts, value, issued_ts FROM setpoints WHERE ts >= ?1 AND ts < ?2 "
                          "ORDER BY ts, asset_id, quantity");
    if (!query)
        return result;
    sqlite3_bind_double(query.handle, 1, fromTs);
    sqlite3_bind_double(query.handle, 2, toTs);
    while (sqlite3_step(query.handle) == SQLITE_ROW) {
        Setpoint p;
        p.asset = EntityId(sqlite3_column_int64(query.handle, 0));
        p.quantity = columnString(query.handle, 1);
        p.ts = sqlite3_column_double(query.handle, 2);
        p.value = sqlite3_column_double(query.handle, 3);
        p.issuedTs = sqlite3_column_double(query.handle, 4);
        result.push_back(p);
    }
    return result;
}

void TelemetryHistory::close()
{
    if (!m_pending.empty() && !m_path.isEmpty()) {
        if (Status s = flush(); !s)
            qWarning("%s; %zu readings dropped on closing", qUtf8Printable(s.message), m_pending.size());
    }
    m_pending.clear();
    disconnect();
    m_path.clear();
    m_spanKnown = false;
}

} // namespace tt
