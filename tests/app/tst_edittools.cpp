// SPDX-License-Identifier: MIT
// The editing tools driven as a planner drives them: QTest mouse and key
// events on the real 3D viewport of the main window (under Xvfb), on the
// generated sample town. After every step the document is compared with the
// expected state; then every step is undone and redone, and the town must
// equal the snapshot taken at that point each time.
#include "GuiTestMain.h"
#include "PlannerDriver.h"
#include "analysis/ZoningAnalysis.h"
#include "gui/BuildingEditor.h"
#include "gui/ZoningKpiPanel.h"
#include "gui/MessagePanel.h"
#include "gui/PropertiesPanel.h"
#include "gui/tools/DrawTool.h"
#include "gui/tools/Selection.h"

#include <QDoubleSpinBox>
#include <QUndoStack>

using namespace tt;

namespace {
Vec2 shifted(Vec2 p, Vec2 d)
{
    return p + d;
}
} // namespace

class TestEditTools : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PlannerDriver m_planner;
    MainWindow *m_window = nullptr;
    QVector<Town> m_snapshots;  //!< the town before step 1, after step 1, after step 2, ...
    Vec2 m_farm{qQNaN(), qQNaN()};  //!< free farmland where the drawing steps work, zoomed in
    EntityId m_schoolId = kNoEntity;  //!< drawn by drawBuildingByClicks
    EntityId m_copyId = kNoEntity;

    Document *doc() const { return m_planner.doc(); }
    ViewportWidget *view() const { return m_planner.view(); }
    QPoint roofOf(EntityId id) const { return m_planner.roofOf(id); }
    QPoint groundOf(Vec2 p) const { return m_planner.groundOf(p); }
    void snapshot() { m_snapshots.append(doc()->town()); }
    void useTool(const QString &name) { QVERIFY(m_planner.useTool(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_planner.start(m_dir));
        m_window = m_planner.window.get();
        snapshot();
    }

    void clickSelectsAndShiftClickAdds()
    {
        useTool(QStringLiteral("Select"));
        const EntityId a = m_planner.visibleBuilding(BuildingUse::Residential);
        const EntityId b = m_planner.visibleBuilding(BuildingUse::Residential, a);
        QVERIFY(a != kNoEntity && b != kNoEntity);
        QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, roofOf(a));
        QCOMPARE(m_window->selection()->ids(), QVector<EntityId>{a});
        QTest::mouseClick(view(), Qt::LeftButton, Qt::ShiftModifier, roofOf(b));
        QCOMPARE(m_window->selection()->ids(), (QVector<EntityId>{a, b}));
        QCOMPARE(doc()->undoStack()->count(), 0);  // selecting is not an edit
    }

    void flyToSelectionFramesIt()
    {
        QAction *fly = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == QLatin1String("&Fly to selection"))
                fly = a;
        QVERIFY(fly);
        const Vec2 c = geometry::centroid(doc()->town().buildings.find(m_window->selection()->ids().first())->footprint);
        const double before = (Vec2{m_planner.view()->camera()->pose().target.x(), m_planner.view()->camera()->pose().target.y()} - c).length();
        fly->trigger();
        QTRY_VERIFY_WITH_TIMEOUT((Vec2{m_planner.view()->camera()->pose().target.x(),
                                       m_planner.view()->camera()->pose().target.y()} - c).length() < before * 0.5, 3000);
        QVERIFY(m_planner.waitForFrame());
        QCOMPARE(doc()->undoStack()->count(), 0);  // looking is not an edit
    }

    void dragMovesTheSelectionAsOneStep()
    {
        useTool(QStringLiteral("Move"));
        const QVector<EntityId> ids = m_window->selection()->ids();
        const Town before = doc()->town();
        const QPoint start = roofOf(ids.first());
        m_planner.drag(start, start + QPoint(40, 15));
        QCOMPARE(doc()->undoStack()->count(), 1);
        // Both buildings moved by one and the same shift, and stand on the ground there.
        const Building *a0 = before.buildings.find(ids[0]), *a1 = doc()->town().buildings.find(ids[0]);
        const Building *b0 = before.buildings.find(ids[1]), *b1 = doc()->town().buildings.find(ids[1]);
        const Vec2 d = a1->footprint.outer[0] - a0->footprint.outer[0];
        QVERIFY2(d.length() > 1.0, "the drag did not move the building");
        for (int i = 0; i < b0->footprint.outer.size(); ++i) {
            QVERIFY((b1->footprint.outer[i] - shifted(b0->footprint.outer[i], d)).length() < 1e-6);
        }
        QCOMPARE(a1->groundM, doc()->town().terrain.groundUnder(a1->footprint));
        QCOMPARE(a1->heightM, a0->heightM);
        snapshot();
    }

    void escapeWithdrawsOnlyTheDrag()
    {
        // Esc in the middle of a second drag: the town is back where that drag began,
        // and the first drag's step is still there to undo.
        const QVector<EntityId> ids = m_window->selection()->ids();
        const Town before = doc()->town();
        const QPoint start = roofOf(ids.first());
        QTest::mousePress(view(), Qt::LeftButton, Qt::NoModifier, start);
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(view(), start + QPoint(0, 10 * i));
        QVERIFY2(!(doc()->town() == before), "the drag did not move anything");
        QCOMPARE(doc()->undoStack()->index(), 2);
        QTest::keyClick(view(), Qt::Key_Escape);
        QTest::mouseRelease(view(), Qt::LeftButton, Qt::NoModifier, start + QPoint(0, 40));
        QVERIFY(doc()->town() == before);
        QCOMPARE(doc()->undoStack()->index(), 1);
        QCOMPARE(doc()->undoStack()->text(0), doc()->undoStack()->undoText());
        // Esc with nothing dragged leaves the first drag alone.
        QTest::keyClick(view(), Qt::Key_Escape);
        QVERIFY(doc()->town() == before);
        QCOMPARE(doc()->undoStack()->index(), 1);
    }

    void arrowKeysNudgeAndMerge()
    {
        const QVector<EntityId> ids = m_window->selection()->ids();
        const Town before = doc()->town();
        QTest::keyClick(view(), Qt::Key_Right);
        QTest::keyClick(view(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(doc()->undoStack()->count(), 2);  // two presses, one step
        const Vec2 d = doc()->town().buildings.find(ids[0])->footprint.outer[0] - before.buildings.find(ids[0])->footprint.outer[0];
        QVERIFY(qAbs(d.x - 11.0) < 1e-9 && qAbs(d.y) < 1e-9);
        snapshot();
    }

    void propertiesEditChangesManyAtOnce()
    {
        const QVector<EntityId> ids = m_window->selection()->ids();
        const double residentsBefore = computeKpis(doc()->town()).capacity.residents;
        EntityBatch before = doc()->entities(ids);
        // Storeys through the properties dock's editor: one step for both buildings.
        QDoubleSpinBox *box = m_window->propertiesPanel()->editor()->levelsBox();
        QVERIFY(box && box->isVisible());
        box->setValue(before.buildings[0].levels + 2);
        QCOMPARE(doc()->undoStack()->count(), 3);
        for (const EntityId id : ids) {
            const Building *b = doc()->town().buildings.find(id);
            QCOMPARE(b->levels, before.buildings[0].levels + 2);
            QCOMPARE(b->heightM, b->levels * buildinguse::storeyHeight(b->use));
        }
        QTRY_VERIFY(computeKpis(doc()->town()).capacity.residents > residentsBefore);
        QTRY_COMPARE(m_window->zoningKpiPanel()->cardText(QStringLiteral("residents")),
                     QLocale().toString(qRound(computeKpis(doc()->town()).capacity.residents)));
        snapshot();
    }

    void deleteKeyDeletes()
    {
        const QVector<EntityId> ids = m_window->selection()->ids();
        QTest::keyClick(view(), Qt::Key_Delete);
        for (const EntityId id : ids)
            QVERIFY(!doc()->town().buildings.find(id));
        QVERIFY(m_window->selection()->isEmpty());
        snapshot();
    }

    void drawBuildingByClicks()
    {
        useTool(QStringLiteral("Draw building"));
        m_window->toolOptions().use = BuildingUse::School;
        m_window->toolOptions().levels = 3;
        QVERIFY(m_planner.zoomTo(geometry::centroid(doc()->town().site.boundary), 1500.0));
        m_farm = m_planner.freeFarmland();
        const Vec2 c = m_farm;
        QVERIFY2(!std::isnan(c.x), "no free farmland in view");
        QVERIFY(m_planner.zoomTo(c, 120.0));
        const QVector<Vec2> corners{c + Vec2{-20, -15}, c + Vec2{20, -15}, c + Vec2{20, 15}, c + Vec2{-20, 15}};
        const int before = doc()->town().buildings.size();
        for (const Vec2 &p : corners)
            QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, groundOf(p));
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(doc()->town().buildings.size(), before + 1);
        QCOMPARE(m_window->selection()->ids().size(), 1);
        const Building *b = doc()->town().buildings.find(m_window->selection()->ids().first());
        QCOMPARE(b->use, BuildingUse::School);
        m_schoolId = b->id;
        QCOMPARE(b->levels, 3.0);
        QCOMPARE(b->footprint.outer.size(), 4);
        // Clicked through the camera: each corner within a metre of the intended one.
        QVERIFY2(qAbs(b->footprintArea() - 1200.0) < 60.0, qPrintable(QString::number(b->footprintArea())));
        QVERIFY(geometry::signedArea(b->footprint.outer) > 0.0);
        QCOMPARE(b->groundM, doc()->town().terrain.groundUnder(b->footprint));
        snapshot();
    }

    void invalidOutlineIsRefusedWhole()
    {
        const Vec2 c = m_farm + Vec2{0, -40};
        const int messages = m_window->messages()->messageCount();
        const Town before = doc()->town();
        // A bow tie: the outline crosses itself.
        for (const Vec2 &p : {c + Vec2{-20, -60}, c + Vec2{20, 0}, c + Vec2{20, -60}, c + Vec2{-20, 0}})
            QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, groundOf(p));
        QTest::keyClick(view(), Qt::Key_Return);
        QVERIFY(doc()->town() == before);
        QCOMPARE(m_window->messages()->messageCount(), messages + 1);
        QVERIFY2(m_window->messages()->messageText(0).contains(QLatin1String("crosses itself")),
                 qPrintable(m_window->messages()->messageText(0)));
    }

    void escCancelsADrawing()
    {
        QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, groundOf(m_farm + Vec2{50, 50}));
        auto *draw = qobject_cast<DrawTool *>(m_window->tools()->activeTool());
        QCOMPARE(draw->corners().size(), 1);
        QTest::keyClick(view(), Qt::Key_Escape);
        QVERIFY(draw->corners().isEmpty());
        QCOMPARE(m_window->tools()->activeTool(), draw);  // the first Esc drops the outline only
        QTest::keyClick(view(), Qt::Key_Escape);
        QCOMPARE(m_window->tools()->activeTool()->name(), QStringLiteral("Select"));
    }

    void placeABattery()
    {
        useTool(QStringLiteral("Place energy asset"));
        m_window->toolOptions().assetType = EnergyAssetType::Battery;
        const Vec2 c = m_farm + Vec2{0, 60};
        const int before = doc()->town().assets.size();
        QTest::mouseClick(view(), Qt::LeftButton, Qt::NoModifier, groundOf(c));
        QCOMPARE(doc()->town().assets.size(), before + 1);
        const EnergyAsset *a = doc()->town().assets.find(m_window->selection()->ids().first());
        QVERIFY(a);
        QCOMPARE(a->type, EnergyAssetType::Battery);
        QVERIFY((a->position - c).length() < 3.0);
        snapshot();
    }

    void boxSelectThenDuplicate()
    {
        useTool(QStringLiteral("Select"));
        m_window->selection()->clear();
        const EntityId school = m_schoolId;
        const Building *b = doc()->town().buildings.find(school);
        QVERIFY2(b, "the school of the drawing step is missing");
        const QRect box = QRect(roofOf(school), roofOf(school)).adjusted(-60, -60, 60, 60);
        m_planner.drag(box.topLeft(), box.bottomRight(), Qt::ShiftModifier);
        QVERIFY(m_window->selection()->contains(school));
        m_window->selection()->set({school});
        const int count = doc()->town().buildings.size();
        QTest::keyClick(view(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc()->town().buildings.size(), count + 1);
        const Building *copy = doc()->town().buildings.find(m_window->selection()->ids().value(0));
        QVERIFY(copy && copy->id != school);
        QCOMPARE(copy->use, b->use);
        QVERIFY(qAbs(copy->footprintArea() - b->footprintArea()) < 1e-6);
        m_copyId = copy->id;
        snapshot();
    }

    void rotateSnapsAndKeepsShape()
    {
        useTool(QStringLiteral("Rotate"));
        m_window->toolOptions().snap = true;
        QVERIFY2(doc()->town().buildings.find(m_copyId), "the duplicate of the step before is missing");
        const Building before = *doc()->town().buildings.find(m_copyId);
        const QPoint start = roofOf(m_copyId) + QPoint(6, 0);
        m_planner.drag(start, start + QPoint(-10, -40));
        m_window->toolOptions().snap = false;
        const Building *after = doc()->town().buildings.find(m_copyId);
        QVERIFY(after->footprint != before.footprint);
        QVERIFY(qAbs(after->footprintArea() - before.footprintArea()) < 1e-6);
        // A rigid turn about the centre of the footprint's bounds: every corner keeps its distance to it.
        const Vec2 pivot = geometry::bounds(before.footprint).center();
        for (int i = 0; i < before.footprint.outer.size(); ++i)
            QVERIFY(qAbs((after->footprint.outer[i] - pivot).length() - (before.footprint.outer[i] - pivot).length()) < 1e-6);
        snapshot();
    }

    void dragACorner()
    {
        useTool(QStringLiteral("Edit corners"));
        m_window->selection()->set({m_copyId});
        QVERIFY2(doc()->town().buildings.find(m_copyId), "the duplicate of the step before is missing");
        const Building before = *doc()->town().buildings.find(m_copyId);
        const QPoint corner = groundOf(before.footprint.outer[0]);
        m_planner.drag(corner, corner + QPoint(-15, 15));
        const Building *after = doc()->town().buildings.find(m_copyId);
        QVERIFY((after->footprint.outer[0] - before.footprint.outer[0]).length() > 1.0);
        for (int i = 1; i < before.footprint.outer.size(); ++i)
            QCOMPARE(after->footprint.outer[i], before.footprint.outer[i]);
        snapshot();
    }

    void doubleClickAddsAndRemovesCorners()
    {
        QVERIFY2(doc()->town().buildings.find(m_copyId), "the duplicate of the step before is missing");
        const Building before = *doc()->town().buildings.find(m_copyId);
        const int corners = before.footprint.outer.size();
        const Vec2 a = before.footprint.outer[1], b = before.footprint.outer[2];
        const double ground = before.groundM;
        const QPoint middle = m_planner.screenOf((a + b) * 0.5, ground);
        QTest::mouseDClick(view(), Qt::LeftButton, Qt::NoModifier, middle);
        const Building *added = doc()->town().buildings.find(m_copyId);
        QCOMPARE(added->footprint.outer.size(), corners + 1);
        // The new corner lies on the old edge, near where the click landed.
        QVERIFY(geometry::distanceToSegment(added->footprint.outer[2], a, b) < 1e-9);
        QVERIFY((added->footprint.outer[2] - (a + b) * 0.5).length() < 2.0);
        QVERIFY(qAbs(added->footprintArea() - before.footprintArea()) < 1.0);
        snapshot();
        QTest::mouseDClick(view(), Qt::LeftButton, Qt::NoModifier, m_planner.screenOf(added->footprint.outer[2], ground));
        QCOMPARE(doc()->town().buildings.find(m_copyId)->footprint.outer.size(), corners);
        snapshot();
    }

    void dragARectangleZone()
    {
        useTool(QStringLiteral("Draw zone"));
        m_window->toolOptions().zoneClass = ZoneClass::Green;
        const int zones = doc()->town().zones.size();
        const QPoint a = groundOf(m_farm + Vec2{-90, 60}), b = groundOf(m_farm + Vec2{-40, 100});
        m_planner.drag(a, b);
        QCOMPARE(doc()->town().zones.size(), zones + 1);
        const Zone *z = doc()->town().zones.find(m_window->selection()->ids().value(0));
        QVERIFY(z);
        QCOMPARE(z->zoneClass, ZoneClass::Green);
        QCOMPARE(z->area.outer.size(), 4);
        QVERIFY2(qAbs(z->areaM2() - 2000.0) < 200.0, qPrintable(QString::number(z->areaM2())));
        snapshot();
    }

    void undoEveryStepThenRedo()
    {
        QUndoStack *stack = doc()->undoStack();
        // Snapshots: [0] opened, then one per undo step that changed the town.
        QCOMPARE(stack->count(), m_snapshots.size() - 1);
        for (int i = m_snapshots.size() - 1; i > 0; --i) {
            QVERIFY(doc()->town() == m_snapshots[i]);
            stack->undo();
        }
        QVERIFY(doc()->town() == m_snapshots[0]);
        QVERIFY(!doc()->isModified());
        QTRY_COMPARE(m_window->zoningKpiPanel()->cardText(QStringLiteral("residents")),
                     QLocale().toString(qRound(computeKpis(m_snapshots[0]).capacity.residents)));
        for (int i = 1; i < m_snapshots.size(); ++i) {
            stack->redo();
            QVERIFY(doc()->town() == m_snapshots[i]);
        }
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestEditTools)
#include "tst_edittools.moc"
