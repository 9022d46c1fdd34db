// SPDX-License-Identifier: MIT
// Buildings in the hot-humid tropics: a site in Singapore gets City Energy
// Analyst's Singapore set ("sg"), its neighbours do not, and in air that is
// hot and humid all year an office cools every working day, much of it to
// dry the air, and never heats.
#include "TestTowns.h"
#include "energy/ArchetypeLibrary.h"
#include "energy/ArchetypeSets.h"
#include "energy/BuildingDemandModel.h"
#include "energy/WeatherYear.h"

#include <QTest>

using namespace tt;
using tt::testtowns::townAt;

namespace {

Building box(BuildingUse use, double w, double d, double levels, int year)
{
    return testtowns::box(use, w, d, levels, 3.5, year);
}

// 30 °C and a dew point of 25 °C (20 g/kg) every hour, no sun: Singapore's air without its days and nights.
WeatherYear hotHumidYear()
{
    WeatherYear w = WeatherYear::constant(30.0, 0.0, 0.0, 0.0, 2.0);
    w.dewPointC.assign(WeatherYear::kHours, 25.0);
    return w;
}
} // namespace

class TestTropicalBuildings : public QObject {
    Q_OBJECT
private slots:
    void theSetLoads()
    {
        ArchetypeLibrary sg;
        const Status s = ArchetypeLibrary::loadBundled(QStringLiteral("sg"), &sg);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(sg.key(), QStringLiteral("sg"));
        QVERIFY(ArchetypeSets::exists(QStringLiteral("sg")));
        for (int u = 0; u < kBuildingUseCount; ++u) {
            const Archetype &a = sg.archetype(BuildingUse(u));
            const QString use = buildinguse::key(BuildingUse(u));
            // Every value says where it comes from.
            QVERIFY2(a.source.contains(QLatin1String("CEA")), qPrintable(use));
            // CEA's Singapore buildings have no heating system.
            QVERIFY2(a.heatingSetpointC <= 5.0 && a.heatingSetbackC <= 5.0, qPrintable(use));
            for (int day = 0; day < 2; ++day)
                for (int h = 0; h < 24; ++h)
                    QVERIFY2(a.hvacHeating[day][h] == 0.0, qPrintable(use));
        }
        // A few of CEA's SG values (USE_TYPES.csv, CONSTRUCTION_TYPES.csv).
        const Archetype &office = sg.archetype(BuildingUse::Office);
        QCOMPARE(office.coolingSetpointC, 24.0);
        QCOMPARE(office.m2PerPerson, 10.0);
        QCOMPARE(office.ventilationM3hM2, 3.6);  // 10 l/s per person
        QCOMPARE(office.conditionedShare, 0.84);
        const Archetype &home = sg.archetype(BuildingUse::Residential);
        QCOMPARE(home.coolingSetpointC, 28.0);
        QCOMPARE(home.conditionedShare, 0.25);  // bedrooms only (STANDARD1)
        QCOMPARE(sg.archetype(BuildingUse::ServerRoom).itWm2, 500.0);
        QVERIFY(!sg.archetype(BuildingUse::School).isCooled());  // naturally ventilated
        QVERIFY(!sg.archetype(BuildingUse::Parking).isCooled());
        QCOMPARE(sg.movableShadingFactor(), 1.0);  // no blinds in CEA's SG standards
        // One envelope for all years: CEA's SG standards are not periods.
        QCOMPARE(sg.envelope(1960).windowG, sg.envelope(2020).windowG);
        QCOMPARE(sg.envelope(0).wallU, sg.envelope(2020).wallU);
    }

    void theSetFollowsTheSite()
    {
        QString why;
        QCOMPARE(ArchetypeSets::forTown(townAt(1.30, 103.85), &why), QStringLiteral("sg"));  // Singapore
        QCOMPARE(why, QStringLiteral("the site lies in its region"));
        QCOMPARE(ArchetypeSets::forTown(townAt(1.36, 103.99)), QStringLiteral("sg"));  // Changi
        QCOMPARE(ArchetypeSets::forTown(townAt(1.25, 103.83)), QStringLiteral("sg"));  // Sentosa
        // Neighbours are not Singapore.
        QVERIFY(ArchetypeSets::forTown(townAt(3.14, 101.69)) != QStringLiteral("sg"));    // Kuala Lumpur
        QVERIFY(ArchetypeSets::forTown(townAt(1.4655, 103.758)) != QStringLiteral("sg"));  // Johor Bahru
        QVERIFY(ArchetypeSets::forTown(townAt(1.13, 104.05)) != QStringLiteral("sg"));     // Batam
        // The other sets keep their sites.
        QCOMPARE(ArchetypeSets::forTown(townAt(31.10, 121.05)), QStringLiteral("cn"));
        QCOMPARE(ArchetypeSets::forTown(townAt(47.17, 8.52)), QStringLiteral("ch"));
    }

    void officeCoolsAllYearAndNeverHeats()
    {
        ArchetypeLibrary sg;
        QVERIFY(ArchetypeLibrary::loadBundled(QStringLiteral("sg"), &sg).ok);
        const WeatherYear year = hotHumidYear();
        BuildingDemandModel model(sg, year);
        DemandSeries series;
        const BuildingDemand office = model.hourly(box(BuildingUse::Office, 40, 20, 5, 2010), &series);
        const double latentShare = office.coolingLatentKwh / office.coolingKwh;
        qInfo("hot-humid office: cooling %.1f kWh/m²a, of it latent %.0f %%, heating %.1f",
              office.coolingKwh / office.gfaM2, 100.0 * latentShare, office.heatingKwh / office.gfaM2);
        QCOMPARE(office.heatingKwh, 0.0);
        for (int h = 0; h < WeatherYear::kHours; ++h)
            QVERIFY2(series.heating[h] == 0.0, qPrintable(QString::number(h)));
        // Cooled on every day of the year: CEA's SG office schedule cools 06-18 on all seven days.
        for (int day = 0; day < 365; ++day) {
            double cooling = 0.0;
            for (int h = 0; h < 24; ++h)
                cooling += series.cooling[day * 24 + h];
            QVERIFY2(cooling > 0.0, qPrintable(QStringLiteral("day %1").arg(day)));
        }
        // Drying 10 l/s of 20 g/kg air a person present to 70 % at 24 °C (13 g/kg) is a large part of
        // the cooling (a quarter to a half in hot-humid climates).
        QVERIFY2(latentShare > 0.2 && latentShare < 0.8, qPrintable(QString::number(latentShare)));
        QVERIFY(office.coolingKwh / office.gfaM2 > 50.0);
    }
};

QTEST_GUILESS_MAIN(TestTropicalBuildings)
#include "tst_tropicalbuildings.moc"
