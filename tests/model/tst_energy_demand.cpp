// SPDX-License-Identifier: MIT
// The building demand model: archetype table, steady-state heat loss by hand,
// gains, mixed uses and per-building hourly series against the town totals.
#include "TestTowns.h"
#include "core/BundledResources.h"
#include "energy/ArchetypeSets.h"
#include "energy/BuildingDemandModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace tt;

namespace {
// The bundled table with some values of the office use replaced and, when `occupancy`
// is given, the office profile occupied at that fraction around the clock.
ArchetypeLibrary officeLibrary(const QVariantMap &overrides, double occupancy = -1.0)
{
    QJsonObject root
        = QJsonDocument::fromJson(BundledResources::read(QStringLiteral("energy/archetypes/ch.json"))).object();
    if (occupancy >= 0.0) {
        QJsonArray day;
        for (int h = 0; h < 24; ++h)
            day.append(occupancy);
        QJsonObject profiles = root.value("profiles").toObject();
        QJsonObject office = profiles.value("office").toObject();
        office.insert("occupancy", QJsonObject{{"weekday", day}, {"weekend", day}});
        profiles.insert("office", office);
        root.insert("profiles", profiles);
    }
    QJsonObject uses = root.value("uses").toObject();
    QJsonObject office = uses.value("office").toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        office.insert(it.key(), QJsonValue::fromVariant(it.value()));
    uses.insert("office", office);
    root.insert("uses", uses);
    ArchetypeLibrary lib;
    const Status s = ArchetypeLibrary::load(QJsonDocument(root).toJson(), &lib);
    if (!s)
        qFatal("%s", qPrintable(s.message));
    return lib;
}

const QVariantMap kNoGains{{"lighting_w_m2", 0.0}, {"appliances_w_m2", 0.0}, {"process_w_m2", 0.0},
                           {"occupant_gain_w", 0.0}};

// Offices without gains, hot water or mechanical ventilation, at 20 °C day and night, not cooled.
ArchetypeLibrary quietOfficeLibrary()
{
    QVariantMap o = kNoGains;
    o.insert({{"dhw_kwh_m2_day", 0.0}, {"ventilation_m3h_m2", 0.0}, {"heating_setpoint_c", 20.0},
              {"heating_setback_c", 20.0}, {"cooling_setpoint_c", 45.0}, {"cooling_setback_c", 45.0}});
    return officeLibrary(o);
}

Building box(EntityId id, BuildingUse use, double w, double d, double levels, double storey, int year)
{
    return testtowns::box(use, w, d, levels, storey, year, id);
}
} // namespace

class TestEnergyDemand : public QObject {
    Q_OBJECT
private slots:
    void bundledTableIsComplete()
    {
        // Every bundled set: the Swiss/CEA one, the Chinese one and CEA's Singapore one.
        QStringList keys;
        for (const ArchetypeSets::Info &set : ArchetypeSets::bundled())
            keys.append(set.key);
        QCOMPARE(keys, QStringList({"ch", "cn", "sg"}));
        ArchetypeLibrary lib;
        for (const QString &key : keys) {
            const Status s = ArchetypeLibrary::loadBundled(key, &lib);
            QVERIFY2(s.ok, qPrintable(s.message));
            QCOMPARE(lib.key(), key);
            QVERIFY(!lib.name().isEmpty());
            for (int u = 0; u < kBuildingUseCount; ++u) {
                const Archetype &a = lib.archetype(BuildingUse(u));
                QCOMPARE(a.use, BuildingUse(u));
                QVERIFY2(!a.source.isEmpty(), qPrintable(key + ": " + buildinguse::key(BuildingUse(u))));
                QVERIFY(a.heatingSetpointC >= a.heatingSetbackC);
                QVERIFY(a.conditionedShare >= 0.0 && a.conditionedShare <= 1.0);
            }
            // Envelope periods: older is leakier (CEA's Singapore standards have one envelope for all years).
            if (key == QLatin1String("sg"))
                continue;
            QVERIFY(lib.envelope(1950).wallU > lib.envelope(1995).wallU || key == QLatin1String("cn"));
            QVERIFY(lib.envelope(1995).wallU > lib.envelope(2020).wallU);
        }
        QVERIFY(!ArchetypeLibrary::loadBundled(QStringLiteral("atlantis"), &lib).ok);
        QVERIFY2(ArchetypeLibrary::loadBundled(&lib).ok && lib.key() == QLatin1String("ch"), "the default set");
        QCOMPARE(lib.envelope(0).wallU, lib.envelope(1990).wallU);
        // A table without a use is refused with the use named.
        QJsonObject root = QJsonDocument::fromJson(BundledResources::read("energy/archetypes/ch.json")).object();
        QJsonObject uses = root.value("uses").toObject();
        uses.remove("hotel");
        root.insert("uses", uses);
        const Status bad = ArchetypeLibrary::load(QJsonDocument(root).toJson(), &lib);
        QVERIFY(!bad.ok && bad.message.contains(QLatin1String("hotel")));
    }

    void steadyStateHeatLoss()
    {
        const ArchetypeLibrary lib = quietOfficeLibrary();
        const WeatherYear weather = WeatherYear::constant(-5.0, 0.0, 0.0, 0.0, 3.0);
        BuildingDemandModel model(lib, weather);
        // 20 m × 10 m, 3 storeys of 3.5 m, built 2010 (2000-2015 envelope: wall 0.3, roof 0.25,
        // floor 0.35 × ground factor 0.5, window 1.3), office WWR 0.4, infiltration 0.2 /h.
        const Building b = box(1, BuildingUse::Office, 20.0, 10.0, 3.0, 3.5, 2010);
        const double facade = 60.0 * 10.5, windows = 0.4 * facade, walls = facade - windows;
        const double ua = 0.3 * walls + 1.3 * windows + 0.25 * 200.0 + 0.5 * 0.35 * 200.0;
        const double ventilation = 0.34 * 0.2 * (200.0 * 10.5);
        const double expectedKw = (ua + ventilation) * (20.0 - -5.0) / 1000.0;  // 16.72 kW

        const BuildingThermal t = model.thermal(b);
        QVERIFY(std::abs(t.opaqueConductance + t.windowConductance - ua) < 1e-9);
        QVERIFY(std::abs(t.infiltrationConductance - ventilation) < 1e-9);
        QCOMPARE(t.floorAreaM2, 600.0);
        QVERIFY(std::abs(t.windowAreaM2[0] - 0.4 * 20 * 10.5) < 1e-9);  // north façade
        QVERIFY(std::abs(t.windowAreaM2[1] - 0.4 * 10 * 10.5) < 1e-9);  // east façade

        DemandSeries series;
        const BuildingDemand d = model.hourly(b, &series);
        for (int h = 0; h < 8760; h += 97)
            QVERIFY2(std::abs(series.heating[h] - expectedKw) < 1e-6 * expectedKw,
                     qPrintable(QStringLiteral("hour %1: %2 kW, expected %3")
                                    .arg(h)
                                    .arg(series.heating[h])
                                    .arg(expectedKw)));
        QVERIFY(std::abs(d.heatingKwh - expectedKw * 8760) < 1e-5 * expectedKw * 8760);
        QCOMPARE(d.coolingKwh, 0.0);
        QCOMPARE(d.electricityKwh, 0.0);
        QCOMPARE(d.dhwKwh, 0.0);
        // Above the set point with no gains the building floats: nothing to do.
        const WeatherYear mild = WeatherYear::constant(22.0, 0.0, 0.0, 0.0, 3.0);
        BuildingDemandModel mildModel(lib, mild);
        const BuildingDemand m = mildModel.simulate(b);
        QVERIFY(m.heatingKwh < 1e-6 && m.coolingKwh == 0.0);
    }

    void internalGainsReduceHeatingAndCoolBuildings()
    {
        ArchetypeLibrary lib;
        QVERIFY(ArchetypeLibrary::loadBundled(&lib).ok);
        const WeatherYear cold = WeatherYear::constant(0.0, 0.0, 0.0, 0.0, 3.0);
        BuildingDemandModel model(lib, cold);
        // A server room's IT load is cooled all year by the IT cooling, even at 0 °C outside,
        // while the room around it (lights only) needs heat; electricity is IT plus lighting.
        const Building servers = box(1, BuildingUse::ServerRoom, 10, 10, 1, 4, 2010);
        const BuildingDemand s = model.simulate(servers);
        const Archetype &a = lib.archetype(BuildingUse::ServerRoom);
        QCOMPARE(a.itWm2, 100.0);
        const double itKwh = a.itWm2 * 100.0 * 8760 / 1000.0;
        QVERIFY(std::abs(s.coolingItKwh - lib.itCoolingFactor() * itKwh) < 1e-6 * itKwh);
        QVERIFY(std::abs(s.coolingKwh - s.coolingItKwh) < 1e-6 * itKwh);  // no room cooling at 0 °C
        QVERIFY(s.heatingKwh > 0.0);
        const double elecKw = (a.lightingWm2 + a.appliancesWm2 + a.processWm2 + a.itWm2) * 100.0 / 1000.0;  // always-on
        QVERIFY(std::abs(s.electricityKwh - elecKw * 8760) < 1e-6 * elecKw * 8760);
        // An office with gains needs less heat than the same box with none.
        const Building office = box(2, BuildingUse::Office, 20, 10, 3, 3.5, 2010);
        const ArchetypeLibrary noGains = officeLibrary(kNoGains);
        BuildingDemandModel noGainsModel(noGains, cold);
        const BuildingDemand withGains = model.simulate(office), without = noGainsModel.simulate(office);
        QVERIFY(withGains.heatingKwh < without.heatingKwh);
        QVERIFY(withGains.electricityKwh > 0.0 && without.electricityKwh == 0.0);
    }

    void latentLoadByHand()
    {
        // An office occupied around the clock in constant hot, humid air: 30 °C, dew point 20 °C.
        // Outdoor air 2.6 m³/h per m² of 600 m², infiltration 0.2/h of 2,100 m³; people 55 W
        // latent each at 14 m² a person; the zone is dried to 10 g/kg:
        //   Φ_lat = 0.8167 W/(m³/h·g/kg) × (1,560 + 420) m³/h × (x_out − 10) + 600 × 55 / 14
        WeatherYear humid = WeatherYear::constant(30.0, 0.0, 0.0, 0.0, 1.0);
        humid.dewPointC.assign(WeatherYear::kHours, 20.0);
        const double xOut = humid.humidityRatioGPerKg(0);
        QVERIFY(xOut > 14.5 && xOut < 15.0);  // 14.7 g/kg at sea level (ASHRAE table 2: 2.339 kPa at 20 °C)
        const Building office = box(1, BuildingUse::Office, 20, 10, 3, 3.5, 2010);
        const QVariantMap overrides{{"ventilation_m3h_m2", 2.6}, {"infiltration_ach", 0.2}, {"m2_per_person", 14.0},
                                    {"occupant_latent_w", 55.0}, {"max_humidity_g_per_kg", 10.0},
                                    {"ventilation_occupancy_share", 0.0}};
        const ArchetypeLibrary full = officeLibrary(overrides, 1.0);
        BuildingDemandModel model(full, humid);
        const BuildingDemand d = model.simulate(office);
        const double perHourW = 0.8167 * (2.6 * 600.0 + 0.2 * 2100.0) * (xOut - 10.0) + 600.0 * 55.0 / 14.0;
        QVERIFY2(std::abs(d.coolingLatentKwh - 8760.0 * perHourW / 1000.0) < 1e-6 * d.coolingLatentKwh,
                 qPrintable(QStringLiteral("%1 kWh, by hand %2").arg(d.coolingLatentKwh).arg(8760.0 * perHourW / 1000.0)));
        QVERIFY(d.coolingKwh > d.coolingLatentKwh);  // the sensible part comes on top

        // Half the people, and outdoor air that follows them: people's moisture and the outdoor
        // air halve, the infiltration stays.
        QVariantMap following = overrides;
        following.insert("ventilation_occupancy_share", 1.0);
        const ArchetypeLibrary half = officeLibrary(following, 0.5);
        BuildingDemandModel halfModel(half, humid);
        const double halfW = 0.8167 * (0.5 * 2.6 * 600.0 + 0.2 * 2100.0) * (xOut - 10.0) + 0.5 * 600.0 * 55.0 / 14.0;
        const BuildingDemand h = halfModel.simulate(office);
        QVERIFY2(std::abs(h.coolingLatentKwh - 8760.0 * halfW / 1000.0) < 1e-6 * h.coolingLatentKwh,
                 qPrintable(QStringLiteral("%1 kWh, by hand %2").arg(h.coolingLatentKwh).arg(8760.0 * halfW / 1000.0)));
    }

    void mixedUseAndTownTotals()
    {
        ArchetypeLibrary lib;
        QVERIFY(ArchetypeLibrary::loadBundled(&lib).ok);
        WeatherYear w = WeatherYear::constant(5.0, 200.0, 300.0, 100.0, 3.0);
        w.latitudeDeg = 47.2;
        w.longitudeDeg = 8.5;
        w.utcOffsetHours = 1;
        BuildingDemandModel model(lib, w);
        Town town;
        Building flats = box(town.allocateId(), BuildingUse::Residential, 30, 12, 4, 3, 1975);
        Building shop = box(town.allocateId(), BuildingUse::Retail, 30, 12, 4, 3, 1975);
        Building mixed = box(town.allocateId(), BuildingUse::Residential, 30, 12, 4, 3, 1975);
        mixed.mix = {{BuildingUse::Residential, 0.75}, {BuildingUse::Retail, 0.25}};
        for (const Building &b : {flats, shop, mixed})
            town.buildings.put(b);
        QVector<BuildingDemand> annual;
        DemandSeries totals;
        QVERIFY(model.run(town, &annual, &totals).ok);
        QCOMPARE(annual.size(), 3);
        // Electricity and hot water are linear in the shares of floor area.
        QVERIFY(std::abs(annual[2].electricityKwh - (0.75 * annual[0].electricityKwh + 0.25 * annual[1].electricityKwh))
                < 1e-6 * annual[2].electricityKwh);
        QVERIFY(std::abs(annual[2].dhwKwh - (0.75 * annual[0].dhwKwh + 0.25 * annual[1].dhwKwh))
                < 1e-6 * annual[2].dhwKwh);
        // The town's hourly totals are the sum of the buildings' hourly series.
        DemandSeries sum;
        sum.resize(8760);
        for (const Building &b : town.buildings)
            model.simulate(b, &sum);
        for (int h = 0; h < 8760; h += 13) {
            QVERIFY(std::abs(totals.heating[h] - sum.heating[h]) < 1e-9);
            QVERIFY(std::abs(totals.electricity[h] - sum.electricity[h]) < 1e-9);
        }
        double heat = 0.0;
        for (double v : totals.heating)
            heat += v;
        QVERIFY(std::abs(heat - (annual[0].heatingKwh + annual[1].heatingKwh + annual[2].heatingKwh)) < 1e-6 * heat);
        // Sun on the windows lowers heating against a dark twin.
        BuildingDemandModel dark(lib, WeatherYear::constant(5.0, 0.0, 0.0, 0.0, 3.0));
        QVERIFY(model.simulate(flats).heatingKwh < dark.simulate(flats).heatingKwh);
    }
};

QTEST_GUILESS_MAIN(TestEnergyDemand)
#include "tst_energy_demand.moc"
