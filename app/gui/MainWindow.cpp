// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "AutosaveManager.h"
#include "EnergyPanel.h"
#include "ImportDialog.h"
#include "KpiPanel.h"
#include "LayersPanel.h"
#include "MessagePanel.h"
#include "PropertiesPanel.h"
#include "tools/DrawTool.h"
#include "tools/PlaceAssetTool.h"
#include "tools/SelectTool.h"
#include "tools/Selection.h"
#include "tools/ToolController.h"
#include "tools/TransformTool.h"
#include "tools/VertexTool.h"

#include "CameraController.h"
#include "ProjectFile.h"
#include "SceneController.h"
#include "TownImporter.h"
#include "ViewportWidget.h"
#include "analysis/ZoningKpiEngine.h"
#include "core/Document.h"
#include "edit/AssetTemplate.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoView>
#include <QUndoStack>
#include <QtConcurrent>

#include <atomic>
#include <cmath>
#include <memory>

namespace tt {

namespace {
const char *kProjectFilter = "TownTwin projects (*.gpkg);;All files (*)";
constexpr int kMaxRecent = 8;
constexpr int kDockMinWidth = 200;
//! The 3D view never shrinks below this, whatever the docks ask for.
constexpr QSize kViewportMinSize(360, 240);
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)), m_viewport(new ViewportWidget(this)),
      m_scene(new SceneController(m_document, this)), m_kpiEngine(new ZoningKpiEngine(m_document, this)),
      m_autosave(new AutosaveManager(m_document, this)), m_messages(new MessagePanel(this)),
      m_selection(new Selection(m_document, this))
{
    m_toolContext.document = m_document;
    m_toolContext.viewport = m_viewport;
    m_toolContext.selection = m_selection;
    m_toolContext.refuse = [this](const QString &reason) {
        m_messages->addMessage(MessagePanel::Level::Warning, reason);
        statusBar()->showMessage(reason, 6000);
    };
    setWindowIcon(QIcon(QStringLiteral(":/towntwin/icons/towntwin.svg")));
    m_viewport->setMinimumSize(kViewportMinSize);
    setCentralWidget(m_viewport);
    createActions();
    createDocks();
    m_statusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusCounts);
    statusBar()->showMessage(tr("No project open: File ▸ Open, File ▸ Import GIS data, or File ▸ New"));

    connect(m_document, &Document::townReset, this, &MainWindow::onTownReset);
    connect(m_document, &Document::entitiesAdded, this, &MainWindow::updateCounts);
    connect(m_document, &Document::entitiesRemoved, this, &MainWindow::updateCounts);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_scene, &SceneController::sceneChanged, m_viewport, qOverload<>(&QWidget::update));
    connect(m_viewport, &ViewportWidget::entityClicked, this, &MainWindow::onEntityClicked);
    connect(m_autosave, &AutosaveManager::autosaveFailed, this, [this](const QString &message) {
        m_messages->addMessage(MessagePanel::Level::Error, tr("Autosave failed: %1").arg(message));
    });
    connect(m_autosave, &AutosaveManager::autosaved, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Autosaved to %1").arg(path), 4000); });
    m_viewport->setSceneData(m_scene->root());
    updateTitle();
    offerRecovery(QString());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *fileBar = addToolBar(tr("File"));
    fileBar->setObjectName(QStringLiteral("fileToolBar"));
    QAction *newAction = file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newProject);
    QAction *openAction = file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWithDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *recover = file->addAction(tr("Re&cover Autosave…"), this, [this] {
        if (AutosaveManager::recoverableAutosave(m_document->filePath()).isEmpty())
            m_messages->addMessage(MessagePanel::Level::Info,
                                   tr("Nothing to recover: no autosave was left by a session that ended abnormally."));
        else
            offerRecovery(m_document->filePath());
    });
    recover->setToolTip(tr("Offer the autosave a crashed session left for this plan"));
    QAction *importAction =
        file->addAction(tr("&Import GIS data…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::importWithDialog);
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAsWithDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    for (QAction *a : {newAction, openAction, saveAction, importAction})
        fileBar->addAction(a);
    newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    importAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    createEditTools(edit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QToolBar *viewBar = addToolBar(tr("View"));
    viewBar->setObjectName(QStringLiteral("viewToolBar"));
    const auto addView = [&](const QString &text, const QKeySequence &key, void (CameraController::*fn)()) {
        QAction *a = m_viewMenu->addAction(text, key, this, [this, fn] {
            (m_viewport->camera()->*fn)();
            m_viewport->update();
        });
        viewBar->addAction(a);
    };
    addView(tr("&Home view"), QKeySequence(Qt::Key_Home), &CameraController::home);
    addView(tr("&Top view"), QKeySequence(Qt::Key_T), &CameraController::top);
    addView(tr("&North up"), QKeySequence(Qt::Key_N), &CameraController::northUp);
    QAction *fly = m_viewMenu->addAction(tr("&Fly to selection"), QKeySequence(Qt::Key_F), this, &MainWindow::flyToSelection);
    viewBar->addAction(fly);
    m_viewMenu->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TownTwin"), this, [this] {
        QMessageBox::about(this, tr("About TownTwin"),
                           tr("<h3>TownTwin %1</h3><p>A digital twin for planning and operating small green "
                              "smart towns: GIS data in 3D, zoning and plan checks, and the town's "
                              "micro-energy system.</p>")
                               .arg(QStringLiteral(TOWNTWIN_VERSION)));
    });
}

void MainWindow::createDocks()
{
    const auto addDock = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        if (qobject_cast<QAbstractScrollArea *>(widget)) {
            dock->setWidget(widget);  // a list or view scrolls by itself
        } else {
            // Panels scroll rather than push the window beyond the screen (the
            // building editor and a long legend are taller than a laptop's docks).
            auto *scroll = new QScrollArea(dock);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            scroll->setWidget(widget);
            // A dock starts as wide as its panel needs (resizeDocks below) but may be
            // narrowed on a small screen: the 3D view must keep its room.
            scroll->setMinimumWidth(std::min(kDockMinWidth, widget->minimumSizeHint().width()));
            dock->setWidget(scroll);
        }
        addDockWidget(area, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_layersPanel = new LayersPanel(m_scene, this);
    m_propertiesPanel = new PropertiesPanel(m_document, this);
    m_kpiPanel = new KpiPanel(this);
    QDockWidget *layers = addDock(tr("Layers"), QStringLiteral("layersDock"), m_layersPanel, Qt::LeftDockWidgetArea);
    QDockWidget *properties =
        addDock(tr("Properties"), QStringLiteral("propertiesDock"), m_propertiesPanel, Qt::LeftDockWidgetArea);
    QDockWidget *kpis = addDock(tr("KPIs and plan check"), QStringLiteral("kpiDock"), m_kpiPanel, Qt::RightDockWidgetArea);
    m_energyPanel = new EnergyPanel(m_document, m_scene, this);
    QDockWidget *energy = addDock(tr("Energy"), QStringLiteral("energyDock"), m_energyPanel, Qt::RightDockWidgetArea);
    tabifyDockWidget(kpis, energy);
    kpis->raise();
    QDockWidget *messages = addDock(tr("Messages"), QStringLiteral("messagesDock"), m_messages, Qt::BottomDockWidgetArea);
    resizeDocks({messages}, {110}, Qt::Vertical);
    connect(m_kpiEngine, &ZoningKpiEngine::kpisChanged, m_kpiPanel, &KpiPanel::setReport);
    connect(m_selection, &Selection::changed, m_propertiesPanel, &PropertiesPanel::setSelection);
    connect(m_selection, &Selection::changed, m_scene, &SceneController::setSelection);
    connect(m_selection, &Selection::changed, m_energyPanel, &EnergyPanel::setSelectedBuildings);

    auto *history = new QUndoView(m_document->undoStack(), this);
    history->setEmptyLabel(tr("<opened plan>"));
    QDockWidget *historyDock = addDock(tr("History"), QStringLiteral("historyDock"), history, Qt::LeftDockWidgetArea);
    tabifyDockWidget(properties, historyDock);
    properties->raise();
    // Scroll areas have no natural size: give the docks the room their panels want.
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    resizeDocks({layers, kpis},
                {m_layersPanel->sizeHint().width() + scrollBar, std::max(480, m_energyPanel->minimumSizeHint().width())},
                Qt::Horizontal);
    resizeDocks({layers, properties}, {480, 320}, Qt::Vertical);
}

void MainWindow::createEditTools(QMenu *edit)
{
    m_tools = new ToolController(&m_toolContext, this);
    edit->addSeparator();
    edit->addAction(tr("&Delete"), QKeySequence::Delete, m_tools, &ToolController::deleteSelection);
    edit->addAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), m_tools, &ToolController::duplicateSelection);
    edit->addAction(tr("Select &None"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), m_selection, &Selection::clear);
    edit->addSeparator();

    QToolBar *toolBar = addToolBar(tr("Tools"));
    toolBar->setObjectName(QStringLiteral("toolsToolBar"));
    auto *group = new QActionGroup(this);
    const auto addTool = [&](EditTool *tool, const QKeySequence &key) {
        m_tools->addTool(tool);
        QAction *a = edit->addAction(tool->name());
        a->setShortcut(key);
        a->setCheckable(true);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tool->name(), key.toString(QKeySequence::NativeText)));
        a->setObjectName(QStringLiteral("tool:") + tool->name());
        group->addAction(a);
        toolBar->addAction(a);
        connect(a, &QAction::triggered, this, [this, tool] { m_tools->setActiveTool(tool); });
        connect(m_tools, &ToolController::activeToolChanged, a, [a, tool](EditTool *active) { a->setChecked(active == tool); });
    };
    addTool(new SelectTool(&m_toolContext, m_tools), QKeySequence(Qt::Key_S));
    addTool(new TransformTool(TransformTool::Mode::Move, &m_toolContext, m_tools), QKeySequence(Qt::Key_M));
    addTool(new TransformTool(TransformTool::Mode::Rotate, &m_toolContext, m_tools), QKeySequence(Qt::Key_R));
    addTool(new VertexTool(&m_toolContext, m_tools), QKeySequence(Qt::Key_V));
    addTool(new DrawTool(DrawTool::Target::Building, &m_toolContext, m_tools), QKeySequence(Qt::Key_B));
    addTool(new DrawTool(DrawTool::Target::Zone, &m_toolContext, m_tools), QKeySequence(Qt::Key_Z));
    addTool(new PlaceAssetTool(&m_toolContext, m_tools), QKeySequence(Qt::Key_P));
    group->actions().first()->setChecked(true);
    connect(m_tools, &ToolController::activeToolChanged, this, [this](EditTool *tool) {
        statusBar()->showMessage(tool->hint());
        m_viewport->setFocus();
    });

    // The options bar: what new buildings, zones and assets get, and snapping.
    addToolBarBreak();
    QToolBar *options = addToolBar(tr("Tool options"));
    options->setObjectName(QStringLiteral("toolOptionsToolBar"));
    auto *use = new QComboBox(options);
    for (int u = 0; u < kBuildingUseCount; ++u)
        use->addItem(buildinguse::label(BuildingUse(u)), u);
    use->setCurrentIndex(use->findData(int(m_toolContext.options.use)));
    connect(use, &QComboBox::currentIndexChanged, this,
            [this, use] { m_toolContext.options.use = BuildingUse(use->currentData().toInt()); });
    auto *levels = new QDoubleSpinBox(options);
    levels->setRange(1, 100);
    levels->setDecimals(0);
    levels->setValue(m_toolContext.options.levels);
    levels->setSuffix(tr(" storeys"));
    connect(levels, &QDoubleSpinBox::valueChanged, this, [this](double v) { m_toolContext.options.levels = v; });
    auto *zoneClass = new QComboBox(options);
    for (int c = 0; c < kZoneClassCount; ++c)
        zoneClass->addItem(zoneclass::label(ZoneClass(c)), c);
    zoneClass->setCurrentIndex(zoneClass->findData(int(m_toolContext.options.zoneClass)));
    connect(zoneClass, &QComboBox::currentIndexChanged, this,
            [this, zoneClass] { m_toolContext.options.zoneClass = ZoneClass(zoneClass->currentData().toInt()); });
    auto *asset = new QComboBox(options);
    for (const EnergyAssetType type : AssetTemplate::placeableTypes())
        asset->addItem(energyassettype::label(type), int(type));
    connect(asset, &QComboBox::currentIndexChanged, this, [this, asset] {
        m_toolContext.options.assetType = EnergyAssetType(asset->currentData().toInt());
        if (m_tools->activeTool())
            statusBar()->showMessage(m_tools->activeTool()->hint());
    });
    auto *snap = new QCheckBox(tr("Snap"), options);
    snap->setToolTip(tr("Moves snap to the grid and to neighbouring corners and walls; rotations to 15° steps and road directions"));
    connect(snap, &QCheckBox::toggled, this, [this](bool on) { m_toolContext.options.snap = on; });
    auto *grid = new QDoubleSpinBox(options);
    grid->setRange(0.5, 100);
    grid->setDecimals(1);
    grid->setValue(m_toolContext.options.gridM);
    grid->setSuffix(tr(" m grid"));
    connect(grid, &QDoubleSpinBox::valueChanged, this, [this](double v) { m_toolContext.options.gridM = v; });
    options->addWidget(new QLabel(tr(" New building: "), options));
    options->addWidget(use);
    options->addWidget(levels);
    options->addWidget(new QLabel(tr("  Zone: "), options));
    options->addWidget(zoneClass);
    options->addWidget(new QLabel(tr("  Asset: "), options));
    options->addWidget(asset);
    options->addSeparator();
    options->addWidget(snap);
    options->addWidget(grid);
}

void MainWindow::flyToSelection()
{
    const Town &town = m_document->town();
    osg::BoundingBox box;
    const auto addOutline = [&box](const Polygon &p, double bottom, double top) {
        for (const Vec2 &v : p.outer) {
            box.expandBy(osg::Vec3d(v.x, v.y, bottom));
            box.expandBy(osg::Vec3d(v.x, v.y, top));
        }
    };
    for (const EntityId id : m_selection->ids()) {
        if (const Building *b = town.buildings.find(id)) {
            addOutline(b->footprint, b->groundM, b->groundM + b->heightM);
        } else if (const Zone *z = town.zones.find(id)) {
            const double ground = z->area.outer.isEmpty() ? 0.0 : town.terrain.elevationAt(z->area.outer.first());
            addOutline(z->area, std::isnan(ground) ? 0.0 : ground, std::isnan(ground) ? 0.0 : ground);
        } else if (const EnergyAsset *a = town.assets.find(id)) {
            const double ground = town.terrain.elevationAt(a->position);
            const double z = std::isnan(ground) ? 0.0 : ground;
            // An asset is a point: frame the 60 m around it.
            box.expandBy(osg::Vec3d(a->position.x - 30, a->position.y - 30, z));
            box.expandBy(osg::Vec3d(a->position.x + 30, a->position.y + 30, z + 30));
        }
    }
    if (!box.valid()) {
        statusBar()->showMessage(tr("Nothing selected to fly to"), 4000);
        return;
    }
    m_viewport->flyTo(box);
}

void MainWindow::updateTitle()
{
    const QString name = m_document->filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(QStringLiteral("%1%2 — TownTwin").arg(name, m_document->isModified() ? QStringLiteral(" *") : QString()));
}

void MainWindow::onTownReset()
{
    m_viewport->camera()->setSceneBounds(m_scene->dataBounds());
    m_viewport->camera()->home();
    m_viewport->update();
    updateCounts();
}

void MainWindow::updateCounts()
{
    const Town &town = m_document->town();
    m_statusCounts->setText(tr("%1 buildings · %2 zones · %3 roads · %4")
                                .arg(town.buildings.size())
                                .arg(town.zones.size())
                                .arg(town.roads.size())
                                .arg(town.site.crsName.isEmpty() ? tr("no CRS") : town.site.crsName));
}

void MainWindow::onEntityClicked(quint64 id, Qt::KeyboardModifiers modifiers)
{
    m_selection->click(id, modifiers & Qt::ShiftModifier);
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_document->resetTown(Town{});
    m_document->undoStack()->clear();
    m_document->setFilePath(QString());
    m_document->markSaved();
    statusBar()->showMessage(tr("New empty plan: import GIS data to start"), 5000);
}

bool MainWindow::openProject(const QString &path)
{
    Town town;
    const Status status = ProjectFile::load(path, &town);
    if (!status) {
        m_messages->addMessage(MessagePanel::Level::Error, status.message);
        statusBar()->showMessage(tr("Could not open %1").arg(path), 8000);
        emit projectReady();
        return false;
    }
    const QString recoverable = AutosaveManager::recoverableAutosave(path);
    m_document->resetTown(town);
    m_document->undoStack()->clear();
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    m_messages->addMessage(MessagePanel::Level::Info, tr("Opened %1").arg(path));
    if (!recoverable.isEmpty())
        offerRecovery(path);
    emit projectReady();
    return true;
}

void MainWindow::offerRecovery(const QString &projectPath)
{
    const QString autosave = AutosaveManager::recoverableAutosave(projectPath);
    if (autosave.isEmpty())
        return;
    const QString when = QFileInfo(autosave).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_autosave->setSuspended(true);
    m_messages->ask(tr("TownTwin did not close properly last time. An autosave of %1 from %2 exists.")
                        .arg(projectPath.isEmpty() ? tr("an untitled plan") : QFileInfo(projectPath).fileName(), when),
                    {{tr("Recover"),
                      [this, autosave] {
                          m_autosave->setSuspended(false);
                          Town town;
                          const Status status = ProjectFile::load(autosave, &town);
                          if (!status) {
                              m_messages->addMessage(MessagePanel::Level::Error, status.message);
                              return;
                          }
                          // Recovered work is unsaved work: one undoable step on top of the file's state.
                          m_document->replaceTown(town, tr("Recover autosave"));
                          m_messages->addMessage(MessagePanel::Level::Info,
                                                 tr("Recovered the autosave from %1; save to keep it.").arg(autosave));
                      }},
                     {tr("Discard"), [this, autosave] {
                          QFile::remove(autosave);
                          m_autosave->setSuspended(false);
                      }}});
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty()) {
        saveAsWithDialog();
        return !m_document->isModified();
    }
    return saveAs(m_document->filePath());
}

bool MainWindow::saveAs(const QString &path)
{
    const Status status = ProjectFile::save(m_document->town(), path);
    if (!status) {
        m_messages->addMessage(MessagePanel::Level::Error, status.message);
        QMessageBox::warning(this, tr("Save failed"), status.message);
        return false;
    }
    m_autosave->discard();
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

void MainWindow::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), QString::fromLatin1(kProjectFilter));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveAsWithDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), m_document->filePath(),
                                                QString::fromLatin1(kProjectFilter));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        path += QStringLiteral(".gpkg");
    saveAs(path);
}

void MainWindow::importWithDialog()
{
    ImportDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        importData(dialog.options());
}

void MainWindow::importData(const ImportOptions &options)
{
    auto *progress = new QProgressDialog(tr("Importing %1…").arg(QFileInfo(options.buildingsPath).fileName()),
                                         tr("Cancel"), 0, 1000, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto fraction = std::make_shared<std::atomic<int>>(0);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    auto *poll = new QTimer(progress);
    connect(poll, &QTimer::timeout, progress, [progress, fraction] { progress->setValue(*fraction); });
    poll->start(100);

    auto *watcher = new QFutureWatcher<ImportReport>(this);
    connect(watcher, &QFutureWatcher<ImportReport>::finished, this, [this, watcher, progress, options] {
        const ImportReport report = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        for (const ImportIssue &issue : report.skipped)
            m_messages->addMessage(MessagePanel::Level::Warning,
                                   tr("Skipped %1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
        for (const ImportIssue &issue : report.warnings)
            m_messages->addMessage(MessagePanel::Level::Warning,
                                   tr("%1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
        for (const ImportIssue &issue : report.repaired)
            m_messages->addMessage(MessagePanel::Level::Info,
                                   tr("Repaired %1 feature %2: %3").arg(issue.file, issue.feature, issue.reason));
        if (report.failure == ImportFailure::NoCrs || report.failure == ImportFailure::ImpossibleCrs) {
            m_messages->addMessage(MessagePanel::Level::Warning, report.status.message);
            bool ok = false;
            const QString crs = QInputDialog::getText(
                this, tr("Coordinate reference system"),
                tr("%1\n\nWhich CRS are these coordinates in? (e.g. EPSG:32651)").arg(report.status.message),
                QLineEdit::Normal, options.assumeCrs, &ok);
            if (ok && !crs.trimmed().isEmpty()) {
                ImportOptions retry = options;
                retry.assumeCrs = crs.trimmed();
                importData(retry);
            }
            return;
        }
        if (!report.status) {
            m_messages->addMessage(MessagePanel::Level::Error, report.status.message);
            if (report.failure != ImportFailure::Cancelled)
                QMessageBox::warning(this, tr("Import failed"), report.status.message);
            return;
        }
        m_messages->addMessage(MessagePanel::Level::Info, tr("Project CRS %1: %2").arg(report.town.site.crsName, report.crsReason));
        m_document->replaceTown(report.town, tr("Import %1").arg(QFileInfo(options.buildingsPath).fileName()));
        m_messages->addMessage(MessagePanel::Level::Info,
                               tr("Imported %1 buildings, %2 zones, %3 roads (%4 heights guessed, %5 features skipped)")
                                   .arg(report.town.buildings.size())
                                   .arg(report.town.zones.size())
                                   .arg(report.town.roads.size())
                                   .arg(report.heightsGuessed)
                                   .arg(report.skipped.size()));
        emit projectReady();
    });
    watcher->setFuture(QtConcurrent::run([options, cancelled, fraction] {
        return TownImporter().run(options, [cancelled, fraction](double f, const QString &) {
            *fraction = int(f * 1000);
            return !*cancelled;
        });
    }));
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The plan has unsaved changes. Save them first?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        m_autosave->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openProject(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace tt
