// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/ScenarioComparison.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace tt {

class Document;
class EnergyRunner;
class ScenarioCompareView;

//! The Scenarios dock: the project's plan variants (new from the active one, rename,
//! remove, double-click to switch; each an undo step) and the comparison of the active
//! scenario with another: in the 3D view by a swipe or side by side, and as a table of
//! KPI differences (zoning at once, energy and economics when both years are simulated).
class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    ScenarioPanel(Document *document, EnergyRunner *energy, ScenarioCompareView *compareView,
                  QWidget *parent = nullptr);
    ~ScenarioPanel() override;

    //! A copy of the active scenario named `name`, made active; false (and a message) when refused.
    bool addScenario(const QString &name);
    //! Compares the active scenario with the one of that name, in the view and the table.
    bool compareWith(const QString &name);
    QListWidget *scenarioList() const { return m_list; }
    QTableWidget *differenceTable() const { return m_table; }
    QComboBox *layoutBox() const { return m_layout; }
    //! Whether the energy rows are being computed.
    bool isSimulating() const { return m_watcher.isRunning(); }

signals:
    //! A scenario edit was refused: the reason, for the Messages dock.
    void refused(const QString &reason);

private:
    void refresh();
    void switchTo(int row);
    void renameSelected();
    void removeSelected();
    void toggleCompare(bool on);
    //! Recomputes the table: zoning now, energy on a worker when there is weather.
    void updateTable();
    void showComparison(const ScenarioComparison &comparison);
    void report(const Status &status);

    Document *m_document;
    EnergyRunner *m_energy;
    ScenarioCompareView *m_compareView;
    QListWidget *m_list;
    QPushButton *m_rename;
    QPushButton *m_remove;
    QComboBox *m_other;
    QComboBox *m_layout;
    QPushButton *m_compare;
    QLabel *m_status;
    QTableWidget *m_table;
    QFutureWatcher<std::pair<ScenarioFigures, ScenarioFigures>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    //! Edits while comparing update the table once they pause (a drag is many edits).
    QTimer m_editPause;
    bool m_refreshing = false;
};

} // namespace tt
