// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QMenu;
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
    //! `cards`: the KPI cards a presentation can show, as (key, caption).
    ViewsPanel(Document *document, const ViewSwitcher *switcher, const QVector<QPair<QString, QString>> &cards,
               QWidget *parent = nullptr);

    //! Saves what the window shows as a new view; its name.
    QString addCurrentView();
    //! Flies to the view in that row of the list.
    void showView(int row);
    //! The tour picked in the dock; empty when there is none.
    QString currentTour() const;
    QListWidget *viewList() const { return m_views; }
    QTableWidget *stopTable() const { return m_stops; }
    QLineEdit *titleEdit() const { return m_title; }
    //! The KPI cards menu: one checkable action per card, its data the card's key.
    QMenu *cardsMenu() const { return m_cards; }

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
    QLineEdit *m_title;
    QMenu *m_cards;
    bool m_refreshing = false;
};

} // namespace tt
