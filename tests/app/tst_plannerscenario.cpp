// SPDX-License-Identifier: MIT
// The planner's session from the editing issue, end to end on the real main
// window under Xvfb: open the sample town, move the mall, draw a residential
// block, change a building's use, place a PV field, undo twice, redo once.
// After each step the KPI dock must show the figures computed from scratch
// on the document, and the colours drawn must follow the use. With
// TOWNTWIN_SCREENSHOT_DIR set, a picture of the window is saved per step.
#include "Palette.h"
#include "GuiTestMain.h"
#include "PlannerDriver.h"
#include "analysis/ZoningAnalysis.h"
#include "gui/BuildingEditor.h"
#include "gui/ZoningKpiPanel.h"
#include "gui/PropertiesPanel.h"
#include "gui/tools/Selection.h"

#include <QComboBox>
#include <QUndoStack>

using namespace tt;

class TestPlannerScenario : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PlannerDriver m_planner;
    EntityId m_mall = kNoEntity;
    EntityId m_office = kNoEntity;
    QVector<Town> m_after;  //!< the town after each step

    Document *doc() const { return m_planner.doc(); }
    MainWindow *window() const { return m_planner.window.get(); }

    void shot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("TOWNTWIN_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(m_planner.waitForFrame());
            QVERIFY(window()->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
        }
    }
    //! The KPI dock shows what a from-scratch computation on the document gives.
    void kpiDockMatchesDocument()
    {
        const KpiReport expected = computeKpis(doc()->town());
        QTRY_COMPARE(window()->zoningKpiPanel()->cardText(QStringLiteral("residents")),
                     QLocale().toString(qRound(expected.capacity.residents)));
        QTRY_COMPARE(window()->zoningKpiPanel()->cardText(QStringLiteral("jobs")), QLocale().toString(qRound(expected.capacity.jobs)));
    }
    //! Colour drawn at the middle of a building's roof.
    QColor roofColour(EntityId id)
    {
        if (!m_planner.waitForFrame())
            return {};
        const QImage frame = m_planner.view()->grabFramebuffer();
        const QPointF p = QPointF(m_planner.roofOf(id)) * frame.devicePixelRatio();
        return frame.pixelColor(p.toPoint());
    }
    static double hueDistance(const QColor &a, const QColor &b)
    {
        const int d = std::abs(a.hslHue() - b.hslHue());
        return std::min(d, 360 - d);
    }

private slots:
    void openTheSampleTown()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_planner.start(m_dir, {1500, 950}));
        kpiDockMatchesDocument();
        shot(QStringLiteral("01-opened"));
    }

    void moveTheMall()
    {
        const Building *mall = nullptr;
        for (const Building &b : doc()->town().buildings)
            if (b.use == BuildingUse::Retail && (!mall || b.footprintArea() > mall->footprintArea()))
                mall = &b;
        QVERIFY(mall);
        m_mall = mall->id;
        const Polygon before = mall->footprint;
        QVERIFY(m_planner.zoomTo(geometry::centroid(before), 220.0));
        QVERIFY(m_planner.isVisible(m_mall));
        QVERIFY(m_planner.useTool(QStringLiteral("Move")));
        const QPoint roof = m_planner.roofOf(m_mall);
        m_planner.drag(roof, roof + QPoint(0, 40));
        const Building *moved = doc()->town().buildings.find(m_mall);
        const Vec2 d = geometry::centroid(moved->footprint) - geometry::centroid(before);
        QVERIFY2(d.length() > 5.0, qPrintable(QString::number(d.length())));
        QCOMPARE(doc()->undoStack()->count(), 1);
        kpiDockMatchesDocument();
        m_after.append(doc()->town());
        shot(QStringLiteral("02-mall-moved"));
    }

    void drawAResidentialBlock()
    {
        const double residents = computeKpis(doc()->town()).capacity.residents;
        QVERIFY(m_planner.zoomTo(geometry::centroid(doc()->town().site.boundary), 1500.0));
        const Vec2 farm = m_planner.freeFarmland();
        QVERIFY(!std::isnan(farm.x));
        QVERIFY(m_planner.zoomTo(farm, 150.0));
        QVERIFY(m_planner.useTool(QStringLiteral("Draw building")));
        window()->toolOptions().use = BuildingUse::Residential;
        window()->toolOptions().levels = 12;
        m_planner.drag(m_planner.groundOf(farm + Vec2{-30, -12}), m_planner.groundOf(farm + Vec2{30, 12}));
        const Building *block = doc()->town().buildings.find(window()->selection()->ids().value(0));
        QVERIFY(block);
        QCOMPARE(block->use, BuildingUse::Residential);
        // 60 m × 24 m × 12 storeys at 40 m² per resident ≈ 432 residents (clicks land within a metre or so).
        const double added = computeKpis(doc()->town()).capacity.residents - residents;
        QVERIFY2(qAbs(added - block->grossFloorArea() / 40.0) < 1e-6 && qAbs(added - 432.0) < 40.0,
                 qPrintable(QString::number(added)));
        kpiDockMatchesDocument();
        m_after.append(doc()->town());
        shot(QStringLiteral("03-block-drawn"));
    }

    void changeABuildingsUse()
    {
        QVERIFY(m_planner.zoomTo(geometry::centroid(doc()->town().buildings.find(m_mall)->footprint), 300.0));
        m_office = m_planner.visibleBuilding(BuildingUse::Office);
        QVERIFY(m_office != kNoEntity);
        const QColor before = roofColour(m_office);  // before selecting: selected roofs are drawn highlighted
        QVERIFY(m_planner.useTool(QStringLiteral("Select")));
        QTest::mouseClick(m_planner.view(), Qt::LeftButton, Qt::NoModifier, m_planner.roofOf(m_office));
        QCOMPARE(window()->selection()->ids(), QVector<EntityId>{m_office});
        const double jobs = computeKpis(doc()->town()).capacity.jobs;
        QComboBox *use = window()->propertiesPanel()->editor()->useBox();
        QVERIFY(use->isVisible());
        const int residential = use->findData(int(BuildingUse::Residential));
        use->setCurrentIndex(residential);
        emit use->activated(residential);  // what choosing the item with the mouse emits
        QCOMPARE(doc()->town().buildings.find(m_office)->use, BuildingUse::Residential);
        QVERIFY(computeKpis(doc()->town()).capacity.jobs < jobs);
        kpiDockMatchesDocument();
        // The roof is drawn in the residential colour now (shading changes brightness, not hue).
        window()->selection()->clear();
        const QColor after = roofColour(m_office);
        const QColor home = Palette::useColor(BuildingUse::Residential), office = Palette::useColor(BuildingUse::Office);
        QVERIFY2(hueDistance(before, office) < hueDistance(before, home), qPrintable(before.name()));
        QVERIFY2(hueDistance(after, home) < hueDistance(after, office), qPrintable(after.name()));
        m_after.append(doc()->town());
        shot(QStringLiteral("04-use-changed"));
    }

    void placeAPvField()
    {
        QVERIFY(m_planner.zoomTo(geometry::centroid(doc()->town().site.boundary), 1500.0));
        const Vec2 farm = m_planner.freeFarmland();
        QVERIFY(!std::isnan(farm.x));
        QVERIFY(m_planner.zoomTo(farm, 200.0));
        QVERIFY(m_planner.useTool(QStringLiteral("Place energy asset")));
        window()->toolOptions().assetType = EnergyAssetType::GroundPv;
        const int assets = doc()->town().assets.size();
        QTest::mouseClick(m_planner.view(), Qt::LeftButton, Qt::NoModifier, m_planner.groundOf(farm));
        QCOMPARE(doc()->town().assets.size(), assets + 1);
        const EnergyAsset *field = doc()->town().assets.find(window()->selection()->ids().value(0));
        QVERIFY(field);
        QCOMPARE(field->type, EnergyAssetType::GroundPv);
        QVERIFY(qAbs(geometry::area(field->area) - 10000.0) < 1e-6);
        m_after.append(doc()->town());
        shot(QStringLiteral("05-pv-field"));
    }

    void undoTwiceRedoOnce()
    {
        QUndoStack *stack = doc()->undoStack();
        QCOMPARE(stack->count(), 4);
        stack->undo();
        QVERIFY(doc()->town() == m_after[2]);  // no PV field
        stack->undo();
        QVERIFY(doc()->town() == m_after[1]);  // the office is an office again
        QCOMPARE(doc()->town().buildings.find(m_office)->use, BuildingUse::Office);
        kpiDockMatchesDocument();
        stack->redo();
        QVERIFY(doc()->town() == m_after[2]);
        QCOMPARE(doc()->town().buildings.find(m_office)->use, BuildingUse::Residential);
        kpiDockMatchesDocument();
        shot(QStringLiteral("06-undo-twice-redo-once"));
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestPlannerScenario)
#include "tst_plannerscenario.moc"
