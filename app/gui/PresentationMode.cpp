// SPDX-License-Identifier: MIT
#include "PresentationMode.h"

#include "EnergyPanel.h"
#include "KpiCardGrid.h"
#include "PresentationOverlay.h"
#include "TimeBar.h"
#include "ViewSwitcher.h"
#include "ZoningKpiPanel.h"
#include "core/Document.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace tt {

namespace {

enum class Step { None, Next, Previous, Leave };

Step stepOf(int key)
{
    switch (key) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space: return Step::Next;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace: return Step::Previous;
    case Qt::Key_Escape: return Step::Leave;
    default: return Step::None;
    }
}

} // namespace

PresentationMode::PresentationMode(QMainWindow *window, QWidget *view, const ViewSwitcher *switcher, Document *document,
                                   const ZoningKpiPanel *zoning, const EnergyPanel *energy, TimeBar *timeBar)
    : QObject(window), m_window(window), m_view(view), m_switcher(switcher), m_document(document), m_zoning(zoning),
      m_energy(energy), m_timeBar(timeBar)
{
    m_advance.setSingleShot(true);
    connect(&m_advance, &QTimer::timeout, this, &PresentationMode::next);
    // KPI values arrive when the simulation finishes; the hour moves with the stops.
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, &PresentationMode::refreshOverlay);
    connect(timeBar, &TimeBar::hourChanged, this, [this] {
        if (m_active)
            refreshOverlay();
    });
}

void PresentationMode::enter(const QString &tour)
{
    const Presentation &p = m_document->town().presentation;
    m_tour = tour.isEmpty() && !p.tours.isEmpty() ? p.tours.first().name : tour;
    if (!m_active) {
        m_active = true;
        m_windowState = m_window->windowState();
        m_hidden.clear();
        QList<QWidget *> chrome{m_window->menuBar(), m_window->statusBar(), m_timeBar};
        for (QToolBar *bar : m_window->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
            chrome << bar;
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
            chrome << dock;
        for (QWidget *w : chrome) {
            if (w && w->isVisible()) {
                m_hidden << w;
                w->hide();
            }
        }
        m_overlay = new PresentationOverlay(m_view);
        m_overlay->show();
        m_window->showFullScreen();
        qApp->installEventFilter(this);
        m_refresh.start();
        emit activeChanged(true);
    }
    m_stop = -1;
    if (stopCount() > 0)
        goTo(0);
    refreshOverlay();
}

void PresentationMode::leave()
{
    if (!m_active)
        return;
    m_active = false;
    qApp->removeEventFilter(this);
    m_advance.stop();
    m_refresh.stop();
    delete m_overlay;
    m_overlay = nullptr;
    m_window->setWindowState(m_windowState);
    for (const QPointer<QWidget> &w : std::as_const(m_hidden))
        if (w)
            w->show();
    m_hidden.clear();
    m_stop = -1;
    emit activeChanged(false);
}

int PresentationMode::stopCount() const
{
    const Tour *t = m_document->town().presentation.tour(m_tour);
    return t ? int(t->stops.size()) : 0;
}

void PresentationMode::next()
{
    if (m_active && stopCount() > 0)
        goTo((m_stop + 1) % stopCount());
}

void PresentationMode::previous()
{
    if (m_active && stopCount() > 0)
        goTo((m_stop - 1 + stopCount()) % stopCount());
}

void PresentationMode::goTo(int stop)
{
    const Presentation &p = m_document->town().presentation;
    const Tour *tour = p.tour(m_tour);
    if (!tour || stop < 0 || stop >= tour->stops.size())
        return;
    const TourStop &s = tour->stops[stop];
    m_stop = stop;
    if (const SavedView *view = p.view(s.view))
        m_switcher->show(*view, int(s.flightSeconds * 1000.0));
    m_advance.start(int((s.flightSeconds + s.holdSeconds) * 1000.0));
    refreshOverlay();
}

void PresentationMode::refreshOverlay()
{
    if (!m_overlay)
        return;
    const Town &town = m_document->town();
    const Presentation &p = town.presentation;
    QString title = p.title;
    if (title.isEmpty())
        title = town.site.name;
    if (title.isEmpty())
        title = QFileInfo(m_document->filePath()).completeBaseName();
    m_overlay->setTitle(title);
    // The tour may have changed under a running presentation (undo, another project).
    const Tour *tour = p.tour(m_tour);
    const bool atStop = tour && m_stop >= 0 && m_stop < tour->stops.size();
    m_overlay->setCaption(atStop ? tour->stops[m_stop].caption : QString());
    m_overlay->setProgress(atStop ? QStringLiteral("%1 / %2").arg(m_stop + 1).arg(tour->stops.size()) : QString());
    m_overlay->setWhen(QLocale().toString(m_timeBar->dateTime(m_timeBar->hour()), tr("d MMMM yyyy, HH:mm")));
    QVector<PresentationOverlay::Card> cards;
    for (const QString &key : p.kpiCards) {
        for (const KpiCardGrid *grid : {m_zoning->cards(), m_energy->cards()}) {
            if (grid->cardCaption(key).isEmpty())
                continue;
            const QString value = grid->cardText(key);
            cards.push_back({value.isEmpty() ? QStringLiteral("…") : value, grid->cardCaption(key)});
        }
    }
    m_overlay->setCards(cards);
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    const Step step = stepOf(static_cast<QKeyEvent *>(event)->key());
    if (step == Step::None)
        return QObject::eventFilter(watched, event);
    // Accepting the override keeps window shortcuts (space plays the year) from taking the key.
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        switch (step) {
        case Step::Next: next(); break;
        case Step::Previous: previous(); break;
        case Step::Leave: leave(); break;
        case Step::None: break;
        }
    }
    return true;
}

} // namespace tt
