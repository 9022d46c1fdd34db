// SPDX-License-Identifier: MIT
// libFuzzer harness for the project reader (ProjectFile::load): the input is a
// whole GeoPackage, written to a .gpkg file and opened as `towntwin PROJECT`
// would, then its own plan-rule copy and its zoning settings are read as the
// KPI dock does.
//
// Random bytes are almost never a SQLite database, and byte flips in a valid
// one mostly break its pages, so the custom mutator below usually edits the
// database through SQLite instead: one cell (a setting's JSON value or type,
// a geometry blob, a meta value, a tile, a CRS definition...) gets mutated
// bytes or an extreme number, or a row goes. Raw byte mutations remain for
// damaged files. Seeds are small real projects (fuzz/corpus/projectfile).
#include "FuzzSupport.h"

#include "ProjectFile.h"
#include "analysis/PlanRules.h"
#include "analysis/ZoningSettings.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt::fuzz::ScratchFile project(QStringLiteral("project.gpkg"));
    tt::Town town;
    const tt::Status status = tt::ProjectFile::load(project.write(data, size), &town);
    if (!status) {
        TT_FUZZ_CHECK(!status.message.isEmpty());
        return 0;
    }
    // What opening a project reads next: its own rule set and the zoning settings.
    tt::PlanRules rules;
    (void)tt::PlanRules::forTown(town, &rules);
    (void)tt::ZoningSettings::fromSettings(town.settings);
    return 0;
}

namespace {

//! A SQLite connection closed on every path.
struct Database {
    sqlite3 *db = nullptr;
    ~Database() { sqlite3_close(db); }
};

std::vector<std::string> column(sqlite3 *db, const std::string &sql, int index = 0)
{
    std::vector<std::string> values;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return values;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(stmt, index);
        values.emplace_back(text ? reinterpret_cast<const char *>(text) : "");
    }
    sqlite3_finalize(stmt);
    return values;
}

std::string quoted(const std::string &name)
{
    std::string q = "\"";
    for (char c : name)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + '"';
}

//! Numbers that break careless arithmetic: zero, signs, int and size limits, huge and tiny reals.
const sqlite3_int64 kIntegers[] = {0, -1, 1, 2, 255, 65536, std::numeric_limits<int>::max(),
                                   std::numeric_limits<int>::min(), sqlite3_int64(1) << 31,
                                   std::numeric_limits<sqlite3_int64>::max(),
                                   std::numeric_limits<sqlite3_int64>::min()};
const double kReals[] = {0.0, -0.0, -1.0, 1e-300, 1e300, -1e300, std::numeric_limits<double>::denorm_min(),
                         std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(), 1e9, 15224924.0};

//! Mutates one cell (or deletes one row) of the GeoPackage in `data` through SQLite.
//! Returns the new size, or 0 when the input is no database SQLite can edit.
size_t mutateThroughSqlite(uint8_t *data, size_t size, size_t maxSize, std::minstd_rand &rng)
{
    static tt::fuzz::ScratchFile scratch(QStringLiteral("mutate.gpkg"));
    const QByteArray path = scratch.write(data, size).toUtf8();
    Database d;
    if (sqlite3_open_v2(path.constData(), &d.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return 0;
    sqlite3_exec(d.db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", nullptr, nullptr, nullptr);
    // GeoPackage triggers call GDAL's SQL functions (ST_IsEmpty...), which plain SQLite lacks.
    for (const std::string &trigger : column(d.db, "SELECT name FROM sqlite_master WHERE type='trigger'"))
        sqlite3_exec(d.db, ("DROP TRIGGER " + quoted(trigger)).c_str(), nullptr, nullptr, nullptr);
    const std::vector<std::string> tables = column(
        d.db, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'rtree_%'");
    if (tables.empty())
        return 0;
    const std::string table = quoted(tables[rng() % tables.size()]);
    const std::vector<std::string> rowids = column(d.db, "SELECT rowid FROM " + table);
    if (rowids.empty())
        return 0;
    const std::string rowid = rowids[rng() % rowids.size()];
    const std::string where = " WHERE rowid=" + rowid;

    std::string sql;
    std::vector<uint8_t> value;
    enum { Bytes, Integer, Real, Null } bind = Bytes;
    sqlite3_int64 integer = 0;
    double real = 0.0;
    int type = SQLITE_TEXT;
    const unsigned choice = rng() % 20;
    if (choice == 0) {
        sql = "DELETE FROM " + table + where;
    } else {
        const std::vector<std::string> columns = column(d.db, "PRAGMA table_info(" + table + ")", 1);
        if (columns.empty())
            return 0;
        const std::string name = quoted(columns[rng() % columns.size()]);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(d.db, ("SELECT " + name + " FROM " + table + where).c_str(), -1, &stmt, nullptr)
                != SQLITE_OK
            || sqlite3_step(stmt) != SQLITE_ROW) {
            sqlite3_finalize(stmt);
            return 0;
        }
        type = sqlite3_column_type(stmt, 0);
        // Integers and reals are mutated as text too: the column's affinity turns numeric text back into a number.
        const auto *old = static_cast<const uint8_t *>(sqlite3_column_blob(stmt, 0));
        value.assign(old, old + sqlite3_column_bytes(stmt, 0));
        sqlite3_finalize(stmt);
        sql = "UPDATE " + table + " SET " + name + "=?" + where;
        if (choice == 1) {
            bind = Null;
        } else if (type == SQLITE_INTEGER && rng() % 2) {
            bind = Integer;
            integer = kIntegers[rng() % std::size(kIntegers)];
        } else if (type == SQLITE_FLOAT && rng() % 2) {
            bind = Real;
            real = kReals[rng() % std::size(kReals)];
        }
    }
    if (choice != 0 && bind == Bytes) {
        if (value.empty())
            value.push_back('0');  // libFuzzer's mutators need a byte to start from
        const size_t length = value.size();
        value.resize(std::max(length, std::min(maxSize, length * 2 + 64)));
        value.resize(LLVMFuzzerMutate(value.data(), length, value.size()));
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(d.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return 0;
    if (choice != 0) {
        if (bind == Null)
            sqlite3_bind_null(stmt, 1);
        else if (bind == Integer)
            sqlite3_bind_int64(stmt, 1, integer);
        else if (bind == Real)
            sqlite3_bind_double(stmt, 1, real);
        else if (type == SQLITE_BLOB)
            sqlite3_bind_blob(stmt, 1, value.data(), int(value.size()), SQLITE_TRANSIENT);
        else
            sqlite3_bind_text(stmt, 1, reinterpret_cast<const char *>(value.data()), int(value.size()), SQLITE_TRANSIENT);
    }
    const bool changed = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(d.db) > 0;
    sqlite3_finalize(stmt);
    sqlite3_close(d.db);
    d.db = nullptr;
    if (!changed)
        return 0;
    const QByteArray mutated = scratch.read();
    if (mutated.isEmpty() || size_t(mutated.size()) > maxSize)
        return 0;
    std::memcpy(data, mutated.constData(), size_t(mutated.size()));
    return size_t(mutated.size());
}

} // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t maxSize, unsigned int seed)
{
    std::minstd_rand rng(seed);
    if (rng() % 4 != 0)
        if (const size_t mutated = mutateThroughSqlite(data, size, maxSize, rng))
            return mutated;
    return LLVMFuzzerMutate(data, size, maxSize);
}
