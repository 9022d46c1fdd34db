// SPDX-License-Identifier: MIT
// The telemetry contract on a small town built by hand: topics `<prefix>/<entity>/<quantity>`
// naming an entity by its id, its source's id or an asset's name; payloads {"ts", "value"}
// or arrays of them; every bad input rejected with its reason and a message naming the
// topic; a mapping file for sites with other topics and payloads; the site clock between
// instants and the simulated year's hours; the project's telemetry settings.
// All expected numbers are worked out by hand in the comments.
#include "TestTowns.h"
#include "core/Town.h"
#include "ops/SiteClock.h"
#include "ops/TelemetryDecoder.h"
#include "ops/TelemetryEntities.h"
#include "ops/TelemetryMapping.h"
#include "ops/TelemetryQuantity.h"
#include "ops/TelemetryReading.h"
#include "ops/TelemetryRejection.h"
#include "ops/TelemetrySettings.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace tt;

namespace tt {
//! For QCOMPARE's report of a mismatch.
char *toString(const TelemetryReading &r)
{
    return qstrdup(qPrintable(QStringLiteral("{%1, %2, ts %3, value %4}")
                                  .arg(r.entity)
                                  .arg(telemetryquantity::key(r.quantity))
                                  .arg(QString::number(r.ts, 'f', 6), QString::number(r.value, 'g', 17))));
}
} // namespace tt

namespace {

using Q = TelemetryQuantity;

// 2026-01-01T00:00:00Z = 1735689600 (2025-01-01) + 365 × 86400 = 1767225600;
// 2026-01-15T00:30:00Z = 1767225600 + 14 × 86400 + 1800 = 1768437000.
constexpr double kTs = 1768437000.0;
// The receiver's clock: an hour later, 2026-01-15T01:30:00Z.
constexpr double kNow = kTs + 3600.0;

/*! The metered town:
 *  building 1 (osm-4711): office 20 × 10 m, 3 storeys: 600 m² of floor → electricity up to
 *      2 × 600 = 1200 kW, export down to −0.3 × 200 = −60 kW;
 *  building 2 (B-2): 10 × 10 m, 2 storeys and a basement: 300 m² → up to 600 kW;
 *  building 3 (source id "10", which is also the battery's id): 5 × 4 m, 1 storey: 20 m² →
 *      40 kW, raised to the 50 kW every building may draw;
 *  asset 10 'Battery A': 200 kWh, 100 kW → ±130 kW, 0–100 %;
 *  asset 11 'Roof PV' on building 1: 50 kWp → −1 to 65 kW;
 *  asset 12 'EV hub': 8 vehicles → 0–8 available, ±1200 kW;
 *  asset 13 'Grid': import limit 1000 kW → ±1300 kW, 0–2 pu;
 *  nodes 20 (N-20) and 22 (source id "B-2", already building 2's) of a 10 kV feeder, cable 21
 *      (L-21): 10 kV, 200 A, 2 circuits → ±2 × √3 × 10 × 200 × 2 = ±13856.4 kW;
 *  heating nodes 30 (H-30) and 32, pipe 31 (H-31): DN 100, 80/50 °C →
 *      ±5 m/s × π/4 × 0.1² m² × 1000 kg/m³ × 4.19 kJ/kgK × 30 K = ±4936.2 kW. */
Town meteredTown()
{
    Town t = testtowns::townAt(47.17, 8.52);
    Building b1 = testtowns::box(BuildingUse::Office, 20, 10, 3, 3.5, 1990, 1);
    b1.sourceId = QStringLiteral("osm-4711");
    t.buildings.put(b1);
    Building b2 = testtowns::box(BuildingUse::Residential, 10, 10, 2, 3.0, 1975, 2);
    b2.basementLevels = 1;
    b2.sourceId = QStringLiteral("B-2");
    t.buildings.put(b2);
    Building b3 = testtowns::box(BuildingUse::Residential, 5, 4, 1, 3.0, 2010, 3);
    b3.sourceId = QStringLiteral("10");
    t.buildings.put(b3);

    const auto asset = [&t](EntityId id, EnergyAssetType type, const QString &name, QVariantMap parameters) {
        EnergyAsset a;
        a.id = id;
        a.type = type;
        a.name = name;
        a.parameters = std::move(parameters);
        return a;
    };
    t.assets.put(asset(10, EnergyAssetType::Battery, QStringLiteral("Battery A"),
                       {{QStringLiteral("capacity_kwh"), 200.0}, {QStringLiteral("power_kw"), 100.0}}));
    EnergyAsset pv = asset(11, EnergyAssetType::RooftopPv, QStringLiteral("Roof PV"), {{QStringLiteral("kwp"), 50.0}});
    pv.hostBuilding = 1;
    t.assets.put(pv);
    t.assets.put(asset(12, EnergyAssetType::EvFleet, QStringLiteral("EV hub"), {{QStringLiteral("vehicles"), 8}}));
    t.assets.put(asset(13, EnergyAssetType::GridConnection, QStringLiteral("Grid"),
                       {{QStringLiteral("import_limit_kw"), 1000.0}}));

    const auto node = [&t](EntityId id, NetworkCarrier carrier, const QString &sourceId, Vec2 at) {
        NetworkNode n;
        n.id = id;
        n.carrier = carrier;
        n.sourceId = sourceId;
        n.position = at;
        t.networkNodes.put(n);
    };
    node(20, NetworkCarrier::Electricity, QStringLiteral("N-20"), {0, -20});
    node(22, NetworkCarrier::Electricity, QStringLiteral("B-2"), {50, -20});
    node(30, NetworkCarrier::Heating, QStringLiteral("H-30"), {0, -40});
    node(32, NetworkCarrier::Heating, QString(), {50, -40});

    NetworkLink cable;
    cable.id = 21;
    cable.sourceId = QStringLiteral("L-21");
    cable.from = 20;
    cable.to = 22;
    cable.route = {{0, -20}, {50, -20}};
    cable.kv = 10.0;
    cable.ampacityA = 200.0;
    cable.circuits = 2;
    t.networkLinks.put(cable);
    NetworkLink pipe;
    pipe.id = 31;
    pipe.sourceId = QStringLiteral("H-31");
    pipe.carrier = NetworkCarrier::Heating;
    pipe.from = 30;
    pipe.to = 32;
    pipe.route = {{0, -40}, {50, -40}};
    pipe.innerDiameterMm = 100.0;
    pipe.supplyC = 80.0;
    pipe.returnC = 50.0;
    t.networkLinks.put(pipe);
    t.nextId = 100;
    return t;
}

TelemetryDecoder decoderFor(const Town &town, const QString &prefix = QStringLiteral("towntwin"),
                            TelemetryMapping mapping = {})
{
    return TelemetryDecoder(std::make_shared<const TelemetryEntities>(town), prefix, std::move(mapping));
}

//! "accepted N" and the keys of the rejections, comma-separated: one comparable line.
QString outcome(const TelemetryMessage &m)
{
    QStringList parts;
    if (!m.accepted.empty())
        parts << QStringLiteral("accepted %1").arg(m.accepted.size());
    for (const TelemetryRejectionNote &note : m.rejected)
        parts << telemetryrejection::key(note.reason);
    return parts.join(QLatin1Char(','));
}

QString full(double v) { return QString::number(v, 'f', 6); }

QString messages(const TelemetryMessage &m)
{
    QStringList lines;
    for (const TelemetryRejectionNote &note : m.rejected)
        lines << note.message;
    return lines.join(QLatin1Char('\n'));
}

QByteArray reading(const QByteArray &ts, const QByteArray &value)
{
    return "{\"ts\": " + ts + ", \"value\": " + value + "}";
}

//! The mapping the tests share: watts in a nested payload with milliseconds; a
//! thermometer whose whole topic tail names the entity; a site that puts both the entity
//! and the quantity into the topic; and a rule taking over part of the standard topics.
const QByteArray kMapping = R"({"rules": [
    {"topic": "acme/+/meter/+/power", "entity": "{2}", "quantity": "electricity_kw",
     "value": "data.p", "ts": "data.t", "ts_unit": "ms", "scale": 0.001},
    {"topic": "legacy/#", "entity": "{1}", "quantity": "temperature_c", "value": "f", "offset": -40},
    {"topic": "site2/+/+/reading", "entity": "{1}", "quantity": "{2}", "ts": "ts"},
    {"topic": "towntwin/+/electricity_kw", "entity": "{1}", "quantity": "electricity_kw",
     "value": "kw", "ts": "ts", "scale": 2}
]})";

} // namespace

class TestTelemetryDecoder : public QObject {
    Q_OBJECT

private slots:
    void quantityAndReasonKeys()
    {
        QCOMPARE(telemetryquantity::allKeys(),
                 (QStringList{"electricity_kw", "heating_kw", "cooling_kw", "pv_kw", "wind_kw", "chp_kw", "soc_pct",
                              "ev_available", "voltage_pu", "temperature_c"}));
        for (int i = 0; i < kTelemetryQuantityCount; ++i) {
            TelemetryQuantity q = Q::TemperatureC;
            QVERIFY(telemetryquantity::fromKey(telemetryquantity::key(TelemetryQuantity(i)), &q));
            QCOMPARE(int(q), i);
            QVERIFY(!telemetryquantity::unit(TelemetryQuantity(i)).isEmpty());
        }
        TelemetryQuantity q = Q::SocPct;
        QVERIFY(!telemetryquantity::fromKey(QStringLiteral("Electricity_kw"), &q));
        QVERIFY(!telemetryquantity::fromKey(QString(), &q));
        QCOMPARE(q, Q::SocPct);  // untouched
        QCOMPARE(telemetryquantity::unit(Q::SocPct), QStringLiteral("%"));
        QCOMPARE(telemetryquantity::unit(Q::VoltagePu), QStringLiteral("pu"));

        QStringList reasons;
        for (int i = 0; i < kTelemetryRejectionCount; ++i)
            reasons << telemetryrejection::key(TelemetryRejection(i));
        QCOMPARE(reasons, (QStringList{"bad_topic", "unknown_entity", "unknown_quantity", "quantity_not_metered",
                                       "invalid_json", "missing_value", "non_numeric_value", "non_finite_value",
                                       "impossible_value", "missing_timestamp", "bad_timestamp"}));
    }

    void entitiesAndTheirLimits()
    {
        const TelemetryEntities entities(meteredTown());
        QCOMPARE(entities.count(), 3 + 4 + 4 + 2);
        // By id, source id and name.
        QCOMPARE(entities.find(QStringLiteral("1"))->id, EntityId(1));
        QCOMPARE(entities.find(QStringLiteral("osm-4711"))->id, EntityId(1));
        QCOMPARE(entities.find(QStringLiteral("Battery A"))->id, EntityId(10));
        QCOMPARE(entities.find(QStringLiteral("L-21"))->id, EntityId(21));
        QCOMPARE(entities.find(QStringLiteral("H-30"))->id, EntityId(30));
        QVERIFY(!entities.find(QStringLiteral("battery a")));
        QVERIFY(!entities.find(QStringLiteral("999")));
        QVERIFY(!entities.find(QString()));
        // Building 3's source id "10" is the battery's TownTwin id: the id wins. Node 22's
        // source id "B-2" is building 2's already: the first keeps it.
        QCOMPARE(entities.find(QStringLiteral("10"))->id, EntityId(10));
        QCOMPARE(entities.find(QStringLiteral("B-2"))->id, EntityId(2));
        QCOMPARE(entities.find(QStringLiteral("22"))->id, EntityId(22));
        QCOMPARE(entities.entry(3)->kind, MeteredKind::Building);
        QCOMPARE(entities.entry(12)->kind, MeteredKind::Asset);
        QCOMPARE(entities.entry(20)->kind, MeteredKind::NetworkNode);
        QCOMPARE(entities.entry(31)->kind, MeteredKind::NetworkLink);
        QVERIFY(!entities.entry(99));
        QCOMPARE(entities.entry(1)->name, QStringLiteral("building 1 (osm-4711)"));
        QCOMPARE(entities.entry(10)->name, QStringLiteral("asset 10 'Battery A'"));
        QCOMPARE(entities.entry(32)->name, QStringLiteral("network node 32"));

        const auto limits = [&entities](EntityId id, TelemetryQuantity q) {
            return entities.entry(id)->limits[size_t(q)];
        };
        QCOMPARE(limits(1, Q::ElectricityKw)->min, -60.0);
        QCOMPARE(limits(1, Q::ElectricityKw)->max, 1200.0);
        QCOMPARE(limits(2, Q::ElectricityKw)->max, 600.0);   // the basement counts
        QCOMPARE(limits(3, Q::ElectricityKw)->max, 50.0);
        QCOMPARE(limits(1, Q::PvKw)->max, 60.0);
        QCOMPARE(limits(10, Q::SocPct)->max, 100.0);
        QCOMPARE(limits(10, Q::ElectricityKw)->min, -130.0);
        QCOMPARE(limits(11, Q::PvKw)->min, -1.0);
        QCOMPARE(limits(11, Q::PvKw)->max, 65.0);
        QCOMPARE(limits(12, Q::EvAvailable)->max, 8.0);
        QCOMPARE(limits(12, Q::ElectricityKw)->max, 1200.0);
        QCOMPARE(limits(13, Q::ElectricityKw)->max, 1300.0);
        QCOMPARE(limits(13, Q::VoltagePu)->max, 2.0);
        QCOMPARE(limits(21, Q::ElectricityKw)->max, 13856.406460551018);
        QCOMPARE(limits(31, Q::HeatingKw)->max, 4936.227456952964);
        QCOMPARE(limits(31, Q::HeatingKw)->min, -4936.227456952964);
        QVERIFY(!limits(10, Q::PvKw));
        QVERIFY(!limits(1, Q::SocPct));
        QVERIFY(!limits(20, Q::TemperatureC));
        QVERIFY(!limits(30, Q::VoltagePu));
        QVERIFY(!limits(31, Q::ElectricityKw));
    }

    void acceptedReadings_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<EntityId>("entity");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<double>("ts");
        QTest::addColumn<double>("value");

        const auto row = [](const char *name, const char *topic, const QByteArray &payload, EntityId id, Q q,
                            double ts, double value) {
            QTest::newRow(name) << QByteArray(topic) << payload << id << int(q) << ts << value;
        };
        const QByteArray ts = "1768437000";
        // Naming the entity.
        row("numeric id", "towntwin/1/electricity_kw", reading(ts, "12.5"), 1, Q::ElectricityKw, kTs, 12.5);
        row("building source id", "towntwin/osm-4711/electricity_kw", reading(ts, "12.5"), 1, Q::ElectricityKw, kTs, 12.5);
        row("asset name", "towntwin/Battery A/soc_pct", reading(ts, "55"), 10, Q::SocPct, kTs, 55);
        row("asset id", "towntwin/10/soc_pct", reading(ts, "55"), 10, Q::SocPct, kTs, 55);
        row("node source id", "towntwin/N-20/voltage_pu", reading(ts, "1.02"), 20, Q::VoltagePu, kTs, 1.02);
        row("link source id", "towntwin/L-21/electricity_kw", reading(ts, "-900"), 21, Q::ElectricityKw, kTs, -900);
        row("pipe source id", "towntwin/H-31/heating_kw", reading(ts, "1500"), 31, Q::HeatingKw, kTs, 1500);
        row("heating node", "towntwin/H-30/temperature_c", reading(ts, "78.5"), 30, Q::TemperatureC, kTs, 78.5);
        row("ev hub", "towntwin/EV hub/ev_available", reading(ts, "3"), 12, Q::EvAvailable, kTs, 3);
        row("grid", "towntwin/Grid/electricity_kw", reading(ts, "-250"), 13, Q::ElectricityKw, kTs, -250);
        // Timestamps: all the same instant, 2026-01-15T00:30:00Z.
        row("ts iso Z", "towntwin/1/electricity_kw", reading("\"2026-01-15T00:30:00Z\"", "1"), 1, Q::ElectricityKw, kTs, 1);
        row("ts iso +08:00", "towntwin/1/electricity_kw", reading("\"2026-01-15T08:30:00+08:00\"", "1"), 1,
            Q::ElectricityKw, kTs, 1);
        // 21:00 at −03:30 is 00:30 UTC on the next day.
        row("ts iso -03:30", "towntwin/1/electricity_kw", reading("\"2026-01-14T21:00:00-03:30\"", "1"), 1,
            Q::ElectricityKw, kTs, 1);
        row("ts iso ms", "towntwin/1/electricity_kw", reading("\"2026-01-15T00:30:00.250Z\"", "1"), 1,
            Q::ElectricityKw, kTs + 0.25, 1);
        row("ts iso ms +08:00", "towntwin/1/electricity_kw", reading("\"2026-01-15T08:30:00.500+08:00\"", "1"), 1,
            Q::ElectricityKw, kTs + 0.5, 1);
        row("ts epoch fraction", "towntwin/1/electricity_kw", reading("1768437000.5", "1"), 1, Q::ElectricityKw,
            kTs + 0.5, 1);
        row("extra fields", "towntwin/1/electricity_kw", R"({"value": 7, "unit": "kW", "ts": 1768437000})", 1,
            Q::ElectricityKw, kTs, 7);
        // Limits, inclusive.
        row("soc 0", "towntwin/10/soc_pct", reading(ts, "0"), 10, Q::SocPct, kTs, 0);
        row("soc 100", "towntwin/10/soc_pct", reading(ts, "100"), 10, Q::SocPct, kTs, 100);
        row("battery -129.5", "towntwin/10/electricity_kw", reading(ts, "-129.5"), 10, Q::ElectricityKw, kTs, -129.5);
        row("pv -1 at night", "towntwin/Roof PV/pv_kw", reading(ts, "-1"), 11, Q::PvKw, kTs, -1);
        row("pv 65", "towntwin/11/pv_kw", reading(ts, "64.9"), 11, Q::PvKw, kTs, 64.9);
        row("building 1200", "towntwin/1/electricity_kw", reading(ts, "1200"), 1, Q::ElectricityKw, kTs, 1200);
        row("building export -59.5", "towntwin/1/electricity_kw", reading(ts, "-59.5"), 1, Q::ElectricityKw, kTs, -59.5);
        row("building 2 600", "towntwin/B-2/electricity_kw", reading(ts, "600"), 2, Q::ElectricityKw, kTs, 600);
        row("building 3 50", "towntwin/3/heating_kw", reading(ts, "50"), 3, Q::HeatingKw, kTs, 50);
        row("cable 13856", "towntwin/21/electricity_kw", reading(ts, "13856"), 21, Q::ElectricityKw, kTs, 13856);
        row("cable -13856", "towntwin/21/electricity_kw", reading(ts, "-13856"), 21, Q::ElectricityKw, kTs, -13856);
        row("pipe -4936", "towntwin/31/heating_kw", reading(ts, "-4936"), 31, Q::HeatingKw, kTs, -4936);
        row("ev 8", "towntwin/12/ev_available", reading(ts, "8"), 12, Q::EvAvailable, kTs, 8);
        row("temperature -60", "towntwin/2/temperature_c", reading(ts, "-60"), 2, Q::TemperatureC, kTs, -60);
        row("ts 2000-01-01", "towntwin/1/electricity_kw", reading("946684800", "1"), 1, Q::ElectricityKw, 946684800.0, 1);
        row("ts iso 2000-01-01", "towntwin/1/electricity_kw", reading("\"2000-01-01T00:00:00Z\"", "1"), 1,
            Q::ElectricityKw, 946684800.0, 1);
        // nowTs + 86400 = 1768440600 + 86400 = 1768527000.
        row("ts a day ahead", "towntwin/1/electricity_kw", reading("1768527000", "1"), 1, Q::ElectricityKw,
            1768527000.0, 1);
    }

    void acceptedReadings()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(EntityId, entity);
        QFETCH(int, quantity);
        QFETCH(double, ts);
        QFETCH(double, value);
        const TelemetryDecoder decoder = decoderFor(meteredTown());
        const TelemetryMessage m = decoder.decode(topic, payload, kNow);
        QCOMPARE(outcome(m), QStringLiteral("accepted 1"));
        QCOMPARE(m.received, 1);
        const TelemetryReading &r = m.accepted.front();
        QCOMPARE(r.entity, entity);
        QCOMPARE(int(r.quantity), quantity);
        QVERIFY2(r.ts == ts, qPrintable(full(r.ts) + QStringLiteral(" != ") + full(ts)));
        QVERIFY2(r.value == value, qPrintable(full(r.value) + QStringLiteral(" != ") + full(value)));
    }

    void rejections_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("detail");  // also in the message

        const QByteArray good = reading("1768437000", "5");
        const auto row = [](const char *name, const char *topic, const QByteArray &payload, const char *reason,
                            const QString &detail = QString()) {
            QTest::newRow(name) << QByteArray(topic) << payload << QString::fromLatin1(reason) << detail;
        };
        const QString notStandard = QStringLiteral("not towntwin/<entity>/<quantity>");
        row("wrong prefix", "other/1/electricity_kw", good, "bad_topic", notStandard);
        row("prefix only", "towntwin", good, "bad_topic", notStandard);
        row("two levels", "towntwin/1", good, "bad_topic", notStandard);
        row("four levels", "towntwin/1/electricity_kw/x", good, "bad_topic", notStandard);
        row("prefix as entity", "site/a/1/electricity_kw", good, "bad_topic", notStandard);
        row("empty topic", "", good, "bad_topic", notStandard);

        const QString noId = QStringLiteral("no building, asset or network element has the id");
        row("unknown id", "towntwin/999/electricity_kw", good, "unknown_entity", noId + QStringLiteral(" '999'"));
        row("unknown source id", "towntwin/osm-1/electricity_kw", good, "unknown_entity", QStringLiteral("'osm-1'"));
        row("name case", "towntwin/battery a/soc_pct", good, "unknown_entity", QStringLiteral("'battery a'"));
        row("empty entity", "towntwin//electricity_kw", good, "unknown_entity", noId);
        row("leading zero", "towntwin/01/electricity_kw", good, "unknown_entity", QStringLiteral("'01'"));
        // The entity is looked at first; a bad payload does not matter then.
        row("unknown entity bad payload", "towntwin/999/electricity_kw", "{", "unknown_entity");

        row("unknown quantity", "towntwin/1/power_kw", good, "unknown_quantity", QStringLiteral("unknown quantity 'power_kw'"));
        row("quantity case", "towntwin/1/Electricity_kw", good, "unknown_quantity");
        row("empty quantity", "towntwin/1/", good, "unknown_quantity", QStringLiteral("unknown quantity ''"));

        row("pv of a battery", "towntwin/Battery A/pv_kw", good, "quantity_not_metered",
            QStringLiteral("asset 10 'Battery A' has no pv_kw"));
        row("soc of a building", "towntwin/osm-4711/soc_pct", good, "quantity_not_metered",
            QStringLiteral("building 1 (osm-4711) has no soc_pct"));
        row("heat of a feeder node", "towntwin/20/heating_kw", good, "quantity_not_metered",
            QStringLiteral("network node 20 (N-20) has no heating_kw"));
        row("electricity of a pipe", "towntwin/H-31/electricity_kw", good, "quantity_not_metered",
            QStringLiteral("network link 31 (H-31) has no electricity_kw"));
        row("voltage of a battery", "towntwin/10/voltage_pu", good, "quantity_not_metered");

        row("truncated json", "towntwin/1/electricity_kw", R"({"ts": 1768437000, "value": 5)", "invalid_json",
            QStringLiteral("payload is not JSON"));
        row("empty payload", "towntwin/1/electricity_kw", "", "invalid_json");
        row("plain text", "towntwin/1/electricity_kw", "5 kW", "invalid_json");
        row("scalar payload", "towntwin/1/electricity_kw", "42", "invalid_json");
        row("string payload", "towntwin/1/electricity_kw", "\"42\"", "invalid_json");
        row("null payload", "towntwin/1/electricity_kw", "null", "invalid_json");
        row("batch of a scalar", "towntwin/1/electricity_kw", "[42]", "invalid_json",
            QStringLiteral("not a JSON object"));

        row("no value", "towntwin/1/electricity_kw", R"({"ts": 1768437000})", "missing_value",
            QStringLiteral("no \"value\""));
        row("null value", "towntwin/1/electricity_kw", reading("1768437000", "null"), "missing_value");
        row("value misspelt", "towntwin/1/electricity_kw", R"({"ts": 1768437000, "Value": 5})", "missing_value");
        row("empty object", "towntwin/1/electricity_kw", "{}", "missing_value");

        row("numeric string", "towntwin/1/electricity_kw", reading("1768437000", "\"12\""), "non_numeric_value",
            QStringLiteral("the value is not a number"));
        row("bool", "towntwin/1/electricity_kw", reading("1768437000", "true"), "non_numeric_value");
        row("object", "towntwin/1/electricity_kw", reading("1768437000", R"({"kw": 5})"), "non_numeric_value");
        row("array", "towntwin/1/electricity_kw", reading("1768437000", "[5]"), "non_numeric_value");

        row("bare NaN", "towntwin/1/electricity_kw", reading("1768437000", "NaN"), "non_finite_value");
        row("bare Infinity", "towntwin/1/electricity_kw", reading("1768437000", "Infinity"), "non_finite_value");
        row("bare -Infinity", "towntwin/1/electricity_kw", reading("1768437000", "-Infinity"), "non_finite_value");
        row("string Infinity", "towntwin/1/electricity_kw", reading("1768437000", "\"Infinity\""), "non_finite_value",
            QStringLiteral("the value \"Infinity\" is not a finite number"));
        row("string nan", "towntwin/1/electricity_kw", reading("1768437000", "\"nan\""), "non_finite_value");
        row("string -inf", "towntwin/1/electricity_kw", reading("1768437000", "\" -inf \""), "non_finite_value");

        row("soc 101", "towntwin/Battery A/soc_pct", reading("1768437000", "101"), "impossible_value",
            QStringLiteral("soc_pct 101 % is impossible for asset 10 'Battery A' (limits 0 to 100)"));
        row("soc negative", "towntwin/10/soc_pct", reading("1768437000", "-0.5"), "impossible_value");
        row("pv -1.5", "towntwin/Roof PV/pv_kw", reading("1768437000", "-1.5"), "impossible_value",
            QStringLiteral("(limits -1 to 65)"));
        row("pv above 1.3 kwp", "towntwin/11/pv_kw", reading("1768437000", "65.5"), "impossible_value");
        row("building 1200.5", "towntwin/osm-4711/electricity_kw", reading("1768437000", "1200.5"), "impossible_value",
            QStringLiteral("electricity_kw 1200.5 kW is impossible for building 1 (osm-4711) (limits -60 to 1200)"));
        row("building in W", "towntwin/1/electricity_kw", reading("1768437000", "250000"), "impossible_value");
        row("building export -60.5", "towntwin/1/electricity_kw", reading("1768437000", "-60.5"), "impossible_value");
        row("building 2 600.5", "towntwin/2/electricity_kw", reading("1768437000", "600.5"), "impossible_value");
        row("building 3 50.5", "towntwin/3/cooling_kw", reading("1768437000", "50.5"), "impossible_value");
        row("building heating negative", "towntwin/3/heating_kw", reading("1768437000", "-0.1"), "impossible_value");
        row("cable 13857", "towntwin/L-21/electricity_kw", reading("1768437000", "13857"), "impossible_value",
            QStringLiteral("(limits -13856.4 to 13856.4)"));
        row("cable -13857", "towntwin/21/electricity_kw", reading("1768437000", "-13857"), "impossible_value");
        row("pipe 4937", "towntwin/31/heating_kw", reading("1768437000", "4937"), "impossible_value");
        row("battery 130.5", "towntwin/10/electricity_kw", reading("1768437000", "130.5"), "impossible_value");
        row("ev 9 of 8", "towntwin/EV hub/ev_available", reading("1768437000", "9"), "impossible_value");
        row("voltage 2.1", "towntwin/N-20/voltage_pu", reading("1768437000", "2.1"), "impossible_value");
        row("temperature 151", "towntwin/1/temperature_c", reading("1768437000", "151"), "impossible_value");
        row("grid 1300.5", "towntwin/Grid/electricity_kw", reading("1768437000", "-1300.5"), "impossible_value");

        row("no ts", "towntwin/1/electricity_kw", R"({"value": 5})", "missing_timestamp", QStringLiteral("no \"ts\""));
        row("null ts", "towntwin/1/electricity_kw", reading("null", "5"), "missing_timestamp");

        row("no offset", "towntwin/1/electricity_kw", reading("\"2026-01-15T00:30:00\"", "5"), "bad_timestamp",
            QStringLiteral("neither epoch seconds nor ISO-8601 with a UTC offset"));
        row("date only", "towntwin/1/electricity_kw", reading("\"2026-01-15\"", "5"), "bad_timestamp");
        row("garbage", "towntwin/1/electricity_kw", reading("\"yesterday\"", "5"), "bad_timestamp",
            QStringLiteral("\"yesterday\""));
        row("empty string", "towntwin/1/electricity_kw", reading("\"\"", "5"), "bad_timestamp");
        row("epoch as text", "towntwin/1/electricity_kw", reading("\"1768437000\"", "5"), "bad_timestamp");
        row("bool ts", "towntwin/1/electricity_kw", reading("true", "5"), "bad_timestamp", QStringLiteral("[true]"));
        row("30 February", "towntwin/1/electricity_kw", reading("\"2026-02-30T00:00:00Z\"", "5"), "bad_timestamp",
            QStringLiteral("\"2026-02-30T00:00:00Z\" is not an ISO-8601 time"));
        row("epoch before 2000", "towntwin/1/electricity_kw", reading("946684799", "5"), "bad_timestamp",
            QStringLiteral("before 2000"));
        row("iso before 2000", "towntwin/1/electricity_kw", reading("\"1999-12-31T23:59:59Z\"", "5"), "bad_timestamp",
            QStringLiteral("before 2000"));
        row("zero", "towntwin/1/electricity_kw", reading("0", "5"), "bad_timestamp", QStringLiteral("before 2000"));
        // nowTs + 86400 + 1 = 1768527001.
        row("a day and a second ahead", "towntwin/1/electricity_kw", reading("1768527001", "5"), "bad_timestamp",
            QStringLiteral("in the future"));
        row("iso next week", "towntwin/1/electricity_kw", reading("\"2026-01-22T00:30:00+08:00\"", "5"), "bad_timestamp",
            QStringLiteral("in the future"));
        // A meter sending milliseconds without a mapping lands 56 000 years ahead.
        row("epoch in ms", "towntwin/1/electricity_kw", reading("1768437000000", "5"), "bad_timestamp",
            QStringLiteral("in the future"));
    }

    void rejections()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        QFETCH(QString, detail);
        const TelemetryDecoder decoder = decoderFor(meteredTown());
        const TelemetryMessage m = decoder.decode(topic, payload, kNow);
        QCOMPARE(outcome(m), reason);
        QCOMPARE(m.received, 1);
        const QString &message = m.rejected.front().message;
        QVERIFY2(message.startsWith(QStringLiteral("topic '%1': ").arg(QString::fromUtf8(topic))), qPrintable(message));
        if (!detail.isEmpty())
            QVERIFY2(message.contains(detail), qPrintable(message));
    }

    void edgesOfTheContract()
    {
        const TelemetryDecoder decoder = decoderFor(meteredTown());
        // A batch refused as a whole counts each of its readings.
        const TelemetryMessage unknown = decoder.decode("towntwin/nobody/soc_pct", "[{}, {}, {}]", kNow);
        QCOMPARE(unknown.received, 3);
        QCOMPARE(outcome(unknown), QStringLiteral("unknown_entity,unknown_entity,unknown_entity"));
        // Set-points share the prefix but are not readings: nothing received, nothing rejected.
        const TelemetryMessage setpoint = decoder.decode("towntwin/10/setpoint", R"({"setpoints": []})", kNow);
        QCOMPARE(setpoint.received, 0);
        QVERIFY(setpoint.rejected.empty() && setpoint.accepted.empty());
        // A bare NaN in another field is broken JSON, not a non-finite value.
        QCOMPARE(outcome(decoder.decode("towntwin/10/soc_pct", R"({"ts": NaN, "value": 5})", kNow)),
                 QStringLiteral("invalid_json"));
        QCOMPARE(outcome(decoder.decode("towntwin/10/soc_pct", R"({"ts": 1768437000, "value": NaN})", kNow)),
                 QStringLiteral("non_finite_value"));
        // RFC 3339 allows a lower-case z and a space for the T.
        const TelemetryMessage z = decoder.decode("towntwin/10/soc_pct", R"({"ts": "2026-01-15T00:30:00z", "value": 5})", kNow);
        QCOMPARE(outcome(z), QStringLiteral("accepted 1"));
        QCOMPARE(z.accepted.front().ts, kTs);
        QCOMPARE(outcome(decoder.decode("towntwin/10/soc_pct", R"({"ts": "2026-01-15 00:30:00Z", "value": 5})", kNow)),
                 QStringLiteral("accepted 1"));
        // Mapping files: names with a '%' survive in messages; wrong types and wildcards inside a level are refused.
        TelemetryMapping m;
        Status s = TelemetryMapping::parse(R"({"rules":[{"entity":"1","quantity":"pv_kw"}]})", "my%2map.json", &m);
        QVERIFY(s.message.startsWith(QStringLiteral("my%2map.json: rule 1")));
        s = TelemetryMapping::parse(R"({"rules":[{"topic":"a/+","entity":"{1}","quantity":"pv_kw","value":5}]})", "m.json", &m);
        QVERIFY2(s.message.contains(QStringLiteral("\"value\" must be text")), qPrintable(s.message));
        s = TelemetryMapping::parse(R"({"rules":[{"topic":"a/+","entity":"{1}","quantity":"pv_kw","scale":"0.001"}]})", "m.json", &m);
        QVERIFY2(s.message.contains(QStringLiteral("\"scale\" must be a number")), qPrintable(s.message));
        s = TelemetryMapping::parse(R"({"rules":[{"topic":"bad+/x","entity":"1","quantity":"pv_kw"}]})", "m.json", &m);
        QVERIFY2(s.message.contains(QStringLiteral("whole level")), qPrintable(s.message));
    }

    void batches()
    {
        const TelemetryDecoder decoder = decoderFor(meteredTown());
        // Three readings a quarter of an hour apart, in two formats.
        const TelemetryMessage three = decoder.decode(
            "towntwin/Battery A/soc_pct",
            R"([{"ts": 1768437000, "value": 50},
                {"ts": "2026-01-15T08:45:00+08:00", "value": 52.5},
                {"ts": 1768438800, "value": 55}])",
            kNow);
        QCOMPARE(three.received, 3);
        QCOMPARE(outcome(three), QStringLiteral("accepted 3"));
        QCOMPARE(three.accepted[0], (TelemetryReading{10, Q::SocPct, kTs, 50.0}));
        QCOMPARE(three.accepted[1], (TelemetryReading{10, Q::SocPct, kTs + 900.0, 52.5}));
        QCOMPARE(three.accepted[2], (TelemetryReading{10, Q::SocPct, kTs + 1800.0, 55.0}));

        // One bad reading among three: the others still count.
        const TelemetryMessage oneBad = decoder.decode(
            "towntwin/10/soc_pct",
            R"([{"ts": 1768437000, "value": 50}, {"ts": 1768437900, "value": 101}, {"ts": 1768438800, "value": 55}])",
            kNow);
        QCOMPARE(oneBad.received, 3);
        QCOMPARE(outcome(oneBad), QStringLiteral("accepted 2,impossible_value"));
        QCOMPARE(oneBad.accepted[0], (TelemetryReading{10, Q::SocPct, kTs, 50.0}));
        QCOMPARE(oneBad.accepted[1], (TelemetryReading{10, Q::SocPct, kTs + 1800.0, 55.0}));
        const QString note = oneBad.rejected.front().message;
        QVERIFY2(note.startsWith(QStringLiteral("topic 'towntwin/10/soc_pct': reading 1: soc_pct 101 %")), qPrintable(note));

        // Every kind of trouble in one batch, each counted by itself.
        const TelemetryMessage mixed = decoder.decode(
            "towntwin/1/electricity_kw",
            R"([{"ts": 1768437000, "value": 1}, 7, {"ts": 1768437000}, {"ts": 1768437000, "value": "12"},
                {"ts": 1768437000, "value": "NaN"}, {"ts": 1768437000, "value": 5000}, {"value": 1},
                {"ts": "2026-01-15T00:30:00", "value": 1}, {"ts": "2026-01-15T00:30:00Z", "value": 2}])",
            kNow);
        QCOMPARE(mixed.received, 9);
        QCOMPARE(outcome(mixed), QStringLiteral("accepted 2,invalid_json,missing_value,non_numeric_value,"
                                                "non_finite_value,impossible_value,missing_timestamp,bad_timestamp"));
        QCOMPARE(mixed.accepted[1], (TelemetryReading{1, Q::ElectricityKw, kTs, 2.0}));
        QVERIFY(messages(mixed).contains(QStringLiteral("reading 1: not a JSON object")));
        for (const TelemetryRejectionNote &n : mixed.rejected)
            QVERIFY2(n.message.startsWith(QStringLiteral("topic 'towntwin/1/electricity_kw': reading ")), qPrintable(n.message));

        // An empty batch holds nothing to count.
        const TelemetryMessage empty = decoder.decode("towntwin/1/electricity_kw", "[]", kNow);
        QCOMPARE(empty.received, 0);
        QCOMPARE(outcome(empty), QString());

        // A bare NaN makes the whole batch unreadable: one rejection for the message.
        const TelemetryMessage bare = decoder.decode(
            "towntwin/1/electricity_kw", R"([{"ts": 1768437000, "value": 1}, {"ts": 1768437000, "value": NaN}])", kNow);
        QCOMPARE(bare.received, 1);
        QCOMPARE(outcome(bare), QStringLiteral("non_finite_value"));
    }

    void prefixWithASlash()
    {
        const TelemetryDecoder decoder = decoderFor(meteredTown(), QStringLiteral("site/a"));
        QCOMPARE(decoder.prefix(), QStringLiteral("site/a"));
        QCOMPARE(decoder.subscriptions(), QStringList{QStringLiteral("site/a/+/+")});
        const QByteArray good = reading("\"2026-01-15T08:30:00+08:00\"", "7.5");
        const TelemetryMessage byId = decoder.decode("site/a/1/electricity_kw", good, kNow);
        QCOMPARE(outcome(byId), QStringLiteral("accepted 1"));
        QCOMPARE(byId.accepted.front(), (TelemetryReading{1, Q::ElectricityKw, kTs, 7.5}));
        const TelemetryMessage byName = decoder.decode("site/a/Battery A/soc_pct", good, kNow);
        QCOMPARE(byName.accepted.front(), (TelemetryReading{10, Q::SocPct, kTs, 7.5}));

        for (const char *topic : {"towntwin/1/electricity_kw", "site/1/electricity_kw", "site/b/1/electricity_kw",
                                  "a/site/1/electricity_kw", "site/a/1/electricity_kw/x", "site/a/1"}) {
            const TelemetryMessage m = decoder.decode(topic, good, kNow);
            QVERIFY2(outcome(m) == QStringLiteral("bad_topic"), topic);
            QCOMPARE(m.rejected.front().message,
                     QStringLiteral("topic '%1': not site/a/<entity>/<quantity> and no mapping rule matches").arg(QLatin1String(topic)));
        }
        QCOMPARE(outcome(decoder.decode("site/a/99/electricity_kw", good, kNow)), QStringLiteral("unknown_entity"));
    }

    void mappingParses()
    {
        TelemetryMapping mapping;
        const Status s = TelemetryMapping::parse(kMapping, QStringLiteral("site.json"), &mapping);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(int(mapping.rules().size()), 4);
        const TelemetryMapping::Rule &acme = mapping.rules()[0];
        QCOMPARE(acme.levels, (QStringList{"acme", "+", "meter", "+", "power"}));
        QCOMPARE(acme.valuePath, (QStringList{"data", "p"}));
        QCOMPARE(acme.tsPath, (QStringList{"data", "t"}));
        QVERIFY(acme.tsInMilliseconds);
        QCOMPARE(acme.scale, 0.001);
        QCOMPARE(acme.offset, 0.0);
        const TelemetryMapping::Rule &legacy = mapping.rules()[1];
        QVERIFY(legacy.tsPath.isEmpty());  // no "ts": the time of arrival
        QVERIFY(!legacy.tsInMilliseconds);
        QCOMPARE(legacy.scale, 1.0);
        QCOMPARE(legacy.offset, -40.0);
        const TelemetryMapping::Rule &site2 = mapping.rules()[2];
        QCOMPARE(site2.valuePath, QStringList{"value"});
        QCOMPARE(site2.tsPath, QStringList{"ts"});

        // Matching and capturing.
        QStringList captures;
        QVERIFY(acme.matches(QString("acme/hall/meter/osm-4711/power").split('/'), &captures));
        QCOMPARE(captures, (QStringList{"hall", "osm-4711"}));
        QVERIFY(!acme.matches(QString("acme/hall/meter/osm-4711/power/x").split('/'), &captures));
        QVERIFY(!acme.matches(QString("acme/hall/meter/osm-4711").split('/'), &captures));
        QVERIFY(!acme.matches(QString("acme/hall/gauge/osm-4711/power").split('/'), &captures));
        QVERIFY(legacy.matches(QString("legacy/a/b/c").split('/'), &captures));
        QCOMPARE(captures, QStringList{"a/b/c"});
        QVERIFY(legacy.matches(QString("legacy").split('/'), &captures));  // MQTT: "x/#" matches "x" too
        QCOMPARE(captures, QStringList{QString()});
        QVERIFY(!legacy.matches(QString("legacyx/a").split('/'), &captures));
        QCOMPARE(TelemetryMapping::Rule::expand(QStringLiteral("m-{2}-{1}"), {"a", "b"}), QStringLiteral("m-b-a"));
        QCOMPARE(TelemetryMapping::Rule::expand(QStringLiteral("plain"), {}), QStringLiteral("plain"));
        QCOMPARE(TelemetryMapping::Rule::expand(QStringLiteral("{3}"), {"a", "b"}), QString());
        QCOMPARE(TelemetryMapping::Rule::expand(QStringLiteral("{0}"), {"a"}), QString());

        // From a file as from text; a file that is not there is named.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("map.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kMapping);
        file.close();
        TelemetryMapping loaded;
        QVERIFY(TelemetryMapping::load(file.fileName(), &loaded).ok);
        QCOMPARE(int(loaded.rules().size()), 4);
        const QString absent = dir.filePath(QStringLiteral("absent.json"));
        const Status missing = TelemetryMapping::load(absent, &loaded);
        QVERIFY(!missing.ok);
        QCOMPARE(missing.code, ErrorCode::CannotOpen);
        QVERIFY2(missing.message.startsWith(absent + QStringLiteral(": cannot read the mapping file")), qPrintable(missing.message));
        QCOMPARE(int(loaded.rules().size()), 4);  // untouched by the failure
    }

    void mappingErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QByteArray &json, const QString &message) {
            QTest::newRow(name) << json << message;
        };
        const QByteArray fine = R"({"topic": "a/+", "entity": "{1}", "quantity": "pv_kw"})";
        row("not json", "{\"rules\": [", QStringLiteral("site.json: not JSON at offset"));
        row("no rules", "{}", QStringLiteral("site.json: needs a \"rules\" array"));
        row("rules not an array", R"({"rules": {}})", QStringLiteral("site.json: needs a \"rules\" array"));
        row("missing topic", R"({"rules": [{"entity": "1", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 1 (\"\"): \"topic\" is missing"));
        row("hash not last", "{\"rules\": [" + fine + R"(, {"topic": "a/#/b", "entity": "1", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 2 (\"a/#/b\"): '#' may only be the last level"));
        row("entity capture out of range",
            "{\"rules\": [" + fine + "," + fine + R"(, {"topic": "a/+/b", "entity": "{2}", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 3 (\"a/+/b\"): \"entity\" refers to wildcard {2}, but the topic has 1"));
        row("capture zero", R"({"rules": [{"topic": "a/+", "entity": "{0}", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 1 (\"a/+\"): \"entity\" refers to wildcard {0}, but the topic has 1"));
        row("quantity capture out of range", R"({"rules": [{"topic": "a/+/#", "entity": "{1}", "quantity": "{3}"}]})",
            QStringLiteral("site.json: rule 1 (\"a/+/#\"): \"quantity\" refers to wildcard {3}, but the topic has 2"));
        row("no wildcards", R"({"rules": [{"topic": "a/b", "entity": "{1}", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 1 (\"a/b\"): \"entity\" refers to wildcard {1}, but the topic has 0"));
        row("missing entity", R"({"rules": [{"topic": "a/b", "quantity": "pv_kw"}]})",
            QStringLiteral("site.json: rule 1 (\"a/b\"): \"entity\" is missing"));
        row("missing quantity", R"({"rules": [{"topic": "a/b", "entity": "1"}]})",
            QStringLiteral("site.json: rule 1 (\"a/b\"): \"quantity\" is missing"));
        row("unknown quantity", "{\"rules\": [" + fine + R"(, {"topic": "a/b", "entity": "1", "quantity": "power_w"}]})",
            QStringLiteral("site.json: rule 2 (\"a/b\"): unknown quantity \"power_w\" (known: electricity_kw, heating_kw, "
                           "cooling_kw, pv_kw, wind_kw, chp_kw, soc_pct, ev_available, voltage_pu, temperature_c)"));
        row("bad ts_unit", R"({"rules": [{"topic": "a/b", "entity": "1", "quantity": "pv_kw", "ts_unit": "us"}]})",
            QStringLiteral("site.json: rule 1 (\"a/b\"): \"ts_unit\" must be \"s\" or \"ms\", not \"us\""));
    }

    void mappingErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        TelemetryMapping mapping;
        QVERIFY(TelemetryMapping::parse(kMapping, QStringLiteral("good.json"), &mapping).ok);
        const Status s = TelemetryMapping::parse(json, QStringLiteral("site.json"), &mapping);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.startsWith(message), qPrintable(s.message));
        QCOMPARE(int(mapping.rules().size()), 4);  // a failed parse keeps the mapping it had
    }

    void mappedMessages()
    {
        TelemetryMapping mapping;
        QVERIFY(TelemetryMapping::parse(kMapping, QStringLiteral("site.json"), &mapping).ok);
        const TelemetryDecoder decoder = decoderFor(meteredTown(), QStringLiteral("towntwin"), mapping);
        QCOMPARE(decoder.subscriptions(),
                 (QStringList{"towntwin/+/+", "acme/+/meter/+/power", "legacy/#", "site2/+/+/reading",
                              "towntwin/+/electricity_kw"}));

        // Watts and milliseconds: 2500 W × 0.001 = 2.5 kW; 1768437000250 ms = kTs + 0.25 s;
        // an ISO text is read as such whatever the rule's unit.
        const TelemetryMessage acme = decoder.decode(
            "acme/hall/meter/osm-4711/power",
            R"([{"data": {"p": 2500, "t": 1768437000250}}, {"data": {"p": -1500, "t": "2026-01-15T08:30:00+08:00"}}])",
            kNow);
        QCOMPARE(acme.received, 2);
        QCOMPARE(outcome(acme), QStringLiteral("accepted 2"));
        QCOMPARE(acme.accepted[0], (TelemetryReading{1, Q::ElectricityKw, kTs + 0.25, 2.5}));
        QCOMPARE(acme.accepted[1], (TelemetryReading{1, Q::ElectricityKw, kTs, -1.5}));
        // The limits apply to the scaled value: 1 200 500 W is 1200.5 kW, beyond building 1's 1200.
        const TelemetryMessage tooMuch = decoder.decode("acme/hall/meter/1/power", R"({"data": {"p": 1200500, "t": 1768437000000}})", kNow);
        QCOMPARE(outcome(tooMuch), QStringLiteral("impossible_value"));
        QVERIFY2(tooMuch.rejected.front().message.contains(QStringLiteral("1200.5 kW")), qPrintable(tooMuch.rejected.front().message));
        // Paths that are not there.
        QCOMPARE(outcome(decoder.decode("acme/hall/meter/1/power", R"({"value": 5, "ts": 1768437000})", kNow)),
                 QStringLiteral("missing_value"));
        QVERIFY(messages(decoder.decode("acme/hall/meter/1/power", R"({"value": 5, "ts": 1768437000})", kNow))
                    .contains(QStringLiteral("no \"data.p\"")));
        QCOMPARE(outcome(decoder.decode("acme/hall/meter/1/power", R"({"data": {"p": 5}})", kNow)),
                 QStringLiteral("missing_timestamp"));
        QVERIFY(messages(decoder.decode("acme/hall/meter/1/power", R"({"data": {"p": 5}})", kNow))
                    .contains(QStringLiteral("no \"data.t\"")));
        // Epoch seconds sent to a milliseconds rule land in 1970.
        QCOMPARE(outcome(decoder.decode("acme/hall/meter/1/power", R"({"data": {"p": 5, "t": 1768437000}})", kNow)),
                 QStringLiteral("bad_timestamp"));
        QCOMPARE(outcome(decoder.decode("acme/hall/meter/999/power", R"({"data": {"p": 5, "t": 1768437000000}})", kNow)),
                 QStringLiteral("unknown_entity"));

        // '#' captures the rest of the topic; no ts path: the time of arrival; 60 - 40 = 20 °C.
        const TelemetryMessage legacy = decoder.decode("legacy/osm-4711", R"({"f": 60})", kNow);
        QCOMPARE(outcome(legacy), QStringLiteral("accepted 1"));
        QCOMPARE(legacy.accepted.front(), (TelemetryReading{1, Q::TemperatureC, kNow, 20.0}));
        const TelemetryMessage deeper = decoder.decode("legacy/a/b", R"({"f": 60})", kNow);
        QCOMPARE(outcome(deeper), QStringLiteral("unknown_entity"));
        QVERIFY2(deeper.rejected.front().message.contains(QStringLiteral("'a/b'")), qPrintable(deeper.rejected.front().message));
        // 200 - 40 = 160 °C is beyond the 150 °C anything in a town reaches.
        QCOMPARE(outcome(decoder.decode("legacy/1", R"({"f": 200})", kNow)), QStringLiteral("impossible_value"));

        // The quantity from the topic.
        const TelemetryMessage site2 = decoder.decode("site2/Battery A/soc_pct/reading", reading("1768437000", "80"), kNow);
        QCOMPARE(site2.accepted.front(), (TelemetryReading{10, Q::SocPct, kTs, 80.0}));
        const TelemetryMessage site2Bad = decoder.decode("site2/10/state/reading", reading("1768437000", "80"), kNow);
        QCOMPARE(outcome(site2Bad), QStringLiteral("unknown_quantity"));
        QVERIFY(site2Bad.rejected.front().message.startsWith(QStringLiteral("topic 'site2/10/state/reading': ")));
        QCOMPARE(outcome(decoder.decode("site2/10/pv_kw/reading", reading("1768437000", "1"), kNow)),
                 QStringLiteral("quantity_not_metered"));
        QCOMPARE(outcome(decoder.decode("site2/10/soc_pct/other", reading("1768437000", "1"), kNow)),
                 QStringLiteral("bad_topic"));

        // The rule takes precedence over the standard topic it overlaps: its value path and scale.
        const TelemetryMessage ruled = decoder.decode("towntwin/1/electricity_kw", R"({"ts": 1768437000, "kw": 5})", kNow);
        QCOMPARE(ruled.accepted.front(), (TelemetryReading{1, Q::ElectricityKw, kTs, 10.0}));
        QCOMPARE(outcome(decoder.decode("towntwin/1/electricity_kw", reading("1768437000", "5"), kNow)),
                 QStringLiteral("missing_value"));
        // Other standard topics are read as ever.
        QCOMPARE(decoder.decode("towntwin/1/heating_kw", reading("1768437000", "5"), kNow).accepted.front(),
                 (TelemetryReading{1, Q::HeatingKw, kTs, 5.0}));
        QCOMPARE(outcome(decoder.decode("elsewhere/1/heating_kw", reading("1768437000", "5"), kNow)),
                 QStringLiteral("bad_topic"));

        // A rule's topic that is the standard one is subscribed once.
        TelemetryMapping same;
        QVERIFY(TelemetryMapping::parse(R"({"rules": [{"topic": "towntwin/+/+", "entity": "{1}", "quantity": "{2}"}]})",
                                        QStringLiteral("same.json"), &same).ok);
        QCOMPARE(decoderFor(meteredTown(), QStringLiteral("towntwin"), same).subscriptions(), QStringList{"towntwin/+/+"});
    }

    void tallyCountsReadings()
    {
        const TelemetryDecoder decoder = decoderFor(meteredTown());
        TelemetryTally tally;
        QCOMPARE(tally.toJson(), (QJsonObject{{"received", 0}, {"accepted", 0}, {"rejected", 0},
                                              {"rejected_by_reason", QJsonObject()}}));
        const auto ingest = [&](const QByteArray &topic, const QByteArray &payload) {
            const TelemetryMessage m = decoder.decode(topic, payload, kNow);
            tally.received += m.received;
            tally.accepted += qint64(m.accepted.size());
            for (const TelemetryRejectionNote &n : m.rejected)
                tally.reject(n.reason);
        };
        ingest("towntwin/1/electricity_kw", reading("1768437000", "5"));                        // 1 accepted
        ingest("towntwin/10/soc_pct", R"([{"ts": 1768437000, "value": 50}, {"ts": 1768437000, "value": 101},
                                         {"ts": 1768437000, "value": 102}])");                  // 1 + 2 impossible
        ingest("other/1/electricity_kw", reading("1768437000", "5"));                           // bad topic
        ingest("towntwin/1/electricity_kw", "not json");                                         // invalid json
        ingest("towntwin/1/electricity_kw", reading("\"2026-01-15T00:30:00\"", "5"));         // bad timestamp
        QCOMPARE(tally.received, qint64(7));
        QCOMPARE(tally.accepted, qint64(2));
        QCOMPARE(tally.rejected, qint64(5));
        QCOMPARE(tally.toJson(), (QJsonObject{{"received", 7},
                                              {"accepted", 2},
                                              {"rejected", 5},
                                              {"rejected_by_reason", QJsonObject{{"impossible_value", 2},
                                                                                 {"bad_topic", 1},
                                                                                 {"invalid_json", 1},
                                                                                 {"bad_timestamp", 1}}}}));
        QCOMPARE(tally.toJson().keys(), (QStringList{"accepted", "received", "rejected", "rejected_by_reason"}));
    }

    void siteClock()
    {
        // Hour 0 of 2026 at UTC+8 is 2026-01-01T00:00+08:00 = 2025-12-31T16:00:00Z
        // = 1767225600 − 8 × 3600 = 1767196800.
        QCOMPARE(siteclock::tsAt(2026, 0, 8.0), 1767196800.0);
        QCOMPARE(siteclock::tsAt(2026, 0, 8.0),
                 double(QDateTime(QDate(2025, 12, 31), QTime(16, 0), QTimeZone::utc()).toSecsSinceEpoch()));
        QCOMPARE(siteclock::yearAt(1767196800.0, 8.0), 2026);
        QCOMPARE(siteclock::yearAt(1767196799.0, 8.0), 2025);
        QCOMPARE(siteclock::hourOfYear(1767196800.0, 8.0), 0);
        QCOMPARE(siteclock::hourOfYear(1767196799.0, 8.0), 8759);  // the last hour of 2025
        QCOMPARE(siteclock::hourOfYear(kTs, 0.0), 14 * 24);          // 2026-01-15T00:30Z
        QCOMPARE(siteclock::hourOfYear(kTs, 8.0), 14 * 24 + 8);

        // 2028 is a leap year: 2028-01-01T00:00Z = 1767225600 + 2 × 365 × 86400 = 1830297600.
        // Hour 1415 is 28 February 23:00 (58 days in), hour 1416 is 1 March 00:00 (60 days in).
        QCOMPARE(siteclock::tsAt(2028, 1415, 0.0), 1830297600.0 + 58 * 86400.0 + 23 * 3600.0);
        QCOMPARE(siteclock::tsAt(2028, 1416, 0.0), 1830297600.0 + 60 * 86400.0);
        QCOMPARE(siteclock::tsAt(2028, 8759, 0.0), 1830297600.0 + 366 * 86400.0 - 3600.0);  // 31 Dec 23:00
        QCOMPARE(siteclock::tsAt(2026, 1416, 0.0), 1767225600.0 + 59 * 86400.0);           // 1 March, no leap day
        // 29 February repeats the 28th: 2028-02-29T10:00Z is the hour of 28 February 10:00.
        QCOMPARE(siteclock::hourOfYear(1830297600.0 + 59 * 86400.0 + 10 * 3600.0, 0.0), 58 * 24 + 10);
        QCOMPARE(siteclock::hourOfYear(1830297600.0 + 58 * 86400.0 + 10 * 3600.0, 0.0), 58 * 24 + 10);

        for (const int year : {2026, 2028}) {
            for (const double offset : {0.0, 8.0, -5.0, 5.5, -3.5}) {
                for (const int hour : {0, 1, 23, 24, 1415, 1416, 1417, 4380, 8758, 8759}) {
                    const double ts = siteclock::tsAt(year, hour, offset);
                    const QString where = QStringLiteral("%1 hour %2 UTC%3").arg(year).arg(hour).arg(offset);
                    QVERIFY2(siteclock::hourOfYear(ts, offset) == hour, qPrintable(where));
                    QVERIFY2(siteclock::hourOfYear(ts + 3599.5, offset) == hour, qPrintable(where));
                    QVERIFY2(siteclock::yearAt(ts, offset) == year, qPrintable(where));
                    if (hour > 0 && !(QDate::isLeapYear(year) && hour == 1416))
                        QVERIFY2(siteclock::tsAt(year, hour, offset) - siteclock::tsAt(year, hour - 1, offset) == 3600.0,
                                 qPrintable(where));
                }
            }
        }
        // Across the skipped leap day: 25 hours between 28 Feb 23:00 and 1 Mar 00:00.
        QCOMPARE(siteclock::tsAt(2028, 1416, 8.0) - siteclock::tsAt(2028, 1415, 8.0), 25 * 3600.0);
    }

    void settingsRoundTrip()
    {
        Town town;
        const QVariantMap stored{{"prefix", "site/a"},
                                 {"broker", "mqtt.example.org:8883"},
                                 {"client_id", "towntwin-1"},
                                 {"username", "meter"},
                                 {"password_file", "/etc/towntwin/password"},
                                 {"tls_ca", "/etc/towntwin/ca.pem"},
                                 {"mapping", "/etc/towntwin/site.json"}};
        town.settings.insert(QString::fromLatin1(TelemetrySettings::kSettingKey), stored);
        const TelemetrySettings s = TelemetrySettings::fromTown(town);
        QCOMPARE(s.prefix, QStringLiteral("site/a"));
        QCOMPARE(s.broker, QStringLiteral("mqtt.example.org:8883"));
        QCOMPARE(s.clientId, QStringLiteral("towntwin-1"));
        QCOMPARE(s.username, QStringLiteral("meter"));
        QCOMPARE(s.passwordFile, QStringLiteral("/etc/towntwin/password"));
        QCOMPARE(s.caFile, QStringLiteral("/etc/towntwin/ca.pem"));
        QCOMPARE(s.mappingFile, QStringLiteral("/etc/towntwin/site.json"));
        QCOMPARE(s.toVariant(), stored);
        Town again;
        again.settings.insert(QStringLiteral("telemetry"), s.toVariant());
        QVERIFY(TelemetrySettings::fromTown(again) == s);

        // Nothing set: the defaults, and nothing written.
        const TelemetrySettings none = TelemetrySettings::fromTown(Town());
        QCOMPARE(none.prefix, QStringLiteral("towntwin"));
        QVERIFY(none.broker.isEmpty() && none.mappingFile.isEmpty());
        QCOMPARE(none.toVariant(), QVariantMap());
        TelemetrySettings explicitDefault;
        explicitDefault.prefix = QStringLiteral("towntwin");
        QCOMPARE(explicitDefault.toVariant(), QVariantMap());
        QVERIFY(explicitDefault == none);
        TelemetrySettings other = none;
        other.broker = QStringLiteral("localhost:1883");
        QVERIFY(!(other == none));
    }

    void settingsPrefix_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("plain") << "plant" << "plant";
        QTest::newRow("two levels") << "site/a" << "site/a";
        QTest::newRow("trimmed") << "  site/a " << "site/a";
        QTest::newRow("plus") << "site/+/a" << "towntwin";
        QTest::newRow("plus in a level") << "site+a" << "towntwin";
        QTest::newRow("hash") << "site/#" << "towntwin";
        QTest::newRow("empty level") << "site//a" << "towntwin";
        QTest::newRow("leading slash") << "/site" << "towntwin";
        QTest::newRow("trailing slash") << "site/" << "towntwin";
        QTest::newRow("empty") << "" << "towntwin";
        QTest::newRow("blank") << "   " << "towntwin";
    }

    void settingsPrefix()
    {
        QFETCH(QString, given);
        QFETCH(QString, prefix);
        Town town;
        town.settings.insert(QStringLiteral("telemetry"), QVariantMap{{"prefix", given}, {"broker", "h:1883"}});
        const TelemetrySettings s = TelemetrySettings::fromTown(town);
        QCOMPARE(s.prefix, prefix);
        QCOMPARE(s.broker, QStringLiteral("h:1883"));
        if (prefix == QLatin1String("towntwin"))
            QVERIFY(!s.toVariant().contains(QStringLiteral("prefix")));
        else
            QCOMPARE(s.toVariant().value(QStringLiteral("prefix")).toString(), prefix);
    }
};

QTEST_GUILESS_MAIN(TestTelemetryDecoder)
#include "tst_telemetrydecoder.moc"
