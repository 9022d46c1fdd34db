// SPDX-License-Identifier: MIT
// Land-use statistics of a hand-made plan whose every figure is worked out by
// hand below: zone areas from rectangle sides, GFA from footprint × storeys.
#include "analysis/ZoningAnalysis.h"

#include <QJsonArray>
#include <QtTest>

using namespace tt;

namespace {
Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

Zone zone(EntityId id, ZoneClass c, const Polygon &area)
{
    Zone z;
    z.id = id;
    z.name = QStringLiteral("zone %1").arg(id);
    z.zoneClass = c;
    z.area = area;
    return z;
}

Building building(EntityId id, BuildingUse use, double levels, const Polygon &footprint)
{
    Building b;
    b.id = id;
    b.use = use;
    b.levels = levels;
    b.heightM = levels * 3.0;
    b.footprint = footprint;
    return b;
}
} // namespace

class TestLandUseStatistics : public QObject {
    Q_OBJECT

    // 1000 × 1000 m site: residential 400 × 500, farmland 500 × 1000, a green
    // strip 100 × 500 and a commercial plot 100 × 100; five buildings, one of
    // them standing in no zone.
    Town m_town;

private slots:
    void initTestCase()
    {
        m_town.site.boundary = rect(0, 0, 1000, 1000);
        m_town.zones.put(zone(1, ZoneClass::Residential, rect(0, 0, 400, 500)));
        m_town.zones.put(zone(2, ZoneClass::Agricultural, rect(500, 0, 1000, 1000)));
        m_town.zones.put(zone(3, ZoneClass::Green, rect(0, 500, 100, 1000)));
        m_town.zones.put(zone(4, ZoneClass::Commercial, rect(400, 0, 500, 100)));
        // Two 20 × 50 m blocks of 10 storeys: 2 × 10,000 m² of homes.
        m_town.buildings.put(building(11, BuildingUse::Residential, 10, rect(50, 50, 70, 100)));
        m_town.buildings.put(building(12, BuildingUse::Residential, 10, rect(150, 50, 170, 100)));
        // 40 × 50 m, 2 storeys: 4,000 m², 70% shops and 30% offices.
        Building mixed = building(13, BuildingUse::Retail, 2, rect(400, 0, 440, 50));
        mixed.mix = {UseShare{BuildingUse::Retail, 0.7}, UseShare{BuildingUse::Office, 0.3}};
        m_town.buildings.put(mixed);
        // A 20 × 30 m barn on the farmland and a 10 × 10 m, 3-storey office in no zone.
        m_town.buildings.put(building(14, BuildingUse::Agricultural, 1, rect(600, 600, 620, 630)));
        m_town.buildings.put(building(15, BuildingUse::Office, 3, rect(450, 600, 460, 610)));
    }

    void zonesOfBuildings()
    {
        ZoningAnalysis analysis;
        analysis.reset(m_town);
        QCOMPARE(analysis.zoneOf(11), EntityId(1));
        QCOMPARE(analysis.zoneOf(12), EntityId(1));
        QCOMPARE(analysis.zoneOf(13), EntityId(4));
        QCOMPARE(analysis.zoneOf(14), EntityId(2));
        QCOMPARE(analysis.zoneOf(15), kNoEntity);
    }

    void areasAndShares()
    {
        const LandUseStatistics s = computeKpis(m_town).landUse;
        QVERIFY(s.siteFromBoundary);
        QCOMPARE(s.siteAreaM2, 1e6);
        QCOMPARE(s.classes[int(ZoneClass::Residential)].areaM2, 200000.0);
        QCOMPARE(s.classes[int(ZoneClass::Agricultural)].areaM2, 500000.0);
        QCOMPARE(s.classes[int(ZoneClass::Green)].areaM2, 50000.0);
        QCOMPARE(s.classes[int(ZoneClass::Commercial)].areaM2, 10000.0);
        QCOMPARE(s.classes[int(ZoneClass::Industrial)].areaM2, 0.0);
        QCOMPARE(s.classShare(ZoneClass::Residential), 0.2);
        QCOMPARE(s.classShare(ZoneClass::Commercial), 0.01);
        QCOMPARE(s.builtUpAreaM2, 260000.0);
        QCOMPARE(s.agriculturalAreaM2, 500000.0);
        QCOMPARE(s.farmlandShare(), 0.5);
        QCOMPARE(s.greenRatio(), 50000.0 / 260000.0);
    }

    void floorAreaAndCoverage()
    {
        const LandUseStatistics s = computeKpis(m_town).landUse;
        QCOMPARE(s.buildings, 5);
        QCOMPARE(s.unzonedBuildings, 1);
        QCOMPARE(s.footprintM2, 2000.0 + 2000.0 + 600.0 + 100.0);
        QCOMPARE(s.gfaM2, 20000.0 + 4000.0 + 600.0 + 300.0);
        QCOMPARE(s.gfaByUseM2[int(BuildingUse::Residential)], 20000.0);
        QCOMPARE(s.gfaByUseM2[int(BuildingUse::Retail)], 2800.0);
        QCOMPARE(s.gfaByUseM2[int(BuildingUse::Office)], 1200.0 + 300.0);
        QCOMPARE(s.gfaByUseM2[int(BuildingUse::Agricultural)], 600.0);
        // The barn stands on farmland, so it is not part of the built-up figures; the unzoned office is.
        QCOMPARE(s.builtUpFootprintM2, 4100.0);
        QCOMPARE(s.builtUpGfaM2, 24300.0);
        QCOMPARE(s.farBuiltUp(), 24300.0 / 260000.0);
        QCOMPARE(s.coverageBuiltUp(), 4100.0 / 260000.0);

        const LandUseTally &homes = s.classes[int(ZoneClass::Residential)];
        QCOMPARE(homes.far(), 0.1);
        QCOMPARE(homes.coverage(), 0.01);
        QCOMPARE(homes.buildings, 2);
        QCOMPARE(s.zones.size(), 4);
        QCOMPARE(s.zones[3].id, EntityId(4));
        QCOMPARE(s.zones[3].tally.far(), 0.4);
        QCOMPARE(s.zones[3].tally.coverage(), 0.2);
        QCOMPARE(s.zones[1].tally.far(), 600.0 / 500000.0);
        QCOMPARE(s.zones[2].tally.buildings, 0);
        QCOMPARE(s.zones[2].tally.far(), 0.0);
    }

    void siteWithoutBoundaryIsTheSumOfZones()
    {
        Town town = m_town;
        town.site.boundary = Polygon{};
        const LandUseStatistics s = computeKpis(town).landUse;
        QVERIFY(!s.siteFromBoundary);
        QCOMPARE(s.siteAreaM2, 760000.0);
        QCOMPARE(s.farmlandShare(), 500000.0 / 760000.0);
    }

    void surroundingsAreNotPartOfThePlan()
    {
        Town town = m_town;
        const KpiReport before = computeKpis(town);
        // A 10-storey neighbour inside the residential zone, imported as context.
        Building neighbour = building(16, BuildingUse::Residential, 10, rect(250, 250, 290, 300));
        neighbour.context = true;
        town.buildings.put(neighbour);
        const KpiReport after = computeKpis(town);
        QCOMPARE(after.landUse.buildings, before.landUse.buildings);
        QCOMPARE(after.landUse.gfaM2, before.landUse.gfaM2);
        QCOMPARE(after.capacity.residents, before.capacity.residents);
        // The same building as part of the plan counts: 2,000 m² × 10 storeys of homes.
        town.buildings.find(16)->context = false;
        QCOMPARE(computeKpis(town).landUse.gfaM2, before.landUse.gfaM2 + 20000.0);
    }

    void jsonCarriesTheFigures()
    {
        const QJsonObject json = computeKpis(m_town).toJson();
        const QJsonObject land = json.value("land_use").toObject();
        QCOMPARE(land.value("site_area_km2").toDouble(), 1.0);
        QCOMPARE(land.value("site_area_source").toString(), QStringLiteral("boundary"));
        QCOMPARE(land.value("built_up_area_km2").toDouble(), 0.26);
        QCOMPARE(land.value("agricultural_area_km2").toDouble(), 0.5);
        QCOMPARE(land.value("unzoned_buildings").toInt(), 1);
        QCOMPARE(land.value("gfa_by_use_m2").toObject().value("retail").toDouble(), 2800.0);
        const QJsonObject residential = land.value("classes").toObject().value("residential").toObject();
        QCOMPARE(residential.value("area_km2").toDouble(), 0.2);
        QCOMPARE(residential.value("share").toDouble(), 0.2);
        QCOMPARE(residential.value("far").toDouble(), 0.1);
        QCOMPARE(land.value("classes").toObject().size(), kZoneClassCount);
        const QJsonArray zones = land.value("zones").toArray();
        QCOMPARE(zones.size(), 4);
        QCOMPARE(zones.at(3).toObject().value("class").toString(), QStringLiteral("commercial"));
        QCOMPARE(zones.at(3).toObject().value("coverage").toDouble(), 0.2);
        QCOMPARE(json.value("capacity").toObject().value("residents").toDouble(), 500.0);
    }
};

QTEST_GUILESS_MAIN(TestLandUseStatistics)
#include "tst_landusestatistics.moc"
