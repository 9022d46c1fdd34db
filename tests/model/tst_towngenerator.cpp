// SPDX-License-Identifier: MIT
#include "generate/TownGenerator.h"
#include "energy/ProjectWeather.h"

#include "analysis/PlanChecker.h"
#include "analysis/ZoningAnalysis.h"

#include <QSet>
#include <QtTest>

#include <cmath>

using namespace tt;

namespace {

// Geometry written out here rather than taken from model/core, so the checks do not
// share a bug with the code under test.
double ringArea(const Ring &r)
{
    double twice = 0.0;
    for (int i = 0; i < r.size(); ++i) {
        const Vec2 a = r[i], b = r[(i + 1) % r.size()];
        twice += (a.x - b.x) * (a.y + b.y);  // trapezoid rule: another form than the shoelace
    }
    return std::abs(twice) / 2.0;
}

double polygonArea(const Polygon &p)
{
    double a = ringArea(p.outer);
    for (const Ring &h : p.holes)
        a -= ringArea(h);
    return a;
}

//! Winding number, so it differs from the model's even-odd test.
bool inside(const Ring &r, Vec2 p)
{
    int winding = 0;
    for (int i = 0; i < r.size(); ++i) {
        const Vec2 a = r[i], b = r[(i + 1) % r.size()];
        const double side = (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y);
        if (a.y <= p.y && b.y > p.y && side > 0)
            ++winding;
        else if (a.y > p.y && b.y <= p.y && side < 0)
            --winding;
    }
    return winding != 0;
}

bool inside(const Polygon &p, Vec2 v)
{
    if (!inside(p.outer, v))
        return false;
    for (const Ring &h : p.holes)
        if (inside(h, v))
            return false;
    return true;
}

Vec2 vertexMean(const Ring &r)
{
    Vec2 sum;
    for (const Vec2 &v : r)
        sum = sum + v;
    return sum * (1.0 / r.size());
}

struct Box {
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    void add(Vec2 v)
    {
        minX = std::min(minX, v.x);
        minY = std::min(minY, v.y);
        maxX = std::max(maxX, v.x);
        maxY = std::max(maxY, v.y);
    }
    bool overlaps(const Box &o, double margin) const
    {
        return minX - margin < o.maxX && o.minX - margin < maxX && minY - margin < o.maxY && o.minY - margin < maxY;
    }
};

Box box(const QVector<Vec2> &points)
{
    Box b;
    for (const Vec2 &v : points)
        b.add(v);
    return b;
}

double pointSegment(Vec2 p, Vec2 a, Vec2 b)
{
    const Vec2 ab = b - a;
    const double len2 = ab.dot(ab);
    const double t = len2 > 0 ? std::clamp((p - a).dot(ab) / len2, 0.0, 1.0) : 0.0;
    return (p - (a + ab * t)).length();
}

bool segmentsCross(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    const auto orient = [](Vec2 p, Vec2 q, Vec2 r) { return (q - p).cross(r - p); };
    const double d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

double segmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    if (segmentsCross(a, b, c, d))
        return 0.0;
    return std::min({pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b)});
}

bool polygonsOverlap(const Ring &p, const Ring &q)
{
    for (int i = 0; i < p.size(); ++i)
        for (int j = 0; j < q.size(); ++j)
            if (segmentsCross(p[i], p[(i + 1) % p.size()], q[j], q[(j + 1) % q.size()]))
                return true;
    return inside(q, vertexMean(p)) || inside(p, vertexMean(q)) || inside(q, p[0]) || inside(p, q[0]);
}

const QSet<ZoneClass> kBuiltUp
    = {ZoneClass::Residential, ZoneClass::Commercial, ZoneClass::Industrial, ZoneClass::PublicService,
       ZoneClass::Green,       ZoneClass::Energy,     ZoneClass::Road};

//! The zone whose polygon holds every vertex of the footprint; nullptr when none does.
const Zone *zoneHolding(const Town &town, const Polygon &footprint)
{
    for (const Zone &z : town.zones) {
        bool all = true;
        for (const Vec2 &v : footprint.outer)
            all = all && inside(z.area, v);
        if (all)
            return &z;
    }
    return nullptr;
}

}  // namespace

class TestTownGenerator : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameTown();
    void siteIsNearZhujiajiao();
    void meetsPlanTargets_data();
    void meetsPlanTargets();
    void servicesAreWithinReach_data() { meetsPlanTargets_data(); }
    void servicesAreWithinReach();
    void buildingsDoNotOverlapEachOtherOrRoads_data() { meetsPlanTargets_data(); }
    void buildingsDoNotOverlapEachOtherOrRoads();
    void buildingsStandInZonesOnTheGround_data() { meetsPlanTargets_data(); }
    void buildingsStandInZonesOnTheGround();
    void zonesTileTheSite();
    void townHasEverythingTheBriefAsks();
    void bundledPlanCheckPasses_data() { meetsPlanTargets_data(); }
    void bundledPlanCheckPasses();
    void overviewTourVisitsTheBriefsPlaces();
};

void TestTownGenerator::overviewTourVisitsTheBriefsPlaces()
{
    const Town t = TownGenerator::generate(1);
    const Tour *tour = t.presentation.tour(QStringLiteral("Overview"));
    QVERIFY(tour);
    QCOMPARE(tour->stops.size(), 4);
    const Bounds2 site = geometry::bounds(t.site.boundary);
    // Whole site, town centre, energy station, farmland: each looks at a place inside the site, in
    // the zone the stop is named for, with every layer on and the sun up.
    const QStringList zoneOf{QString(), QStringLiteral("commercial"), QStringLiteral("energy"), QStringLiteral("agricultural")};
    for (int i = 0; i < tour->stops.size(); ++i) {
        const SavedView *v = t.presentation.view(tour->stops[i].view);
        QVERIFY2(v, qPrintable(tour->stops[i].view));
        QVERIFY(!tour->stops[i].caption.isEmpty());
        const Vec2 target{v->camera.targetX, v->camera.targetY};
        QVERIFY(site.contains(target));
        QCOMPARE(v->layers.size(), 6);
        QVERIFY(v->hour > 4000 && v->hour < 4300);
        if (zoneOf[i].isEmpty())
            continue;
        bool inZone = false;
        for (const Zone &z : t.zones)
            inZone = inZone || (zoneclass::key(z.zoneClass) == zoneOf[i] && geometry::contains(z.area, target));
        QVERIFY2(inZone, qPrintable(v->name));
    }
    // Saved and read back like any project content.
    Presentation back;
    QVERIFY(Presentation::fromJson(t.presentation.toJson(), &back).ok);
    QVERIFY(back == t.presentation);
}

void TestTownGenerator::sameSeedSameTown()
{
    const Town a = TownGenerator::generate(1), b = TownGenerator::generate(1);
    QVERIFY(a == b);
    QCOMPARE(a.nextId, b.nextId);
    // Same storage order too, so saved files list features identically.
    for (int i = 0; i < a.buildings.size(); ++i)
        QCOMPARE(a.buildings[i].id, b.buildings[i].id);

    const Town c = TownGenerator::generate(2);
    QVERIFY(!(a == c));
    QVERIFY(a.site.boundary != c.site.boundary);
    QVERIFY(a.terrain != c.terrain);
}

void TestTownGenerator::siteIsNearZhujiajiao()
{
    const Town t = TownGenerator::generate(1);
    QCOMPARE(t.site.crsName, QStringLiteral("EPSG:32651"));
    QVERIFY(t.site.crsWkt.startsWith(QLatin1String("PROJCRS[\"WGS 84 / UTM zone 51N\"")));
    QVERIFY(t.site.crsWkt.contains(QLatin1String("ID[\"EPSG\",32651]")));
    // Site centre 31.10 N 121.05 E is 314018.86 E, 3442319.67 N in UTM 51N.
    QVERIFY(std::abs(t.site.originE - 314018.86) < 100.0);
    QVERIFY(std::abs(t.site.originN - 3442319.67) < 100.0);
    QVERIFY(std::abs(t.site.latitude - 31.10) < 0.01);
    QVERIFY(std::abs(t.site.longitude - 121.05) < 0.01);
    QCOMPARE(t.site.utcOffsetHours, 8.0);
    QVERIFY(!t.site.name.isEmpty());
    QVERIFY(t.assets.isEmpty());
    // Its weather is the bundled Shanghai year, also the bundled station nearest to it; nothing else is set.
    QCOMPARE(t.settings, (QVariantMap{{ProjectWeather::kSettingKey, ProjectWeather::kShanghai}}));
    QCOMPARE(ProjectWeather::bundledNear(t.site), ProjectWeather::kShanghai);
    QVERIFY(t.rulesJson.isEmpty());
}

void TestTownGenerator::meetsPlanTargets_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 42u, 4000000000u})
        QTest::newRow(qPrintable(QString::number(seed))) << seed;
}

void TestTownGenerator::meetsPlanTargets()
{
    QFETCH(quint32, seed);
    const Town t = TownGenerator::generate(seed);
    const double site = polygonArea(t.site.boundary);
    double agricultural = 0.0, builtUp = 0.0, green = 0.0;
    for (const Zone &z : t.zones) {
        const double a = polygonArea(z.area);
        agricultural += z.zoneClass == ZoneClass::Agricultural ? a : 0.0;
        builtUp += kBuiltUp.contains(z.zoneClass) ? a : 0.0;
        green += z.zoneClass == ZoneClass::Green ? a : 0.0;
    }
    double homes = 0.0, gfa = 0.0, footprint = 0.0;
    for (const Building &b : t.buildings) {
        const double area = polygonArea(b.footprint);
        if (b.use == BuildingUse::Residential)
            homes += area * b.levels;
        const Zone *z = zoneHolding(t, b.footprint);
        QVERIFY(z);
        if (kBuiltUp.contains(z->zoneClass)) {
            gfa += area * b.levels;
            footprint += area;
        }
    }
    const double residents = homes / 40.0;
    qInfo("seed %u: site %.4f km², farmland %.4f, built-up %.4f, residents %.0f, FAR %.3f, coverage %.3f, green %.3f",
          seed, site / 1e6, agricultural / 1e6, builtUp / 1e6, residents, gfa / builtUp, footprint / builtUp,
          green / builtUp);
    QVERIFY(std::abs(site - 3.0e6) <= 0.03 * 3.0e6);
    QVERIFY(std::abs(agricultural - 2.0e6) <= 0.03 * 2.0e6);
    QVERIFY(std::abs(builtUp - 1.0e6) <= 0.05 * 1.0e6);
    QVERIFY(std::abs(residents - 30000.0) <= 0.05 * 30000.0);
    QVERIFY(gfa / builtUp >= 1.0 && gfa / builtUp <= 2.5);
    QVERIFY(footprint / builtUp <= 0.35);
    QVERIFY(green / builtUp >= 0.15);
}

void TestTownGenerator::servicesAreWithinReach()
{
    QFETCH(quint32, seed);
    const Town t = TownGenerator::generate(seed);
    QVector<Vec2> primary, health, care;
    for (const Building &b : t.buildings) {
        if (b.use == BuildingUse::School && b.name.contains(QLatin1String("Primary School")))
            primary.append(vertexMean(b.footprint.outer));
        if (b.use == BuildingUse::Hospital)
            health.append(vertexMean(b.footprint.outer));
        if (b.use == BuildingUse::ElderlyCare)
            care.append(vertexMean(b.footprint.outer));
    }
    QVERIFY(primary.size() >= 2);
    const auto nearest = [](Vec2 p, const QVector<Vec2> &to) {
        double best = INFINITY;
        for (const Vec2 &q : to)
            best = std::min(best, (p - q).length());
        return best;
    };
    int homes = 0;
    for (const Building &b : t.buildings) {
        if (b.use != BuildingUse::Residential)
            continue;
        ++homes;
        const Vec2 c = vertexMean(b.footprint.outer);
        QVERIFY2(nearest(c, primary) <= 500.0, qPrintable(b.name));
        QVERIFY2(nearest(c, health) <= 1000.0, qPrintable(b.name));
        QVERIFY2(nearest(c, care) <= 1000.0, qPrintable(b.name));
    }
    QVERIFY(homes > 50);
}

void TestTownGenerator::buildingsDoNotOverlapEachOtherOrRoads()
{
    QFETCH(quint32, seed);
    const Town t = TownGenerator::generate(seed);
    const auto &buildings = t.buildings.items();
    QVector<Box> boxes;
    for (const Building &b : buildings)
        boxes.append(box(b.footprint.outer));
    int pairsChecked = 0;
    for (size_t i = 0; i < buildings.size(); ++i) {
        for (size_t j = i + 1; j < buildings.size(); ++j) {
            if (!boxes[int(i)].overlaps(boxes[int(j)], 0.0))
                continue;
            ++pairsChecked;
            QVERIFY2(!polygonsOverlap(buildings[i].footprint.outer, buildings[j].footprint.outer),
                     qPrintable(buildings[i].name + QLatin1String(" / ") + buildings[j].name));
        }
    }
    QVERIFY(pairsChecked > 0);  // L-shaped wings reach into neighbours' boxes: the exact test ran

    for (const Road &r : t.roads) {
        QVERIFY(r.line.size() >= 2);
        Box roadBox = box(r.line);
        for (int k = 0; k < int(buildings.size()); ++k) {
            if (!boxes[k].overlaps(roadBox, r.widthM))
                continue;
            const Ring &ring = buildings[size_t(k)].footprint.outer;
            for (const Vec2 &v : r.line)
                QVERIFY(!inside(ring, v));
            for (int s = 0; s + 1 < r.line.size(); ++s)
                for (int e = 0; e < ring.size(); ++e)
                    QVERIFY2(segmentDistance(r.line[s], r.line[s + 1], ring[e], ring[(e + 1) % ring.size()])
                                 >= r.widthM / 2,
                             qPrintable(r.name + QLatin1String(" / ") + buildings[size_t(k)].name));
        }
    }
}

void TestTownGenerator::buildingsStandInZonesOnTheGround()
{
    QFETCH(quint32, seed);
    const Town t = TownGenerator::generate(seed);
    for (const Building &b : t.buildings) {
        for (const Vec2 &v : b.footprint.outer)
            QVERIFY2(inside(t.site.boundary, v), qPrintable(b.name));
        const Zone *z = zoneHolding(t, b.footprint);
        QVERIFY2(z, qPrintable(b.name));
        switch (b.use) {
        case BuildingUse::Residential: QCOMPARE(z->zoneClass, ZoneClass::Residential); break;
        case BuildingUse::Agricultural: QCOMPARE(z->zoneClass, ZoneClass::Agricultural); break;
        case BuildingUse::Energy: QCOMPARE(z->zoneClass, ZoneClass::Energy); break;
        case BuildingUse::Industrial:
        case BuildingUse::Warehouse: QCOMPARE(z->zoneClass, ZoneClass::Industrial); break;
        case BuildingUse::Hospital:
        case BuildingUse::School:
        case BuildingUse::ElderlyCare: QCOMPARE(z->zoneClass, ZoneClass::PublicService); break;
        default: QCOMPARE(z->zoneClass, ZoneClass::Commercial); break;
        }
        // On the lowest terrain point under the footprint: at or below every corner and the middle.
        QVERIFY(std::isfinite(b.groundM));
        QVector<Vec2> probes = b.footprint.outer;
        probes.append(vertexMean(b.footprint.outer));
        double lowest = INFINITY;
        for (const Vec2 &p : probes) {
            const double h = t.terrain.elevationAt(p);
            QVERIFY(b.groundM <= h + 1e-9);
            lowest = std::min(lowest, h);
        }
        QVERIFY2(lowest - b.groundM < 0.5, qPrintable(b.name));  // and not sunk below it either
        QCOMPARE(b.heightM, b.levels * buildinguse::storeyHeight(b.use));
        QVERIFY(!b.heightGuessed);
    }
}

void TestTownGenerator::zonesTileTheSite()
{
    const Town t = TownGenerator::generate(5);
    // Sample the site on an odd grid, so points never sit on the 1 m / 20 m layout lines.
    int samples = 0, uncovered = 0, doubled = 0;
    Box site = box(t.site.boundary.outer);
    for (double y = site.minY + 1.37; y < site.maxY; y += 9.71) {
        for (double x = site.minX + 2.13; x < site.maxX; x += 9.83) {
            if (!inside(t.site.boundary, Vec2{x, y}))
                continue;
            ++samples;
            int holders = 0;
            for (const Zone &z : t.zones)
                holders += inside(z.area, Vec2{x, y});
            uncovered += holders == 0;
            doubled += holders > 1;
        }
    }
    QVERIFY(samples > 25000);
    QCOMPARE(doubled, 0);
    QCOMPARE(uncovered, 0);
}

void TestTownGenerator::townHasEverythingTheBriefAsks()
{
    const Town t = TownGenerator::generate(1);
    QHash<BuildingUse, int> uses;
    QSet<QString> sourceIds;
    int lowRise = 0, highRise = 0, primarySchools = 0;
    for (const Building &b : t.buildings) {
        ++uses[b.use];
        QVERIFY(b.sourceId.startsWith(QLatin1String("GEN-")));
        sourceIds.insert(b.sourceId);
        primarySchools += b.name.endsWith(QLatin1String("Primary School"));
        if (b.use == BuildingUse::Residential) {
            QVERIFY((b.levels >= 4 && b.levels <= 6) || (b.levels >= 11 && b.levels <= 18));
            (b.levels <= 6 ? lowRise : highRise)++;
            const Box bb = box(b.footprint.outer);
            if (b.footprint.outer.size() == 4) {  // slabs; the L-shaped ends are wider overall
                QVERIFY(std::min(bb.maxX - bb.minX, bb.maxY - bb.minY) >= 12.0);
                QVERIFY(std::min(bb.maxX - bb.minX, bb.maxY - bb.minY) <= 20.0);
            }
        }
    }
    QCOMPARE(sourceIds.size(), t.buildings.size());
    QVERIFY(lowRise > 5 && highRise > 50);
    QCOMPARE(primarySchools, 2);
    for (BuildingUse use : {BuildingUse::Retail, BuildingUse::Office, BuildingUse::Hospital, BuildingUse::School,
                            BuildingUse::ElderlyCare, BuildingUse::Industrial, BuildingUse::Warehouse, BuildingUse::Lab,
                            BuildingUse::Energy, BuildingUse::Agricultural})
        QVERIFY2(uses.value(use) > 0, qPrintable(buildinguse::key(use)));

    QHash<ZoneClass, int> zones;
    for (const Zone &z : t.zones)
        ++zones[z.zoneClass];
    QVERIFY(zones.value(ZoneClass::Agricultural) >= 30);  // many parcels, not one field
    for (ZoneClass c : {ZoneClass::Residential, ZoneClass::Commercial, ZoneClass::Industrial, ZoneClass::PublicService,
                        ZoneClass::Green, ZoneClass::Water, ZoneClass::Energy, ZoneClass::Road})
        QVERIFY2(zones.value(c) > 0, qPrintable(zoneclass::key(c)));

    QSet<QString> roadClasses;
    for (const Road &r : t.roads)
        roadClasses.insert(r.roadClass);
    for (const char *c : {"primary", "secondary", "residential", "track"})
        QVERIFY2(roadClasses.contains(QLatin1String(c)), c);

    // Gently rolling delta plain with a river valley: a few metres of relief between 1 and 8 m.
    QVERIFY(!t.terrain.isEmpty());
    QCOMPARE(t.terrain.cellSize(), 10.0);
    QCOMPARE(t.terrain.noDataCount(), 0);
    QVERIFY(t.terrain.minElevation() >= 1.0 && t.terrain.maxElevation() <= 8.0);
    QVERIFY(t.terrain.maxElevation() - t.terrain.minElevation() >= 2.0);
    const Box site = box(t.site.boundary.outer);
    QVERIFY(t.terrain.covers(Vec2{site.minX, site.minY}) && t.terrain.covers(Vec2{site.maxX, site.maxY}));
    for (const Zone &z : t.zones) {
        if (z.zoneClass != ZoneClass::Water)
            continue;
        // The river runs in the valley: lower than the land 150 m away.
        const Vec2 c = vertexMean(z.area.outer);
        QVERIFY(t.terrain.elevationAt(c) < t.terrain.elevationAt(c + Vec2{0, 150}));
    }
}

void TestTownGenerator::bundledPlanCheckPasses()
{
    QFETCH(quint32, seed);
    const Town t = TownGenerator::generate(seed);
    PlanRules rules;
    QVERIFY(PlanRules::forTown(t, &rules).ok);
    const PlanCheck check = PlanChecker::check(rules, computeKpis(t).metrics());
    QVERIFY2(check.status.ok, qPrintable(check.status.message));
    for (const PlanCheckResult &r : check.results)
        QVERIFY2(r.status == RuleStatus::Pass,
                 qPrintable(QStringLiteral("%1: %2 (target %3)").arg(r.id).arg(r.value).arg(r.target)));
}

QTEST_GUILESS_MAIN(TestTownGenerator)
#include "tst_towngenerator.moc"
