// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QMainWindow;
class QWidget;

namespace tt {

class Document;
class EnergyPanel;
class PresentationOverlay;
class TimeBar;
class ViewSwitcher;
class ZoningKpiPanel;

//! Full screen for an audience: the window's chrome hidden, the overlay's title, KPI
//! cards, caption and date over the 3D view, and a tour's stops one after another
//! (each flown to, held, then the next; the tour starts over after the last).
//! PageDown, PageUp, the arrows and space step as presenter clickers send them;
//! Esc leaves.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow *window, QWidget *view, const ViewSwitcher *switcher, Document *document,
                     const ZoningKpiPanel *zoning, const EnergyPanel *energy, TimeBar *timeBar);

    //! Presents the tour (empty: the project's first, if any; without tours, the current view).
    void enter(const QString &tour);
    void leave();
    bool isActive() const { return m_active; }
    void next();
    void previous();
    //! The stop shown, -1 without a tour.
    int stop() const { return m_stop; }
    QString tour() const { return m_tour; }
    const PresentationOverlay *overlay() const { return m_overlay; }

signals:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void goTo(int stop);
    void refreshOverlay();
    int stopCount() const;

    QMainWindow *m_window;
    QWidget *m_view;
    const ViewSwitcher *m_switcher;
    Document *m_document;
    const ZoningKpiPanel *m_zoning;
    const EnergyPanel *m_energy;
    TimeBar *m_timeBar;
    PresentationOverlay *m_overlay = nullptr;
    QTimer m_advance;
    QTimer m_refresh;
    bool m_active = false;
    QString m_tour;
    int m_stop = -1;
    //! The chrome hidden on entering, shown again on leaving.
    QList<QPointer<QWidget>> m_hidden;
    Qt::WindowStates m_windowState;
};

} // namespace tt
