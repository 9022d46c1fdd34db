// SPDX-License-Identifier: MIT
// Scenarios in the main window on the sample town: a variant made in the Scenarios
// dock takes the edits while the base stays as it was; switching keeps the camera;
// the swipe and side-by-side views show each scenario on its side (checked against
// pictures of each scenario alone); the difference table reports the edit, with energy
// and economics once both years are simulated; saved views bring their scenario back.
#include "GuiTestMain.h"
#include "SampleTownWindow.h"

#include "CameraController.h"
#include "ProjectFile.h"
#include "SceneController.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "generate/TownGenerator.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "gui/ScenarioCompareView.h"
#include "gui/ScenarioPanel.h"
#include "gui/ViewSwitcher.h"
#include "gui/ViewsPanel.h"

#include <QComboBox>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace tt;

namespace {

//! Share of pixels whose colour differs by more than a little in any channel.
double differingShare(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return 1.0;
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) > 24 || std::abs(qGreen(p) - qGreen(q)) > 24
                || std::abs(qBlue(p) - qBlue(q)) > 24)
                ++differing;
        }
    return double(differing) / double(a.width() * a.height());
}

int rowOf(const QTableWidget *table, const QString &key)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0) && table->item(r, 0)->toolTip() == key)
            return r;
    return -1;
}

} // namespace

class TestScenarioCompare : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    int m_removed = 0;

    Document *document() const { return m_window->document(); }
    ScenarioPanel *panel() const { return m_window->scenarioPanel(); }
    QImage frame() const
    {
        // Every picture compared is drawn the same way: at rest, multisampled on any renderer.
        // The networks' moving dashes keep drawing frames, so a grab may follow one too soon.
        ViewportWidget *view = m_window->viewport();
        QImage picture;
        for (int attempt = 0; attempt < 20; ++attempt) {
            QTest::qWait(2 * ViewportWidget::kRestMs + 100);
            picture = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
            if (view->lastFrameSmoothed() || view->format().samples() > 1)
                break;
        }
        return picture;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(guitest::openSampleTown(m_dir.path(), &m_window));
    }

    void cleanupTestCase() { m_window.reset(); }

    void aNewScenarioTakesTheEditsAndTheBaseStays()
    {
        QCOMPARE(panel()->scenarioList()->count(), 1);
        const CameraController::Pose before = m_window->viewport()->camera()->pose();
        const Town base = document()->town();
        QVERIFY(panel()->addScenario(QStringLiteral("No centre")));
        QCOMPARE(document()->town().scenarios.size(), 2);
        QCOMPARE(panel()->scenarioList()->count(), 2);
        QVERIFY(panel()->scenarioList()->item(1)->text().startsWith(QStringLiteral("No centre")));
        QVERIFY(panel()->scenarioList()->item(1)->font().bold());
        // A name taken is refused and nothing changes.
        QVERIFY(!panel()->addScenario(QStringLiteral("No centre")));
        QCOMPARE(document()->town().scenarios.size(), 2);

        // Take out the planned buildings of the town centre's half of the site.
        const double middle = (base.dataBounds().minX + base.dataBounds().maxX) / 2;
        QVector<EntityId> ids;
        for (const Building &b : base.buildings)
            if (!b.context && b.footprint.outer.front().x < middle)
                ids.append(b.id);
        QVERIFY(ids.size() > 20);
        m_removed = ids.size();
        QVERIFY(document()->removeEntities(ids, QStringLiteral("Clear")).ok);
        QCOMPARE(document()->town().buildings.size(), base.buildings.size() - ids.size());

        QVERIFY(document()->switchScenario(0, QStringLiteral("Switch")).ok);
        QVERIFY(document()->town().buildings.sameContent(base.buildings));
        // The camera stays where the planner stands.
        QCOMPARE(m_window->viewport()->camera()->pose().target, before.target);
        QCOMPARE(m_window->viewport()->camera()->pose().distance, before.distance);
        QVERIFY(document()->switchScenario(1, QStringLiteral("Switch")).ok);
    }

    void theSwipeShowsEachScenarioOnItsSide()
    {
        const QImage variant = frame();
        QVERIFY(document()->switchScenario(0, QStringLiteral("Switch")).ok);
        const QImage base = frame();
        QVERIFY(document()->switchScenario(1, QStringLiteral("Switch")).ok);
        const int w = variant.width(), h = variant.height();
        // The scenarios look different where the buildings went, or this test could not fail.
        QVERIFY(differingShare(variant.copy(0, 0, w / 2, h), base.copy(0, 0, w / 2, h)) > 0.02);

        QVERIFY(panel()->compareWith(QStringLiteral("Base")));
        ScenarioCompareView *compare = m_window->scenarioCompareView();
        QVERIFY(compare->isActive());
        QVERIFY(m_window->viewport()->findChild<QWidget *>(QStringLiteral("scenarioDivider"))->isVisible());
        const QImage swipe = frame();
        QCOMPARE(swipe.size(), variant.size());
        const int half = w / 2;
        QVERIFY(differingShare(swipe.copy(0, 0, half - 8, h), variant.copy(0, 0, half - 8, h)) < 0.01);
        QVERIFY(differingShare(swipe.copy(half + 8, 0, w - half - 8, h), base.copy(half + 8, 0, w - half - 8, h)) < 0.01);
        QVERIFY(differingShare(swipe.copy(0, 0, half - 8, h), base.copy(0, 0, half - 8, h)) > 0.02);

        // Dragging the divider to a quarter of the width moves the divide there.
        QWidget *divider = m_window->viewport()->findChild<QWidget *>(QStringLiteral("scenarioDivider"));
        const QPoint grip(divider->width() / 2, divider->height() / 2);
        QTest::mousePress(divider, Qt::LeftButton, {}, grip);
        QMouseEvent move(QEvent::MouseMove, QPointF(grip) - QPointF(m_window->viewport()->width() / 4.0, 0),
                         divider->mapToGlobal(QPointF(grip)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(divider, &move);
        QTest::mouseRelease(divider, Qt::LeftButton, {}, grip);
        QVERIFY(std::abs(compare->split() - 0.25) < 0.02);
        const QImage quarter = frame();
        QVERIFY(differingShare(quarter.copy(w / 4 + 8, 0, w / 4 - 16, h), base.copy(w / 4 + 8, 0, w / 4 - 16, h)) < 0.01);
        compare->setSplit(0.5);
    }

    void sideBySideShowsTheMiddleOfEach()
    {
        const QImage variant = [this] {
            m_window->scenarioCompareView()->stop();
            return frame();
        }();
        QVERIFY(panel()->compareWith(QStringLiteral("Base")));
        panel()->layoutBox()->setCurrentIndex(panel()->layoutBox()->findData(int(ComparisonScene::Layout::SideBySide)));
        const QImage sides = frame();
        const int w = sides.width(), h = sides.height();
        // The left half is the middle of the active scenario's view, at the same scale (the
        // terrain's levels of detail, chosen by pixel size, and the parks' trees, whose
        // multisampled speckle follows the narrower projection, make up the pixels that differ:
        // about 6 %); shifted by 12 pixels it would not match (about 24 %).
        QVERIFY(differingShare(sides.copy(4, 0, w / 2 - 8, h), variant.copy(w / 4 + 4, 0, w / 2 - 8, h)) < 0.09);
        QVERIFY(differingShare(sides.copy(4, 0, w / 2 - 8, h), variant.copy(w / 4 + 16, 0, w / 2 - 8, h)) > 0.15);
        QVERIFY(differingShare(sides.copy(w / 2 + 4, 0, w / 2 - 8, h), sides.copy(4, 0, w / 2 - 8, h)) > 0.01);
        panel()->layoutBox()->setCurrentIndex(panel()->layoutBox()->findData(int(ComparisonScene::Layout::Swipe)));
    }

    void theTableReportsTheDifferences()
    {
        QTableWidget *table = panel()->differenceTable();
        const int buildings = rowOf(table, QStringLiteral("buildings"));
        QVERIFY(buildings >= 0);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("No centre"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("Base"));
        QCOMPARE(table->item(buildings, 3)->text(), QStringLiteral("+%1").arg(m_removed));
        QVERIFY(table->item(rowOf(table, QStringLiteral("residents")), 3)->text().startsWith(QLatin1Char('+')));
        // Energy and economics once both years are simulated.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, QStringLiteral("self_sufficiency")) >= 0, 120000);
        QVERIFY(rowOf(table, QStringLiteral("npv_mcny")) >= 0);
        const int demand = rowOf(table, QStringLiteral("electricity_demand_mwh"));
        QVERIFY(table->item(demand, 3)->text().startsWith(QLatin1Char('+')));
    }

    void anEditWhileComparingUpdatesTheTableOnceItPauses()
    {
        QTableWidget *table = panel()->differenceTable();
        const QString before = table->item(rowOf(table, QStringLiteral("gfa_m2")), 1)->text();
        Building raised;
        for (const Building &b : document()->town().buildings)
            if (!b.context)
                raised = b;
        raised.levels += 5;
        raised.heightM += 15.0;
        EntityBatch batch;
        batch.buildings.append(raised);
        QVERIFY(document()->modifyEntities(batch, QStringLiteral("Raise")).ok);
        QVERIFY(m_window->scenarioCompareView()->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(table->item(rowOf(table, QStringLiteral("gfa_m2")), 1)->text() != before, 5000);
        document()->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(table->item(rowOf(table, QStringLiteral("gfa_m2")), 1)->text(), before, 5000);
    }

    void switchingEndsTheComparisonAndViewsBringTheirScenario()
    {
        QVERIFY(m_window->scenarioCompareView()->isActive());
        const QString name = m_window->viewsPanel()->addCurrentView();
        QCOMPARE(document()->town().presentation.view(name)->scenario, QStringLiteral("No centre"));
        m_window->scenarioPanel()->scenarioList()->setCurrentRow(0);
        QVERIFY(document()->switchScenario(0, QStringLiteral("Switch")).ok);
        QVERIFY(!m_window->scenarioCompareView()->isActive());
        QVERIFY(!m_window->viewport()->findChild<QWidget *>(QStringLiteral("scenarioDivider")));
        QCOMPARE(m_window->viewport()->sceneData(), m_window->scene()->root());

        const int views = m_window->viewsPanel()->viewList()->count();
        m_window->viewsPanel()->showView(views - 1);
        QCOMPARE(document()->town().activeScenarioName(), QStringLiteral("No centre"));
        document()->undoStack()->undo();
        QCOMPARE(document()->town().activeScenarioName(), QStringLiteral("Base"));
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestScenarioCompare)
#include "tst_scenariocompare.moc"
