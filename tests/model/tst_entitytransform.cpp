// SPDX-License-Identifier: MIT
// Moves, rotations, duplicates and outline checks on a sloped site, with the
// expected coordinates and ground levels worked out by hand.
#include "core/Document.h"
#include "edit/EntityTransform.h"
#include "edit/OutlineCheck.h"
#include "edit/Snapper.h"

#include <QUndoStack>
#include <QtTest>

using namespace tt;

namespace {
Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

//! 200 m × 200 m, rising 0.1 m per metre eastwards: ground = x / 10.
Town slopedTown()
{
    Town town;
    town.terrain = Terrain(21, 21, 0.0, 0.0, 10.0);
    for (int r = 0; r < 21; ++r)
        for (int c = 0; c < 21; ++c)
            town.terrain.setSample(c, r, float(c * 10.0 * 0.1));
    Building b;
    b.id = town.allocateId();
    b.name = QStringLiteral("Block A");
    b.sourceId = QStringLiteral("osm-1");
    b.use = BuildingUse::Residential;
    b.levels = 4;
    b.heightM = 12;
    b.footprint = rect(50, 50, 70, 60);
    b.groundM = town.terrain.groundUnder(b.footprint);
    town.buildings.put(b);
    EnergyAsset pv;
    pv.id = town.allocateId();
    pv.type = EnergyAssetType::RooftopPv;
    pv.hostBuilding = b.id;
    pv.position = {60, 55};
    town.assets.put(pv);
    Zone z;
    z.id = town.allocateId();
    z.zoneClass = ZoneClass::Residential;
    z.area = rect(40, 40, 100, 100);
    town.zones.put(z);
    return town;
}
} // namespace

Q_DECLARE_METATYPE(tt::Polygon)

class TestEntityTransform : public QObject {
    Q_OBJECT
private slots:
    void groundIsLowestCorner()
    {
        const Town town = slopedTown();
        QCOMPARE(town.buildings.find(1)->groundM, 5.0);  // west edge at x = 50
    }

    void moveReseatsAndCarriesRooftopPv()
    {
        const Town town = slopedTown();
        EntityBatch out;
        QVERIFY(EntityTransform(Vec2{30, -10}).apply(town, {1}, &out));
        QCOMPARE(out.buildings.size(), 1);
        QCOMPARE(out.buildings[0].footprint, rect(80, 40, 100, 50));
        QCOMPARE(out.buildings[0].groundM, 8.0);
        QCOMPARE(out.buildings[0].heightM, 12.0);  // height above ground is kept
        QCOMPARE(out.assets.size(), 1);
        QCOMPARE(out.assets[0].position, (Vec2{90, 45}));
        QVERIFY(out.zones.isEmpty());
    }

    void rotateAboutCentroidKeepsShape()
    {
        const Town town = slopedTown();
        EntityBatch out;
        QVERIFY(EntityTransform(Vec2{}, M_PI / 2, Vec2{60, 55}).apply(town, {1}, &out));
        const Polygon &p = out.buildings[0].footprint;
        const Bounds2 box = geometry::bounds(p);
        QVERIFY(qAbs(box.minX - 55) < 1e-9 && qAbs(box.maxX - 65) < 1e-9);
        QVERIFY(qAbs(box.minY - 45) < 1e-9 && qAbs(box.maxY - 65) < 1e-9);
        QVERIFY(qAbs(geometry::area(p) - 200.0) < 1e-9);
        QVERIFY(qAbs(out.buildings[0].groundM - 5.5) < 1e-9);
    }

    void moveOffTheTerrainIsRefused()
    {
        const Town town = slopedTown();
        EntityBatch out;
        const Status s = EntityTransform(Vec2{150, 0}).apply(town, {1, 3}, &out);
        QVERIFY(!s);
        QVERIFY2(s.message.contains(QLatin1String("Building 1")), qPrintable(s.message));
        QVERIFY2(s.message.contains(QLatin1String("outside the terrain")), qPrintable(s.message));
        QVERIFY(out.isEmpty());
    }

    void duplicateDropsIdsAndRooftopPv()
    {
        const Town town = slopedTown();
        EntityBatch out;
        QVERIFY(duplicateEntities(town, {1, 2, 3}, Vec2{0, 30}, &out));
        QCOMPARE(out.buildings.size(), 1);
        QCOMPARE(out.buildings[0].id, kNoEntity);
        QVERIFY(out.buildings[0].sourceId.isEmpty());
        QCOMPARE(out.buildings[0].name, QStringLiteral("Block A (copy)"));
        QCOMPARE(out.buildings[0].footprint, rect(50, 80, 70, 90));
        QCOMPARE(out.zones.size(), 1);
        QCOMPARE(out.zones[0].area, rect(40, 70, 100, 130));
        QVERIFY(out.assets.isEmpty());
    }

    void outlineCheck_data()
    {
        QTest::addColumn<Polygon>("outline");
        QTest::addColumn<QString>("problem");
        QTest::newRow("valid") << rect(10, 10, 20, 20) << QString();
        QTest::newRow("two corners") << Polygon{{{0, 0}, {10, 0}}, {}} << QStringLiteral("three corners");
        QTest::newRow("no area") << Polygon{{{0, 0}, {10, 0}, {20, 0}}, {}} << QStringLiteral("no area");
        QTest::newRow("bow tie") << Polygon{{{10, 10}, {30, 30}, {30, 10}, {10, 30}}, {}} << QStringLiteral("crosses itself");
        QTest::newRow("off terrain") << rect(190, 10, 250, 20) << QStringLiteral("outside the terrain");
        QTest::newRow("nan") << Polygon{{{0, 0}, {qQNaN(), 0}, {10, 10}}, {}} << QStringLiteral("no valid coordinates");
    }

    void outlineCheck()
    {
        QFETCH(Polygon, outline);
        QFETCH(QString, problem);
        const Status s = OutlineCheck::check(outline, slopedTown().terrain, QStringLiteral("The new building"));
        QCOMPARE(s.ok, problem.isEmpty());
        if (!problem.isEmpty()) {
            QVERIFY2(s.message.startsWith(QLatin1String("The new building")), qPrintable(s.message));
            QVERIFY2(s.message.contains(problem), qPrintable(s.message));
        }
    }

    void snapToGridCornersAndWalls()
    {
        Town town;
        Building a, b;
        a.id = 1;
        a.footprint = rect(0, 0, 10, 10);
        b.id = 2;
        b.footprint = rect(12, 0, 22, 10);
        town.buildings.put(a);
        town.buildings.put(b);
        const auto close = [](Vec2 p, Vec2 q) { return (p - q).length() < 1e-9; };
        // Far from any neighbour: the grid alone.
        QVERIFY(close(Snapper::snapMove(town, {1}, Vec2{-22.3, 7.8}, 5.0, 1.5), Vec2{-20, 10}));
        // A corner 0.73 m from the neighbour's: the blocks meet corner to corner.
        QVERIFY(close(Snapper::snapMove(town, {1}, Vec2{1.3, 0.2}, 0.0, 1.5), Vec2{2, 0}));
        // Level with the neighbour's wall but no corner near: flush along the wall.
        QVERIFY(close(Snapper::snapMove(town, {1}, Vec2{1.3, 4.0}, 0.0, 1.5), Vec2{2, 4}));
        // Out of reach: unchanged.
        QVERIFY(close(Snapper::snapMove(town, {1}, Vec2{-5.0, 4.0}, 0.0, 1.5), Vec2{-5, 4}));
    }

    void snapRotationToRoadsOrSteps()
    {
        Town town;
        Building a;
        a.id = 1;
        a.footprint = rect(0, 0, 20, 10);  // longest edge along x
        town.buildings.put(a);
        const double degree = M_PI / 180.0;
        // No roads: 15° steps.
        QVERIFY(qAbs(Snapper::snapRotation(town, {1}, 22.0 * degree) - 15.0 * degree) < 1e-9);
        // A road running at 30°: a turn of 27° lines the building up with it.
        Road r;
        r.id = 2;
        r.line = {Vec2{0, 0}, Vec2{100 * std::cos(30 * degree), 100 * std::sin(30 * degree)}};
        town.roads.put(r);
        QVERIFY(qAbs(Snapper::snapRotation(town, {1}, 27.0 * degree) - 30.0 * degree) < 1e-9);
        // ... or square to it (30° - 90° = -60°).
        QVERIFY(qAbs(Snapper::snapRotation(town, {1}, -62.0 * degree) + 60.0 * degree) < 1e-9);
    }

    void dragStepsMergeAndUndoRestoresExactly()
    {
        Document doc;
        doc.resetTown(slopedTown());
        const Town before = doc.town();
        for (int step = 1; step <= 5; ++step) {
            EntityBatch out;
            QVERIFY(EntityTransform(Vec2{2.0 * step, 0}).apply(before, {1}, &out));
            QVERIFY(doc.modifyEntities(out, QStringLiteral("Move"), 42).ok);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.town().buildings.find(1)->footprint, rect(60, 50, 80, 60));
        QCOMPARE(doc.town().assets.find(2)->position, (Vec2{70, 55}));
        doc.undoStack()->undo();
        QVERIFY(doc.town() == before);
        doc.undoStack()->redo();
        QCOMPARE(doc.town().buildings.find(1)->groundM, 6.0);
    }
};

QTEST_GUILESS_MAIN(TestEntityTransform)
#include "tst_entitytransform.moc"
