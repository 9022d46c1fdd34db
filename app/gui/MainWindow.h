// SPDX-License-Identifier: MIT
#pragma once

#include "ImportOptions.h"
#include "ops/TelemetrySettings.h"
#include "core/Site.h"
#include "core/Status.h"
#include "tools/ToolContext.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QLabel;

namespace tt {

class AlarmPanel;
class PresentationMode;
class ViewSwitcher;
class ViewsPanel;
class ScenarioCompareView;
class ScenarioPanel;
class AutosaveManager;
class LivePanel;
class LiveSession;
class Document;
class EnergyPanel;
class EnergyRunner;
class ZoningKpiPanel;
class LayersPanel;
class MessagePanel;
class ProjectSession;
class PlaybackController;
class PropertiesPanel;
class SceneController;
class SizingDialog;
class Selection;
class TimeBar;
class ToolController;
class ViewportWidget;
class ZoningKpiEngine;

//! The planner's window: the 3D viewport in the centre, docks for layers,
//! properties, KPIs and messages, menus, toolbars and status bar. Owns the
//! Document and the engines that follow it (zoning KPIs, energy simulation),
//! and wires the scene, autosave, the project session and the editing tools to it;
//! the docks only show what the engines compute.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    ViewportWidget *viewport() const { return m_viewport; }
    SceneController *scene() const { return m_scene; }
    MessagePanel *messages() const { return m_messages; }
    AutosaveManager *autosave() const { return m_autosave; }
    ZoningKpiPanel *zoningKpiPanel() const { return m_zoningKpiPanel; }
    PropertiesPanel *propertiesPanel() const { return m_propertiesPanel; }
    EnergyPanel *energyPanel() const { return m_energyPanel; }
    TimeBar *timeBar() const { return m_timeBar; }
    PlaybackController *playback() const { return m_playback; }
    //! The energy simulation that follows the plan (the Energy dock shows it).
    EnergyRunner *energyRunner() const { return m_energyRunner; }
    Selection *selection() const { return m_selection; }
    ToolController *tools() const { return m_tools; }
    //! The choices of the tool options bar (use, storeys, zone class, asset, snapping).
    ToolOptions &toolOptions() { return m_toolContext.options; }

    //! New, open, save and recovery of the plan's file.
    ProjectSession *session() const { return m_session; }
    //! Runs an import in the background with a cancellable progress dialog (ImportJob).
    void importData(const ImportOptions &options);
    //! Energy ▸ Optimise sizes…: opens the sizing dialog (or raises the open one).
    void showSizingDialog();
    //! Energy ▸ Lay out networks: NetworkLayout on a worker, then one undo step.
    void layOutNetworks();
    //! The open sizing dialog; null when none is open.
    SizingDialog *sizingDialog() const;
    //! Operations ▸ Connect to telemetry…: the dialog, then the live view.
    void connectTelemetry();
    //! Starts the live view with these settings (remembered in the project when they changed);
    //! a failure is shown in the messages and returned.
    Status startTelemetry(const TelemetrySettings &settings, const QString &password, const QString &historyPath);
    //! Where the live view records unless the operator says otherwise: beside the project.
    QString defaultHistoryPath() const;
    LiveSession *liveSession() const { return m_live; }
    LivePanel *livePanel() const { return m_livePanel; }
    AlarmPanel *alarmPanel() const { return m_alarmPanel; }
    ViewsPanel *viewsPanel() const { return m_viewsPanel; }
    ScenarioPanel *scenarioPanel() const { return m_scenarioPanel; }
    ScenarioCompareView *scenarioCompareView() const { return m_scenarioCompare; }
    const ViewSwitcher *viewSwitcher() const { return m_viewSwitcher.get(); }
    PresentationMode *presentation() const { return m_presentation; }

signals:
    //! An open or import ended: opened is false when it failed and the previous plan stays.
    void projectLoadFinished(bool opened);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createEditTools(QMenu *edit);
    void importWithDialog();
    void updateTitle();
    void onTownReset();
    //! Entity counts and CRS in the status bar.
    void updateCounts();
    void onEntityClicked(quint64 id, Qt::KeyboardModifiers modifiers);
    //! Glides the camera to frame the selected entities.
    void flyToSelection();

    Document *m_document;
    ViewportWidget *m_viewport;
    SceneController *m_scene;
    ZoningKpiEngine *m_kpiEngine;
    EnergyRunner *m_energyRunner;
    AutosaveManager *m_autosave;
    MessagePanel *m_messages;
    Selection *m_selection;
    ToolContext m_toolContext;
    ToolController *m_tools = nullptr;
    LayersPanel *m_layersPanel = nullptr;
    PropertiesPanel *m_propertiesPanel = nullptr;
    ZoningKpiPanel *m_zoningKpiPanel = nullptr;
    EnergyPanel *m_energyPanel = nullptr;
    TimeBar *m_timeBar = nullptr;
    QAction *m_layNetworks = nullptr;
    PlaybackController *m_playback = nullptr;
    ProjectSession *m_session = nullptr;
    QMenu *m_viewMenu = nullptr;
    QPointer<SizingDialog> m_sizingDialog;
    QLabel *m_statusCounts = nullptr;
    LiveSession *m_live = nullptr;
    LivePanel *m_livePanel = nullptr;
    AlarmPanel *m_alarmPanel = nullptr;
    QDockWidget *m_liveDock = nullptr;
    QDockWidget *m_alarmDock = nullptr;
    QAction *m_disconnectTelemetry = nullptr;
    std::unique_ptr<ViewSwitcher> m_viewSwitcher;
    //! The site the camera last went home to: a new one sends it home again.
    Site m_homedSite;
    ViewsPanel *m_viewsPanel = nullptr;
    ScenarioCompareView *m_scenarioCompare = nullptr;
    ScenarioPanel *m_scenarioPanel = nullptr;
    PresentationMode *m_presentation = nullptr;
};

} // namespace tt
