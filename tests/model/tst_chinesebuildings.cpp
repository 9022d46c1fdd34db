// SPDX-License-Identifier: MIT
// Buildings at the real site: the archetype set follows the site (China →
// GB 50189 / JGJ 134 set, elsewhere the SIA/CEA one), homes are conditioned
// part of the rooms part of the time, hot-humid air makes latent loads, and
// hot water follows the people.
#include "TestTowns.h"
#include "core/BundledResources.h"
#include "energy/ArchetypeLibrary.h"
#include "energy/ArchetypeSets.h"
#include "energy/BuildingDemandModel.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tt;
using tt::testtowns::townAt;

namespace {

Building box(BuildingUse use, double w, double d, double levels, int year)
{
    return testtowns::box(use, w, d, levels, 3.0, year);
}

// The Chinese set with one profile's hvac schedules set to `share` all day.
ArchetypeLibrary chineseWithHvac(const QString &profileKey, double share)
{
    QJsonObject root = QJsonDocument::fromJson(BundledResources::read(QStringLiteral("energy/archetypes/cn.json"))).object();
    QJsonObject profiles = root.value(QStringLiteral("profiles")).toObject();
    QJsonObject profile = profiles.value(profileKey).toObject();
    QJsonArray day;
    for (int h = 0; h < 24; ++h)
        day.append(share);
    const QJsonObject schedule{{"weekday", day}, {"weekend", day}};
    profile.insert(QStringLiteral("hvac"), schedule);
    profile.insert(QStringLiteral("hvac_heating"), schedule);
    profiles.insert(profileKey, profile);
    root.insert(QStringLiteral("profiles"), profiles);
    ArchetypeLibrary lib;
    const Status s = ArchetypeLibrary::load(QJsonDocument(root).toJson(), &lib);
    if (!s)
        qFatal("%s", qPrintable(s.message));
    return lib;
}
} // namespace

class TestChineseBuildings : public QObject {
    Q_OBJECT
private:
    WeatherYear m_shanghai;

private slots:
    void initTestCase()
    {
        const Status s = EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &m_shanghai);
        QVERIFY2(s.ok, qPrintable(s.message));
    }

    void theSetFollowsTheSite()
    {
        QString why;
        QCOMPARE(ArchetypeSets::forTown(townAt(31.10, 121.05), &why), QStringLiteral("cn"));  // the sample site
        QCOMPARE(why, QStringLiteral("the site lies in its region"));
        QCOMPARE(ArchetypeSets::forTown(townAt(45.75, 126.65)), QStringLiteral("cn"));  // Harbin
        QCOMPARE(ArchetypeSets::forTown(townAt(47.17, 8.52), &why), QStringLiteral("ch"));   // Zug
        QCOMPARE(why, QStringLiteral("the default for sites elsewhere"));
        QCOMPARE(ArchetypeSets::forTown(townAt(-33.92, 18.42)), QStringLiteral("ch"));  // Cape Town
        QCOMPARE(ArchetypeSets::forTown(townAt(37.57, 126.98)), QStringLiteral("ch"));  // Seoul: not China
        QCOMPARE(ArchetypeSets::forTown(Town()), QStringLiteral("ch"));                 // no location
        // The project's choice wins; a set that does not exist is ignored.
        Town chosen = townAt(31.10, 121.05);
        chosen.settings.insert(ArchetypeSets::kSettingKey, QStringLiteral("ch"));
        QCOMPARE(ArchetypeSets::forTown(chosen, &why), QStringLiteral("ch"));
        QCOMPARE(why, QStringLiteral("the project's choice"));
        chosen.settings.insert(ArchetypeSets::kSettingKey, QStringLiteral("atlantis"));
        QCOMPARE(ArchetypeSets::forTown(chosen, &why), QStringLiteral("cn"));
        QCOMPARE(why, QStringLiteral("the project's 'atlantis' is no archetype set; the site lies in its region"));
    }

    void homesAreConditionedPartTimePartSpace()
    {
        ArchetypeLibrary cn;
        QVERIFY(ArchetypeLibrary::loadBundled(QStringLiteral("cn"), &cn).ok);
        const Archetype &home = cn.archetype(BuildingUse::Residential);
        QVERIFY(home.conditionedShare > 0.3 && home.conditionedShare < 1.0);
        const Building flats = box(BuildingUse::Residential, 40, 12, 6, 2010);
        BuildingDemandModel model(cn, m_shanghai);
        const BuildingThermal t = model.thermal(flats);
        QCOMPARE(t.zoneFraction, home.conditionedShare);
        QVERIFY(std::abs(t.floorAreaM2 - home.conditionedShare * 40 * 12 * 6) < 1e-9);
        const BuildingDemand partTime = model.simulate(flats);

        // The same homes with every conditioned room on all the time, and with none.
        const ArchetypeLibrary always = chineseWithHvac(QStringLiteral("residential_cn"), 1.0);
        BuildingDemandModel alwaysModel(always, m_shanghai);
        const BuildingDemand fullTime = alwaysModel.simulate(flats);
        const ArchetypeLibrary never = chineseWithHvac(QStringLiteral("residential_cn"), 0.0);
        BuildingDemandModel neverModel(never, m_shanghai);
        const BuildingDemand off = neverModel.simulate(flats);
        qInfo("homes, kWh/m²a: cooling %.1f part time / %.1f full time, heating %.1f / %.1f",
              partTime.coolingKwh / partTime.gfaM2, fullTime.coolingKwh / fullTime.gfaM2,
              partTime.heatingKwh / partTime.gfaM2, fullTime.heatingKwh / fullTime.gfaM2);
        QVERIFY(partTime.coolingKwh < 0.7 * fullTime.coolingKwh);
        QVERIFY(partTime.heatingKwh < 0.7 * fullTime.heatingKwh);
        QCOMPARE(off.coolingKwh, 0.0);
        QCOMPARE(off.heatingKwh, 0.0);
        // Appliances and hot water do not depend on the air-conditioners.
        QCOMPARE(off.electricityKwh, partTime.electricityKwh);
        QCOMPARE(off.dhwKwh, partTime.dhwKwh);
        // Measured Shanghai homes use 15.5 kWh/m²a of electricity with their split units
        // (Hu et al. 2017: 1,690 kWh a household of 109 m²); at a split unit's EER of 3.5 ours is close.
        const double electricity = (partTime.electricityKwh + partTime.coolingKwh / 3.5 + partTime.heatingKwh / 3.5)
            / partTime.gfaM2;
        QVERIFY2(electricity > 10.0 && electricity < 30.0, qPrintable(QString::number(electricity)));
    }

    void humidAirMakesLatentLoads()
    {
        ArchetypeLibrary cn;
        QVERIFY(ArchetypeLibrary::loadBundled(QStringLiteral("cn"), &cn).ok);
        BuildingDemandModel model(cn, m_shanghai);
        const BuildingDemand office = model.simulate(box(BuildingUse::Office, 40, 20, 5, 2018));
        const double share = office.coolingLatentKwh / office.coolingKwh;
        qInfo("Shanghai office: cooling %.1f kWh/m²a, of it latent %.0f %%", office.coolingKwh / office.gfaM2,
              100.0 * share);
        // Hot-humid: dehumidification is a large part of cooling (ASHRAE and CEA find 20-45 %).
        QVERIFY2(share > 0.15 && share < 0.5, qPrintable(QString::number(share)));

        // The same office in constant dry air has none; without humidity data neither.
        WeatherYear dry = m_shanghai;
        for (double &d : dry.dewPointC)
            d = 0.0;  // 3.8 g/kg
        BuildingDemandModel dryModel(cn, dry);
        QCOMPARE(dryModel.simulate(box(BuildingUse::Office, 40, 20, 5, 2018)).coolingLatentKwh, 0.0);
        WeatherYear noHumidity = m_shanghai;
        noHumidity.dewPointC.clear();
        BuildingDemandModel noHumidityModel(cn, noHumidity);
        QCOMPARE(noHumidityModel.simulate(box(BuildingUse::Office, 40, 20, 5, 2018)).coolingLatentKwh, 0.0);
    }

    void hotWaterFollowsThePeople()
    {
        // Offices are empty at the weekend in both sets: no hot water is drawn then.
        for (const QString &set : {QStringLiteral("ch"), QStringLiteral("cn")}) {
            ArchetypeLibrary lib;
            QVERIFY(ArchetypeLibrary::loadBundled(set, &lib).ok);
            const Archetype &office = lib.archetype(BuildingUse::Office);
            double weekend = 0.0;
            for (double v : office.occupancy[1])
                weekend += v;
            if (weekend > 0.0)
                continue;
            BuildingDemandModel model(lib, m_shanghai);
            DemandSeries series;
            const BuildingDemand d = model.hourly(box(BuildingUse::Office, 20, 20, 3, 2010), &series);
            QVERIFY(d.dhwKwh > 0.0);
            for (int h = 0; h < WeatherYear::kHours; ++h)
                if (m_shanghai.isWeekend(h))
                    QVERIFY2(series.dhw[h] == 0.0, qPrintable(QStringLiteral("%1: hour %2").arg(set).arg(h)));
        }
    }
};

QTEST_GUILESS_MAIN(TestChineseBuildings)
#include "tst_chinesebuildings.moc"
