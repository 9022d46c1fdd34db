// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "AutosaveManager.h"
#include "LanguageMenu.h"
#include "LiveRetranslator.h"
#include "AlarmPanel.h"
#include "EnergyPanel.h"
#include "LiveConnectDialog.h"
#include "LivePanel.h"
#include "LiveSession.h"
#include "TelemetryHistory.h"
#include "EnergyRunner.h"
#include "PlaybackController.h"
#include "PresentationMode.h"
#include "energy/EnergySimulator.h"
#include "network/NetworkLayout.h"
#include "TimeBar.h"
#include "ReportExport.h"
#include "TourVideoExport.h"
#include "ViewSwitcher.h"
#include "ViewsPanel.h"
#include "ScenarioCompareView.h"
#include "ScenarioPanel.h"
#include "ImportDialog.h"
#include "ZoningKpiPanel.h"
#include "KpiCardGrid.h"
#include "LayersPanel.h"
#include "MessagePanel.h"
#include "ImportJob.h"
#include "ProjectSession.h"
#include "BuildingEditor.h"
#include "PropertiesPanel.h"
#include "SizingDialog.h"
#include "ToolOptionsBar.h"
#include "tools/DrawLinkTool.h"
#include "tools/DrawTool.h"
#include "tools/PlaceAssetTool.h"
#include "tools/SelectTool.h"
#include "tools/Selection.h"
#include "tools/ToolController.h"
#include "tools/TransformTool.h"
#include "tools/VertexTool.h"

#include "CameraController.h"
#include "SceneController.h"
#include "ViewportWidget.h"
#include "analysis/ZoningKpiEngine.h"
#include "core/Document.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QStandardPaths>
#include <QDir>
#include <QFileInfo>
#include <QToolBar>
#include <QFutureWatcher>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <QUndoView>
#include <QUndoStack>

#include <cmath>

namespace tt {

namespace {
constexpr int kDockMinWidth = 200;
//! The 3D view never shrinks below this, whatever the docks ask for.
constexpr QSize kViewportMinSize(360, 240);
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)), m_viewport(new ViewportWidget(this)),
      m_scene(new SceneController(m_document, this)), m_kpiEngine(new ZoningKpiEngine(m_document, this)),
      m_energyRunner(new EnergyRunner(m_document, this)),
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
    m_timeBar = new TimeBar(this);
    m_timeBar->setObjectName(QStringLiteral("timeBar"));
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_viewport, 1);
    centreLayout->addWidget(m_timeBar);
    setCentralWidget(centre);
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
    // A language switch retranslates the static texts; these are built from data.
    connect(new LiveRetranslator(this), &LiveRetranslator::retranslated, this, [this] {
        m_zoningKpiPanel->setReport(m_kpiEngine->report());
        m_propertiesPanel->setSelection(m_selection->ids());
        updateTitle();
        updateCounts();
    });
    updateTitle();
    m_session->offerRecovery(QString());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *fileBar = addToolBar(tr("File"));
    fileBar->setObjectName(QStringLiteral("fileToolBar"));
    m_session = new ProjectSession(m_document, m_autosave, m_messages, this, new QMenu(tr("Open &Recent"), this));
    connect(m_session, &ProjectSession::openFinished, this, &MainWindow::projectLoadFinished);
    connect(m_session, &ProjectSession::statusMessage, statusBar(), &QStatusBar::showMessage);
    QAction *newAction = file->addAction(tr("&New"), QKeySequence::New, m_session, &ProjectSession::newProject);
    QAction *openAction = file->addAction(tr("&Open…"), QKeySequence::Open, m_session, &ProjectSession::openWithDialog);
    file->addMenu(m_session->recentMenu());
    QAction *recover = file->addAction(tr("Re&cover Autosave…"), this, [this] {
        if (AutosaveManager::recoverableAutosave(m_document->filePath()).isEmpty())
            m_messages->addMessage(MessagePanel::Level::Info,
                                   tr("Nothing to recover: no autosave was left by a session that ended abnormally."));
        else
            m_session->offerRecovery(m_document->filePath());
    });
    recover->setToolTip(tr("Offer the autosave a crashed session left for this plan"));
    QAction *importAction =
        file->addAction(tr("&Import GIS data…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::importWithDialog);
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), QKeySequence::Save, m_session, &ProjectSession::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, m_session, &ProjectSession::saveAsWithDialog);
    file->addSeparator();
    QAction *video = file->addAction(tr("Export tour &video…"), this, [this] {
        const QString tour = m_viewsPanel->currentTour();
        const Status s = TourVideoExport::exportWithDialog(this, m_document->town(), tour);
        if (!s.message.isEmpty())
            m_messages->addMessage(s ? MessagePanel::Level::Info : MessagePanel::Level::Error, s.message);
    });
    video->setToolTip(tr("Film the tour picked in the Views dock as an MP4 video"));
    QAction *report = file->addAction(tr("Export &report…"), this, [this] {
        const Status s = ReportExport::exportWithDialog(this, *m_document, *m_energyRunner);
        if (!s.message.isEmpty())
            m_messages->addMessage(s ? MessagePanel::Level::Info : MessagePanel::Level::Error, s.message);
    });
    report->setObjectName(QStringLiteral("exportReportAction"));
    report->setToolTip(tr("Write the plan's report as a PDF: land use, plan check, capacity, energy"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    for (QAction *a : {newAction, openAction, saveAction, importAction})
        fileBar->addAction(a);
    newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    importAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));

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
    QAction *present = m_viewMenu->addAction(tr("&Present"), QKeySequence(Qt::Key_F5), this,
                                             [this] { m_presentation->enter(m_viewsPanel->currentTour()); });
    present->setObjectName(QStringLiteral("present"));
    present->setToolTip(tr("Full screen for an audience, through the tour picked in the Views dock; Esc leaves"));
    m_viewMenu->addMenu(new LanguageMenu(this));
    m_viewMenu->addSeparator();

    QMenu *energy = menuBar()->addMenu(tr("E&nergy"));
    QAction *optimise = energy->addAction(tr("&Optimise sizes…"), this, &MainWindow::showSizingDialog);
    optimise->setObjectName(QStringLiteral("optimiseSizes"));
    optimise->setToolTip(tr("Size PV, wind, storage, CHP, heat pumps, boilers and chillers for the simulated year"));
    m_layNetworks = energy->addAction(tr("&Lay out networks"), this, &MainWindow::layOutNetworks);
    m_layNetworks->setObjectName(QStringLiteral("layOutNetworks"));
    m_layNetworks->setToolTip(tr("Lay the feeder and the heating and cooling networks along the roads from the energy "
                                 "plant to every building, sized from the simulated peaks (replaces the present ones)"));

    QMenu *operations = menuBar()->addMenu(tr("&Operations"));
    QAction *connectAction = operations->addAction(tr("&Connect to telemetry…"), this, &MainWindow::connectTelemetry);
    connectAction->setObjectName(QStringLiteral("connectTelemetry"));
    connectAction->setToolTip(tr("Watch the town's meters live through an MQTT broker, record them and raise alarms"));
    m_disconnectTelemetry = operations->addAction(tr("&Disconnect"), this, [this] { m_live->stop(); });
    operations->addSeparator();
    QAction *plan = operations->addAction(tr("&Plan set-points every hour"));
    plan->setObjectName(QStringLiteral("planSetpoints"));
    plan->setCheckable(true);
    plan->setToolTip(tr("Every hour, optimise the next 48 h from the measured storage, vehicles and loads, and publish "
                        "the set-points of batteries, CHP, EV fleets and heat pumps"));
    connect(plan, &QAction::toggled, this, [this](bool on) { m_live->setPlanning(on); });
    m_disconnectTelemetry->setObjectName(QStringLiteral("disconnectTelemetry"));
    m_disconnectTelemetry->setEnabled(false);

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
    m_zoningKpiPanel = new ZoningKpiPanel(this);
    QDockWidget *layers = addDock(tr("Layers"), QStringLiteral("layersDock"), m_layersPanel, Qt::LeftDockWidgetArea);
    QDockWidget *properties =
        addDock(tr("Properties"), QStringLiteral("propertiesDock"), m_propertiesPanel, Qt::LeftDockWidgetArea);
    QDockWidget *kpis = addDock(tr("KPIs and plan check"), QStringLiteral("kpiDock"), m_zoningKpiPanel, Qt::RightDockWidgetArea);
    m_energyPanel = new EnergyPanel(m_document, m_energyRunner, m_scene, this);
    QDockWidget *energy = addDock(tr("Energy"), QStringLiteral("energyDock"), m_energyPanel, Qt::RightDockWidgetArea);
    tabifyDockWidget(kpis, energy);
    kpis->raise();
    QDockWidget *messages = addDock(tr("Messages"), QStringLiteral("messagesDock"), m_messages, Qt::BottomDockWidgetArea);
    resizeDocks({messages}, {110}, Qt::Vertical);
    connect(m_kpiEngine, &ZoningKpiEngine::kpisChanged, m_zoningKpiPanel, &ZoningKpiPanel::setReport);
    connect(m_selection, &Selection::changed, m_propertiesPanel, &PropertiesPanel::setSelection);
    connect(m_propertiesPanel->editor(), &BuildingEditor::editRefused, this,
            [this](const QString &reason) { m_toolContext.refuse(reason); });
    connect(m_selection, &Selection::changed, m_scene, &SceneController::setSelection);
    connect(m_selection, &Selection::changed, m_energyPanel, &EnergyPanel::setSelectedBuildings);
    m_playback = new PlaybackController(m_document, m_energyRunner, m_scene, m_energyPanel, m_timeBar, this);

    m_live = new LiveSession(m_document, m_energyRunner, m_timeBar, this);
    m_playback->setLiveSession(m_live);
    m_livePanel = new LivePanel(m_document, m_live, this);
    m_liveDock = addDock(tr("Operations"), QStringLiteral("operationsDock"), m_livePanel, Qt::RightDockWidgetArea);
    tabifyDockWidget(energy, m_liveDock);
    kpis->raise();
    m_alarmPanel = new AlarmPanel(m_document, m_live, this);
    m_alarmDock = addDock(tr("Alarms"), QStringLiteral("alarmsDock"), m_alarmPanel, Qt::BottomDockWidgetArea);
    tabifyDockWidget(messages, m_alarmDock);
    messages->raise();
    connect(m_livePanel, &LivePanel::connectRequested, this, &MainWindow::connectTelemetry);
    connect(m_livePanel, &LivePanel::disconnectRequested, m_live, &LiveSession::stop);
    connect(m_selection, &Selection::changed, m_livePanel, &LivePanel::setSelected);
    connect(m_live, &LiveSession::message, this,
            [this](int level, const QString &text) { m_messages->addMessage(MessagePanel::Level(level), text); });
    connect(m_live, &LiveSession::connectionChanged, this, [this] { m_disconnectTelemetry->setEnabled(m_live->isActive()); });
    connect(m_alarmPanel, &AlarmPanel::unacknowledgedChanged, this, [this](int open) {
        m_alarmDock->setWindowTitle(open > 0 ? tr("Alarms (%1)").arg(open) : tr("Alarms"));
    });
    connect(m_alarmPanel, &AlarmPanel::entityActivated, this, [this](quint64 id) {
        m_selection->set({EntityId(id)});
        flyToSelection();
    });

    auto *history = new QUndoView(m_document->undoStack(), this);
    history->setEmptyLabel(tr("<opened plan>"));
    QDockWidget *historyDock = addDock(tr("History"), QStringLiteral("historyDock"), history, Qt::LeftDockWidgetArea);
    tabifyDockWidget(properties, historyDock);
    m_viewSwitcher = std::make_unique<ViewSwitcher>(m_document, m_viewport, m_scene, m_layersPanel, m_energyPanel, m_timeBar);
    QVector<QPair<QString, QString>> cards;
    for (const KpiCardGrid *grid : {m_zoningKpiPanel->cards(), m_energyPanel->cards()})
        for (const QString &key : grid->keys())
            cards.append({key, grid->cardCaption(key)});
    m_viewsPanel = new ViewsPanel(m_document, m_viewSwitcher.get(), cards, this);
    QDockWidget *viewsDock = addDock(tr("Views"), QStringLiteral("viewsDock"), m_viewsPanel, Qt::LeftDockWidgetArea);
    tabifyDockWidget(properties, viewsDock);
    properties->raise();
    m_presentation = new PresentationMode(this, m_viewport, m_viewSwitcher.get(), m_document, m_zoningKpiPanel,
                                          m_energyPanel, m_timeBar);
    connect(m_viewsPanel, &ViewsPanel::presentRequested, m_presentation, &PresentationMode::enter);
    m_scenarioCompare = new ScenarioCompareView(m_viewport, m_scene, m_document, this);
    m_scenarioPanel = new ScenarioPanel(m_document, m_energyRunner, m_scenarioCompare, this);
    QDockWidget *scenarios =
        addDock(tr("Scenarios"), QStringLiteral("scenariosDock"), m_scenarioPanel, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_liveDock, scenarios);
    kpis->raise();
    connect(m_scenarioPanel, &ScenarioPanel::refused, this, [this](const QString &reason) { m_toolContext.refuse(reason); });
    // Scroll areas have no natural size: give the docks the room their panels want.
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    resizeDocks({layers, kpis},
                {m_layersPanel->sizeHint().width() + scrollBar, std::max(480, m_energyPanel->minimumSizeHint().width())},
                Qt::Horizontal);
    resizeDocks({layers, properties}, {480, 320}, Qt::Vertical);
}

QString MainWindow::defaultHistoryPath() const
{
    if (!m_document->filePath().isEmpty())
        return TelemetryHistory::defaultPathFor(m_document->filePath());
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("untitled.history.gpkg"));
}

void MainWindow::connectTelemetry()
{
    const TelemetrySettings current = TelemetrySettings::fromTown(m_document->town());
    LiveConnectDialog dialog(current, m_live->isActive() ? m_live->historyPath() : defaultHistoryPath(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    (void)startTelemetry(dialog.settings(), dialog.password(), dialog.historyPath());
}

Status MainWindow::startTelemetry(const TelemetrySettings &settings, const QString &password, const QString &historyPath)
{
    if (!(settings == TelemetrySettings::fromTown(m_document->town()))) {
        QVariantMap all = m_document->town().settings;
        all.insert(QLatin1String(TelemetrySettings::kSettingKey), settings.toVariant());
        m_document->setSettings(all, m_document->town().rulesJson, tr("Telemetry connection"));
    }
    QDir().mkpath(QFileInfo(historyPath).absolutePath());
    const Status s = m_live->start(settings, password, historyPath);
    if (!s) {
        m_messages->addMessage(MessagePanel::Level::Error, tr("Telemetry: %1").arg(s.message));
        return s;
    }
    m_disconnectTelemetry->setEnabled(true);
    m_energyPanel->setColorBy(EnergyPanel::ColorBy::LoadAtHour);
    m_liveDock->raise();
    m_messages->addMessage(MessagePanel::Level::Info,
                           tr("Telemetry: watching %1/… on %2, recording in %3").arg(settings.prefix, settings.broker, historyPath));
    return s;
}

SizingDialog *MainWindow::sizingDialog() const
{
    return m_sizingDialog;
}

void MainWindow::layOutNetworks()
{
    const std::shared_ptr<const WeatherYear> weather = m_energyRunner->weather();
    if (!weather) {
        m_toolContext.refuse(tr("Lay out networks: choose a weather file first (Energy dock): the networks are sized "
                                "from the simulated year"));
        return;
    }
    m_layNetworks->setEnabled(false);
    statusBar()->showMessage(tr("Laying out the networks…"));
    auto *watcher = new QFutureWatcher<NetworkLayout::Result>(this);
    connect(watcher, &QFutureWatcher<NetworkLayout::Result>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_layNetworks->setEnabled(true);
        const NetworkLayout::Result laid = watcher->result();
        if (!laid.status) {
            m_messages->addMessage(MessagePanel::Level::Error, tr("Lay out networks: %1").arg(laid.status.message));
            statusBar()->clearMessage();
            return;
        }
        m_document->replaceTown(laid.town, tr("Lay out networks"));
        const auto &e = laid.summary[int(NetworkCarrier::Electricity)];
        const auto &h = laid.summary[int(NetworkCarrier::Heating)];
        const auto &c = laid.summary[int(NetworkCarrier::Cooling)];
        const QString summary = tr("Networks laid out: feeder %1 km with %2 transformers, heating %3 km, cooling %4 km "
                                   "(%5 M CNY at catalogue prices)")
                                    .arg(QLocale().toString(e.lengthM / 1000.0, 'f', 1))
                                    .arg(e.transformers)
                                    .arg(QLocale().toString(h.lengthM / 1000.0, 'f', 1))
                                    .arg(QLocale().toString(c.lengthM / 1000.0, 'f', 1))
                                    .arg(QLocale().toString((e.cost + h.cost + c.cost) / 1e6, 'f', 1));
        m_messages->addMessage(MessagePanel::Level::Info, summary);
        for (const QString &note : laid.notes)
            m_messages->addMessage(MessagePanel::Level::Warning, note);
        statusBar()->showMessage(summary, 8000);
    });
    // A copy of the town: the user may go on editing while the layout runs; it applies
    // to the town as it was, as one undo step.
    watcher->setFuture(QtConcurrent::run([town = m_document->town(), weather] {
        NetworkLayout::Result failed;
        NetworkCatalogue catalogue;
        failed.status = NetworkCatalogue::loadBundled(&catalogue);
        EnergySimulator simulator;
        BuildingLoadSource loads;
        if (failed.status)
            failed.status = simulator.buildingLoads(town, *weather, &loads);
        if (!failed.status)
            return failed;
        return NetworkLayout::lay(town, catalogue, loads, NetworkLayout::Options());
    }));
}

void MainWindow::showSizingDialog()
{
    if (!m_sizingDialog) {
        m_sizingDialog = new SizingDialog(m_document, m_energyRunner, this);
        m_sizingDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_sizingDialog, &SizingDialog::applied, this, [this](const QStringList &notes) {
            m_messages->addMessage(MessagePanel::Level::Info, tr("Applied the optimised sizes (Edit ▸ Undo restores the assets)."));
            for (const QString &note : notes)
                m_messages->addMessage(MessagePanel::Level::Info, tr("Sizes applied: %1").arg(note));
            statusBar()->showMessage(tr("Applied the optimised sizes"), 6000);
        });
    }
    m_sizingDialog->show();
    m_sizingDialog->raise();
    m_sizingDialog->activateWindow();
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
    addTool(new DrawLinkTool(&m_toolContext, m_tools), QKeySequence(Qt::Key_L));
    group->actions().first()->setChecked(true);
    connect(m_tools, &ToolController::activeToolChanged, this, [this](EditTool *tool) {
        statusBar()->showMessage(tool->hint());
        m_viewport->setFocus();
    });

    // The options bar: what new buildings, zones and assets get, and snapping.
    addToolBarBreak();
    auto *options = new ToolOptionsBar(&m_toolContext.options, this);
    addToolBar(options);
    connect(options, &ToolOptionsBar::toolHintChanged, this, [this] {
        if (m_tools->activeTool())
            statusBar()->showMessage(m_tools->activeTool()->hint());
    });
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
    // Another site is another place to look at; another scenario of the same site is
    // compared from where the planner stands.
    if (m_document->town().site != m_homedSite) {
        m_homedSite = m_document->town().site;
        m_viewport->camera()->home();
    }
    m_viewport->update();
    updateCounts();
}

void MainWindow::updateCounts()
{
    const Town &town = m_document->town();
    m_statusCounts->setText(tr("%1 buildings · %2 zones · %3 roads · %4")
                                .arg(QLocale().toString(town.buildings.size()))
                                .arg(QLocale().toString(town.zones.size()))
                                .arg(QLocale().toString(town.roads.size()))
                                .arg(town.site.crsName.isEmpty() ? tr("no CRS") : town.site.crsName));
}

void MainWindow::onEntityClicked(quint64 id, Qt::KeyboardModifiers modifiers)
{
    m_selection->click(id, modifiers & Qt::ShiftModifier);
}

void MainWindow::importWithDialog()
{
    ImportDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        importData(dialog.options());
}

void MainWindow::importData(const ImportOptions &options)
{
    auto *job = new ImportJob(this, m_messages);
    connect(job, &ImportJob::imported, m_document, &Document::replaceTown);
    connect(job, &ImportJob::finished, this, &MainWindow::projectLoadFinished);
    job->start(options);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->maybeSave()) {
        m_autosave->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

} // namespace tt
