// SPDX-License-Identifier: MIT
// Service reach on small road layouts whose walking distances are worked out
// by hand: access to the road + along the road + access to the provider.
#include "analysis/ZoningAnalysis.h"

#include <QtTest>

#include <cmath>

using namespace tt;

namespace {
Polygon square(Vec2 centre, double side)
{
    const double h = side / 2;
    return Polygon{{{centre.x - h, centre.y - h}, {centre.x + h, centre.y - h}, {centre.x + h, centre.y + h},
                    {centre.x - h, centre.y + h}},
                   {}};
}

// A 10 × 10 m building: 100 m² per storey.
Building building(EntityId id, BuildingUse use, double levels, Vec2 centre)
{
    Building b;
    b.id = id;
    b.use = use;
    b.levels = levels;
    b.footprint = square(centre, 10);
    return b;
}

Road road(EntityId id, QVector<Vec2> line)
{
    Road r;
    r.id = id;
    r.line = std::move(line);
    return r;
}

ZoningAnalysis analyse(const Town &town)
{
    ZoningAnalysis a;
    a.reset(town);
    return a;
}
} // namespace

class TestServiceReach : public QObject {
    Q_OBJECT

private slots:
    void lShapedRoadIsLongerThanTheStraightLine()
    {
        Town town;
        town.roads.put(road(1, {{0, 0}, {300, 0}, {300, 300}}));
        // Home A: 4 storeys = 400 m² = 10 residents, 15 m south of the road at x = 50.
        town.buildings.put(building(10, BuildingUse::Residential, 4, {50, -15}));
        // Home B: 12 storeys = 1,200 m² = 30 residents, 15 m west of the road at y = 200.
        town.buildings.put(building(11, BuildingUse::Residential, 12, {285, 200}));
        // The school is 15 m east of the road at y = 250.
        town.buildings.put(building(12, BuildingUse::School, 2, {315, 250}));

        ZoningAnalysis a = analyse(town);
        QCOMPARE(a.serviceReach().network().nodeCount(), 3);
        QCOMPARE(a.serviceReach().network().edgeCount(), 2);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::PrimarySchool, 10), 15.0 + 250.0 + 250.0 + 15.0);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::PrimarySchool, 11), 15.0 + 50.0 + 15.0);
        QVERIFY(std::isinf(a.serviceReach().distanceM(ServiceType::PrimarySchool, 12)));  // not a home
        ServiceReach r = a.report(town).serviceReach;
        QVERIFY(r.alongRoads);
        QCOMPARE(r.residents, 40.0);
        QCOMPARE(r.services[int(ServiceType::PrimarySchool)].providers, 1);
        QCOMPARE(r.share(ServiceType::PrimarySchool), 30.0 / 40.0);  // A is 530 m away by road
        QCOMPARE(r.share(ServiceType::Hospital), 0.0);                // no hospital at all

        town.roads.clear();
        a = analyse(town);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::PrimarySchool, 10), std::hypot(265.0, 265.0));
        QCOMPARE(a.serviceReach().distanceM(ServiceType::PrimarySchool, 11), std::hypot(30.0, 50.0));
        r = a.report(town).serviceReach;
        QVERIFY(!r.alongRoads);
        QCOMPARE(r.share(ServiceType::PrimarySchool), 1.0);
        QCOMPARE(computeKpis(town).toJson().value("service_reach").toObject().value("method").toString(),
                 QStringLiteral("straight_line"));
    }

    void crossingRoadsAreJoined()
    {
        Town town;
        town.roads.put(road(1, {{-500, 0}, {500, 0}}));
        town.roads.put(road(2, {{0, -500}, {0, 500}}));
        town.buildings.put(building(10, BuildingUse::Residential, 4, {-300, -15}));
        town.buildings.put(building(11, BuildingUse::Hospital, 4, {15, 300}));
        const ZoningAnalysis a = analyse(town);
        QCOMPARE(a.serviceReach().network().nodeCount(), 5);
        QCOMPARE(a.serviceReach().network().edgeCount(), 4);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::Hospital, 10), 15.0 + 300.0 + 300.0 + 15.0);
        QCOMPARE(a.report(town).serviceReach.share(ServiceType::Hospital), 1.0);  // 630 m ≤ 1000 m
    }

    void nearlyMeetingRoadsAreSnappedOnlyWithinAMetre()
    {
        Town town;
        town.buildings.put(building(10, BuildingUse::Residential, 4, {10, -10}));
        town.buildings.put(building(11, BuildingUse::School, 2, {190, -10}));
        town.roads.put(road(1, {{0, 0}, {100, 0}}));
        town.roads.put(road(2, {{100.5, 0.3}, {200, 0}}));  // digitised 0.6 m off: the same junction
        QCOMPARE(analyse(town).serviceReach().network().nodeCount(), 3);
        QVERIFY(std::abs(analyse(town).serviceReach().distanceM(ServiceType::PrimarySchool, 10) - 200.0) < 1.0);

        town.roads.put(road(2, {{103, 0}, {200, 0}}));  // a 3 m gap: two separate roads
        QCOMPARE(analyse(town).serviceReach().network().nodeCount(), 4);
        QVERIFY(std::isinf(analyse(town).serviceReach().distanceM(ServiceType::PrimarySchool, 10)));

        // A road ending half a metre short of another one's middle still joins it (T-junction).
        town.roads.clear();
        town.roads.put(road(1, {{0, 0}, {200, 0}}));
        town.roads.put(road(2, {{100, 0.5}, {100, 200}}));
        town.buildings.put(building(11, BuildingUse::School, 2, {110, 150}));
        const ZoningAnalysis a = analyse(town);
        QCOMPARE(a.serviceReach().network().nodeCount(), 4);
        QVERIFY(std::abs(a.serviceReach().distanceM(ServiceType::PrimarySchool, 10) - (10 + 90 + 150 + 10)) < 1.0);
    }

    void providerOnTheSameRoadIsWalkedToDirectly()
    {
        Town town;
        town.roads.put(road(1, {{0, 0}, {1000, 0}}));
        town.buildings.put(building(10, BuildingUse::Residential, 4, {100, -10}));
        town.buildings.put(building(11, BuildingUse::ElderlyCare, 2, {200, -10}));
        QCOMPARE(analyse(town).serviceReach().distanceM(ServiceType::ElderlyCare, 10), 120.0);
    }

    void parksAndHomesAboveShops()
    {
        Town town;
        town.roads.put(road(1, {{0, 0}, {1000, 0}}));
        Zone park;
        park.id = 1;
        park.zoneClass = ZoneClass::Green;
        park.area = Polygon{{{400, 20}, {600, 20}, {600, 200}, {400, 200}}, {}};
        town.zones.put(park);
        Building flatsOverShop = building(10, BuildingUse::Residential, 4, {100, -10});
        flatsOverShop.mix = {UseShare{BuildingUse::Residential, 0.75}, UseShare{BuildingUse::Retail, 0.25}};
        town.buildings.put(flatsOverShop);
        town.buildings.put(building(11, BuildingUse::Residential, 4, {500, 100}));  // in the park

        ZoningAnalysis a = analyse(town);
        // Along the road to x = 400, then 20 m up to the park's south-west corner.
        QCOMPARE(a.serviceReach().distanceM(ServiceType::Park, 10), 10.0 + 300.0 + 20.0);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::Park, 11), 0.0);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::Retail, 10), 0.0);
        ServiceReach r = a.report(town).serviceReach;
        QCOMPARE(r.services[int(ServiceType::Park)].providers, 1);
        // Home 10 has 300 m² of flats (7.5 residents), home 11 has 400 m² (10): only 11 is within 300 m.
        QCOMPARE(r.share(ServiceType::Park), 10.0 / 17.5);

        town.settings.insert(ZoningSettings::radiusKey(ServiceType::Park), 350.0);
        QCOMPARE(computeKpis(town).serviceReach.share(ServiceType::Park), 1.0);

        town.roads.clear();
        a = analyse(town);
        QCOMPARE(a.serviceReach().distanceM(ServiceType::Park, 10), std::hypot(300.0, 30.0));
    }
};

QTEST_GUILESS_MAIN(TestServiceReach)
#include "tst_servicereach.moc"
