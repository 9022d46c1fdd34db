// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QListWidget;
class QTableWidget;

namespace tt {

class Document;
struct Presentation;
class ViewSwitcher;

//! The Views dock: the project's saved views (add the current one, rename in place,
//! reorder, update, remove, double-click to fly there) and its tours (stops with
//! view, flight and hold seconds and caption). Every change is one undo step.
class ViewsPanel : public QWidget {
    Q_OBJECT
public:
    ViewsPanel(Document *document, const ViewSwitcher *switcher, QWidget *parent = nullptr);

    //! Saves what the window shows as a new view; its name.
    QString addCurrentView();
    //! Flies to the view in that row of the list.
    void showView(int row);
    //! The tour picked in the dock; empty when there is none.
    QString currentTour() const;
    QListWidget *viewList() const { return m_views; }
    QTableWidget *stopTable() const { return m_stops; }

signals:
    //! The presenter asked to present this tour.
    void presentRequested(const QString &tour);

private:
    void refresh();
    void edit(const QString &text, const std::function<void(Presentation &)> &change);
    int selectedRow() const;
    void moveView(int delta);
    void moveStop(int delta);

    Document *m_document;
    const ViewSwitcher *m_switcher;
    QListWidget *m_views;
    QComboBox *m_tour;
    QTableWidget *m_stops;
    bool m_refreshing = false;
};

} // namespace tt
