// SPDX-License-Identifier: MIT
// The zone index against the obvious brute force: every zone tested with
// geometry::contains, the smallest containing one kept.
#include "analysis/ZoneIndex.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace tt;

namespace {
Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

Zone zone(EntityId id, const Polygon &area)
{
    Zone z;
    z.id = id;
    z.zoneClass = ZoneClass::Residential;
    z.area = area;
    return z;
}

EntityId bruteForce(const EntityTable<Zone> &zones, Vec2 p)
{
    EntityId best = kNoEntity;
    double bestArea = 0.0;
    for (const Zone &z : zones) {
        if (!geometry::contains(z.area, p))
            continue;
        const double a = z.areaM2();
        if (best == kNoEntity || a < bestArea || (a == bestArea && z.id < best)) {
            best = z.id;
            bestArea = a;
        }
    }
    return best;
}
} // namespace

class TestZoneIndex : public QObject {
    Q_OBJECT

private slots:
    void smallestContainingZoneWins()
    {
        EntityTable<Zone> zones;
        zones.put(zone(1, rect(0, 0, 1000, 1000)));
        zones.put(zone(2, rect(100, 100, 300, 300)));  // a school plot inside the district
        Polygon withHole = rect(500, 500, 900, 900);
        withHole.holes.append(rect(600, 600, 700, 700).outer);
        zones.put(zone(3, withHole));
        ZoneIndex index;
        index.rebuild(zones);
        QCOMPARE(index.zoneAt({200, 200}), EntityId(2));
        QCOMPARE(index.zoneAt({50, 50}), EntityId(1));
        QCOMPARE(index.zoneAt({550, 550}), EntityId(3));
        QCOMPARE(index.zoneAt({650, 650}), EntityId(1));  // in zone 3's hole
        QCOMPARE(index.zoneAt({-5, 50}), kNoEntity);
        QCOMPARE(index.zoneAt({5000, 5000}), kNoEntity);
    }

    void assignmentsFollowZoneChanges()
    {
        EntityTable<Zone> zones;
        zones.put(zone(1, rect(0, 0, 100, 100)));
        ZoneIndex index;
        index.rebuild(zones);
        QCOMPARE(index.assign(7, {50, 50}), EntityId(1));
        QCOMPARE(index.assign(8, {150, 50}), kNoEntity);
        zones.put(zone(2, rect(100, 0, 200, 100)));
        index.rebuild(zones);
        QCOMPARE(index.zoneOf(8), EntityId(2));
        zones.remove(1);
        index.rebuild(zones);
        QCOMPARE(index.zoneOf(7), kNoEntity);
        index.unassign(8);
        QCOMPARE(index.zoneOf(8), kNoEntity);
        QVERIFY(index.assignments().count(8) == 0);
    }

    void matchesBruteForceOnRandomOverlappingZones()
    {
        QRandomGenerator rng(42);
        EntityTable<Zone> zones;
        for (EntityId id = 1; id <= 400; ++id) {
            const double x = rng.bounded(3000.0), y = rng.bounded(3000.0);
            const double w = 5.0 + rng.bounded(400.0), h = 5.0 + rng.bounded(400.0);
            Polygon p = rect(x, y, x + w, y + h);
            if (id % 3 == 0)  // some triangles, so the test is not only about boxes
                p.outer.removeLast();
            zones.put(zone(id, p));
        }
        ZoneIndex index;
        index.rebuild(zones);
        for (int i = 0; i < 20000; ++i) {
            const Vec2 p{rng.bounded(3500.0) - 250.0, rng.bounded(3500.0) - 250.0};
            QCOMPARE(index.zoneAt(p), bruteForce(zones, p));
        }
    }
};

QTEST_GUILESS_MAIN(TestZoneIndex)
#include "tst_zoneindex.moc"
