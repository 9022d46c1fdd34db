// SPDX-License-Identifier: MIT
// The planner's window on the sample town, driven through its real widgets:
// opening shows the KPIs and plan check, edits and undo move the KPI cards,
// a click in the 3D view selects the building under the cursor, the layers
// dock hides buildings and changes the legend, a damaged file keeps the open
// plan, and `towntwin --screenshot` writes a picture of the drawn window.
#include "TestData.h"
#include "GuiTestMain.h"
#include "gui/ZoningKpiPanel.h"
#include "gui/LayersPanel.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "gui/MessagePanel.h"
#include "gui/PropertiesPanel.h"

#include "CameraController.h"
#include "ImportOptions.h"
#include "ProjectFile.h"
#include "SceneController.h"
#include "ViewportWidget.h"
#include "analysis/PlanRules.h"
#include "analysis/ZoningAnalysis.h"
#include "core/Document.h"
#include "generate/TownGenerator.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QScreen>
#include <QSet>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <osg/Viewport>

#include <cmath>
#include <memory>

using namespace tt;

namespace {

//! The number at the start of a card ("3.05 km²", "29,956"), read in the locale the panel writes.
double leadingNumber(const QString &text, bool *ok)
{
    const QString first = text.trimmed().section(QLatin1Char(' '), 0, 0);
    double v = QLocale().toDouble(first, ok);
    if (!*ok)
        v = QLocale::c().toDouble(QString(first).remove(QLatin1Char(',')), ok);
    return v;
}

QString residentsText(const Town &town)
{
    return QLocale().toString(qRound(computeKpis(town).capacity.residents));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    Town m_generated;
    std::unique_ptr<MainWindow> m_window;

    //! Waits until the viewport has drawn at least two more frames (the camera matrices used by picking are set per frame).
    bool waitForFrames()
    {
        ViewportWidget *view = m_window->viewport();
        const quint64 start = view->frameCount();
        view->update();
        if (!QTest::qWaitFor([&] { return view->frameCount() >= start + 1; }, 20000))
            return false;
        view->update();
        return QTest::qWaitFor([&] { return view->frameCount() >= start + 2; }, 20000);
    }

    //! Widget position of a local scene point, with the matrices the viewport drew with.
    QPoint project(const osg::Vec3d &p) const
    {
        QPointF s;
        return m_window->viewport()->project(p, &s) ? s.toPoint() : QPoint(-1, -1);
    }

    //! Roof centre of a building whose centroid lies well inside its footprint.
    static bool roofPoint(const Building &b, osg::Vec3d *out)
    {
        const Vec2 c = geometry::centroid(b.footprint);
        for (const Vec2 d : {Vec2{0, 0}, Vec2{3, 0}, Vec2{-3, 0}, Vec2{0, 3}, Vec2{0, -3}})
            if (!geometry::contains(b.footprint, Vec2{c.x + d.x, c.y + d.y}))
                return false;
        *out = osg::Vec3d(c.x, c.y, b.groundM + b.heightM);
        return true;
    }

    PropertiesPanel *properties() const { return m_window->propertiesPanel(); }
    //! MainWindow has no accessor for the layers dock's panel.
    LayersPanel *layers() const { return m_window->findChild<LayersPanel *>(); }

    QString statusCounts() const
    {
        // MainWindow keeps its counts label private: find it among the status bar's permanent widgets.
        QStringList texts;
        for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            texts << label->text();
        return texts.join(QLatin1Char('\n'));
    }

    //! Buildings of distinct uses that can be clicked on their roof in the current view.
    QVector<EntityId> clickableBuildings(int wanted) const
    {
        QVector<EntityId> ids;
        QSet<int> uses;
        const QRect area = m_window->viewport()->rect().adjusted(20, 20, -20, -20);
        for (const Building &b : m_window->document()->town().buildings) {
            osg::Vec3d roof;
            if (uses.contains(int(b.use)) || b.footprintArea() < 400.0 || !roofPoint(b, &roof))
                continue;
            if (!area.contains(project(roof)))
                continue;
            uses.insert(int(b.use));
            ids.append(b.id);
            if (ids.size() == wanted)
                break;
        }
        return ids;
    }

    void click(EntityId id, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const Building &b = *m_window->document()->town().buildings.find(id);
        osg::Vec3d roof;
        QVERIFY(roofPoint(b, &roof));
        QTest::mouseClick(m_window->viewport(), Qt::LeftButton, modifiers, project(roof));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_generated = TownGenerator::generate(1);
        QVERIFY(m_generated.buildings.size() > 100);
        m_project = m_dir.filePath(QStringLiteral("lianhu-town.gpkg"));
        const Status saved = ProjectFile::save(m_generated, m_project);
        QVERIFY2(saved.ok, qPrintable(saved.message));
    }

    void cleanupTestCase() { m_window.reset(); }

    void openShowsKpisAndPlanCheck()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        QSignalSpy ready(m_window.get(), &MainWindow::projectLoadFinished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_window->session()->open(m_project));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(ready.first().first().toBool(), true);
        qInfo("opening took %lld ms", timer.elapsed());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitForFrames());

        const Document *doc = m_window->document();
        QCOMPARE(doc->town().buildings.size(), m_generated.buildings.size());
        QVERIFY2(m_window->windowTitle().contains(QStringLiteral("lianhu-town.gpkg")), qPrintable(m_window->windowTitle()));
        QVERIFY2(!m_window->windowTitle().contains(QLatin1Char('*')), qPrintable(m_window->windowTitle()));
        QVERIFY(!doc->isModified());

        ZoningKpiPanel *kpis = m_window->zoningKpiPanel();
        bool ok = false;
        const double site = leadingNumber(kpis->cardText(QStringLiteral("site")), &ok);
        QVERIFY2(ok, qPrintable(kpis->cardText(QStringLiteral("site"))));
        QVERIFY2(std::abs(site - 3.05) <= 0.011, qPrintable(kpis->cardText(QStringLiteral("site"))));
        QVERIFY(kpis->cardText(QStringLiteral("site")).contains(QStringLiteral("km²")));
        const double residents = leadingNumber(kpis->cardText(QStringLiteral("residents")), &ok);
        QVERIFY2(ok, qPrintable(kpis->cardText(QStringLiteral("residents"))));
        QVERIFY2(std::abs(residents - 30000.0) <= 0.05 * 30000.0, qPrintable(kpis->cardText(QStringLiteral("residents"))));
        QCOMPARE(kpis->cardText(QStringLiteral("residents")), residentsText(m_generated));

        PlanRules rules;
        const Status parsed = PlanRules::forTown(doc->town(), &rules);
        QVERIFY2(parsed.ok, qPrintable(parsed.message));
        QVERIFY(!rules.rules().isEmpty());
        QCOMPARE(kpis->planCheckTable()->rowCount(), int(rules.rules().size()));
        for (const PlanRule &rule : rules.rules())
            QVERIFY2(kpis->ruleStatus(rule.id) == QLatin1String("pass"),
                     qPrintable(rule.id + QStringLiteral(": ") + kpis->ruleStatus(rule.id)));
        QCOMPARE(kpis->cardText(QStringLiteral("plan_check")),
                 QStringLiteral("%1 ✓ 0 ! 0 ✗").arg(rules.rules().size()));

        const QString counts = statusCounts();
        QVERIFY2(counts.contains(QStringLiteral("%1 buildings").arg(m_generated.buildings.size())), qPrintable(counts));
        QVERIFY2(counts.contains(QStringLiteral("%1 zones").arg(m_generated.zones.size())), qPrintable(counts));
    }

    void kpisFollowEditsAndUndo()
    {
        QVERIFY(m_window);
        Document *doc = m_window->document();
        ZoningKpiPanel *kpis = m_window->zoningKpiPanel();
        const QString before = kpis->cardText(QStringLiteral("residents"));
        const QString siteBefore = kpis->cardText(QStringLiteral("site"));

        QVector<EntityId> residential;
        Town edited = doc->town();
        for (const Building &b : doc->town().buildings) {
            if (b.use == BuildingUse::Residential && residential.size() < 20)
                residential.append(b.id);
        }
        QCOMPARE(residential.size(), 20);
        for (const EntityId id : residential)
            QVERIFY(edited.buildings.remove(id));
        const KpiReport expected = computeKpis(edited);

        QVERIFY(doc->removeEntities(residential, QStringLiteral("Remove 20 homes")).ok);
        QCOMPARE(doc->town().buildings.size(), m_generated.buildings.size() - 20);
        const QString after = kpis->cardText(QStringLiteral("residents"));
        QCOMPARE(after, QLocale().toString(qRound(expected.capacity.residents)));
        QVERIFY2(after != before, qPrintable(after));
        bool ok = false;
        QVERIFY(leadingNumber(after, &ok) < leadingNumber(before, &ok) - 1000.0);
        QCOMPARE(kpis->cardText(QStringLiteral("site")), siteBefore);
        for (const PlanCheckResult &r : expected.planCheck.results)
            QCOMPARE(kpis->ruleStatus(r.id), PlanChecker::key(r.status));
        QVERIFY2(kpis->ruleStatus(QStringLiteral("residents")) != QLatin1String("pass"),
                 "20 fewer homes should move the residents rule off target");
        QVERIFY(doc->isModified());
        QVERIFY2(m_window->windowTitle().contains(QLatin1Char('*')), qPrintable(m_window->windowTitle()));

        doc->undoStack()->undo();
        QCOMPARE(doc->town().buildings.size(), m_generated.buildings.size());
        QCOMPARE(kpis->cardText(QStringLiteral("residents")), before);
        QCOMPARE(kpis->ruleStatus(QStringLiteral("residents")), QStringLiteral("pass"));
        QVERIFY(!doc->isModified());
        QVERIFY(!m_window->windowTitle().contains(QLatin1Char('*')));
    }

    void statusCountsFollowEdits()
    {
        QVERIFY(m_window);
        Document *doc = m_window->document();
        const int before = doc->town().buildings.size();
        QVERIFY(statusCounts().contains(QStringLiteral("%1 buildings").arg(before)));
        QVector<EntityId> ids;
        for (const Building &b : doc->town().buildings)
            if (ids.size() < 5)
                ids.append(b.id);
        QVERIFY(doc->removeEntities(ids, QStringLiteral("Remove 5 buildings")).ok);
        const QString after = statusCounts();
        doc->undoStack()->undo();
        QCOMPARE(doc->town().buildings.size(), before);
        QVERIFY2(after.contains(QStringLiteral("%1 buildings").arg(before - 5)),
                 qPrintable(QStringLiteral("after removing 5 of %1 buildings the status bar says: %2").arg(before).arg(after)));
        QVERIFY(statusCounts().contains(QStringLiteral("%1 buildings").arg(before)));
    }

    void clickSelectsBuilding()
    {
        QVERIFY(m_window);
        PropertiesPanel *props = properties();
        QVERIFY(props);
        // Straight down: no building hides another's roof.
        m_window->viewport()->camera()->top();
        QVERIFY(waitForFrames());

        const QVector<EntityId> ids = clickableBuildings(3);
        QVERIFY2(ids.size() >= 2, "no clickable buildings in the top view");
        for (const EntityId id : ids) {
            const Building &b = *m_window->document()->town().buildings.find(id);
            click(id);
            QCOMPARE(props->selection(), QVector<EntityId>{id});
            QCOMPARE(props->valueOf(QStringLiteral("Id")), QString::number(id));
            QCOMPARE(props->valueOf(QStringLiteral("Source id")), b.sourceId);
            QVERIFY2(props->valueOf(QStringLiteral("Use")).contains(buildinguse::label(b.use)),
                     qPrintable(props->valueOf(QStringLiteral("Use")) + QStringLiteral(" lacks ")
                                + buildinguse::label(b.use)));
        }
        // Shift+click adds to the selection, a click on bare ground clears it.
        click(ids[0]);
        click(ids[1], Qt::ShiftModifier);
        QCOMPARE(props->selection(), (QVector<EntityId>{ids[0], ids[1]}));
        QCOMPARE(props->valueOf(QStringLiteral("Buildings")), QStringLiteral("2"));
        QTest::mouseClick(m_window->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(2, 2));
        QVERIFY(props->selection().isEmpty());
    }

    void layersPanelHidesBuildingsAndSwitchesLegend()
    {
        QVERIFY(m_window);
        LayersPanel *panel = layers();
        PropertiesPanel *props = properties();
        QVERIFY(panel);
        QVERIFY(props);
        SceneController *scene = m_window->scene();
        QCheckBox *buildings = panel->layerCheckBox(SceneLayer::Buildings);
        QVERIFY(buildings->isChecked());
        QVERIFY(scene->isLayerVisible(SceneLayer::Buildings));

        buildings->click();
        QVERIFY(!buildings->isChecked());
        QVERIFY(!scene->isLayerVisible(SceneLayer::Buildings));
        QVERIFY(scene->isLayerVisible(SceneLayer::Terrain));
        // A hidden building cannot be picked any more.
        m_window->viewport()->camera()->top();
        QVERIFY(waitForFrames());
        const QVector<EntityId> ids = clickableBuildings(1);
        QVERIFY(!ids.isEmpty());
        click(ids[0]);
        QVERIFY2(!props->selection().contains(ids[0]), "a hidden building was picked");

        buildings->click();
        QVERIFY(scene->isLayerVisible(SceneLayer::Buildings));
        QVERIFY(waitForFrames());
        click(ids[0]);
        QCOMPARE(props->selection(), QVector<EntityId>{ids[0]});

        QComboBox *mode = panel->colorModeBox();
        const QString useLegend = panel->legendText();
        QVERIFY2(!useLegend.contains(QStringLiteral("Height"), Qt::CaseInsensitive), qPrintable(useLegend));
        const int heightIndex = mode->findData(int(BuildingColorMode::ByHeight));
        QVERIFY(heightIndex >= 0);
        mode->setCurrentIndex(heightIndex);
        QCOMPARE(scene->buildingColorMode(), BuildingColorMode::ByHeight);
        QVERIFY2(panel->legendText().contains(QStringLiteral("Height"), Qt::CaseInsensitive),
                 qPrintable(panel->legendText()));
        mode->setCurrentIndex(mode->findData(int(BuildingColorMode::ByUse)));
        QCOMPARE(scene->buildingColorMode(), BuildingColorMode::ByUse);
        QCOMPARE(panel->legendText(), useLegend);

        // The zones' classes have their own legend, shown with the zones layer.
        QVERIFY2(panel->legendText().contains(QStringLiteral("Land-use zones")), qPrintable(panel->legendText()));
        QVERIFY(panel->legendText().contains(zoneclass::label(ZoneClass::Agricultural)));
        panel->layerCheckBox(SceneLayer::Zones)->setChecked(false);
        QVERIFY(!panel->legendText().contains(QStringLiteral("Land-use zones")));
        panel->layerCheckBox(SceneLayer::Zones)->setChecked(true);

        // The sun control lights the scene for the chosen moment.
        auto *sun = panel->findChild<QDateTimeEdit *>();
        QVERIFY(sun);
        const QDateTime solstice(QDate(2026, 6, 21), QTime(12, 0));
        sun->setDateTime(solstice);
        QCOMPARE(scene->sunTime().date(), solstice.date());
        QCOMPARE(scene->sunTime().time(), solstice.time());
    }

    void selectingABuildingKeepsTheWindowOnScreen()
    {
        // A fresh window as big as the screen (1600x1000 under the test's Xvfb), nothing selected.
        MainWindow *shared = m_window.release();
        m_window = std::make_unique<MainWindow>();
        const auto restore = qScopeGuard([this, shared] { m_window.reset(shared); });
        QVERIFY(m_window->session()->open(m_project));
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTest::qWait(100);
        const QSize before = m_window->size();
        const QRect screen = m_window->screen()->availableGeometry();
        QCOMPARE(before, QSize(1600, 1000));
        const auto dockMinimums = [this] {
            QStringList parts;
            for (const QDockWidget *dock : m_window->findChildren<QDockWidget *>())
                parts << QStringLiteral("%1 %2").arg(dock->objectName()).arg(dock->minimumSizeHint().height());
            return parts.join(QStringLiteral(", "));
        };
        const QString minimumsBefore = dockMinimums();

        m_window->viewport()->camera()->top();
        QVERIFY(waitForFrames());
        const QVector<EntityId> ids = clickableBuildings(1);
        QVERIFY(!ids.isEmpty());
        click(ids[0]);
        QCOMPARE(m_window->propertiesPanel()->selection(), QVector<EntityId>{ids[0]});
        QTest::qWait(100);  // layout requests are posted
        QVERIFY2(m_window->size() == before && m_window->height() <= screen.height(),
                 qPrintable(QStringLiteral("selecting a building resized the window from %1x%2 to %3x%4 on a %5x%6 "
                                           "screen; dock minimum heights before: %7; after: %8")
                                .arg(before.width())
                                .arg(before.height())
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(screen.width())
                                .arg(screen.height())
                                .arg(minimumsBefore, dockMinimums())));
    }

    void implausibleContentIsNamedOnOpen()
    {
        // A plan whose file says a tower is 1e9 m tall: opened with the height replaced,
        // and the planner told which building and why.
        QVERIFY(m_window);
        Town town = m_generated;
        Building tower = *town.buildings.begin();
        tower.heightM = 1e9;
        town.buildings.put(tower);
        const QString path = m_dir.filePath(QStringLiteral("tall-tower.gpkg"));
        QVERIFY(ProjectFile::save(town, path).ok);
        const int messages = m_window->messages()->messageCount();
        QVERIFY(m_window->session()->open(path));
        QVERIFY(m_window->document()->town().buildings.find(tower.id)->heightM <= 830.0);
        bool named = false;
        for (int i = 0; i < m_window->messages()->messageCount() - messages; ++i)
            named = named || (m_window->messages()->messageText(i).contains(QLatin1String("1e+09"))
                              || m_window->messages()->messageText(i).contains(QLatin1String("1e9")));
        QVERIFY2(named, qPrintable(m_window->messages()->messageText(1)));
        QVERIFY(m_window->session()->open(m_project));
    }

    void damagedFileKeepsOpenPlan()
    {
        QVERIFY(m_window);
        const QString bad = m_dir.filePath(QStringLiteral("damaged-plan.gpkg"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200; ++i)
                f.write("this is not a GeoPackage, just garbage \x01\x02\x03\n");
        }
        Document *doc = m_window->document();
        const int buildings = doc->town().buildings.size();
        const QString path = doc->filePath();
        const QString title = m_window->windowTitle();
        const int messages = m_window->messages()->messageCount();

        QSignalSpy finished(m_window.get(), &MainWindow::projectLoadFinished);
        QVERIFY(!m_window->session()->open(bad));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(doc->town().buildings.size(), buildings);
        QCOMPARE(doc->filePath(), path);
        QCOMPARE(m_window->windowTitle(), title);
        QVERIFY(!doc->isModified());
        QCOMPARE(m_window->messages()->messageCount(), messages + 1);
        const QString message = m_window->messages()->messageText(0);
        QVERIFY2(message.contains(QStringLiteral("damaged-plan.gpkg")), qPrintable(message));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("damaged-plan.gpkg")),
                 qPrintable(m_window->statusBar()->currentMessage()));

        // A file that is not there at all: same story.
        const QString missing = m_dir.filePath(QStringLiteral("no-such-plan.gpkg"));
        QVERIFY(!m_window->session()->open(missing));
        QCOMPARE(doc->town().buildings.size(), buildings);
        QVERIFY2(m_window->messages()->messageText(0).contains(QStringLiteral("no-such-plan.gpkg")),
                 qPrintable(m_window->messages()->messageText(0)));
    }

    void importThroughTheWindow()
    {
        // The File ▸ Import path: background import, one undoable step, messages for the planner.
        ImportOptions options;
        TT_REQUIRE_TEST_DATA(QStringLiteral("zug-cea/zone.shp"), QStringLiteral("zug-cea/surroundings.shp"),
                             QStringLiteral("zug-cea/terrain.tif"), QStringLiteral("zug-cea/typology.dbf"));
        options.buildingsPath = testdata::path(QStringLiteral("zug-cea/zone.shp"));
        options.contextPath = testdata::path(QStringLiteral("zug-cea/surroundings.shp"));
        options.demPath = testdata::path(QStringLiteral("zug-cea/terrain.tif"));
        options.joinPath = testdata::path(QStringLiteral("zug-cea/typology.dbf"));
        options.joinKey = QStringLiteral("Name");
        Document *doc = m_window->document();
        const int undoIndex = doc->undoStack()->index();
        QSignalSpy ready(m_window.get(), &MainWindow::projectLoadFinished);
        m_window->importData(options);
        QVERIFY(ready.wait(60000));
        QCOMPARE(ready.first().first().toBool(), true);
        int planned = 0;
        for (const Building &b : doc->town().buildings)
            planned += b.context ? 0 : 1;
        QCOMPARE(planned, 15);
        QVERIFY(doc->town().buildings.size() > 190);
        QCOMPARE(doc->undoStack()->index(), undoIndex + 1);  // one step, whatever redo history it replaced
        QVERIFY2(m_window->messages()->messageText(0).startsWith(QStringLiteral("Imported")),
                 qPrintable(m_window->messages()->messageText(0)));
        // Which CRS the project got, and why, right below.
        QVERIFY2(m_window->messages()->messageText(1).startsWith(QStringLiteral("Project CRS EPSG:32732: kept")),
                 qPrintable(m_window->messages()->messageText(1)));
        // Only the 15 planned buildings count in the KPIs.
        QTRY_COMPARE(m_window->zoningKpiPanel()->cardText(QStringLiteral("residents")),
                     QLocale().toString(qRound(computeKpis(doc->town()).capacity.residents)));
        QCOMPARE(computeKpis(doc->town()).landUse.buildings, 15);
        doc->undoStack()->undo();
        QVERIFY(doc->town().buildings.size() < 190);
    }

    void screenshotFromCommandLine()
    {
        const QString binary = QStringLiteral(TOWNTWIN_BINARY_DIR "/app/towntwin");
        QVERIFY2(QFile::exists(binary), "the towntwin GUI is not built");
        // Its own copy: the GUI writes an autosave and session marker beside the project.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("shot.gpkg"));
        QVERIFY(QFile::copy(m_project, project));
        const QString out = dir.filePath(QStringLiteral("out.png"));

        QProcess p;
        p.setWorkingDirectory(dir.path());
        QElapsedTimer timer;
        timer.start();
        p.start(binary, {project, QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1200x800")});
        QVERIFY2(p.waitForFinished(180000), "towntwin --screenshot did not finish");
        qInfo("towntwin --screenshot took %lld ms", timer.elapsed());
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, err.constData());

        const QImage image(out);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
        // The centre of the window is the 3D view: terrain, zones and buildings, not one flat colour.
        const QRect centre(image.width() / 2 - 100, image.height() / 2 - 75, 200, 150);
        QSet<QRgb> colours;
        for (int y = centre.top(); y <= centre.bottom(); y += 2)
            for (int x = centre.left(); x <= centre.right(); x += 2)
                colours.insert(image.pixel(x, y) & 0xffffff);
        QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("only %1 colours in the centre").arg(colours.size())));
        const QRgb sky = qRgb(158, 194, 230);
        int skyLike = 0, total = 0;
        for (int y = centre.top(); y <= centre.bottom(); y += 2)
            for (int x = centre.left(); x <= centre.right(); x += 2, ++total) {
                const QRgb c = image.pixel(x, y);
                if (std::abs(qRed(c) - qRed(sky)) + std::abs(qGreen(c) - qGreen(sky)) + std::abs(qBlue(c) - qBlue(sky)) < 12)
                    ++skyLike;
            }
        QVERIFY2(skyLike < total / 2, "the centre of the screenshot is mostly sky: the town was not drawn");

        // --size is the size of the picture.
        if (image.size() != QSize(1200, 800) && m_window) {
            // Say which part of the window refuses the size: the docks' minimum heights.
            qInfo("the main window with the sample town open: size %dx%d, minimum size hint %dx%d",
                  m_window->width(), m_window->height(), m_window->minimumSizeHint().width(),
                  m_window->minimumSizeHint().height());
            for (const QDockWidget *dock : m_window->findChildren<QDockWidget *>())
                qInfo("  dock %s: minimum size hint %dx%d", qPrintable(dock->objectName()),
                      dock->minimumSizeHint().width(), dock->minimumSizeHint().height());
        }
        QCOMPARE(image.size(), QSize(1200, 800));
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestMainWindow)

#include "tst_mainwindow.moc"
