// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "CameraController.h"
#include "ViewportWidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace tt {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_viewport(new ViewportWidget(this))
{
    setWindowTitle(tr("TownTwin"));
    setCentralWidget(m_viewport);
    createActions();
    createDocks();
    statusBar()->showMessage(tr("No project open"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QToolBar *tools = addToolBar(tr("View"));
    tools->setObjectName(QStringLiteral("viewToolBar"));
    const auto addView = [&](const QString &text, const QKeySequence &key, void (CameraController::*fn)()) {
        QAction *a = view->addAction(text, key, this, [this, fn] {
            (m_viewport->camera()->*fn)();
            m_viewport->update();
        });
        tools->addAction(a);
    };
    addView(tr("&Home view"), QKeySequence(Qt::Key_Home), &CameraController::home);
    addView(tr("&Top view"), QKeySequence(Qt::Key_T), &CameraController::top);
    addView(tr("&North up"), QKeySequence(Qt::Key_N), &CameraController::northUp);
}

void MainWindow::createDocks()
{
    const auto addDock = [this](const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(new QLabel(tr("Open a project to see %1.").arg(title.toLower()), dock));
        addDockWidget(area, dock);
        return dock;
    };
    addDock(tr("Layers"), QStringLiteral("layersDock"), Qt::LeftDockWidgetArea);
    addDock(tr("Properties"), QStringLiteral("propertiesDock"), Qt::LeftDockWidgetArea);
    addDock(tr("KPIs"), QStringLiteral("kpiDock"), Qt::RightDockWidgetArea);
}

bool MainWindow::openProject(const QString &path)
{
    statusBar()->showMessage(tr("Cannot open %1 yet").arg(path));
    emit projectReady();
    return false;
}

} // namespace tt
