// SPDX-License-Identifier: MIT
// The technologies file (resources/energy/technologies.json): the bundled values
// against their sources, worked out by hand; every kind of broken file refused
// with the file, the technology and the parameter named; and a user's copy
// changing the results the way physics says it must.
#include "TestData.h"
#include "core/BundledResources.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace tt;

namespace {
const QString kZug = QStringLiteral("zug-cea/weather.epw");
const QString kUserFile = QStringLiteral("/home/planner/technologies.json");

QJsonObject bundledJson()
{
    return QJsonDocument::fromJson(BundledResources::read(QStringLiteral("energy/technologies.json"))).object();
}

// The bundled file with one change to its technologies.
QByteArray edited(const std::function<void(QJsonObject *technologies)> &edit)
{
    QJsonObject root = bundledJson();
    QJsonObject technologies = root.value(QLatin1String("technologies")).toObject();
    edit(&technologies);
    root.insert(QLatin1String("technologies"), technologies);
    return QJsonDocument(root).toJson();
}

// The bundled file with technology/parameter set to a value (kept in the {"value", "source"} form).
QByteArray withValue(const QString &technology, const QString &parameter, const QJsonValue &value)
{
    return edited([&](QJsonObject *technologies) {
        QJsonObject t = technologies->value(technology).toObject();
        QJsonObject p = t.value(parameter).toObject();
        p.insert(QLatin1String("value"), value);
        t.insert(parameter, p);
        technologies->insert(technology, t);
    });
}

// Six offices and flats with the default asset set (which has a CHP plant).
Town smallTown()
{
    Town town;
    for (int i = 0; i < 6; ++i) {
        Building b;
        b.id = town.allocateId();
        b.use = i % 2 ? BuildingUse::Office : BuildingUse::Residential;
        b.levels = 5;
        b.heightM = 16;
        b.year = 1990;
        const double x = 50.0 * i;
        b.footprint.outer = {{x, 0}, {x + 30, 0}, {x + 30, 15}, {x, 15}};
        town.buildings.put(b);
    }
    return town;
}

double gasPerChpKwh(const SimulationResult &r)
{
    return r.dispatch.total(Flow::ChpGas) / r.dispatch.total(Flow::ChpElec);
}
} // namespace

class TestEnergyParameters : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        TT_REQUIRE_TEST_DATA(kZug);
        const Status read = EpwReader::read(testdata::path(kZug), &m_weather);
        QVERIFY2(read.ok, qPrintable(read.message));
    }

    void bundledValuesFollowTheirSources()
    {
        TechnologyParameters t;
        const Status s = TechnologyParameters::loadBundled(&t);
        QVERIFY2(s.ok, qPrintable(s.message));
        // Every parameter of the 14 technologies and the finance defaults has a source:
        // 72 of performance, 6 costs of each of the 12 that are built, 6 more cost parts.
        QCOMPARE(t.sources.size(), 72 + 12 * 6 + 6);
        for (auto it = t.sources.begin(); it != t.sources.end(); ++it)
            QVERIFY2(!it.value().trimmed().isEmpty(), qPrintable(it.key()));

        const auto near = [](double a, double b, double tolerance) { return std::abs(a - b) <= tolerance; };
        // MEE's grid factor 0.5810 t/MWh, which is kg/kWh.
        QCOMPARE(t.grid.co2Grid, 0.5810);
        QVERIFY(t.sources.value("grid_connection/co2_grid").contains(QLatin1String("0.5810 t/MWh")));
        // IPCC: 56,100 kg CO2 per TJ of natural gas; 1 TJ = 277,778 kWh.
        QVERIFY(near(t.grid.co2Gas, 56100.0 / (1e12 / 3.6e6), 5e-4));
        // Costs (docs/research/economics-sources.md): C&I rooftop PV about 3 CNY/W with its
        // inverters (a part of it) renewed before the modules; a heat pump's borehole field
        // outlives its unit; 6 % real over 25 years (REopt's period).
        QCOMPARE(t.costs.rooftopPv.capex, 3000.0);
        QVERIFY(t.costs.rooftopPv.replacementCost > 0.0
                && t.costs.rooftopPv.replacementYears < t.costs.rooftopPv.lifetimeYears);
        QVERIFY(t.costs.heatPump.lifetimeYears > t.costs.heatPump.replacementYears);
        QCOMPARE(t.finance.discountRate, 0.06);
        QCOMPARE(t.finance.analysisYears, 25.0);
        QVERIFY(t.sources.value("battery/capex").contains(QLatin1String("CEEC")));
        // PVWatts' inverter 96 %; the power coefficient between PVWatts' premium and standard modules.
        QCOMPARE(t.pv.inverterEfficiency, 0.96);
        QVERIFY(t.pv.tempCoeffPerK <= -0.0035 && t.pv.tempCoeffPerK >= -0.0047);
        // The 1/7 power law.
        QVERIFY(near(t.wind.turbine.shearAlpha, 1.0 / 7.0, 0.003));
        // Engine CHP: about 40 % electricity and 85 % in all; single-effect absorption COP 0.7.
        QCOMPARE(t.chp.elecEfficiency, 0.40);
        QVERIFY(near(t.chp.elecEfficiency + t.chp.thermalEfficiency, 0.85, 1e-12));
        QCOMPARE(t.chp.absorptionCop, 0.7);
        // LFP: about 90 % round trip; ~1,000 CNY/kWh over ~6,000 cycles; EVs ~800 CNY/kWh over ~3,000.
        QVERIFY(near(t.battery.unit.chargeEfficiency * t.battery.unit.dischargeEfficiency, 0.90, 0.005));
        QVERIFY(near(t.battery.unit.wearCostPerKwh, 1000.0 / 6000.0, 0.02));
        QVERIFY(near(t.evFleet.v2gWearCostPerKwh, 800.0 / 3000.0, 0.02));
        // Trips of 40 and 60 km at 0.2 kWh/km.
        QCOMPARE(t.evFleet.trips.size(), 2);
        QCOMPARE(t.evFleet.trips[0].tripKwh, 40 * 0.2);
        QCOMPARE(t.evFleet.trips[1].tripKwh, 60 * 0.2);

        // The hand-built structs' initialisers are the file's values.
        const PvParameters pv;
        QCOMPARE(pv.noctC, t.pv.noctC);
        QCOMPARE(pv.tempCoeffPerK, t.pv.tempCoeffPerK);
        QCOMPARE(pv.inverterEfficiency, t.pv.inverterEfficiency);
        QCOMPARE(pv.systemLosses, t.pv.systemLosses);
        const WindTurbineParameters wind;
        QCOMPARE(wind.ratedKw, t.wind.turbine.ratedKw);
        QCOMPARE(wind.hubHeightM, t.wind.turbine.hubHeightM);
        QCOMPARE(wind.cutInMs, t.wind.turbine.cutInMs);
        QCOMPARE(wind.ratedSpeedMs, t.wind.turbine.ratedSpeedMs);
        QCOMPARE(wind.cutOutMs, t.wind.turbine.cutOutMs);
        QCOMPARE(wind.shearAlpha, t.wind.turbine.shearAlpha);
    }

    void heatingCurveByHand()
    {
        const HeatPumpParameters &hp = TechnologyParameters::bundled().heatPump;
        // Halfway between 15 °C and -12 °C outdoors, halfway between 35 and 55 °C supply.
        QVERIFY(std::abs(hp.supplyTempC(1.5) - 45.0) < 1e-12);
        QCOMPARE(hp.supplyTempC(30.0), 35.0);
        QCOMPARE(hp.supplyTempC(-30.0), 55.0);
        // At 15 °C from ground at 10 °C: 0.45 × 308.15 K / (35 − 10) K.
        QVERIFY(std::abs(hp.cop(15.0, 10.0) - 0.45 * 308.15 / 25.0) < 1e-12);
        // Shanghai's ground in January at 4 m, 16.33 °C, design cold: 0.45 × 328.15 / (55 − 16.33).
        QVERIFY(std::abs(hp.cop(-30.0, 16.33) - 0.45 * 328.15 / 38.67) < 1e-12);
        // A lift below min_lift_k counts as min_lift_k; small lifts stop at max_cop.
        QCOMPARE(hp.cop(30.0, 34.0), hp.maxCop);
        // Hot water at 60 °C from 15 °C ground: 0.45 × 333.15 / 45 = 3.33.
        QCOMPARE(hp.dhwSupplyTempC, 60.0);
        QVERIFY(std::abs(hp.dhwCop(15.0) - 0.45 * 333.15 / 45.0) < 1e-12);
        // Cooling: chilled water at 7 °C, heat into ground at 30 °C + 5 K: 0.45 × 280.15 / 28 = 4.50;
        // into 20 °C ground it would be 7.0, above max_cop.
        QVERIFY(std::abs(hp.coolingCop(30.0) - 0.45 * 280.15 / 28.0) < 1e-12);
        QCOMPARE(hp.coolingCop(20.0), hp.maxCop);
        // Heating only: no cooling.
        HeatPumpParameters heatingOnly = hp;
        heatingOnly.coolingCarnotEfficiency = 0.0;
        QCOMPARE(heatingOnly.coolingCop(20.0), 0.0);
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");  // fragments of the message after "FILE: "
        QTest::newRow("missing technology")
            << edited([](QJsonObject *t) { t->remove(QStringLiteral("chiller")); })
            << QStringList{"technology 'chiller' is missing"};
        QTest::newRow("missing parameter") << edited([](QJsonObject *t) {
            QJsonObject chp = t->value(QLatin1String("chp")).toObject();
            chp.remove(QStringLiteral("min_load"));
            t->insert(QStringLiteral("chp"), chp);
        }) << QStringList{"chp: parameter 'min_load' is missing"};
        QTest::newRow("text instead of a number")
            << withValue("chp", "elec_efficiency", QStringLiteral("0.4"))
            << QStringList{"chp: elec_efficiency is \"0.4\" (text), not a number"};
        QTest::newRow("null instead of a number")
            << withValue("battery", "soc_min", QJsonValue()) << QStringList{"battery: soc_min is null, not a number"};
        QTest::newRow("efficiency above 1")
            << withValue("chp", "elec_efficiency", 1.2)
            << QStringList{"chp: elec_efficiency is 1.2, out of range: must be from 0.05 up to 0.9"};
        QTest::newRow("storage efficiency above 1")
            << withValue("battery", "charge_efficiency", 1.05)
            << QStringList{"battery: charge_efficiency is 1.05, out of range: must be above 0 up to 1"};
        QTest::newRow("COP of 0") << withValue("chiller", "cop", 0.0)
                                  << QStringList{"chiller: cop is 0, out of range"};
        QTest::newRow("negative COP") << withValue("baseline", "chiller_cop", -3.0)
                                      << QStringList{"baseline: chiller_cop is -3, out of range"};
        QTest::newRow("unknown parameter") << edited([](QJsonObject *t) {
            QJsonObject chp = t->value(QLatin1String("chp")).toObject();
            chp.insert(QStringLiteral("elec_eff"), 0.35);
            t->insert(QStringLiteral("chp"), chp);
        }) << QStringList{"chp: unknown parameter 'elec_eff'", "elec_efficiency"};
        QTest::newRow("unknown key of a value") << edited([](QJsonObject *t) {
            QJsonObject chp = t->value(QLatin1String("chp")).toObject();
            chp.insert(QStringLiteral("min_load"), QJsonObject{{"value", 0.3}, {"unit", "share"}});
            t->insert(QStringLiteral("chp"), chp);
        }) << QStringList{"chp: min_load: unknown key 'unit'"};
        QTest::newRow("unknown technology")
            << edited([](QJsonObject *t) { t->insert(QStringLiteral("fuel_cell"), QJsonObject{}); })
            << QStringList{"unknown technology 'fuel_cell'"};
        QTest::newRow("not true or false")
            << withValue("ev_fleet", "v2g", QStringLiteral("yes"))
            << QStringList{"ev_fleet: v2g is \"yes\" (text), not true or false"};
        QTest::newRow("trip leaving at 25:00") << edited([](QJsonObject *t) {
            QJsonObject fleet = t->value(QLatin1String("ev_fleet")).toObject();
            QJsonObject trips = fleet.value(QLatin1String("trips")).toObject();
            QJsonArray list = trips.value(QLatin1String("value")).toArray();
            QJsonObject second = list[1].toObject();
            second.insert(QStringLiteral("depart_hour"), 25);
            list[1] = second;
            trips.insert(QStringLiteral("value"), list);
            fleet.insert(QStringLiteral("trips"), trips);
            t->insert(QStringLiteral("ev_fleet"), fleet);
        }) << QStringList{"ev_fleet: trips[1].depart_hour is 25, must be a whole number from 1 up to 23"};
        QTest::newRow("CHP above 95 % in all")
            << withValue("chp", "thermal_efficiency", 0.6)
            << QStringList{"chp: thermal_efficiency 0.6 with elec_efficiency 0.4 is 1 in all, above 0.95"};
        QTest::newRow("not JSON") << QByteArray("{\"version\": 1,") << QStringList{"not JSON"};
        QTest::newRow("another version") << [] {
            QJsonObject root = bundledJson();
            root.insert(QStringLiteral("version"), 2);
            return QJsonDocument(root).toJson();
        }() << QStringList{"version is 2, expected 1"};
    }

    void brokenFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        TechnologyParameters t;
        t.chp.elecEfficiency = 0.123;
        const Status s = TechnologyParameters::load(json, kUserFile, &t);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.startsWith(kUserFile + QStringLiteral(": ")), qPrintable(s.message));
        for (const QString &fragment : expected)
            QVERIFY2(s.message.contains(fragment), qPrintable(s.message));
        QCOMPARE(t.chp.elecEfficiency, 0.123);  // a refused file leaves the parameters alone
    }

    void unreadableFileIsNamed()
    {
        TechnologyParameters t;
        const Status s = TechnologyParameters::loadFile(QStringLiteral("/nonexistent/technologies.json"), &t);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.startsWith(QLatin1String("/nonexistent/technologies.json: ")), qPrintable(s.message));
    }

    void plainNumbersAreAccepted()
    {
        // A user may drop the sources: {"value": 0.35, "source": ...} or just 0.35.
        const QByteArray json = edited([](QJsonObject *t) {
            QJsonObject chp = t->value(QLatin1String("chp")).toObject();
            chp.insert(QStringLiteral("elec_efficiency"), 0.35);
            t->insert(QStringLiteral("chp"), chp);
        });
        TechnologyParameters t;
        const Status s = TechnologyParameters::load(json, kUserFile, &t);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(t.chp.elecEfficiency, 0.35);
        // Its source is then the technology's.
        const QString chpSource
            = bundledJson().value("technologies").toObject().value("chp").toObject().value("source").toString();
        QVERIFY(!chpSource.isEmpty());
        QCOMPARE(t.sources.value("chp/elec_efficiency"), chpSource);
    }

    void userFileChangesTheResults()
    {
        // A user's copy with a less efficient CHP: the same kWh of CHP electricity
        // takes more gas, by exactly the ratio of the efficiencies.
        QTemporaryDir dir;
        const QString path = testdata::writeFile(dir.filePath(QStringLiteral("technologies.json")),
                                                 withValue("chp", "elec_efficiency", 0.30));
        QVERIFY(!path.isEmpty());
        TechnologyParameters user;
        const Status read = TechnologyParameters::loadFile(path, &user);
        QVERIFY2(read.ok, qPrintable(read.message));
        QCOMPARE(user.chp.elecEfficiency, 0.30);

        const Town town = smallTown();
        const SimulationOptions rule{DispatchStrategy::RuleBased, DispatchObjective::Cost, true};
        EnergySimulator simulator;
        const SimulationResult bundled = simulator.run(town, m_weather, rule);
        QVERIFY2(bundled.status.ok, qPrintable(bundled.status.message));
        simulator.setTechnologies(user);
        const SimulationResult changed = simulator.run(town, m_weather, rule);
        QVERIFY2(changed.status.ok, qPrintable(changed.status.message));
        QVERIFY(bundled.dispatch.total(Flow::ChpElec) > 0.0 && changed.dispatch.total(Flow::ChpElec) > 0.0);
        QVERIFY(std::abs(gasPerChpKwh(bundled) - 1.0 / 0.40) < 1e-9);
        QVERIFY(std::abs(gasPerChpKwh(changed) - 1.0 / 0.30) < 1e-9);
        QVERIFY(gasPerChpKwh(changed) > gasPerChpKwh(bundled));
        // The default set was sized with it too, and says so.
        for (const EnergyAsset &a : changed.defaultAssets)
            if (a.type == EnergyAssetType::Chp)
                QCOMPARE(a.parameter(QStringLiteral("elec_efficiency"), 0.0), 0.30);

        // Hand-placed assets take the file's value for what they leave out, and keep their own.
        Town withChp = smallTown();
        EnergyAsset chp;
        chp.id = withChp.allocateId();
        chp.type = EnergyAssetType::Chp;
        chp.parameters = {{"elec_kw", 500.0}};
        withChp.assets.put(chp);
        QCOMPARE(EnergySystem::fromTown(withChp, m_weather, user).chpElecEfficiency, 0.30);
        QCOMPARE(EnergySystem::fromTown(withChp, m_weather).chpElecEfficiency, 0.40);
        chp.parameters.insert(QStringLiteral("elec_efficiency"), 0.42);
        withChp.assets.put(chp);
        const EnergySystem system = EnergySystem::fromTown(withChp, m_weather, user);
        QCOMPARE(system.chpElecEfficiency, 0.42);
        QCOMPARE(system.chpThermalEfficiency, user.chp.thermalEfficiency);
    }

    void baselineFollowsTheFile()
    {
        // Worse reference chillers: the same cooling costs the baseline more
        // electricity, so more CO2, and kpis.json describes the COP used.
        const QByteArray json = withValue("baseline", "chiller_cop", 2.5);
        TechnologyParameters user;
        const Status read = TechnologyParameters::load(json, kUserFile, &user);
        QVERIFY2(read.ok, qPrintable(read.message));
        const Town town = smallTown();
        const SimulationOptions rule{DispatchStrategy::RuleBased, DispatchObjective::Cost, true};
        EnergySimulator simulator;
        const SimulationResult bundled = simulator.run(town, m_weather, rule);
        simulator.setTechnologies(user);
        const SimulationResult changed = simulator.run(town, m_weather, rule);
        QVERIFY(bundled.kpis.demand.cooling > 0.0);
        QVERIFY(changed.kpis.baselineCo2Kg > bundled.kpis.baselineCo2Kg);
        QCOMPARE(changed.kpis.co2Kg, bundled.kpis.co2Kg);  // the town's own system is the same
        const QString description
            = bundled.kpis.toJson().value("baseline").toObject().value("description").toString();
        QVERIFY2(description.contains(QLatin1String("(efficiency 0.9)"))
                     && description.contains(QLatin1String("(COP 3)")),
                 qPrintable(description));
        QVERIFY(changed.kpis.toJson().value("baseline").toObject().value("description").toString().contains(
            QLatin1String("(COP 2.5)")));
    }

private:
    WeatherYear m_weather;
};

QTEST_GUILESS_MAIN(TestEnergyParameters)
#include "tst_energy_parameters.moc"
