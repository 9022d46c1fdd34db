// SPDX-License-Identifier: MIT
// The document model without a GUI: every edit is one undo step, drags with
// one merge id are one step, undo and redo restore exact states, a cancelled
// drag withdraws only its own step; and the entity rules of model/edit.
#include "core/Document.h"
#include "edit/EntityEdit.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace tt;

namespace {

Polygon square(double x, double y, double side)
{
    return Polygon{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}}, {}};
}

Town smallTown()
{
    Town town;
    town.terrain = Terrain::flat(Bounds2{-500, -500, 500, 500}, 12.0);
    Building b;
    b.id = town.allocateId();
    b.use = BuildingUse::Residential;
    entityedit::setStoreys(&b, 6);
    b.footprint = square(0, 0, 20);
    entityedit::reseat(&b, town.terrain);
    town.buildings.put(b);
    return town;
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void editsUndoAndRedoExactly()
    {
        Document doc;
        doc.resetTown(smallTown());
        const Town start = doc.town();
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());

        EntityBatch added;
        Building shop;
        shop.use = BuildingUse::Retail;
        shop.footprint = square(100, 0, 30);
        added.buildings.append(shop);
        const QVector<EntityId> ids = doc.addEntities(added, QStringLiteral("Draw building"));
        QCOMPARE(ids.size(), 1);
        QVERIFY(doc.town().buildings.find(ids[0]));
        QVERIFY(doc.isModified());

        Building renamed = *doc.town().buildings.find(ids[0]);
        renamed.name = QStringLiteral("东门商店");
        QVERIFY(doc.modifyEntities(EntityBatch{{renamed}, {}, {}, {}, {}, {}}, QStringLiteral("Rename")).ok);
        const Town edited = doc.town();
        QCOMPARE(doc.undoStack()->count(), 2);

        doc.undoStack()->undo();
        QCOMPARE(doc.town().buildings.find(ids[0])->name, QString());
        doc.undoStack()->undo();
        QVERIFY(!doc.town().buildings.find(ids[0]));
        QVERIFY(doc.town() == start);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QVERIFY(doc.town() == edited);
    }

    void dragStepsMergeIntoOne()
    {
        Document doc;
        doc.resetTown(smallTown());
        const EntityId id = doc.town().buildings.begin()->id;
        const double x0 = doc.town().buildings.find(id)->footprint.outer[0].x;
        QSignalSpy changed(&doc, &Document::entitiesChanged);
        for (int step = 1; step <= 5; ++step) {
            Building moved = *doc.town().buildings.find(id);
            moved.footprint = square(x0 + step, 0, 20);
            QVERIFY(doc.modifyEntities(EntityBatch{{moved}, {}, {}, {}, {}, {}}, QStringLiteral("Move"), 4242).ok);
        }
        QCOMPARE(changed.count(), 5);  // every step shows at once
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.town().buildings.find(id)->footprint.outer[0].x, x0 + 5);
        // Another merge id is another step.
        Building other = *doc.town().buildings.find(id);
        other.footprint = square(x0 + 50, 0, 20);
        QVERIFY(doc.modifyEntities(EntityBatch{{other}, {}, {}, {}, {}, {}}, QStringLiteral("Move"), 4243).ok);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.town().buildings.find(id)->footprint.outer[0].x, x0);
    }

    void withdrawTakesBackOnlyItsOwnStep()
    {
        Document doc;
        doc.resetTown(smallTown());
        const EntityId id = doc.town().buildings.begin()->id;
        Building renamed = *doc.town().buildings.find(id);
        renamed.name = QStringLiteral("A");
        QVERIFY(doc.modifyEntities(EntityBatch{{renamed}, {}, {}, {}, {}, {}}, QStringLiteral("Rename")).ok);
        // A drag that never applied anything: the newest step is the rename, which stays.
        QVERIFY(!doc.withdrawEdit(777));
        QCOMPARE(doc.town().buildings.find(id)->name, QStringLiteral("A"));
        QCOMPARE(doc.undoStack()->index(), 1);
        // A drag that did: withdrawn, the rename before it kept.
        Building moved = *doc.town().buildings.find(id);
        moved.footprint = square(40, 40, 20);
        QVERIFY(doc.modifyEntities(EntityBatch{{moved}, {}, {}, {}, {}, {}}, QStringLiteral("Move"), 777).ok);
        QVERIFY(doc.withdrawEdit(777));
        QCOMPARE(doc.town().buildings.find(id)->footprint.outer[0].x, 0.0);
        QCOMPARE(doc.town().buildings.find(id)->name, QStringLiteral("A"));
        QCOMPARE(doc.undoStack()->index(), 1);
    }

    void unknownIdsAreRefusedByName()
    {
        Document doc;
        doc.resetTown(smallTown());
        const Town start = doc.town();
        const EntityId home = start.buildings[0].id;

        // A building that was deleted meanwhile, beside one that exists: nothing changes.
        Building kept = start.buildings[0];
        kept.levels = 9;
        Building gone = kept;
        gone.id = 999;
        const Status stale = doc.modifyEntities(EntityBatch{{kept, gone}, {}, {}, {}, {}, {}}, QStringLiteral("Add storeys"));
        QVERIFY(!stale.ok);
        QVERIFY2(stale.message.contains(QLatin1String("Add storeys")) && stale.message.contains(QLatin1String("building 999"))
                     && !stale.message.contains(QString::number(home)),
                 qPrintable(stale.message));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.town() == start);

        // An id of the wrong kind: the building's id given as a zone.
        Zone posing;
        posing.id = home;
        posing.area = square(0, 0, 50);
        const Status wrongKind = doc.modifyEntities(EntityBatch{{}, {posing}, {}, {}, {}, {}}, QStringLiteral("Grow zone"));
        QVERIFY2(!wrongKind.ok && wrongKind.message.contains(QStringLiteral("zone %1").arg(home)),
                 qPrintable(wrongKind.message));
        QVERIFY(doc.town() == start);

        const Status removal = doc.removeEntities({home, 4711}, QStringLiteral("Delete 2 entities"));
        QVERIFY2(!removal.ok && removal.message.contains(QLatin1String("entity 4711")), qPrintable(removal.message));
        QVERIFY(doc.town().buildings.find(home));
        QCOMPARE(doc.undoStack()->count(), 0);

        // An empty edit is no undo step.
        QVERIFY(doc.modifyEntities(EntityBatch{}, QStringLiteral("Nothing")).ok);
        QVERIFY(doc.removeEntities({}, QStringLiteral("Nothing")).ok);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void storeysSetTheHeight()
    {
        Building b;
        b.use = BuildingUse::Office;
        b.heightGuessed = true;
        entityedit::setStoreys(&b, 10);
        QCOMPARE(b.levels, 10.0);
        QCOMPARE(b.heightM, 10 * buildinguse::storeyHeight(BuildingUse::Office));
        QVERIFY(!b.heightGuessed);
    }

    void outlinesAreCheckedAndReseated()
    {
        Town town = smallTown();
        // A terrain sloping up to the east: the moved building takes the ground under it.
        town.terrain = Terrain::flat(Bounds2{-500, -500, 500, 500}, 0.0);
        for (int r = 0; r < town.terrain.rows(); ++r)
            for (int c = 0; c < town.terrain.columns(); ++c)
                town.terrain.setSample(c, r, float(c * town.terrain.cellSize() * 0.1));
        const EntityId id = town.buildings.begin()->id;
        EntityBatch out;
        const Ring east{{200, 0}, {220, 0}, {220, 20}, {200, 20}};
        QVERIFY(entityedit::setOuterRing(town, id, east, &out).ok);
        QCOMPARE(out.buildings.size(), 1);
        QVERIFY2(out.buildings[0].groundM > 65.0, qPrintable(QString::number(out.buildings[0].groundM)));

        const Ring crossed{{0, 0}, {20, 20}, {20, 0}, {0, 20}};
        const Status refused = entityedit::setOuterRing(town, id, crossed, &out);
        QVERIFY(!refused.ok);
        QVERIFY(out.isEmpty());
        QVERIFY(!entityedit::setOuterRing(town, 999, east, &out).ok);

        const Bounds2 box = entityedit::bounds(town, {id});
        QCOMPARE(box.minX, 0.0);
        QCOMPARE(box.maxX, 20.0);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
