// SPDX-License-Identifier: MIT
// Saved views, tours and presentation mode in the main window on the sample town:
// a view keeps camera, layers, colouring and hour and brings them back; renaming a
// view renames its tour stops; F5's mode hides the chrome, steps through the
// Overview tour with the keys presenter clickers send, moves on by itself after
// each hold, and Esc gives the window back as it was.
#include "GuiTestMain.h"
#include "SampleTownWindow.h"

#include "CameraController.h"
#include "gui/LayersPanel.h"
#include "ProjectFile.h"
#include "SceneController.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "generate/TownGenerator.h"
#include "gui/MainWindow.h"
#include "gui/PresentationMode.h"
#include "gui/PresentationOverlay.h"
#include "gui/ProjectSession.h"
#include "gui/TimeBar.h"
#include "gui/TourVideoExport.h"
#include "gui/ViewsPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QMenuBar>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QToolBar>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace tt;

namespace {

bool near(const CameraController::Pose &a, const ViewCamera &b)
{
    return std::abs(a.target.x() - b.targetX) < 0.01 && std::abs(a.target.y() - b.targetY) < 0.01
           && std::abs(a.distance - b.distance) < 0.01 && std::abs(std::remainder(a.headingDeg - b.headingDeg, 360.0)) < 0.01
           && std::abs(a.pitchDeg - b.pitchDeg) < 0.01;
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    const Presentation &presentation() const { return m_window->document()->town().presentation; }
    const CameraController::Pose &pose() const { return m_window->viewport()->camera()->pose(); }
    int visibleDocks() const
    {
        int n = 0;
        for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
            n += d->isVisible() ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(guitest::openSampleTown(m_dir.path(), &m_window));
    }

    void cleanupTestCase() { m_window.reset(); }

    void theSampleTownComesWithItsOverview()
    {
        const Tour *tour = presentation().tour(QStringLiteral("Overview"));
        QVERIFY(tour);
        QCOMPARE(tour->stops.size(), 4);
        QCOMPARE(m_window->viewsPanel()->viewList()->count(), 4);
        QCOMPARE(m_window->viewsPanel()->currentTour(), QStringLiteral("Overview"));
        QCOMPARE(m_window->viewsPanel()->stopTable()->rowCount(), 4);
    }

    void aViewBringsBackCameraLayersColouringAndHour()
    {
        CameraController::Pose p = pose();
        p.target += osg::Vec3d(120.0, -40.0, 0.0);
        p.distance = 777.0;
        p.headingDeg = 200.0;
        p.pitchDeg = 25.0;
        m_window->viewport()->flyTo(p, 0);
        LayersPanel *layers = m_window->findChild<LayersPanel *>();
        layers->layerCheckBox(SceneLayer::Zones)->setChecked(false);
        layers->colorModeBox()->setCurrentIndex(layers->colorModeBox()->findData(int(BuildingColorMode::ByHeight)));
        m_window->timeBar()->setHour(100);

        const int steps = m_window->document()->undoStack()->count();
        const QString name = m_window->viewsPanel()->addCurrentView();
        QCOMPARE(name, QStringLiteral("View"));
        const SavedView *view = presentation().view(name);
        QVERIFY(view);
        QVERIFY(near(p, view->camera));
        QVERIFY(!view->layers.contains(QStringLiteral("zones")));
        QVERIFY(view->layers.contains(QStringLiteral("buildings")));
        QCOMPARE(view->colouring, QStringLiteral("height"));
        QCOMPARE(view->hour, 100);
        QCOMPARE(m_window->document()->undoStack()->count(), steps + 1);

        // Somewhere else entirely, then back through the dock.
        m_window->viewsPanel()->showView(0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->viewport()->isFlying(), 5000);
        QVERIFY(m_window->scene()->isLayerVisible(SceneLayer::Zones));
        QCOMPARE(m_window->scene()->buildingColorMode(), BuildingColorMode::ByUse);
        m_window->viewsPanel()->showView(4);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->viewport()->isFlying(), 5000);
        QVERIFY(near(pose(), *&presentation().view(name)->camera));
        QVERIFY(!m_window->scene()->isLayerVisible(SceneLayer::Zones));
        QVERIFY(!layers->layerCheckBox(SceneLayer::Zones)->isChecked());
        QCOMPARE(m_window->scene()->buildingColorMode(), BuildingColorMode::ByHeight);
        QCOMPARE(m_window->timeBar()->hour(), 100);

        m_window->document()->undoStack()->undo();
        QVERIFY(!presentation().view(name));
        QCOMPARE(m_window->viewsPanel()->viewList()->count(), 4);
    }

    void renamingAViewRenamesItsStops()
    {
        QListWidgetItem *item = m_window->viewsPanel()->viewList()->item(1);
        QCOMPARE(item->text(), QStringLiteral("Town centre"));
        item->setText(QStringLiteral("Centre 中心"));
        QVERIFY(presentation().view(QStringLiteral("Centre 中心")));
        QCOMPARE(presentation().tour(QStringLiteral("Overview"))->stops[1].view, QStringLiteral("Centre 中心"));
        // A name already taken is refused: the item shows the old name again.
        m_window->viewsPanel()->viewList()->item(1)->setText(QStringLiteral("Farmland"));
        QCOMPARE(presentation().views[1].name, QStringLiteral("Centre 中心"));
        QCOMPARE(m_window->viewsPanel()->viewList()->item(1)->text(), QStringLiteral("Centre 中心"));
        m_window->document()->undoStack()->undo();
        QCOMPARE(presentation().tour(QStringLiteral("Overview"))->stops[1].view, QStringLiteral("Town centre"));
    }

    void thePresenterPicksTitleAndCards()
    {
        ViewsPanel *panel = m_window->viewsPanel();
        QAction *jobs = nullptr, *co2 = nullptr;
        for (QAction *a : panel->cardsMenu()->actions()) {
            if (a->data().toString() == QLatin1String("jobs"))
                jobs = a;
            if (a->data().toString() == QLatin1String("co2"))
                co2 = a;
        }
        QVERIFY(jobs && co2);
        QCOMPARE(panel->cardsMenu()->actions().size(), 12);  // the KPI dock's six and the energy dock's six
        QVERIFY(jobs->isChecked());
        QVERIFY(!co2->isChecked());
        jobs->trigger();
        co2->trigger();
        QCOMPARE(presentation().kpiCards,
                 (QStringList{QStringLiteral("residents"), QStringLiteral("built_up"), QStringLiteral("farmland"), QStringLiteral("co2")}));
        panel->titleEdit()->setText(QStringLiteral("莲湖绿色智慧小镇"));
        emit panel->titleEdit()->editingFinished();
        QCOMPARE(presentation().title, QStringLiteral("莲湖绿色智慧小镇"));
        for (int i = 0; i < 3; ++i)
            m_window->document()->undoStack()->undo();
        QCOMPARE(presentation().title, QString());
        QVERIFY(jobs->isChecked());
        QVERIFY(!co2->isChecked());
    }

    void presentingStepsThroughTheTourAndGivesTheWindowBack()
    {
        const int docks = visibleDocks();
        QVERIFY(docks > 3);
        PresentationMode *mode = m_window->presentation();
        QAction *present = m_window->findChild<QAction *>(QStringLiteral("present"));
        QVERIFY(present);
        QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F5));
        present->trigger();
        QVERIFY(mode->isActive());
        QCOMPARE(mode->tour(), QStringLiteral("Overview"));
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(!m_window->timeBar()->isVisible());
        QCOMPARE(visibleDocks(), 0);
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            QVERIFY(!bar->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isFullScreen(), 5000);
        const Tour tour = *presentation().tour(QStringLiteral("Overview"));
        const PresentationOverlay *overlay = mode->overlay();
        QVERIFY(overlay && overlay->isVisible());
        QCOMPARE(overlay->geometry(), m_window->viewport()->rect());
        QCOMPARE(overlay->title(), m_window->document()->town().site.name);
        QCOMPARE(overlay->caption(), tour.stops[0].caption);
        QCOMPARE(overlay->cards().size(), presentation().kpiCards.size());
        QCOMPARE(overlay->cards().front().caption, QStringLiteral("Residents"));
        QCOMPARE(overlay->when(), QLocale().toString(m_window->timeBar()->dateTime(4114), QStringLiteral("d MMMM yyyy, HH:mm")));

        // What clickers send: page down, page up; arrows and space too.
        QTest::keyClick(m_window->viewport(), Qt::Key_PageDown);
        QCOMPARE(mode->stop(), 1);
        QCOMPARE(overlay->caption(), tour.stops[1].caption);
        QTRY_VERIFY_WITH_TIMEOUT(near(pose(), presentation().view(tour.stops[1].view)->camera), 10000);
        QTest::keyClick(m_window->viewport(), Qt::Key_Space);
        QCOMPARE(mode->stop(), 2);
        QTest::keyClick(m_window->viewport(), Qt::Key_Right);
        QCOMPARE(mode->stop(), 3);
        QTest::keyClick(m_window->viewport(), Qt::Key_PageDown);
        QCOMPARE(mode->stop(), 0);  // round again
        QTest::keyClick(m_window->viewport(), Qt::Key_PageUp);
        QCOMPARE(mode->stop(), 3);
        QCOMPARE(m_window->timeBar()->isPlaying(), false);  // space stepped, it did not play the year

        QTest::keyClick(m_window->viewport(), Qt::Key_Escape);
        QVERIFY(!mode->isActive());
        QVERIFY(m_window->menuBar()->isVisible());
        QVERIFY(m_window->timeBar()->isVisible());
        QCOMPARE(visibleDocks(), docks);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isFullScreen(), 5000);
        QVERIFY(!mode->overlay());
    }

    void theGuiFilmsATourAndCancelStopsIt()
    {
        const QString file = m_dir.filePath(QStringLiteral("gui.mp4"));
        const Status done = TourVideoExport::exportTo(m_window.get(), m_window->document()->town(), QStringLiteral("Overview"),
                                                      file, QSize(192, 108), 2);
        QVERIFY2(done.ok, qPrintable(done.message));
        QVERIFY(QFileInfo(file).size() > 1000);
        // Cancel as a presenter would, once the progress dialog is up.
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.mp4"));
        QTimer::singleShot(300, m_window.get(), [this] {
            if (auto *progress = m_window->findChild<QProgressDialog *>())
                progress->cancel();
        });
        const Status stopped = TourVideoExport::exportTo(m_window.get(), m_window->document()->town(), QStringLiteral("Overview"),
                                                         cancelled, QSize(192, 108), 25);
        QVERIFY(!stopped.ok);
        QVERIFY2(stopped.message.contains(QStringLiteral("cancelled")), qPrintable(stopped.message));
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!QFile::exists(cancelled + QStringLiteral(".part")));
    }

    void aTourMovesOnByItself()
    {
        Presentation p = presentation();
        p.tours << Tour{QStringLiteral("Quick"),
                        {TourStop{QStringLiteral("Whole site"), 0.0, 0.3, QStringLiteral("one")},
                         TourStop{QStringLiteral("Farmland"), 0.2, 0.3, QStringLiteral("two")}}};
        m_window->document()->setPresentation(p, QStringLiteral("Quick tour"));
        PresentationMode *mode = m_window->presentation();
        mode->enter(QStringLiteral("Quick"));
        QCOMPARE(mode->stop(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(mode->stop(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(mode->stop(), 0, 3000);
        mode->leave();
        QVERIFY(!mode->isActive());
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
