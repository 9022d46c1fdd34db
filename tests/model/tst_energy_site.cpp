// SPDX-License-Identifier: MIT
// The site against its weather: default PV faces the equator of the site's
// hemisphere (Cape Town north, Shanghai south) unless an asset says otherwise,
// a weather station far from the site or across the equator is a warning with
// the distance, and kpis.json reports both that and the values filled in.
#include "EpwText.h"
#include "TestData.h"
#include "edit/AssetTemplate.h"
#include "energy/DefaultAssetSizer.h"
#include "energy/EnergyResultWriter.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <utility>

using namespace tt;

namespace {
const QString kZug = QStringLiteral("zug-cea/weather.epw");
//! The Shanghai year the program ships (resources/weather), as the app reads it.
QString shanghaiEpw()
{
    return ProjectWeather::resolve(ProjectWeather::kShanghai, QString());
}

Site siteAt(double latitude, double longitude)
{
    Site site;
    site.latitude = latitude;
    site.longitude = longitude;
    return site;
}

// Cape Town and the Shanghai EPW's station.
const Site kCapeTown = siteAt(-33.9, 18.4);
const Site kShanghaiSite = siteAt(31.198, 121.336);

//! A town of one 30 m × 20 m office block and a 1.2 ha field at `site`.
Town smallTown(const Site &site)
{
    Town town;
    town.site = site;
    Building b;
    b.id = town.allocateId();
    b.use = BuildingUse::Office;
    b.levels = 3;
    b.heightM = 10.5;
    b.year = 2010;
    b.footprint.outer = {{0, 0}, {30, 0}, {30, 20}, {0, 20}};
    town.buildings.put(b);
    Zone field;
    field.id = town.allocateId();
    field.zoneClass = ZoneClass::Agricultural;
    field.area.outer = {{0, -200}, {120, -200}, {120, -100}, {0, -100}};
    town.zones.put(field);
    return town;
}

//! Annual AC yield, kWh, of a hand-placed rooftop PV array on the town's office
//! block: its template leaves the azimuth to the default unless `azimuth` is given.
double rooftopYield(Town town, const WeatherYear &weather, const QVariant &azimuth = {})
{
    EnergyAsset pv = AssetTemplate::make(EnergyAssetType::RooftopPv, {15, 10}, town.buildings.begin()->id);
    pv.id = town.allocateId();
    if (azimuth.isValid())
        pv.parameters.insert(QStringLiteral("azimuth_deg"), azimuth);
    town.assets.put(pv);
    double kwh = 0.0;
    for (double kw : EnergySystem::fromTown(town, weather).pvKw)
        kwh += kw;
    return kwh;
}
} // namespace

class TestEnergySite : public QObject {
    Q_OBJECT
private:
    WeatherYear m_zug, m_shanghai;
    ArchetypeLibrary m_library;

private slots:
    void initTestCase()
    {
        TT_REQUIRE_TEST_DATA(kZug);
        Status s = EpwReader::read(testdata::path(kZug), &m_zug);
        QVERIFY2(s.ok, qPrintable(s.message));
        s = EpwReader::read(shanghaiEpw(), &m_shanghai);
        QVERIFY2(s.ok, qPrintable(s.message));
        QVERIFY(ArchetypeLibrary::loadBundled(&m_library).ok);
    }

    void defaultAssetsFaceTheEquator()
    {
        for (const auto &[site, azimuth] : {std::pair{kCapeTown, 0.0}, std::pair{kShanghaiSite, 180.0}}) {
            const QVector<EnergyAsset> assets = DefaultAssetSizer::size(smallTown(site), DemandSeries{}, m_library);
            int pvArrays = 0;
            for (const EnergyAsset &a : assets) {
                if (a.type != EnergyAssetType::RooftopPv && a.type != EnergyAssetType::GroundPv)
                    continue;
                ++pvArrays;
                QCOMPARE(a.parameters.value(QStringLiteral("azimuth_deg")).toDouble(), azimuth);
            }
            QCOMPARE(pvArrays, 2);  // the roof and the field
        }
    }

    void handPlacedPvFacesTheEquatorUnlessTold()
    {
        // Shanghai's year under Cape Town's sun: a southern-hemisphere weather year.
        WeatherYear capeTown = m_shanghai;
        capeTown.latitudeDeg = kCapeTown.latitude;
        capeTown.longitudeDeg = kCapeTown.longitude;
        capeTown.utcOffsetHours = 2.0;
        const Town south = smallTown(kCapeTown);
        const double byDefault = rooftopYield(south, capeTown);
        QCOMPARE(byDefault, rooftopYield(south, capeTown, 0.0));
        // Facing the pole at 15° tilt loses a good share of the year; an explicit azimuth is kept.
        const double poleward = rooftopYield(south, capeTown, 180.0);
        QVERIFY2(poleward < 0.9 * byDefault, qPrintable(QStringLiteral("%1 vs %2").arg(poleward).arg(byDefault)));

        const Town north = smallTown(kShanghaiSite);
        const double shanghai = rooftopYield(north, m_shanghai);
        QCOMPARE(shanghai, rooftopYield(north, m_shanghai, 180.0));
        QVERIFY(rooftopYield(north, m_shanghai, 0.0) < 0.9 * shanghai);
    }

    void farStationIsAWarningWithTheDistance()
    {
        // Zug's station for a site in Shanghai: 9040.03 km on the WGS 84 ellipsoid
        // (Vincenty's inverse formula, computed apart from the code).
        const double km = m_zug.stationDistanceKm(kShanghaiSite);
        QVERIFY2(std::abs(km - 9040.03) < 3.0, qPrintable(QString::number(km)));
        const QStringList warnings = m_zug.siteWarnings(kShanghaiSite);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QLatin1String("Inducity-Zug"))
                     && warnings.first().contains(QLatin1String("9040 km")),
                 qPrintable(warnings.first()));

        // Shanghai Hongqiao's station for a site 40 km to the north-east: no warning.
        const Site near = siteAt(31.55, 121.45);
        const double nearKm = m_shanghai.stationDistanceKm(near);
        QVERIFY2(nearKm > 39.0 && nearKm < 42.0, qPrintable(QString::number(nearKm)));
        QVERIFY(m_shanghai.siteWarnings(near).isEmpty());

        // Close, but across the equator: the seasons are reversed.
        WeatherYear north = WeatherYear::constant(25, 0, 0, 0, 0);
        north.locationName = QStringLiteral("Equator North");
        north.latitudeDeg = 0.3;
        north.longitudeDeg = 30.0;
        const QStringList across = north.siteWarnings(siteAt(-0.3, 30.0));
        QCOMPARE(across.size(), 1);
        QVERIFY2(across.first().contains(QLatin1String("66 km")) && across.first().contains(QLatin1String("hemisphere")),
                 qPrintable(across.first()));

        // A town built without a location (0, 0) is not compared with anything.
        QVERIFY(m_zug.siteWarnings(Site()).isEmpty());
        QVERIFY(std::isnan(m_zug.stationDistanceKm(Site())));
    }

    void kpisJsonReportsTheWeather()
    {
        testdata::EpwText epw = testdata::EpwText::load(shanghaiEpw());
        for (int r : {3008, 3009, 3010})
            epw.set(r, 6, "99.9");
        epw.set(5000, 21, "999");
        WeatherYear weather;
        const Status read = EpwReader::parse(epw.bytes(), QStringLiteral("gaps.epw"), &weather);
        QVERIFY2(read.ok, qPrintable(read.message));
        const Town town = smallTown(kShanghaiSite);
        EnergySimulator simulator;
        const SimulationResult r = simulator.run(town, weather, {DispatchStrategy::RuleBased, DispatchObjective::Cost, true});
        QVERIFY2(r.status.ok, qPrintable(r.status.message));

        QTemporaryDir dir;
        const auto weatherJson = [&](const Site &site, const QString &name) {
            const Status s = EnergyResultWriter::write(dir.filePath(name), r, weather, site);
            QFile file(dir.filePath(name + QStringLiteral("/kpis.json")));
            if (!s.ok || !file.open(QIODevice::ReadOnly))
                return QJsonObject();
            return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("weather")).toObject();
        };
        const QJsonObject here = weatherJson(town.site, QStringLiteral("here"));
        QCOMPARE(here.value(QStringLiteral("file")).toString(), QStringLiteral("gaps.epw"));
        const QJsonObject filled = here.value(QStringLiteral("filled_values")).toObject();
        QCOMPARE(filled.value(QStringLiteral("dry_bulb_temperature")).toInt(), 3);
        QCOMPARE(filled.value(QStringLiteral("wind_speed")).toInt(), 1);
        QCOMPARE(filled.value(QStringLiteral("global_horizontal_radiation")).toInt(), 0);
        QCOMPARE(filled.value(QStringLiteral("total")).toInt(), 4);
        QCOMPARE(here.value(QStringLiteral("station_distance_km")).toDouble(), 0.0);
        QVERIFY(here.value(QStringLiteral("warnings")).toArray().isEmpty());

        const QJsonObject zug = weatherJson(siteAt(47.176, 8.513), QStringLiteral("zug"));
        const QJsonArray warnings = zug.value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().toString().contains(QLatin1String("9040 km")), qPrintable(warnings.first().toString()));
        QVERIFY(std::abs(zug.value(QStringLiteral("station_distance_km")).toDouble() - 9040.0) < 3.0);
    }
};

QTEST_GUILESS_MAIN(TestEnergySite)
#include "tst_energy_site.moc"
