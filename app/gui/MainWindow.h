// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

namespace tt {

class ViewportWidget;

//! The planner's window: the 3D viewport in the centre, docks for layers,
//! properties and KPIs, menus, toolbar and status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ViewportWidget *viewport() const { return m_viewport; }
    //! Opens a project; errors go to the message area and keep the current plan.
    bool openProject(const QString &path);

signals:
    //! The open project is loaded and its scene handed to the viewport.
    void projectReady();

private:
    void createActions();
    void createDocks();

    ViewportWidget *m_viewport = nullptr;
};

} // namespace tt
