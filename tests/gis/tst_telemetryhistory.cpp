// SPDX-License-Identifier: MIT
#include "TestData.h"
#include "TelemetryHistory.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace tt;

namespace {

TelemetryReading reading(EntityId entity, TelemetryQuantity quantity, double ts, double value)
{
    return {entity, quantity, ts, value};
}

std::vector<double> times(const std::vector<TelemetryReading> &readings)
{
    std::vector<double> t;
    for (const TelemetryReading &r : readings)
        t.push_back(r.ts);
    return t;
}

//! A second connection to the file, as another process would have: independent of the class under test.
class OtherConnection {
public:
    explicit OtherConnection(const QString &path)
    {
        sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    }
    ~OtherConnection() { sqlite3_close_v2(m_db); }
    OtherConnection(const OtherConnection &) = delete;
    OtherConnection &operator=(const OtherConnection &) = delete;

    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    QString text(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        QString result;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
        return result;
    }

private:
    sqlite3 *m_db = nullptr;
};

//! The layers GDAL lists and the fields of `telemetry`, as QGIS would see them.
struct GdalView {
    QStringList layers;
    QString fidColumn;
    QStringList fields;
    qint64 telemetryRows = -1;
};

GdalView gdalView(const QString &path)
{
    GdalView view;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers));
    if (!ds)
        return view;
    for (OGRLayer *layer : ds->GetLayers())
        view.layers.append(QString::fromUtf8(layer->GetName()));
    if (OGRLayer *t = ds->GetLayerByName("telemetry")) {
        view.fidColumn = QString::fromUtf8(t->GetFIDColumn());
        OGRFeatureDefn *defn = t->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            view.fields.append(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()));
        view.telemetryRows = t->GetFeatureCount(TRUE);
    }
    view.layers.sort();
    return view;
}

} // namespace

class TestTelemetryHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultPathIsBesideProject();
    void newFileIsGeoPackageGdalReads();
    void repeatedReadingIsStoredOnce();
    void lateReadingsAreAcceptedInTimeOrder();
    void latestAtGivesLastValuePerSeries();
    void historySurvivesReopening();
    void walModeIsOn();
    void lockedFileFailsNamedAndKeepsReadings();
    void readOnlyFileFailsNamedThenIsWritten();
    void removedFileIsNamedThenCreatedAgain();
    void flushWithoutFileKeepsReadings();
    void notSqliteFileIsRefused();
    void existingFilesGetTheTables();
    void alarmsRoundTrip();
    void setpointsReplaceForSameHour();
    void ingestRate();

private:
    QString scratch(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTelemetryHistory::initTestCase()
{
    GDALAllRegister();
}

void TestTelemetryHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTelemetryHistory::defaultPathIsBesideProject()
{
    QCOMPARE(TelemetryHistory::defaultPathFor(QStringLiteral("/data/towns/Zug Süd.gpkg")),
             QStringLiteral("/data/towns/Zug Süd.history.gpkg"));
    QCOMPARE(TelemetryHistory::defaultPathFor(QStringLiteral("/data/town.v2.gpkg")),
             QStringLiteral("/data/town.v2.history.gpkg"));
}

void TestTelemetryHistory::newFileIsGeoPackageGdalReads()
{
    const QString path = scratch(QStringLiteral("town.history.gpkg"));
    TelemetryHistory history;
    const Status s = history.open(path);
    QVERIFY2(s.ok, qPrintable(s.message));
    QVERIFY(history.isOpen());
    QCOMPARE(history.path(), path);
    history.append({reading(7, TelemetryQuantity::PvKw, 1.7e9, 12.5), reading(8, TelemetryQuantity::SocPct, 1.7e9, 55)});
    QVERIFY(history.flush().ok);
    QCOMPARE(history.pendingCount(), size_t(0));

    const GdalView view = gdalView(path);
    QCOMPARE(view.layers, (QStringList{QStringLiteral("alarms"), QStringLiteral("setpoints"),
                                       QStringLiteral("telemetry")}));
    QCOMPARE(view.fidColumn, QStringLiteral("fid"));
    QCOMPARE(view.fields, (QStringList{QStringLiteral("entity_id"), QStringLiteral("quantity"), QStringLiteral("ts"),
                                       QStringLiteral("value")}));
    QCOMPARE(view.telemetryRows, qint64(2));

    OtherConnection other(path);
    QCOMPARE(other.text("SELECT data_type FROM gpkg_contents WHERE table_name = 'telemetry'"),
             QStringLiteral("attributes"));
    QCOMPARE(other.text("SELECT quantity FROM telemetry WHERE entity_id = 7"), QStringLiteral("pv_kw"));
    QCOMPARE(other.text("PRAGMA application_id"), QString::number(0x47504B47));  // "GPKG"
}

void TestTelemetryHistory::repeatedReadingIsStoredOnce()
{
    TelemetryHistory history;
    QVERIFY(history.open(scratch(QStringLiteral("h.gpkg"))).ok);
    const TelemetryReading a = reading(1, TelemetryQuantity::ElectricityKw, 1000.0, 3.0);
    const TelemetryReading b = reading(1, TelemetryQuantity::ElectricityKw, 1001.5, 4.0);
    history.append({a, b, a});  // repeated within one batch
    QVERIFY(history.flush().ok);
    QCOMPARE(history.recordedCount(), qint64(2));
    QCOMPARE(history.duplicateCount(), qint64(1));

    TelemetryReading again = a;
    again.value = 99.0;  // the same instant again: the first stored value stays
    history.append(again);
    history.append(reading(1, TelemetryQuantity::HeatingKw, 1000.0, 5.0));  // another quantity: a new row
    history.append(reading(2, TelemetryQuantity::ElectricityKw, 1000.0, 6.0));  // another entity: a new row
    QVERIFY(history.flush().ok);
    QCOMPARE(history.recordedCount(), qint64(4));
    QCOMPARE(history.duplicateCount(), qint64(2));

    const auto stored = history.readings(1, TelemetryQuantity::ElectricityKw, 0.0, 1e12);
    QCOMPARE(stored.size(), size_t(2));
    QCOMPARE(stored[0], a);
    QCOMPARE(stored[1], b);
}

void TestTelemetryHistory::lateReadingsAreAcceptedInTimeOrder()
{
    TelemetryHistory history;
    QVERIFY(history.open(scratch(QStringLiteral("h.gpkg"))).ok);
    const auto q = TelemetryQuantity::VoltagePu;
    history.append({reading(5, q, 100.0, 1.01), reading(5, q, 300.0, 1.03)});
    QVERIFY(history.flush().ok);
    history.append({reading(5, q, 200.0, 1.02), reading(5, q, 50.0, 1.00)});  // late, older than what is stored
    QVERIFY(history.flush().ok);
    QCOMPARE(history.recordedCount(), qint64(4));

    QCOMPARE(times(history.readings(5, q, 0.0, 1000.0)), (std::vector<double>{50.0, 100.0, 200.0, 300.0}));
    QCOMPARE(history.readings(5, q, 0.0, 1000.0)[2].value, 1.02);
    // fromTs <= ts < toTs
    QCOMPARE(times(history.readings(5, q, 100.0, 300.0)), (std::vector<double>{100.0, 200.0}));
    QVERIFY(history.readings(5, TelemetryQuantity::TemperatureC, 0.0, 1000.0).empty());
    QVERIFY(history.readings(6, q, 0.0, 1000.0).empty());

    double first = 0, last = 0;
    QVERIFY(history.timeSpan(&first, &last));
    QCOMPARE(first, 50.0);
    QCOMPARE(last, 300.0);
    history.append(reading(9, TelemetryQuantity::PvKw, 20.0, 1.0));  // the known span follows flushes
    QVERIFY(history.flush().ok);
    QVERIFY(history.timeSpan(&first, &last));
    QCOMPARE(first, 20.0);
    QCOMPARE(last, 300.0);
}

void TestTelemetryHistory::latestAtGivesLastValuePerSeries()
{
    TelemetryHistory history;
    QVERIFY(history.open(scratch(QStringLiteral("h.gpkg"))).ok);
    QVERIFY(history.latestAt(1e12).empty());
    double first = 0, last = 0;
    QVERIFY(!history.timeSpan(&first, &last));

    const auto e = TelemetryQuantity::ElectricityKw;
    const auto h = TelemetryQuantity::HeatingKw;
    history.append({reading(1, e, 100, 10), reading(1, e, 200, 20), reading(1, e, 300, 30), reading(1, h, 150, 1.5),
                    reading(2, e, 250, 25), reading(3, h, 50, 0.5)});
    QVERIFY(history.flush().ok);

    const auto at220 = history.latestAt(220);
    QCOMPARE(at220.size(), size_t(3));  // entity 2 has nothing before 250
    QCOMPARE(at220[0], reading(1, e, 200, 20));
    QCOMPARE(at220[1], reading(1, h, 150, 1.5));
    QCOMPARE(at220[2], reading(3, h, 50, 0.5));

    const auto at300 = history.latestAt(300);  // at or before: the reading at 300 counts
    QCOMPARE(at300.size(), size_t(4));
    QCOMPARE(at300[0], reading(1, e, 300, 30));
    QCOMPARE(at300[2], reading(2, e, 250, 25));
    QVERIFY(history.latestAt(10).empty());
}

void TestTelemetryHistory::historySurvivesReopening()
{
    const QString path = scratch(QStringLiteral("h.gpkg"));
    {
        TelemetryHistory history;
        QVERIFY(history.open(path).ok);
        history.append({reading(4, TelemetryQuantity::WindKw, 10, 1), reading(4, TelemetryQuantity::WindKw, 20, 2)});
        QVERIFY(history.flush().ok);
        history.append(reading(4, TelemetryQuantity::WindKw, 30, 3));  // close() flushes it
        std::vector<Alarm> alarms(1);
        alarms[0].entity = 4;
        QVERIFY(history.recordAlarms(&alarms).ok);
    }
    TelemetryHistory history;
    QVERIFY(history.open(path).ok);
    QCOMPARE(history.recordedCount(), qint64(0));  // counts are since open
    QCOMPARE(times(history.readings(4, TelemetryQuantity::WindKw, 0, 100)), (std::vector<double>{10, 20, 30}));
    QCOMPARE(history.alarms().size(), size_t(1));
    history.append(reading(4, TelemetryQuantity::WindKw, 20, 2));
    QVERIFY(history.flush().ok);
    QCOMPARE(history.duplicateCount(), qint64(1));
    double first = 0, last = 0;
    QVERIFY(history.timeSpan(&first, &last));
    QCOMPARE(first, 10.0);
    QCOMPARE(last, 30.0);
}

void TestTelemetryHistory::walModeIsOn()
{
    const QString path = scratch(QStringLiteral("h.gpkg"));
    TelemetryHistory history;
    QVERIFY(history.open(path).ok);
    history.append(reading(1, TelemetryQuantity::CoolingKw, 1, 1));
    QVERIFY(history.flush().ok);
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    OtherConnection other(path);
    QCOMPARE(other.text("PRAGMA journal_mode"), QStringLiteral("wal"));
    // A reader sees what was flushed while the history stays open.
    QCOMPARE(other.text("SELECT count(*) FROM telemetry"), QStringLiteral("1"));
}

void TestTelemetryHistory::lockedFileFailsNamedAndKeepsReadings()
{
    // Works for root too, where file permissions would not stop the write: another
    // process holding the write lock.
    const QString path = scratch(QStringLiteral("locked.history.gpkg"));
    TelemetryHistory history;
    QVERIFY(history.open(path).ok);
    history.append(reading(1, TelemetryQuantity::ChpKw, 10, 1));
    QVERIFY(history.flush().ok);

    OtherConnection locker(path);
    QVERIFY(locker.exec("BEGIN EXCLUSIVE"));
    QVERIFY(locker.exec("INSERT INTO alarms (entity_id, quantity, kind, ts) VALUES (1, 'chp_kw', 'high', 1)"));
    history.append({reading(1, TelemetryQuantity::ChpKw, 20, 2), reading(1, TelemetryQuantity::ChpKw, 30, 3)});
    QElapsedTimer timer;
    timer.start();
    const Status failed = history.flush();
    QVERIFY(!failed.ok);
    QVERIFY2(timer.elapsed() < 5000, "a locked file must fail fast, not block the ingest");
    QVERIFY2(failed.message.contains(QStringLiteral("locked.history.gpkg")), qPrintable(failed.message));
    QVERIFY2(failed.message.contains(QStringLiteral("locked")), qPrintable(failed.message));
    QCOMPARE(history.pendingCount(), size_t(2));
    QCOMPARE(history.recordedCount(), qint64(1));
    history.append(reading(1, TelemetryQuantity::ChpKw, 40, 4));  // the stream goes on meanwhile

    QVERIFY(locker.exec("COMMIT"));
    const Status s = history.flush();
    QVERIFY2(s.ok, qPrintable(s.message));
    QCOMPARE(history.pendingCount(), size_t(0));
    QCOMPARE(history.recordedCount(), qint64(4));
    QCOMPARE(times(history.readings(1, TelemetryQuantity::ChpKw, 0, 100)), (std::vector<double>{10, 20, 30, 40}));
}

void TestTelemetryHistory::readOnlyFileFailsNamedThenIsWritten()
{
    if (geteuid() == 0)
        QSKIP("root writes read-only files; lockedFileFailsNamedAndKeepsReadings covers a file that cannot be written");
    const QString path = scratch(QStringLiteral("readonly.history.gpkg"));
    {
        TelemetryHistory history;
        QVERIFY(history.open(path).ok);
    }
    const QFile::Permissions writable = QFile::permissions(path);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));

    TelemetryHistory history;
    const Status refused = history.open(path);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(QStringLiteral("readonly.history.gpkg")), qPrintable(refused.message));
    history.append(reading(3, TelemetryQuantity::EvAvailable, 10, 4));
    const Status failed = history.flush();
    QVERIFY(!failed.ok);
    QVERIFY2(failed.message.contains(QStringLiteral("readonly.history.gpkg")), qPrintable(failed.message));
    QCOMPARE(history.pendingCount(), size_t(1));

    QVERIFY(QFile::setPermissions(path, writable));
    const Status s = history.flush();
    QVERIFY2(s.ok, qPrintable(s.message));
    QVERIFY(history.isOpen());
    QCOMPARE(history.readings(3, TelemetryQuantity::EvAvailable, 0, 100).size(), size_t(1));
}

void TestTelemetryHistory::removedFileIsNamedThenCreatedAgain()
{
    const QString path = scratch(QStringLiteral("removed.history.gpkg"));
    TelemetryHistory history;
    QVERIFY(history.open(path).ok);
    history.append(reading(1, TelemetryQuantity::PvKw, 10, 1));
    QVERIFY(history.flush().ok);
    QVERIFY(QFile::remove(path));

    history.append(reading(1, TelemetryQuantity::PvKw, 20, 2));
    const Status failed = history.flush();
    QVERIFY(!failed.ok);
    QVERIFY2(failed.message.contains(QStringLiteral("removed.history.gpkg")), qPrintable(failed.message));
    QCOMPARE(history.pendingCount(), size_t(1));

    const Status s = history.flush();
    QVERIFY2(s.ok, qPrintable(s.message));
    QCOMPARE(times(history.readings(1, TelemetryQuantity::PvKw, 0, 100)), (std::vector<double>{20}));
    QCOMPARE(gdalView(path).telemetryRows, qint64(1));
}

void TestTelemetryHistory::flushWithoutFileKeepsReadings()
{
    TelemetryHistory history;
    history.append(reading(1, TelemetryQuantity::PvKw, 10, 1));
    QVERIFY(!history.flush().ok);
    QCOMPARE(history.pendingCount(), size_t(1));
    history.append(reading(1, TelemetryQuantity::PvKw, 20, qQNaN()));  // SQLite cannot keep NaN
    QCOMPARE(history.pendingCount(), size_t(1));
    QVERIFY(history.open(scratch(QStringLiteral("h.gpkg"))).ok);
    QVERIFY(history.flush().ok);
    QCOMPARE(history.recordedCount(), qint64(1));
}

void TestTelemetryHistory::notSqliteFileIsRefused()
{
    const QString path = testdata::writeFile(scratch(QStringLiteral("notes.history.gpkg")),
                                             QByteArray("These are notes, not a database.\n").repeated(200));
    QVERIFY(!path.isEmpty());
    const QByteArray before = [&] { QFile f(path); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
    TelemetryHistory history;
    const Status s = history.open(path);
    QVERIFY(!s.ok);
    QCOMPARE(s.code, ErrorCode::CannotOpen);
    QVERIFY2(s.message.contains(QStringLiteral("notes.history.gpkg")), qPrintable(s.message));
    QVERIFY2(s.message.contains(QStringLiteral("not an SQLite")), qPrintable(s.message));
    QVERIFY(!history.isOpen());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestTelemetryHistory::existingFilesGetTheTables()
{
    // A GeoPackage made by GDAL with a layer of its own: the tables are added and registered.
    const QString gpkgPath = scratch(QStringLiteral("other.gpkg"));
    {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(gpkg->Create(QFile::encodeName(gpkgPath).constData(), 0, 0, 0, GDT_Unknown, nullptr));
        QVERIFY(ds);
        QVERIFY(ds->CreateLayer("meters", nullptr, wkbNone, nullptr));
    }
    {
        TelemetryHistory history;
        const Status s = history.open(gpkgPath);
        QVERIFY2(s.ok, qPrintable(s.message));
        history.append(reading(1, TelemetryQuantity::SocPct, 1, 50));
        QVERIFY(history.flush().ok);
    }
    QCOMPARE(gdalView(gpkgPath).layers, (QStringList{QStringLiteral("alarms"), QStringLiteral("meters"),
                                                     QStringLiteral("setpoints"), QStringLiteral("telemetry")}));

    // A plain SQLite file: its tables are kept, ours added.
    const QString sqlitePath = scratch(QStringLiteral("plain.sqlite"));
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(sqlitePath).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('kept')", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    TelemetryHistory history;
    const Status s = history.open(sqlitePath);
    QVERIFY2(s.ok, qPrintable(s.message));
    history.append(reading(1, TelemetryQuantity::SocPct, 1, 50));
    QVERIFY(history.flush().ok);
    QCOMPARE(history.readings(1, TelemetryQuantity::SocPct, 0, 10).size(), size_t(1));
    OtherConnection other(sqlitePath);
    QCOMPARE(other.text("SELECT x FROM notes"), QStringLiteral("kept"));
}

void TestTelemetryHistory::alarmsRoundTrip()
{
    const QString path = scratch(QStringLiteral("h.gpkg"));
    TelemetryHistory history;
    QVERIFY(history.open(path).ok);
    Alarm high;
    high.entity = 12;
    high.quantity = TelemetryQuantity::VoltagePu;
    high.kind = AlarmKind::High;
    high.ts = 1000.0;
    high.value = 1.07;
    high.limit = 1.05;
    high.message = QStringLiteral("Node N12: voltage 1.07 pu above 1.05 pu – 电压过高");
    Alarm deviation = high;
    deviation.entity = 3;
    deviation.quantity = TelemetryQuantity::HeatingKw;
    deviation.kind = AlarmKind::Deviation;
    deviation.ts = 2000.0;
    deviation.value = 80.0;
    deviation.limit = 40.0;
    deviation.message = QStringLiteral("Building 3: heating 80 kW, expected 40 kW");
    std::vector<Alarm> raised{high, deviation};
    QVERIFY(history.recordAlarms(&raised).ok);
    high = raised[0];
    deviation = raised[1];
    QVERIFY(high.id > 0);
    QVERIFY(deviation.id > 0);
    QVERIFY(high.id != deviation.id);
    // Recorded at once, without a flush: another reader sees them.
    QCOMPARE(OtherConnection(path).text("SELECT count(*) FROM alarms"), QStringLiteral("2"));

    // An unknown id among them: none is acknowledged, and the error names it and the file.
    const Status unknown = history.acknowledgeAlarms({high.id, 999}, 1500.0);
    QVERIFY(!unknown.ok);
    QVERIFY2(unknown.message.contains(QStringLiteral("999")) && unknown.message.contains(QStringLiteral("h.gpkg")),
             qPrintable(unknown.message));
    QCOMPARE(OtherConnection(path).text("SELECT count(*) FROM alarms WHERE acknowledged_ts IS NOT NULL"), QStringLiteral("0"));
    QVERIFY(history.acknowledgeAlarms({high.id}, 1500.0).ok);

    const std::vector<Alarm> listed = history.alarms();
    QCOMPARE(listed.size(), size_t(2));
    QCOMPARE(listed[0].id, deviation.id);  // newest first
    QCOMPARE(listed[0].kind, AlarmKind::Deviation);
    QCOMPARE(listed[0].quantity, TelemetryQuantity::HeatingKw);
    QVERIFY(!listed[0].acknowledged());
    QCOMPARE(listed[1].id, high.id);
    QCOMPARE(listed[1].entity, EntityId(12));
    QCOMPARE(listed[1].quantity, TelemetryQuantity::VoltagePu);
    QCOMPARE(listed[1].kind, AlarmKind::High);
    QCOMPARE(listed[1].ts, 1000.0);
    QCOMPARE(listed[1].value, 1.07);
    QCOMPARE(listed[1].limit, 1.05);
    QCOMPARE(listed[1].message, high.message);
    QVERIFY(listed[1].acknowledged());
    QCOMPARE(listed[1].acknowledgedTs, 1500.0);
}

void TestTelemetryHistory::setpointsReplaceForSameHour()
{
    TelemetryHistory history;
    QVERIFY(history.open(scratch(QStringLiteral("h.gpkg"))).ok);
    const QString battery = QStringLiteral("battery_kw");
    const auto plan = [&](double issued, int fromHour, int toHour, double value) {
        std::vector<Setpoint> points;
        for (int h = fromHour; h <= toHour; ++h)
            points.push_back({42, battery, h * 3600.0, value + h, issued});
        return points;
    };
    QVERIFY(history.recordSetpoints(plan(1000, 0, 2, 10)).ok);
    QVERIFY(history.recordSetpoints(plan(2000, 1, 3, 20)).ok);  // a newer plan for hours 1..3
    QVERIFY(history.recordSetpoints(plan(500, 1, 1, 90)).ok);   // an old plan arriving late changes nothing
    QVERIFY(history.recordSetpoints({{42, QStringLiteral("chp_kw"), 3600.0, 7.0, 1000}}).ok);  // another quantity

    const std::vector<Setpoint> stored = history.setpoints(0, 4 * 3600.0);
    QCOMPARE(stored.size(), size_t(5));
    QCOMPARE(stored[0].ts, 0.0);
    QCOMPARE(stored[0].value, 10.0);
    QCOMPARE(stored[0].issuedTs, 1000.0);
    QCOMPARE(stored[1].quantity, battery);
    QCOMPARE(stored[1].value, 21.0);
    QCOMPARE(stored[1].issuedTs, 2000.0);
    QCOMPARE(stored[2].quantity, QStringLiteral("chp_kw"));
    QCOMPARE(stored[2].value, 7.0);
    QCOMPARE(stored[3].value, 22.0);
    QCOMPARE(stored[4].ts, 3 * 3600.0);
    QCOMPARE(stored[4].value, 23.0);
    QCOMPARE(stored[4].asset, EntityId(42));
    QCOMPARE(history.setpoints(3600.0, 7200.0).size(), size_t(2));  // fromTs <= ts < toTs
}

void TestTelemetryHistory::ingestRate()
{
    // Not an assertion: how fast the storage takes a live stream (5,000 series, one
    // reading each per step, 10 flushes of 100,000).
    TelemetryHistory history;
    QVERIFY(history.open(scratch(QStringLiteral("rate.history.gpkg"))).ok);
    constexpr int kSeries = 5000;
    constexpr int kSteps = 200;
    constexpr int kStepsPerFlush = 20;
    std::vector<TelemetryReading> batch;
    batch.reserve(size_t(kSeries) * kStepsPerFlush);
    qint64 flushNs = 0;
    QElapsedTimer timer;
    for (int step = 0; step < kSteps; ++step) {
        for (int s = 0; s < kSeries; ++s)
            batch.push_back({EntityId(1 + s / kTelemetryQuantityCount), TelemetryQuantity(s % kTelemetryQuantityCount),
                             1.7e9 + step * 5.0, double(s + step)});
        if ((step + 1) % kStepsPerFlush == 0) {
            history.append(batch);
            batch.clear();
            timer.start();
            QVERIFY(history.flush().ok);
            flushNs += timer.nsecsElapsed();
        }
    }
    QCOMPARE(history.recordedCount(), qint64(kSeries) * kSteps);
    qInfo("TelemetryHistory: %lld readings in %.3f s of flushes: %.0f readings/s", history.recordedCount(),
          flushNs / 1e9, history.recordedCount() / (flushNs / 1e9));
    timer.start();
    const auto latest = history.latestAt(1.7e9 + 100 * 5.0);
    qInfo("TelemetryHistory: latestAt over %zu series in %.1f ms", latest.size(), timer.nsecsElapsed() / 1e6);
    QCOMPARE(latest.size(), size_t(kSeries));
}

QTEST_GUILESS_MAIN(TestTelemetryHistory)
#include "tst_telemetryhistory.moc"
