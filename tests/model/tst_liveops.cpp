// SPDX-License-Identifier: MIT
// The live view's model: the latest value of every meter (newest wins, late readings do
// not turn the clock back, staleness against the data's own "now"); the alarm rules in
// the project's settings (defaults, overrides, refusals naming the key, round trip); the
// alarm monitor (one alarm per condition until a reading clears it, thresholds, overloads
// against a link's rating, deviations from the simulation); the town's hourly demand totals
// the forecast takes; and the simulated telemetry of the generated sample town with its
// default assets under Shanghai weather, checked against the simulation it comes from.
// All expected numbers of the hand-built cases are worked out in the comments.
#include "TestTowns.h"
#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"
#include "ops/Alarm.h"
#include "ops/AlarmMonitor.h"
#include "ops/AlarmRules.h"
#include "ops/HourlyTotals.h"
#include "ops/LiveValues.h"
#include "ops/SimulatedTelemetry.h"
#include "ops/TelemetryEntities.h"
#include "ops/TelemetryQuantity.h"
#include "ops/TelemetryReading.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace tt;

namespace {

using Q = TelemetryQuantity;

// 2026-01-15T00:00:00Z = 1767225600 (2026-01-01) + 14 × 86400 = 1768435200.
constexpr double kHour0 = 1768435200.0;

TelemetryReading rd(EntityId entity, Q quantity, double ts, double value) { return {entity, quantity, ts, value}; }

bool near(double a, double b, double relative, double absolute = 0.0)
{
    return std::abs(a - b) <= std::max(absolute, relative * std::max(std::abs(a), std::abs(b)));
}

QString both(double a, double b) { return QStringLiteral("%1 vs %2").arg(a, 0, 'g', 12).arg(b, 0, 'g', 12); }

/*! The metered town (as in tst_telemetrydecoder):
 *  building 1 (osm-4711): office 20 × 10 m, 3 storeys;
 *  building 2 (B-2): 10 × 10 m, 2 storeys;
 *  asset 10 'Battery A': 200 kWh, 100 kW → rating 100 kW;
 *  asset 12 'EV hub': 8 vehicles → rating 8 (vehicles);
 *  asset 13 'Grid': import limit 1000 kW → rating 1000 kW;
 *  asset 14 'Plant CHP': 100 kW electric → rating 100 kW;
 *  nodes 20 (N-20) and 22 (N-22) of a 10 kV feeder, cable 21 (L-21): 10 kV, 200 A,
 *      2 circuits → rating √3 × 10 × 200 × 2 = 6928.203 kW;
 *  heating nodes 30 and 32, pipe 31 (no source id): DN 100, 80/50 °C →
 *      5 m/s × π/4 × 0.1² × 1000 × 4.19 × 30 = 4936.2 kW at most, rated a third: 1645.4 kW. */
Town meteredTown()
{
    Town t = testtowns::townAt(47.17, 8.52);
    Building b1 = testtowns::box(BuildingUse::Office, 20, 10, 3, 3.5, 1990, 1);
    b1.sourceId = QStringLiteral("osm-4711");
    t.buildings.put(b1);
    Building b2 = testtowns::box(BuildingUse::Residential, 10, 10, 2, 3.0, 1975, 2);
    b2.sourceId = QStringLiteral("B-2");
    t.buildings.put(b2);

    const auto asset = [](EntityId id, EnergyAssetType type, const QString &name, QVariantMap parameters) {
        EnergyAsset a;
        a.id = id;
        a.type = type;
        a.name = name;
        a.parameters = std::move(parameters);
        return a;
    };
    t.assets.put(asset(10, EnergyAssetType::Battery, QStringLiteral("Battery A"),
                       {{QStringLiteral("capacity_kwh"), 200.0}, {QStringLiteral("power_kw"), 100.0}}));
    t.assets.put(asset(12, EnergyAssetType::EvFleet, QStringLiteral("EV hub"), {{QStringLiteral("vehicles"), 8}}));
    t.assets.put(asset(13, EnergyAssetType::GridConnection, QStringLiteral("Grid"),
                       {{QStringLiteral("import_limit_kw"), 1000.0}}));
    t.assets.put(asset(14, EnergyAssetType::Chp, QStringLiteral("Plant CHP"), {{QStringLiteral("elec_kw"), 100.0}}));

    const auto node = [&t](EntityId id, NetworkCarrier carrier, const QString &sourceId, Vec2 at) {
        NetworkNode n;
        n.id = id;
        n.carrier = carrier;
        n.sourceId = sourceId;
        n.position = at;
        t.networkNodes.put(n);
    };
    node(20, NetworkCarrier::Electricity, QStringLiteral("N-20"), {0, -20});
    node(22, NetworkCarrier::Electricity, QStringLiteral("N-22"), {50, -20});
    node(30, NetworkCarrier::Heating, QString(), {0, -40});
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

std::shared_ptr<const TelemetryEntities> entitiesOf(const Town &town)
{
    return std::make_shared<const TelemetryEntities>(town);
}

QString kinds(const std::vector<Alarm> &alarms)
{
    QStringList parts;
    for (const Alarm &a : alarms)
        parts << QStringLiteral("%1 %2 %3").arg(a.entity).arg(telemetryquantity::key(a.quantity), alarmkind::key(a.kind));
    return parts.join(QLatin1String(", "));
}

//! √3 × 10 kV × 200 A × 2 circuits.
const double kCableRatingKw = std::sqrt(3.0) * 10.0 * 200.0 * 2.0;

} // namespace

class TestLiveOps : public QObject {
    Q_OBJECT

    // The sample town with its default assets adopted, simulated under Shanghai weather.
    Town m_town;
    WeatherYear m_weather;
    SimulationResult m_result;
    SimulatedTelemetry m_telemetry;
    EntityId m_battery = kNoEntity;
    EntityId m_grid = kNoEntity;
    EntityId m_chp = kNoEntity;
    EntityId m_ev = kNoEntity;
    QVector<EntityId> m_pv;
    bool m_simulated = false;

private slots:
    // ---------------------------------------------------------------- LiveValues

    void liveValuesNewestWinsPerEntityAndQuantity()
    {
        LiveValues live;
        QCOMPARE(live.now(), 0.0);
        QCOMPARE(live.count(), 0);
        QVERIFY(!live.latest(1, Q::ElectricityKw));
        live.update({rd(1, Q::ElectricityKw, kHour0, 10.0), rd(1, Q::HeatingKw, kHour0, 5.0),
                     rd(2, Q::ElectricityKw, kHour0 + 60, 20.0)});
        QCOMPARE(live.count(), 3);
        live.update({rd(1, Q::ElectricityKw, kHour0 + 120, 11.0), rd(1, Q::ElectricityKw, kHour0 + 180, 12.0)});
        QCOMPARE(live.count(), 3);
        const LiveValues::Value *e1 = live.latest(1, Q::ElectricityKw);
        QVERIFY(e1);
        QCOMPARE(e1->value, 12.0);
        QCOMPARE(e1->ts, kHour0 + 180);
        // The other quantity of the same entity and the other entity are untouched.
        QCOMPARE(live.latest(1, Q::HeatingKw)->value, 5.0);
        QCOMPARE(live.latest(1, Q::HeatingKw)->ts, kHour0);
        QCOMPARE(live.latest(2, Q::ElectricityKw)->value, 20.0);
        QVERIFY(!live.latest(2, Q::HeatingKw));
        QVERIFY(!live.latest(3, Q::ElectricityKw));
        QCOMPARE(live.now(), kHour0 + 180);
    }

    void liveValuesLateReadingKeepsTheNewerValueAndTheClock()
    {
        LiveValues live;
        live.update({rd(1, Q::ElectricityKw, kHour0 + 600, 30.0)});
        QCOMPARE(live.now(), kHour0 + 600);
        // A reading from ten minutes earlier arrives late: neither the value nor now() moves back.
        live.update({rd(1, Q::ElectricityKw, kHour0, 99.0)});
        QCOMPARE(live.latest(1, Q::ElectricityKw)->value, 30.0);
        QCOMPARE(live.latest(1, Q::ElectricityKw)->ts, kHour0 + 600);
        QCOMPARE(live.now(), kHour0 + 600);
        // A late reading of another entity is its newest and is kept, but does not move now() either.
        live.update({rd(2, Q::SocPct, kHour0 + 300, 55.0)});
        QCOMPARE(live.latest(2, Q::SocPct)->value, 55.0);
        QCOMPARE(live.now(), kHour0 + 600);
        // In one batch, newest wins whatever the order.
        live.update({rd(3, Q::PvKw, kHour0 + 900, 7.0), rd(3, Q::PvKw, kHour0 + 700, 6.0)});
        QCOMPARE(live.latest(3, Q::PvKw)->value, 7.0);
        QCOMPARE(live.now(), kHour0 + 900);
        QCOMPARE(live.count(), 3);
    }

    void liveValuesStaleness()
    {
        LiveValues live;
        QCOMPARE(live.staleAfter(), 5400.0);
        QCOMPARE(LiveValues::kDefaultStaleAfterS, 5400.0);
        // now = kHour0 + 10000. Stale: older than 10000 − 5400 = 4600 s after kHour0.
        live.update({rd(1, Q::ElectricityKw, kHour0 + 4599, 1.0), rd(2, Q::ElectricityKw, kHour0 + 4600, 2.0),
                     rd(3, Q::ElectricityKw, kHour0 + 4601, 3.0), rd(4, Q::ElectricityKw, kHour0 + 10000, 4.0)});
        QCOMPARE(live.now(), kHour0 + 10000);
        QVERIFY(live.isStale(*live.latest(1, Q::ElectricityKw)));
        QVERIFY(!live.isStale(*live.latest(2, Q::ElectricityKw)));  // exactly 5400 s old: not yet
        QVERIFY(!live.isStale(*live.latest(3, Q::ElectricityKw)));
        QVERIFY(!live.isStale(*live.latest(4, Q::ElectricityKw)));
        // 10 minutes: now − 600 = kHour0 + 9400.
        live.setStaleAfter(600.0);
        QCOMPARE(live.staleAfter(), 600.0);
        QVERIFY(live.isStale(*live.latest(3, Q::ElectricityKw)));
        QVERIFY(live.isStale(LiveValues::Value{kHour0 + 9399.5, 0.0}));
        QVERIFY(!live.isStale(LiveValues::Value{kHour0 + 9400, 0.0}));
        QVERIFY(!live.isStale(*live.latest(4, Q::ElectricityKw)));
        // A new reading moves now(): entity 4's value ages.
        live.update({rd(5, Q::SocPct, kHour0 + 10601, 50.0)});
        QVERIFY(live.isStale(*live.latest(4, Q::ElectricityKw)));
        QVERIFY(!live.isStale(*live.latest(5, Q::SocPct)));
    }

    void liveValuesOfOneQuantity()
    {
        LiveValues live;
        live.update({rd(1, Q::ElectricityKw, kHour0, 10.0), rd(1, Q::SocPct, kHour0, 40.0),
                     rd(2, Q::ElectricityKw, kHour0 + 5, 20.0), rd(3, Q::HeatingKw, kHour0, 3.0),
                     rd(300, Q::ElectricityKw, kHour0 + 9, -5.0), rd(2, Q::ElectricityKw, kHour0 + 1, 19.0)});
        const QHash<EntityId, LiveValues::Value> elec = live.of(Q::ElectricityKw);
        QCOMPARE(elec.size(), 3);
        QCOMPARE(elec.value(1).value, 10.0);
        QCOMPARE(elec.value(2).value, 20.0);
        QCOMPARE(elec.value(2).ts, kHour0 + 5);
        QCOMPARE(elec.value(300).value, -5.0);
        QVERIFY(!elec.contains(3));
        const QHash<EntityId, LiveValues::Value> soc = live.of(Q::SocPct);
        QCOMPARE(soc.size(), 1);
        QCOMPARE(soc.value(1).value, 40.0);
        QCOMPARE(live.of(Q::HeatingKw).keys(), QList<EntityId>{3});
        QVERIFY(live.of(Q::TemperatureC).isEmpty());
    }

    void liveValuesResetAndClear()
    {
        LiveValues live;
        live.update({rd(1, Q::ElectricityKw, kHour0 + 7200, 10.0), rd(2, Q::SocPct, kHour0 + 7200, 80.0)});
        // The history's state at kHour0 + 3600: only what it holds, and now() is that instant,
        // even where its newest reading is older.
        live.reset({rd(1, Q::ElectricityKw, kHour0, 4.0), rd(3, Q::PvKw, kHour0 - 600, 2.0)}, kHour0 + 3600);
        QCOMPARE(live.count(), 2);
        QCOMPARE(live.now(), kHour0 + 3600);
        QCOMPARE(live.latest(1, Q::ElectricityKw)->value, 4.0);
        QCOMPARE(live.latest(1, Q::ElectricityKw)->ts, kHour0);
        QVERIFY(!live.latest(2, Q::SocPct));
        QCOMPARE(live.latest(3, Q::PvKw)->value, 2.0);
        // Stale before kHour0 + 3600 − 5400 = kHour0 − 1800: kHour0 − 600 is newer.
        QVERIFY(!live.isStale(*live.latest(3, Q::PvKw)));
        live.setStaleAfter(3600.0);  // stale before kHour0
        QVERIFY(live.isStale(*live.latest(3, Q::PvKw)));
        QVERIFY(!live.isStale(*live.latest(1, Q::ElectricityKw)));
        // Older readings after the reset are still newer than nothing.
        live.update({rd(2, Q::SocPct, kHour0 + 60, 70.0)});
        QCOMPARE(live.latest(2, Q::SocPct)->value, 70.0);
        QCOMPARE(live.now(), kHour0 + 3600);
        live.clear();
        QCOMPARE(live.count(), 0);
        QCOMPARE(live.now(), 0.0);
        QVERIFY(!live.latest(1, Q::ElectricityKw));
    }

    // ---------------------------------------------------------------- AlarmRules

    void alarmRulesDefaults()
    {
        const AlarmRules r = AlarmRules::defaults();
        QCOMPARE(r.thresholds[int(Q::VoltagePu)].min, 0.95);
        QCOMPARE(r.thresholds[int(Q::VoltagePu)].max, 1.05);
        QCOMPARE(r.thresholds[int(Q::SocPct)].min, 10.0);
        QVERIFY(std::isinf(r.thresholds[int(Q::SocPct)].max) && r.thresholds[int(Q::SocPct)].max > 0);
        for (Q q : {Q::ElectricityKw, Q::HeatingKw, Q::CoolingKw, Q::PvKw, Q::WindKw, Q::ChpKw, Q::EvAvailable,
                    Q::TemperatureC}) {
            QVERIFY(std::isinf(r.thresholds[int(q)].min) && r.thresholds[int(q)].min < 0);
            QVERIFY(std::isinf(r.thresholds[int(q)].max) && r.thresholds[int(q)].max > 0);
        }
        QCOMPARE(r.overload, 1.0);
        QVERIFY(r.deviationEnabled);
        QCOMPARE(r.deviationRelative, 0.5);
        for (Q q : {Q::ElectricityKw, Q::HeatingKw, Q::CoolingKw, Q::PvKw, Q::WindKw, Q::ChpKw})
            QCOMPARE(r.deviationAbsolute[int(q)], 20.0);
        QCOMPARE(r.deviationAbsolute[int(Q::SocPct)], 25.0);
        QCOMPARE(r.deviationAbsolute[int(Q::EvAvailable)], 10.0);
        QCOMPARE(r.deviationAbsolute[int(Q::VoltagePu)], 0.03);
        QCOMPARE(r.deviationAbsolute[int(Q::TemperatureC)], 5.0);
        // The defaults write nothing; empty settings read back the defaults.
        QVERIFY(r.toVariant().isEmpty());
        AlarmRules read;
        read.overload = 7.0;
        QVERIFY(AlarmRules::fromSettings({}, &read).ok);
        QCOMPARE(read.overload, 1.0);
        QCOMPARE(read.thresholds[int(Q::VoltagePu)].max, 1.05);
    }

    void alarmRulesFromSettingsOverrideTheDefaults()
    {
        const QVariantMap settings{
            {QStringLiteral("voltage_pu"), QVariantMap{{QStringLiteral("min"), 0.9}}},
            {QStringLiteral("soc_pct"), QVariantMap{{QStringLiteral("min"), 20.0}, {QStringLiteral("max"), 95.0}}},
            {QStringLiteral("temperature_c"), QVariantMap{{QStringLiteral("max"), 90.0}}},
            {QStringLiteral("overload"), 0.8},
            {QStringLiteral("deviation"), QVariantMap{{QStringLiteral("relative"), 0.3}, {QStringLiteral("enabled"), false}}},
        };
        AlarmRules r;
        const Status s = AlarmRules::fromSettings(settings, &r);
        QVERIFY2(s.ok, qPrintable(s.message));
        // Only the bound given changes; the other keeps its default.
        QCOMPARE(r.thresholds[int(Q::VoltagePu)].min, 0.9);
        QCOMPARE(r.thresholds[int(Q::VoltagePu)].max, 1.05);
        QCOMPARE(r.thresholds[int(Q::SocPct)].min, 20.0);
        QCOMPARE(r.thresholds[int(Q::SocPct)].max, 95.0);
        QVERIFY(std::isinf(r.thresholds[int(Q::TemperatureC)].min));
        QCOMPARE(r.thresholds[int(Q::TemperatureC)].max, 90.0);
        QVERIFY(std::isinf(r.thresholds[int(Q::ElectricityKw)].max));
        QCOMPARE(r.overload, 0.8);
        QVERIFY(!r.deviationEnabled);
        QCOMPARE(r.deviationRelative, 0.3);
        QCOMPARE(r.deviationAbsolute[int(Q::ElectricityKw)], 20.0);

        // Deviation given without "relative" keeps 50 %; without "enabled" stays on.
        AlarmRules d;
        QVERIFY(AlarmRules::fromSettings({{QStringLiteral("deviation"), QVariantMap{{QStringLiteral("enabled"), false}}}}, &d).ok);
        QVERIFY(!d.deviationEnabled);
        QCOMPARE(d.deviationRelative, 0.5);
        QVERIFY(AlarmRules::fromSettings({{QStringLiteral("deviation"), QVariantMap{{QStringLiteral("relative"), 0.2}}}}, &d).ok);
        QVERIFY(d.deviationEnabled);
        QCOMPARE(d.deviationRelative, 0.2);
        // Overload 0 switches overloads off and is allowed.
        QVERIFY(AlarmRules::fromSettings({{QStringLiteral("overload"), 0.0}}, &d).ok);
        QCOMPARE(d.overload, 0.0);
    }

    void alarmRulesRefuseBadSettingsNamingTheKey_data()
    {
        QTest::addColumn<QVariantMap>("settings");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("unknown quantity")
            << QVariantMap{{QStringLiteral("frequency_hz"), QVariantMap{{QStringLiteral("min"), 49.5}}}}
            << QStringList{QStringLiteral("'frequency_hz'"), QStringLiteral("unknown")};
        QTest::newRow("key in the wrong case")
            << QVariantMap{{QStringLiteral("Overload"), 1.0}} << QStringList{QStringLiteral("'Overload'")};
        // 1.1 above the default maximum 1.05.
        QTest::newRow("min above the default max")
            << QVariantMap{{QStringLiteral("voltage_pu"), QVariantMap{{QStringLiteral("min"), 1.1}}}}
            << QStringList{QStringLiteral("'voltage_pu'"), QStringLiteral("1.1"), QStringLiteral("1.05")};
        QTest::newRow("min above max")
            << QVariantMap{{QStringLiteral("soc_pct"), QVariantMap{{QStringLiteral("min"), 80.0}, {QStringLiteral("max"), 30.0}}}}
            << QStringList{QStringLiteral("'soc_pct'"), QStringLiteral("80"), QStringLiteral("30")};
        QTest::newRow("negative overload")
            << QVariantMap{{QStringLiteral("overload"), -0.5}} << QStringList{QStringLiteral("'overload'"), QStringLiteral("-0.5")};
        QTest::newRow("overload not a number")
            << QVariantMap{{QStringLiteral("overload"), QStringLiteral("lots")}}
            << QStringList{QStringLiteral("'overload'"), QStringLiteral("lots")};
        QTest::newRow("zero relative deviation")
            << QVariantMap{{QStringLiteral("deviation"), QVariantMap{{QStringLiteral("relative"), 0.0}}}}
            << QStringList{QStringLiteral("'deviation.relative'")};
    }

    void alarmRulesRefuseBadSettingsNamingTheKey()
    {
        QFETCH(QVariantMap, settings);
        QFETCH(QStringList, mentions);
        AlarmRules r = AlarmRules::defaults();
        r.overload = 2.5;  // a marker: a refused setting leaves the rules as they were
        const Status s = AlarmRules::fromSettings(settings, &r);
        QVERIFY(!s.ok);
        for (const QString &m : mentions)
            QVERIFY2(s.message.contains(m), qPrintable(QStringLiteral("'%1' not in: %2").arg(m, s.message)));
        QCOMPARE(r.overload, 2.5);
    }

    void alarmRulesRoundTrip()
    {
        AlarmRules r = AlarmRules::defaults();
        r.thresholds[int(Q::VoltagePu)] = {0.93, 1.07};
        r.thresholds[int(Q::SocPct)].max = 98.0;
        r.thresholds[int(Q::TemperatureC)].min = -5.0;
        r.overload = 1.2;
        r.deviationRelative = 0.25;
        const QVariantMap v = r.toVariant();
        // Only what differs from the defaults, with finite bounds only.
        QCOMPARE(v.size(), 5);
        QCOMPARE(v.value(QStringLiteral("voltage_pu")).toMap(),
                 (QVariantMap{{QStringLiteral("min"), 0.93}, {QStringLiteral("max"), 1.07}}));
        QCOMPARE(v.value(QStringLiteral("soc_pct")).toMap(),
                 (QVariantMap{{QStringLiteral("min"), 10.0}, {QStringLiteral("max"), 98.0}}));
        QCOMPARE(v.value(QStringLiteral("temperature_c")).toMap(), (QVariantMap{{QStringLiteral("min"), -5.0}}));
        QCOMPARE(v.value(QStringLiteral("overload")).toDouble(), 1.2);
        QCOMPARE(v.value(QStringLiteral("deviation")).toMap().value(QStringLiteral("relative")).toDouble(), 0.25);
        QCOMPARE(v.value(QStringLiteral("deviation")).toMap().value(QStringLiteral("enabled")).toBool(), true);

        AlarmRules back;
        const Status s = AlarmRules::fromSettings(v, &back);
        QVERIFY2(s.ok, qPrintable(s.message));
        for (int i = 0; i < kTelemetryQuantityCount; ++i) {
            QCOMPARE(back.thresholds[size_t(i)].min, r.thresholds[size_t(i)].min);
            QCOMPARE(back.thresholds[size_t(i)].max, r.thresholds[size_t(i)].max);
            QCOMPARE(back.deviationAbsolute[size_t(i)], r.deviationAbsolute[size_t(i)]);
        }
        QCOMPARE(back.overload, 1.2);
        QCOMPARE(back.deviationRelative, 0.25);
        QVERIFY(back.deviationEnabled);
        QCOMPARE(back.toVariant(), v);

        // Deviation switched off alone round-trips too.
        AlarmRules off = AlarmRules::defaults();
        off.deviationEnabled = false;
        AlarmRules offBack;
        QVERIFY(AlarmRules::fromSettings(off.toVariant(), &offBack).ok);
        QVERIFY(!offBack.deviationEnabled);
        QCOMPARE(offBack.deviationRelative, 0.5);
    }

    // ---------------------------------------------------------------- AlarmMonitor

    void alarmMonitorLowSocRaisesOnceUntilCleared()
    {
        AlarmMonitor monitor(AlarmRules::defaults(), entitiesOf(meteredTown()));
        QCOMPARE(monitor.activeCount(), 0);
        // 5 % < 10 %: one Low alarm.
        std::vector<Alarm> a = monitor.check({rd(10, Q::SocPct, kHour0, 5.0)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].entity, EntityId(10));
        QCOMPARE(a[0].quantity, Q::SocPct);
        QCOMPARE(a[0].kind, AlarmKind::Low);
        QCOMPARE(a[0].ts, kHour0);
        QCOMPARE(a[0].value, 5.0);
        QCOMPARE(a[0].limit, 10.0);
        QCOMPARE(a[0].id, qint64(0));
        QVERIFY(!a[0].acknowledged());
        QCOMPARE(a[0].message, QStringLiteral("asset 10 'Battery A': soc_pct 5 % is below 10 %"));
        QCOMPARE(monitor.activeCount(), 1);
        // Still low: nothing new; also not in the same batch twice.
        QVERIFY(monitor.check({rd(10, Q::SocPct, kHour0 + 60, 4.0), rd(10, Q::SocPct, kHour0 + 120, 3.0)}).empty());
        QCOMPARE(monitor.activeCount(), 1);
        // Exactly 10 % is not below: cleared.
        QVERIFY(monitor.check({rd(10, Q::SocPct, kHour0 + 180, 10.0)}).empty());
        QCOMPARE(monitor.activeCount(), 0);
        // The next low reading raises again.
        a = monitor.check({rd(10, Q::SocPct, kHour0 + 240, 9.5)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].kind, AlarmKind::Low);
        QCOMPARE(a[0].ts, kHour0 + 240);
        QCOMPARE(a[0].value, 9.5);
        QCOMPARE(a[0].message, QStringLiteral("asset 10 'Battery A': soc_pct 9.5 % is below 10 %"));
        // Clear and low again inside one batch: two alarms, in order.
        a = monitor.check({rd(10, Q::SocPct, kHour0 + 300, 50.0), rd(10, Q::SocPct, kHour0 + 360, 2.0)});
        QCOMPARE(int(a.size()), 1);  // the 50 % clears the one still on, the 2 % raises anew
        QCOMPARE(a[0].value, 2.0);
        a = monitor.check({rd(10, Q::SocPct, kHour0 + 420, 60.0), rd(10, Q::SocPct, kHour0 + 480, 1.0),
                           rd(10, Q::SocPct, kHour0 + 540, 70.0), rd(10, Q::SocPct, kHour0 + 600, 0.0)});
        QCOMPARE(int(a.size()), 2);
        QCOMPARE(a[0].value, 1.0);
        QCOMPARE(a[1].value, 0.0);
        QCOMPARE(monitor.activeCount(), 1);
        // One entity's condition does not hold back another's.
        AlarmMonitor two(AlarmRules::defaults(), entitiesOf(meteredTown()));
        a = two.check({rd(10, Q::SocPct, kHour0, 5.0), rd(12, Q::SocPct, kHour0, 5.0)});
        QCOMPARE(kinds(a), QStringLiteral("10 soc_pct low, 12 soc_pct low"));
        QCOMPARE(two.activeCount(), 2);
    }

    void alarmMonitorVoltageHighAndLow()
    {
        AlarmMonitor monitor(AlarmRules::defaults(), entitiesOf(meteredTown()));
        // Inside the ±5 % band (its edges included): nothing.
        QVERIFY(monitor.check({rd(20, Q::VoltagePu, kHour0, 1.05), rd(22, Q::VoltagePu, kHour0, 0.95)}).empty());
        std::vector<Alarm> a = monitor.check({rd(20, Q::VoltagePu, kHour0 + 60, 1.06)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].kind, AlarmKind::High);
        QCOMPARE(a[0].limit, 1.05);
        QCOMPARE(a[0].message, QStringLiteral("network node 20 (N-20): voltage_pu 1.06 pu is above 1.05 pu"));
        // From high straight to low: the high clears, the low raises.
        a = monitor.check({rd(20, Q::VoltagePu, kHour0 + 120, 0.94)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].kind, AlarmKind::Low);
        QCOMPARE(a[0].limit, 0.95);
        QCOMPARE(a[0].message, QStringLiteral("network node 20 (N-20): voltage_pu 0.94 pu is below 0.95 pu"));
        QCOMPARE(monitor.activeCount(), 1);
        // Voltage is not a power: −1.2 pu is low, not "high in magnitude".
        a = monitor.check({rd(22, Q::VoltagePu, kHour0 + 120, -1.2)});
        QCOMPARE(kinds(a), QStringLiteral("22 voltage_pu low"));
        // An entity the town does not know is named by its id.
        a = monitor.check({rd(999, Q::VoltagePu, kHour0, 1.1)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].message, QStringLiteral("999: voltage_pu 1.1 pu is above 1.05 pu"));

        // Custom band from the settings.
        AlarmRules wide;
        QVERIFY(AlarmRules::fromSettings({{QStringLiteral("voltage_pu"),
                                           QVariantMap{{QStringLiteral("min"), 0.9}, {QStringLiteral("max"), 1.1}}}},
                                         &wide).ok);
        AlarmMonitor lenient(wide, entitiesOf(meteredTown()));
        QVERIFY(lenient.check({rd(20, Q::VoltagePu, kHour0, 1.06), rd(22, Q::VoltagePu, kHour0, 0.94)}).empty());
        a = lenient.check({rd(20, Q::VoltagePu, kHour0 + 60, 0.89)});
        QCOMPARE(kinds(a), QStringLiteral("20 voltage_pu low"));
        QCOMPARE(a[0].limit, 0.9);
    }

    void alarmMonitorLinkOverloadAgainstItsRating()
    {
        const auto entities = entitiesOf(meteredTown());
        QVERIFY(std::abs(entities->entry(21)->rating - 6928.203230) < 1e-5);
        QVERIFY(std::abs(entities->entry(21)->rating - kCableRatingKw) < 1e-9);
        AlarmMonitor monitor(AlarmRules::defaults(), entities);
        // 6900 kW on a 6928.2 kW cable: fine.
        QVERIFY(monitor.check({rd(21, Q::ElectricityKw, kHour0, 6900.0)}).empty());
        std::vector<Alarm> a = monitor.check({rd(21, Q::ElectricityKw, kHour0 + 60, 7000.0)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].kind, AlarmKind::High);
        QCOMPARE(a[0].limit, kCableRatingKw);
        QCOMPARE(a[0].value, 7000.0);
        QCOMPARE(a[0].message, QStringLiteral("network link 21 (L-21): electricity_kw 7000 kW is above 6928 kW"));
        // Still overloaded, now flowing the other way: the same condition, nothing new.
        QVERIFY(monitor.check({rd(21, Q::ElectricityKw, kHour0 + 120, -7100.0)}).empty());
        QCOMPARE(monitor.activeCount(), 1);
        QVERIFY(monitor.check({rd(21, Q::ElectricityKw, kHour0 + 180, -6000.0)}).empty());
        QCOMPARE(monitor.activeCount(), 0);
        // Reverse flow above the rating raises too (magnitude).
        a = monitor.check({rd(21, Q::ElectricityKw, kHour0 + 240, -7000.0)});
        QCOMPARE(kinds(a), QStringLiteral("21 electricity_kw high"));
        QCOMPARE(a[0].limit, kCableRatingKw);

        // Overload at 80 %: 0.8 × 6928.2 = 5542.56 kW.
        AlarmRules strict = AlarmRules::defaults();
        strict.overload = 0.8;
        AlarmMonitor early(strict, entities);
        QVERIFY(early.check({rd(21, Q::ElectricityKw, kHour0, 5542.0)}).empty());
        a = early.check({rd(21, Q::ElectricityKw, kHour0 + 60, 5543.0)});
        QCOMPARE(int(a.size()), 1);
        QVERIFY(std::abs(a[0].limit - 0.8 * kCableRatingKw) < 1e-9);
        QVERIFY2(a[0].message.endsWith(QLatin1String("is above 5543 kW")), qPrintable(a[0].message));
        // A configured maximum below the rating is the stricter limit.
        strict.thresholds[int(Q::ElectricityKw)].max = 3000.0;
        AlarmMonitor capped(strict, entities);
        a = capped.check({rd(21, Q::ElectricityKw, kHour0, 3001.0)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].limit, 3000.0);
        // Overload 0 is off: only thresholds.
        AlarmRules off = AlarmRules::defaults();
        off.overload = 0.0;
        AlarmMonitor none(off, entities);
        QVERIFY(none.check({rd(21, Q::ElectricityKw, kHour0, 1e6)}).empty());

        // A heating pipe's rating is a third of its 5 m/s limit: 4936.2 / 3 = 1645.4 kW.
        const double pipeRating = 5.0 * M_PI / 4.0 * 0.01 * 1000.0 * 4.19 * 30.0 / 3.0;
        QVERIFY(std::abs(entities->entry(31)->rating - pipeRating) < 1e-9);
        QVERIFY(monitor.check({rd(31, Q::HeatingKw, kHour0, 1645.0)}).empty());
        a = monitor.check({rd(31, Q::HeatingKw, kHour0 + 60, 1646.0)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].limit, pipeRating);
        QCOMPARE(a[0].message, QStringLiteral("network link 31: heating_kw 1646 kW is above 1645 kW"));

        // Assets: the battery's 100 kW both ways, the grid connection's 1000 kW.
        a = monitor.check({rd(10, Q::ElectricityKw, kHour0, -100.0), rd(13, Q::ElectricityKw, kHour0, 999.0)});
        QVERIFY(a.empty());
        a = monitor.check({rd(10, Q::ElectricityKw, kHour0 + 60, -120.0), rd(13, Q::ElectricityKw, kHour0 + 60, -1001.0)});
        QCOMPARE(kinds(a), QStringLiteral("10 electricity_kw high, 13 electricity_kw high"));
        QCOMPARE(a[0].limit, 100.0);
        QCOMPARE(a[0].message, QStringLiteral("asset 10 'Battery A': electricity_kw -120 kW is above 100 kW"));
        QCOMPARE(a[1].limit, 1000.0);
        // The battery's state of charge is not a power: 100 % is no overload of a 100 kW battery.
        QVERIFY(monitor.check({rd(10, Q::SocPct, kHour0, 100.0)}).empty());
    }

    void alarmMonitorBuildingsHaveNoOverload()
    {
        const auto entities = entitiesOf(meteredTown());
        QCOMPARE(entities->entry(1)->kind, MeteredKind::Building);
        AlarmRules strict = AlarmRules::defaults();
        strict.overload = 0.01;
        AlarmMonitor monitor(strict, entities);
        // Far above anything a 600 m² office draws, and negative: no overload, no threshold.
        QVERIFY(monitor.check({rd(1, Q::ElectricityKw, kHour0, 1e5), rd(1, Q::HeatingKw, kHour0, 5e4),
                               rd(2, Q::ElectricityKw, kHour0, -1e5), rd(2, Q::CoolingKw, kHour0, 3e4)})
                    .empty());
        QCOMPARE(monitor.activeCount(), 0);
        // A threshold set for the quantity does apply to buildings, by magnitude.
        strict.thresholds[int(Q::ElectricityKw)].max = 500.0;
        AlarmMonitor thresholded(strict, entities);
        std::vector<Alarm> a = thresholded.check({rd(1, Q::ElectricityKw, kHour0, 501.0)});
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0].limit, 500.0);
        QCOMPARE(a[0].message, QStringLiteral("building 1 (osm-4711): electricity_kw 501 kW is above 500 kW"));
    }

    void alarmMonitorEvFleetRatingIsVehiclesNotKw()
    {
        // The EV hub's rating is 8 vehicles (TelemetryEntities: "a fleet's vehicles"). Its
        // electricity_kw is a power: 50 kW (one fast charger; the decoder accepts up to
        // 150 × 8 = 1200 kW) is no overload of 8 vehicles, and 8 plugged in is the rating, not above it.
        const auto entities = entitiesOf(meteredTown());
        QCOMPARE(entities->entry(12)->rating, 8.0);
        AlarmMonitor monitor(AlarmRules::defaults(), entities);
        QVERIFY(monitor.check({rd(12, Q::EvAvailable, kHour0, 8.0)}).empty());
        const std::vector<Alarm> a = monitor.check({rd(12, Q::ElectricityKw, kHour0, 50.0)});
        QVERIFY2(a.empty(), qPrintable(a.empty() ? QString() : a[0].message));
    }

    void alarmMonitorChpHeatIsNotRatedByItsElectricOutput()
    {
        // A 100 kW-electric CHP makes about 1.1–1.5 kW of heat per kW of electricity:
        // 130 kW of heat at full load (the decoder accepts up to 3 × 100 × 1.3 = 390 kW)
        // is no overload, while 130 kW of electricity is.
        const auto entities = entitiesOf(meteredTown());
        QCOMPARE(entities->entry(14)->rating, 100.0);
        AlarmMonitor monitor(AlarmRules::defaults(), entities);
        std::vector<Alarm> a = monitor.check({rd(14, Q::ChpKw, kHour0, 130.0)});
        QCOMPARE(kinds(a), QStringLiteral("14 chp_kw high"));
        QCOMPARE(a[0].limit, 100.0);
        a = monitor.check({rd(14, Q::HeatingKw, kHour0, 130.0)});
        QVERIFY2(a.empty(), qPrintable(a.empty() ? QString() : a[0].message));
    }

    void alarmMonitorDeviationFromTheSimulation()
    {
        AlarmMonitor monitor(AlarmRules::defaults(), entitiesOf(meteredTown()));
        // Building 1 is expected at 100 kW, building 2 at 10 kW, the battery at −100 kW; the
        // grid has no expectation. Allowed: max(20, 0.5 × 100) = 50 kW, max(20, 0.5 × 10) = 20 kW,
        // max(20, 0.5 × |−100|) = 50 kW.
        QList<double> asked;
        const AlarmMonitor::Expectation expected = [&asked](EntityId e, Q q, double ts, double *v) {
            asked << ts;
            if (q != Q::ElectricityKw)
                return false;
            switch (e) {
            case 1: *v = 100.0; return true;
            case 2: *v = 10.0; return true;
            case 10: *v = -100.0; return true;
            default: return false;
            }
        };
        QVERIFY(monitor.check({rd(1, Q::ElectricityKw, kHour0, 150.0), rd(2, Q::ElectricityKw, kHour0, 30.0),
                               rd(10, Q::ElectricityKw, kHour0, -50.0), rd(13, Q::ElectricityKw, kHour0, 900.0)},
                              expected)
                    .empty());
        QCOMPARE(asked, (QList<double>{kHour0, kHour0, kHour0, kHour0}));
        QVERIFY(monitor.check({rd(1, Q::ElectricityKw, kHour0 + 60, 50.0), rd(2, Q::ElectricityKw, kHour0 + 60, -10.0)},
                              expected)
                    .empty());
        std::vector<Alarm> a = monitor.check({rd(1, Q::ElectricityKw, kHour0 + 120, 150.5),
                                              rd(2, Q::ElectricityKw, kHour0 + 120, -10.5),
                                              rd(10, Q::ElectricityKw, kHour0 + 120, -49.0)},
                                             expected);
        QCOMPARE(kinds(a), QStringLiteral("1 electricity_kw deviation, 2 electricity_kw deviation, 10 electricity_kw deviation"));
        QCOMPARE(a[0].limit, 100.0);
        QCOMPARE(a[0].value, 150.5);
        QCOMPARE(a[0].message,
                 QStringLiteral("building 1 (osm-4711): electricity_kw 150.5 kW is far up from the simulated 100"));
        QCOMPARE(a[1].limit, 10.0);
        QCOMPARE(a[1].message, QStringLiteral("building 2 (B-2): electricity_kw -10.5 kW is far down from the simulated 10"));
        QCOMPARE(a[2].limit, -100.0);
        QCOMPARE(a[2].message, QStringLiteral("asset 10 'Battery A': electricity_kw -49 kW is far up from the simulated -100"));
        QCOMPARE(monitor.activeCount(), 3);
        // Back within the allowance clears; the next deviation raises again.
        QVERIFY(monitor.check({rd(1, Q::ElectricityKw, kHour0 + 180, 120.0)}, expected).empty());
        QCOMPARE(monitor.activeCount(), 2);
        a = monitor.check({rd(1, Q::ElectricityKw, kHour0 + 240, 20.0)}, expected);
        QCOMPARE(kinds(a), QStringLiteral("1 electricity_kw deviation"));

        // The allowance uses the quantity's absolute amount: soc_pct 25 points.
        AlarmMonitor soc(AlarmRules::defaults(), entitiesOf(meteredTown()));
        const AlarmMonitor::Expectation half = [](EntityId, Q, double, double *v) {
            *v = 40.0;
            return true;
        };
        QVERIFY(soc.check({rd(10, Q::SocPct, kHour0, 65.0)}, half).empty());  // 25 off: max(25, 20) allowed
        a = soc.check({rd(10, Q::SocPct, kHour0 + 60, 65.5)}, half);
        QCOMPARE(kinds(a), QStringLiteral("10 soc_pct deviation"));

        // A tighter relative share from the settings: max(20, 0.1 × 300) = 30 kW.
        AlarmRules tight;
        QVERIFY(AlarmRules::fromSettings({{QStringLiteral("deviation"), QVariantMap{{QStringLiteral("relative"), 0.1}}}}, &tight).ok);
        AlarmMonitor close(tight, entitiesOf(meteredTown()));
        const AlarmMonitor::Expectation three = [](EntityId, Q, double, double *v) {
            *v = 300.0;
            return true;
        };
        QVERIFY(close.check({rd(1, Q::ElectricityKw, kHour0, 330.0)}, three).empty());
        QCOMPARE(kinds(close.check({rd(1, Q::ElectricityKw, kHour0 + 60, 269.0)}, three)),
                 QStringLiteral("1 electricity_kw deviation"));

        // Switched off, or without a callback: no deviations.
        AlarmRules off = AlarmRules::defaults();
        off.deviationEnabled = false;
        AlarmMonitor quiet(off, entitiesOf(meteredTown()));
        QVERIFY(quiet.check({rd(1, Q::ElectricityKw, kHour0, 1000.0)}, expected).empty());
        AlarmMonitor blind(AlarmRules::defaults(), entitiesOf(meteredTown()));
        QVERIFY(blind.check({rd(1, Q::ElectricityKw, kHour0, 1000.0)}).empty());
    }

    void alarmKindKeys()
    {
        QCOMPARE(alarmkind::key(AlarmKind::High), QStringLiteral("high"));
        QCOMPARE(alarmkind::key(AlarmKind::Low), QStringLiteral("low"));
        QCOMPARE(alarmkind::key(AlarmKind::Deviation), QStringLiteral("deviation"));
        AlarmKind k = AlarmKind::High;
        QVERIFY(alarmkind::fromKey(QStringLiteral("deviation"), &k));
        QCOMPARE(k, AlarmKind::Deviation);
        QVERIFY(alarmkind::fromKey(QStringLiteral("low"), &k));
        QCOMPARE(k, AlarmKind::Low);
        QVERIFY(!alarmkind::fromKey(QStringLiteral("High"), &k));
        QCOMPARE(k, AlarmKind::Low);
    }

    // ---------------------------------------------------------------- HourlyTotals

    void hourlyTotalsAverageEachBuildingAndSum()
    {
        // Ten buildings, ids 1..10; entity 100 is an asset.
        const auto isBuilding = [](EntityId e) { return e >= 1 && e <= 10; };
        HourlyTotals totals(10);
        std::vector<TelemetryReading> r;
        // Building 1: 10, 20 and 60 kW in the hour → 30; building 2: 30 → 30;
        // buildings 3..9: 1 kW each → 7. Nine of ten report: 30 + 30 + 7 = 67 kW.
        r.push_back(rd(1, Q::ElectricityKw, kHour0, 10.0));
        r.push_back(rd(1, Q::ElectricityKw, kHour0 + 1200, 20.0));
        r.push_back(rd(1, Q::ElectricityKw, kHour0 + 3599, 60.0));
        r.push_back(rd(2, Q::ElectricityKw, kHour0 + 1800, 30.0));
        for (EntityId b = 3; b <= 9; ++b)
            r.push_back(rd(b, Q::ElectricityKw, kHour0 + 900, 1.0));
        // The next hour and the asset do not count in it; nor do other quantities.
        r.push_back(rd(10, Q::ElectricityKw, kHour0 + 3600, 500.0));
        r.push_back(rd(100, Q::ElectricityKw, kHour0 + 60, 1000.0));
        r.push_back(rd(1, Q::PvKw, kHour0 + 60, 40.0));
        r.push_back(rd(1, Q::SocPct, kHour0 + 60, 40.0));
        r.push_back(rd(2, Q::TemperatureC, kHour0 + 60, 40.0));
        // Heat: buildings 1..9 at 2 kW and building 1 also 4 → 3 + 8 × 2 = 19; cooling from 1..10: 0.5 each.
        for (EntityId b = 1; b <= 9; ++b)
            r.push_back(rd(b, Q::HeatingKw, kHour0 + 10, 2.0));
        r.push_back(rd(1, Q::HeatingKw, kHour0 + 20, 4.0));
        for (EntityId b = 1; b <= 10; ++b)
            r.push_back(rd(b, Q::CoolingKw, kHour0 + 30, 0.5));
        totals.add(r, isBuilding);

        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0), 67.0);
        // Any instant of the hour names it.
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 2000), 67.0);
        QCOMPARE(totals.total(HourlyTotals::Heat, kHour0), 19.0);
        QCOMPARE(totals.total(HourlyTotals::Cooling, kHour0), 5.0);
        // The next hour has one building of ten: below 90 %.
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0 + 3600)));
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 3600, 0.1), 500.0);
        // An hour nobody reported in.
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0 - 3600)));

        // A later batch adds to the same hour's averages: building 2 now 30 and 50 → 40.
        totals.add({rd(2, Q::ElectricityKw, kHour0 + 2400, 50.0)}, isBuilding);
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0), 77.0);
    }

    void hourlyTotalsNeedNinetyPercentOfTheBuildings()
    {
        const auto isBuilding = [](EntityId e) { return e >= 1 && e <= 20; };
        HourlyTotals totals(20);
        std::vector<TelemetryReading> r;
        // Hour 0: 18 of 20 (90 %) at 1 kW; hour 1: 17 of 20 (85 %).
        for (EntityId b = 1; b <= 18; ++b)
            r.push_back(rd(b, Q::ElectricityKw, kHour0 + 100, 1.0));
        for (EntityId b = 1; b <= 17; ++b)
            r.push_back(rd(b, Q::ElectricityKw, kHour0 + 3700, 1.0));
        // Many readings of one building do not make up for the others.
        for (int i = 0; i < 10; ++i)
            r.push_back(rd(1, Q::ElectricityKw, kHour0 + 3700 + i, 1.0));
        // Nor do non-buildings.
        for (EntityId e = 21; e <= 25; ++e)
            r.push_back(rd(e, Q::ElectricityKw, kHour0 + 3700, 1.0));
        totals.add(r, isBuilding);
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0), 18.0);
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0 + 3600)));
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 3600, 0.85), 17.0);
        // Electricity's coverage says nothing about heat's.
        QVERIFY(std::isnan(totals.total(HourlyTotals::Heat, kHour0)));
        // Without a building count nothing is covered.
        HourlyTotals none;
        none.add(r, isBuilding);
        QVERIFY(std::isnan(none.total(HourlyTotals::Electricity, kHour0)));
    }

    void hourlyTotalsLast24OldestFirst()
    {
        const auto isBuilding = [](EntityId e) { return e >= 1 && e <= 4; };
        HourlyTotals totals(4);
        std::vector<TelemetryReading> r;
        // Hours k = 0..23 before kHour0 (k = 0 at kHour0 − 24 h): building b reports k + b → total
        // 4k + 10. Hour k = 5 is missing; kHour0 itself (the current hour) holds 1000 each.
        for (int k = 0; k < 24; ++k) {
            if (k == 5)
                continue;
            const double start = kHour0 - (24 - k) * 3600.0;
            for (EntityId b = 1; b <= 4; ++b)
                r.push_back(rd(b, Q::ElectricityKw, start + 600 + b, double(k) + double(b)));
        }
        for (EntityId b = 1; b <= 4; ++b)
            r.push_back(rd(b, Q::ElectricityKw, kHour0 + 10, 1000.0));
        totals.add(r, isBuilding);
        // From any instant of the hour at kHour0: the 24 hours before it.
        for (double start : {kHour0, kHour0 + 1799.0, kHour0 + 3599.0}) {
            const std::vector<double> last = totals.last24(HourlyTotals::Electricity, start);
            QCOMPARE(int(last.size()), 24);
            for (int k = 0; k < 24; ++k) {
                if (k == 5)
                    QVERIFY2(std::isnan(last[size_t(k)]), qPrintable(QString::number(last[size_t(k)])));
                else
                    QCOMPARE(last[size_t(k)], 4.0 * k + 10.0);
            }
        }
        // An hour later: shifted by one, ending with kHour0's 4000.
        const std::vector<double> later = totals.last24(HourlyTotals::Electricity, kHour0 + 3600);
        QCOMPARE(later[0], 14.0);
        QVERIFY(std::isnan(later[4]));
        QCOMPARE(later[22], 4.0 * 23 + 10.0);
        QCOMPARE(later[23], 4000.0);
        // Heat was never reported: all NaN.
        for (double v : totals.last24(HourlyTotals::Heat, kHour0))
            QVERIFY(std::isnan(v));
    }

    void hourlyTotalsKeepTheLast48Hours()
    {
        const auto isBuilding = [](EntityId e) { return e == 1; };
        HourlyTotals totals(1);
        QCOMPARE(HourlyTotals::kKeptHours, size_t(48));
        // 50 hours, h = 0..49, value h + 1: hours 0 and 1 fall out.
        std::vector<TelemetryReading> r;
        for (int h = 0; h < 50; ++h)
            r.push_back(rd(1, Q::ElectricityKw, kHour0 + h * 3600.0 + 5, h + 1.0));
        totals.add(r, isBuilding);
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0)));
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0 + 3600)));
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 2 * 3600), 3.0);
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 49 * 3600), 50.0);
        // One hour more, in a later batch: hour 2 goes.
        totals.add({rd(1, Q::ElectricityKw, kHour0 + 50 * 3600.0, 51.0)}, isBuilding);
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0 + 2 * 3600)));
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 3 * 3600), 4.0);
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 50 * 3600), 51.0);
        // A late reading for an hour already dropped does not come back nor push out a kept hour.
        totals.add({rd(1, Q::ElectricityKw, kHour0 + 10, 99.0)}, isBuilding);
        QVERIFY(std::isnan(totals.total(HourlyTotals::Electricity, kHour0)));
        QCOMPARE(totals.total(HourlyTotals::Electricity, kHour0 + 3 * 3600), 4.0);
        // last24 from the hour after the newest: hours 27..50, values 28..51.
        const std::vector<double> last = totals.last24(HourlyTotals::Electricity, kHour0 + 51 * 3600);
        for (int k = 0; k < 24; ++k)
            QCOMPARE(last[size_t(k)], 28.0 + k);
    }

    // ---------------------------------------------------------------- SimulatedTelemetry

    void simulatedTelemetryBuilds()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        QVERIFY(m_battery != kNoEntity && m_grid != kNoEntity && !m_pv.isEmpty());
        QVERIFY(m_result.defaultAssets.isEmpty());
        QVERIFY(!m_result.networkLoads);
        // Three series per simulated building, and some per asset.
        QVERIFY(m_telemetry.seriesCount() >= 3 * m_result.simulatedBuildings.size() + m_town.assets.size());
    }

private:
    //! Simulates the sample town once, for whichever of the simulated tests runs first.
    void simulateOnce()
    {
        if (m_simulated)
            return;
        m_simulated = true;
        QVERIFY(EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &m_weather).ok);
        m_town = TownGenerator::generate(1);
        QVERIFY(m_town.assets.isEmpty());
        EnergySimulator simulator;
        SimulationOptions options;
        options.strategy = DispatchStrategy::RuleBased;
        const SimulationResult sized = simulator.run(m_town, m_weather, options);
        QVERIFY2(sized.status.ok, qPrintable(sized.status.message));
        QVERIFY(!sized.defaultAssets.isEmpty());
        for (EnergyAsset a : sized.defaultAssets) {
            a.id = m_town.allocateId();
            m_town.assets.put(a);
            if (a.type == EnergyAssetType::Battery)
                m_battery = a.id;
            else if (a.type == EnergyAssetType::GridConnection)
                m_grid = a.id;
            else if (a.type == EnergyAssetType::Chp)
                m_chp = a.id;
            else if (a.type == EnergyAssetType::EvFleet)
                m_ev = a.id;
            else if (a.type == EnergyAssetType::RooftopPv || a.type == EnergyAssetType::GroundPv)
                m_pv.append(a.id);
        }
        QVERIFY(m_battery != kNoEntity && m_grid != kNoEntity && !m_pv.isEmpty());
        options.keepNetworkLoads = false;
        m_result = simulator.run(m_town, m_weather, options);
        QVERIFY2(m_result.status.ok, qPrintable(m_result.status.message));
        QVERIFY(m_result.defaultAssets.isEmpty());
        QVERIFY(!m_result.networkLoads);
        const Status s = SimulatedTelemetry::build(m_town, m_weather, m_result, simulator, &m_telemetry);
        QVERIFY2(s.ok, qPrintable(s.message));
    }

private slots:
    void simulatedExpectedIsWhatTheReadingsSay()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        const EntityId building = m_result.simulatedBuildings.first().id;
        for (int hour : {0, 4000, 4012, 8759}) {
            const double ts = kHour0 + hour;
            std::vector<TelemetryReading> readings;
            m_telemetry.readingsAt(hour, ts, &readings);
            // No networks: one reading per series, all stamped ts.
            QCOMPARE(int(readings.size()), m_telemetry.seriesCount());
            QHash<quint64, double> by;
            for (const TelemetryReading &r : readings) {
                QCOMPARE(r.ts, ts);
                by.insert((r.entity << 8) | quint64(r.quantity), r.value);
            }
            const auto check = [&](EntityId e, Q q) {
                double v = -12345.0;
                QVERIFY2(m_telemetry.expected(e, q, hour, &v), qPrintable(QStringLiteral("%1 %2").arg(e).arg(int(q))));
                const quint64 k = (e << 8) | quint64(q);
                QVERIFY(by.contains(k));
                QCOMPARE(v, by.value(k));
            };
            check(building, Q::ElectricityKw);
            check(building, Q::HeatingKw);
            check(building, Q::CoolingKw);
            check(m_battery, Q::SocPct);
            check(m_battery, Q::ElectricityKw);
            check(m_grid, Q::ElectricityKw);
        }
    }

    void simulatedBuildingsSumToTheirAnnualElectricity()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        QCOMPARE(m_result.buildings.size(), m_result.simulatedBuildings.size());
        int checked = 0;
        double heatSum = 0.0, heatAnnual = 0.0;
        for (int i = 0; i < m_result.buildings.size(); ++i) {
            const BuildingDemand &d = m_result.buildings[i];
            QCOMPARE(d.id, m_result.simulatedBuildings[i].id);
            double kwh = 0.0, heat = 0.0, v = 0.0;
            for (int h = 0; h < WeatherYear::kHours; ++h) {
                QVERIFY(m_telemetry.expected(d.id, Q::ElectricityKw, h, &v));
                kwh += v;
                QVERIFY(m_telemetry.expected(d.id, Q::HeatingKw, h, &v));
                heat += v;
            }
            QVERIFY2(near(kwh, d.electricityKwh, 1e-3, 1e-6), qPrintable(QStringLiteral("building %1: %2").arg(d.id).arg(both(kwh, d.electricityKwh))));
            heatSum += heat;
            heatAnnual += d.heatingKwh + d.dhwKwh;
            ++checked;
        }
        QVERIFY(checked > 50);
        // Heating readings are space heat plus hot water.
        QVERIFY2(near(heatSum, heatAnnual, 1e-3), qPrintable(both(heatSum, heatAnnual)));
    }

    void simulatedStorageChargeIsAPercentage()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        const double capacity = m_result.system.battery.capacityKwh;
        QVERIFY(capacity > 0.0);
        const std::vector<double> &soc = m_result.dispatch.flows[size_t(Flow::BatterySoc)];
        double lo = 100.0, hi = 0.0;
        for (int h = 0; h < WeatherYear::kHours; ++h) {
            double v = -1.0;
            QVERIFY(m_telemetry.expected(m_battery, Q::SocPct, h, &v));
            QVERIFY2(v >= 0.0 && v <= 100.0, qPrintable(QStringLiteral("hour %1: %2 %").arg(h).arg(v)));
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            QVERIFY2(near(v, std::clamp(100.0 * soc[size_t(h)] / capacity, 0.0, 100.0), 1e-5, 1e-4),
                     qPrintable(QStringLiteral("hour %1: %2").arg(h).arg(both(v, 100.0 * soc[size_t(h)] / capacity))));
            // The one battery's power is charge − discharge.
            QVERIFY(m_telemetry.expected(m_battery, Q::ElectricityKw, h, &v));
            const double power = m_result.dispatch.at(Flow::BatteryCharge, h) - m_result.dispatch.at(Flow::BatteryDischarge, h);
            QVERIFY2(near(v, power, 1e-5, 1e-4), qPrintable(both(v, power)));
        }
        QVERIFY2(hi > lo, "the battery is used over the year");
    }

    void simulatedPvAssetsAddUpToTheSystem()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        const std::vector<double> &pv = m_result.system.pvKw;
        QCOMPARE(int(pv.size()), WeatherYear::kHours);
        // Noon-ish hours of spring, summer and autumn, and a night hour.
        int sunny = 0;
        for (int hour : {2000 + 4, 4000 + 4, 4000 + 6, 5000 + 5, 6500 + 3, 8000 + 5, 4000 + 20}) {
            double sum = 0.0;
            for (EntityId id : m_pv) {
                double v = 0.0;
                QVERIFY2(m_telemetry.expected(id, Q::PvKw, hour, &v), qPrintable(QString::number(id)));
                QVERIFY(v >= 0.0);
                sum += v;
            }
            QVERIFY2(near(sum, pv[size_t(hour)], 1e-3, 1e-3), qPrintable(QStringLiteral("hour %1: %2").arg(hour).arg(both(sum, pv[size_t(hour)]))));
            sunny += pv[size_t(hour)] > 1.0;
        }
        QVERIFY(sunny >= 4);
    }

    void simulatedGridIsImportLessExport()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        int importing = 0, exporting = 0;
        for (int hour : {3, 2004, 4004, 4012, 5005, 6503, 8005, 8759}) {
            double v = 0.0;
            QVERIFY(m_telemetry.expected(m_grid, Q::ElectricityKw, hour, &v));
            const double net = m_result.dispatch.at(Flow::GridImport, hour) - m_result.dispatch.at(Flow::GridExport, hour);
            QVERIFY2(near(v, net, 1e-5, 1e-3), qPrintable(QStringLiteral("hour %1: %2").arg(hour).arg(both(v, net))));
            importing += net > 0.0;
            exporting += net < 0.0;
        }
        QVERIFY(importing > 0);
    }

    void simulatedExpectedRefusesWhatItDoesNotSimulate()
    {
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        const EntityId building = m_result.simulatedBuildings.first().id;
        double v = 42.0;
        QVERIFY(!m_telemetry.expected(m_town.nextId + 1000, Q::ElectricityKw, 100, &v));
        QVERIFY(!m_telemetry.expected(kNoEntity, Q::ElectricityKw, 100, &v));
        // A building reports no state of charge; a battery no PV.
        QVERIFY(!m_telemetry.expected(building, Q::SocPct, 100, &v));
        QVERIFY(!m_telemetry.expected(m_battery, Q::PvKw, 100, &v));
        // Hours outside the year.
        QVERIFY(!m_telemetry.expected(building, Q::ElectricityKw, -1, &v));
        QVERIFY(!m_telemetry.expected(building, Q::ElectricityKw, WeatherYear::kHours, &v));
        QVERIFY(!m_telemetry.expected(m_battery, Q::SocPct, 100000, &v));
        QCOMPARE(v, 42.0);  // untouched
        QVERIFY(m_telemetry.expected(building, Q::ElectricityKw, WeatherYear::kHours - 1, &v));
        QVERIFY(m_telemetry.expected(building, Q::ElectricityKw, 0, &v));
    }

    void simulatedRatedOutputIsNoOverload()
    {
        // The dispatch runs the CHP at most at its elec_kw, the overload limit: the readings
        // of its output stay within it to the millionth the alarms allow. Stored as floats,
        // a full-load hour rounds up by ~3e-8 (11349.905974904977 kW → 11349.90625 kW).
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        QVERIFY(m_chp != kNoEntity);
        const TelemetryEntities entities(m_town);
        const double rating = entities.entry(m_chp)->rating;
        QVERIFY(rating > 0.0);
        int full = 0, above = 0;
        double worst = 0.0;
        for (int h = 0; h < WeatherYear::kHours; ++h) {
            QVERIFY(m_result.dispatch.at(Flow::ChpElec, h) <= rating * (1.0 + 1e-12));
            full += m_result.dispatch.at(Flow::ChpElec, h) >= rating * (1.0 - 1e-12);
            double v = 0.0;
            QVERIFY(m_telemetry.expected(m_chp, Q::ChpKw, h, &v));
            if (v > rating * (1.0 + 1e-6)) {
                ++above;
                worst = std::max(worst, v);
            }
        }
        QVERIFY(full > 0);
        QVERIFY2(above == 0, qPrintable(QStringLiteral("%1 of %2 full-load hours read %3 kW above the %4 kW rating")
                                            .arg(above).arg(full).arg(worst, 0, 'g', 17).arg(rating, 0, 'g', 17)));
    }

    void replayingTheSimulationRaisesNoAlarm()
    {
        // The simulation keeps every asset within its ratings and is its own expectation:
        // replaying three days of June through the monitor must raise nothing but the
        // storages' low charge (which the rules flag whatever the simulation does).
        simulateOnce();
        QVERIFY(m_telemetry.seriesCount() > 0);
        AlarmMonitor monitor(AlarmRules::defaults(), entitiesOf(m_town));
        const SimulatedTelemetry &t = m_telemetry;
        const AlarmMonitor::Expectation expected = [&t](EntityId e, Q q, double ts, double *v) {
            return t.expected(e, q, int(std::floor((ts - kHour0) / 3600.0)), v);
        };
        QStringList raised, unexplained;
        for (int hour = 4000; hour < 4000 + 72; ++hour) {
            std::vector<TelemetryReading> readings;
            t.readingsAt(hour, kHour0 + hour * 3600.0, &readings);
            for (const Alarm &a : monitor.check(readings, expected)) {
                if (a.kind == AlarmKind::Low && a.quantity == Q::SocPct)
                    continue;
                const QString line = QStringLiteral("hour %1: %2 (value %3, limit %4)")
                                         .arg(hour)
                                         .arg(a.message)
                                         .arg(a.value, 0, 'g', 17)
                                         .arg(a.limit, 0, 'g', 17);
                raised << line;
                // The known defects (see the other expected failures): the EV fleet's kW against
                // its vehicles, the CHP's heat against its electric rating, the CHP at its rating.
                const bool known = a.kind == AlarmKind::High
                    && ((a.entity == m_ev && a.quantity == Q::ElectricityKw)
                        || (a.entity == m_chp && (a.quantity == Q::HeatingKw || a.quantity == Q::ChpKw)));
                if (!known)
                    unexplained << line;
            }
        }
        QVERIFY2(unexplained.isEmpty(), qPrintable(unexplained.mid(0, 8).join(QLatin1Char('\n'))));
        QVERIFY2(raised.isEmpty(), qPrintable(raised.mid(0, 8).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLiveOps)
#include "tst_liveops.moc"
