// SPDX-License-Identifier: MIT
// The incremental engine against the full recompute: after every edit of a
// scripted session (add, modify, move, re-use, remove, undo, redo, zones,
// roads, settings) the engine's report must equal computeKpis() of the
// document's town, figure for figure.
#include "analysis/ZoningKpiEngine.h"
#include "core/Document.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace tt;

namespace {
Polygon rect(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// 4 × 4 blocks of 200 m between a grid of roads, a farmland strip to the east,
// nine buildings per block; services in a few blocks.
Town gridTown()
{
    Town town;
    town.site.boundary = rect(0, 0, 1200, 800);
    EntityId id = 1;
    for (int i = 0; i <= 4; ++i) {
        Road h;
        h.id = id++;
        h.line = {{0, i * 200.0}, {800, i * 200.0}};
        town.roads.put(h);
        Road v;
        v.id = id++;
        v.line = {{i * 200.0, 0}, {i * 200.0, 800}};
        town.roads.put(v);
    }
    Zone farm;
    farm.id = id++;
    farm.zoneClass = ZoneClass::Agricultural;
    farm.area = rect(800, 0, 1200, 800);
    town.zones.put(farm);
    const BuildingUse special[] = {BuildingUse::School, BuildingUse::Hospital, BuildingUse::ElderlyCare,
                                   BuildingUse::Retail};
    for (int bx = 0; bx < 4; ++bx) {
        for (int by = 0; by < 4; ++by) {
            const double x0 = bx * 200.0, y0 = by * 200.0;
            Zone z;
            z.id = id++;
            z.zoneClass = (bx + by) % 5 == 4 ? ZoneClass::Green : ZoneClass::Residential;
            z.area = rect(x0 + 10, y0 + 10, x0 + 190, y0 + 190);
            town.zones.put(z);
            if (z.zoneClass == ZoneClass::Green)
                continue;
            for (int k = 0; k < 9; ++k) {
                Building b;
                b.id = id++;
                b.use = BuildingUse::Residential;
                if (k == 4 && (bx * 4 + by) % 3 == 0)
                    b.use = special[(bx + by) % 4];
                b.levels = 3 + (k + bx + by) % 6;
                const double x = x0 + 30 + (k % 3) * 50, y = y0 + 30 + (k / 3) * 50;
                b.footprint = rect(x, y, x + 25, y + 20);
                town.buildings.put(b);
            }
        }
    }
    town.nextId = id;
    return town;
}

bool sameJson(const QJsonValue &a, const QJsonValue &b, const QString &path, QString *where)
{
    if (a.type() != b.type()) {
        *where = path + QStringLiteral(": type differs");
        return false;
    }
    if (a.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        if (std::abs(x - y) > 1e-9 * std::max({1.0, std::abs(x), std::abs(y)})) {
            *where = path + QStringLiteral(": %1 != %2").arg(x, 0, 'g', 17).arg(y, 0, 'g', 17);
            return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys()) {
            *where = path + QStringLiteral(": keys differ");
            return false;
        }
        for (auto it = x.begin(); it != x.end(); ++it)
            if (!sameJson(it.value(), y.value(it.key()), path + QLatin1Char('.') + it.key(), where))
                return false;
        return true;
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size()) {
            *where = path + QStringLiteral(": sizes differ");
            return false;
        }
        for (int i = 0; i < x.size(); ++i)
            if (!sameJson(x[i], y[i], path + QStringLiteral("[%1]").arg(i), where))
                return false;
        return true;
    }
    if (a != b) {
        *where = path + QStringLiteral(": values differ");
        return false;
    }
    return true;
}
} // namespace

class TestZoningKpiEngine : public QObject {
    Q_OBJECT

    Document *m_doc = nullptr;
    ZoningKpiEngine *m_engine = nullptr;
    QSignalSpy *m_spy = nullptr;
    QJsonObject m_previous;

    //! The engine's report equals the full recompute, was emitted, and (when expected) changed.
    void verifyStep(const char *step, bool expectChange = true)
    {
        const QJsonObject incremental = m_engine->report().toJson();
        const QJsonObject full = computeKpis(m_doc->town()).toJson();
        QString where;
        QVERIFY2(sameJson(incremental, full, QString::fromLatin1(step), &where), qPrintable(where));
        QVERIFY2(!m_spy->isEmpty(), step);
        const QJsonObject emitted = m_spy->last().at(0).value<KpiReport>().toJson();
        QVERIFY2(sameJson(emitted, incremental, QString::fromLatin1(step), &where), qPrintable(where));
        if (expectChange)
            QVERIFY2(!sameJson(incremental, m_previous, QString(), &where), step);
        m_previous = incremental;
        m_spy->clear();
    }

    const Building &building(EntityId id) { return *m_doc->town().buildings.find(id); }

    EntityId firstOfUse(BuildingUse use)
    {
        EntityId best = kNoEntity;
        for (const Building &b : m_doc->town().buildings)
            if (b.use == use && (best == kNoEntity || b.id < best))
                best = b.id;
        return best;
    }

private slots:
    void init()
    {
        qRegisterMetaType<KpiReport>("tt::KpiReport");
        m_doc = new Document(this);
        m_engine = new ZoningKpiEngine(m_doc, this);
        m_spy = new QSignalSpy(m_engine, &ZoningKpiEngine::kpisChanged);
        m_previous = m_engine->report().toJson();
    }

    void cleanup()
    {
        delete m_spy;
        delete m_engine;
        delete m_doc;
    }

    void incrementalEqualsFullRecompute()
    {
        m_doc->replaceTown(gridTown(), "generate");
        verifyStep("replace town");
        const KpiReport start = m_engine->report();
        QVERIFY(start.serviceReach.alongRoads);
        QVERIFY(start.landUse.buildings > 100);
        QVERIFY(start.serviceReach.services[int(ServiceType::PrimarySchool)].providers > 0);

        Building added;
        added.use = BuildingUse::Residential;
        added.levels = 20;
        added.footprint = rect(230, 230, 260, 250);
        const EntityId addedId = m_doc->addEntities(EntityBatch{{added}, {}, {}, {}, {}, {}}, "add").first();
        verifyStep("add building");
        QVERIFY(m_engine->zoneOf(addedId) != kNoEntity);

        Building taller = building(addedId);
        taller.levels = 30;
        QVERIFY(m_doc->modifyEntities(EntityBatch{{taller}, {}, {}, {}, {}, {}}, "levels").ok);
        verifyStep("modify levels");

        // Move the school across town: its zone, its road access and every home's school distance change.
        const EntityId school = firstOfUse(BuildingUse::School);
        QVERIFY(school != kNoEntity);
        const EntityId zoneBefore = m_engine->zoneOf(school);
        Building moved = building(school);
        moved.footprint = geometry::translated(moved.footprint, {600, 400});
        QVERIFY(m_doc->modifyEntities(EntityBatch{{moved}, {}, {}, {}, {}, {}}, "move", 1).ok);
        verifyStep("move school");
        QVERIFY(m_engine->zoneOf(school) != zoneBefore);
        QCOMPARE(m_engine->zoneOf(school), m_engine->analysis().zoneOf(school));

        // Drag it a bit further: merged into the same undo step.
        moved.footprint = geometry::translated(moved.footprint, {5, 5});
        QVERIFY(m_doc->modifyEntities(EntityBatch{{moved}, {}, {}, {}, {}, {}}, "move", 1).ok);
        verifyStep("drag school");

        Building reused = building(addedId);
        reused.use = BuildingUse::Hospital;
        QVERIFY(m_doc->modifyEntities(EntityBatch{{reused}, {}, {}, {}, {}, {}}, "re-use").ok);
        verifyStep("homes become a hospital");

        // Move a building out of every zone onto the farmland edge and beyond the roads.
        Building stray = building(firstOfUse(BuildingUse::Residential));
        stray.footprint = rect(1300, 900, 1320, 920);
        QVERIFY(m_doc->modifyEntities(EntityBatch{{stray}, {}, {}, {}, {}, {}}, "stray").ok);
        verifyStep("move out of every zone");
        QCOMPARE(m_engine->report().landUse.unzonedBuildings, 1);

        QVERIFY(m_doc->removeEntities({firstOfUse(BuildingUse::ElderlyCare)}, "remove").ok);
        verifyStep("remove elderly care");

        const int steps = m_doc->undoStack()->count();
        for (const char *step : {"undo remove", "undo stray", "undo re-use", "undo move"}) {
            m_doc->undoStack()->undo();
            verifyStep(step);
        }
        for (const char *step : {"redo move", "redo re-use"}) {
            m_doc->undoStack()->redo();
            verifyStep(step);
        }
        QCOMPARE(m_doc->undoStack()->count(), steps);

        Zone park;
        park.zoneClass = ZoneClass::Green;
        park.area = rect(810, 10, 1000, 200);  // a park cut out of the farmland
        const EntityId parkId = m_doc->addEntities(EntityBatch{{}, {park}, {}, {}, {}, {}}, "park").first();
        verifyStep("add park");

        Zone bigger = *m_doc->town().zones.find(parkId);
        bigger.area = rect(810, 10, 1100, 400);
        QVERIFY(m_doc->modifyEntities(EntityBatch{{}, {bigger}, {}, {}, {}, {}}, "grow park").ok);
        verifyStep("grow park");

        Road spur;
        spur.line = {{800, 100}, {1100, 100}};
        const EntityId spurId = m_doc->addEntities(EntityBatch{{}, {}, {spur}, {}, {}, {}}, "road").first();
        verifyStep("add road", false);  // a farm track: same graph for every home's nearest provider
        // Without the north-south streets, homes walk around the blocks: reach drops.
        QVector<EntityId> streets;
        for (const Road &r : m_doc->town().roads)
            if (r.line.first().x == r.line.last().x && r.line.first().x > 0)
                streets.append(r.id);
        QCOMPARE(streets.size(), 4);
        QVERIFY(m_doc->removeEntities(streets, "remove streets").ok);
        verifyStep("remove streets");
        m_doc->undoStack()->undo();
        verifyStep("undo remove streets");
        QVERIFY(m_doc->removeEntities({spurId, parkId}, "remove road and park").ok);
        verifyStep("remove road and park");

        QVariantMap settings;
        settings.insert(ZoningSettings::radiusKey(ServiceType::PrimarySchool), 250.0);
        settings.insert("residential_m2_per_person", 35.0);
        m_doc->setSettings(settings, QString(), "settings");
        verifyStep("settings");
        m_doc->undoStack()->undo();
        verifyStep("undo settings");

        EnergyAsset battery;
        battery.position = {100, 100};
        m_doc->addEntities(EntityBatch{{}, {}, {}, {battery}, {}, {}}, "battery");
        QVERIFY(m_spy->isEmpty());  // energy equipment leaves the zoning KPIs alone
    }
};

QTEST_GUILESS_MAIN(TestZoningKpiEngine)
#include "tst_zoningkpiengine.moc"
