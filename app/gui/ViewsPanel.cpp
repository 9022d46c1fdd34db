// SPDX-License-Identifier: MIT
#include "ViewsPanel.h"

#include "ViewSwitcher.h"
#include "core/Document.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace tt {

namespace {

enum StopColumn { ViewColumn, FlightColumn, HoldColumn, CaptionColumn };

QPushButton *button(const QString &text, const QString &tip, QWidget *parent, QHBoxLayout *row)
{
    auto *b = new QPushButton(text, parent);
    b->setToolTip(tip);
    row->addWidget(b);
    return b;
}

} // namespace

ViewsPanel::ViewsPanel(Document *document, const ViewSwitcher *switcher, const QVector<QPair<QString, QString>> &cards,
                       QWidget *parent)
    : QWidget(parent), m_document(document), m_switcher(switcher), m_views(new QListWidget(this)),
      m_tour(new QComboBox(this)), m_stops(new QTableWidget(0, 4, this)), m_title(new QLineEdit(this)),
      m_cards(new QMenu(this))
{
    auto *viewsBox = new QGroupBox(tr("Views"), this);
    auto *viewsLayout = new QVBoxLayout(viewsBox);
    m_views->setToolTip(tr("Double-click to fly there; F2 renames"));
    m_views->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    viewsLayout->addWidget(m_views, 1);
    auto *viewButtons = new QHBoxLayout;
    viewsLayout->addLayout(viewButtons);
    connect(button(tr("Add"), tr("Save what the 3D view shows as a new view"), this, viewButtons), &QPushButton::clicked,
            this, &ViewsPanel::addCurrentView);
    connect(button(tr("Update"), tr("Replace the selected view with what the 3D view shows"), this, viewButtons),
            &QPushButton::clicked, this, [this] {
                const int row = selectedRow();
                if (row < 0)
                    return;
                edit(tr("Update view"), [&](Presentation &p) { p.views[row] = m_switcher->capture(p.views[row].name); });
            });
    connect(button(tr("Up"), tr("Move the view up"), this, viewButtons), &QPushButton::clicked, this, [this] { moveView(-1); });
    connect(button(tr("Down"), tr("Move the view down"), this, viewButtons), &QPushButton::clicked, this,
            [this] { moveView(1); });
    connect(button(tr("Remove"), tr("Remove the view and its tour stops"), this, viewButtons), &QPushButton::clicked, this,
            [this] {
                const int row = selectedRow();
                if (row < 0)
                    return;
                edit(tr("Remove view"), [&](Presentation &p) {
                    const QString name = p.views.takeAt(row).name;
                    for (Tour &t : p.tours)
                        t.stops.erase(std::remove_if(t.stops.begin(), t.stops.end(),
                                                     [&](const TourStop &s) { return s.view == name; }),
                                      t.stops.end());
                });
            });
    connect(m_views, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { showView(m_views->row(item)); });
    connect(m_views, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing)
            return;
        const int row = m_views->row(item);
        const QString name = item->text().trimmed();
        const Presentation &now = m_document->town().presentation;
        if (row < 0 || row >= now.views.size() || name == now.views[row].name)
            return;
        if (name.isEmpty() || now.view(name)) {
            refresh();  // a view needs a name of its own: back to the old one
            return;
        }
        edit(tr("Rename view"), [&](Presentation &p) {
            for (Tour &t : p.tours)
                for (TourStop &s : t.stops)
                    if (s.view == p.views[row].name)
                        s.view = name;
            p.views[row].name = name;
        });
    });

    auto *toursBox = new QGroupBox(tr("Tours"), this);
    auto *toursLayout = new QVBoxLayout(toursBox);
    auto *tourRow = new QHBoxLayout;
    toursLayout->addLayout(tourRow);
    tourRow->addWidget(m_tour, 1);
    connect(button(tr("New…"), tr("A new tour"), this, tourRow), &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("New tour"), tr("Name")).trimmed();
        if (name.isEmpty() || m_document->town().presentation.tour(name))
            return;
        edit(tr("New tour"), [&](Presentation &p) { p.tours << Tour{name, {}}; });
        m_tour->setCurrentText(name);
    });
    connect(button(tr("Rename…"), tr("Rename the tour"), this, tourRow), &QPushButton::clicked, this, [this] {
        const int index = m_tour->currentIndex();
        if (index < 0)
            return;
        const QString name = QInputDialog::getText(this, tr("Rename tour"), tr("Name"), QLineEdit::Normal, m_tour->currentText()).trimmed();
        if (name.isEmpty() || m_document->town().presentation.tour(name))
            return;
        edit(tr("Rename tour"), [&](Presentation &p) { p.tours[index].name = name; });
    });
    connect(button(tr("Delete"), tr("Delete the tour (its views stay)"), this, tourRow), &QPushButton::clicked, this, [this] {
        const int index = m_tour->currentIndex();
        if (index >= 0)
            edit(tr("Delete tour"), [&](Presentation &p) { p.tours.removeAt(index); });
    });
    m_stops->setHorizontalHeaderLabels({tr("View"), tr("Flight (s)"), tr("Hold (s)"), tr("Caption")});
    m_stops->horizontalHeader()->setSectionResizeMode(CaptionColumn, QHeaderView::Stretch);
    m_stops->verticalHeader()->setVisible(false);
    m_stops->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stops->setSelectionMode(QAbstractItemView::SingleSelection);
    toursLayout->addWidget(m_stops, 1);
    connect(m_stops, &QTableWidget::cellChanged, this, [this](int row, int column) {
        const int tour = m_tour->currentIndex();
        if (m_refreshing || column != CaptionColumn || tour < 0)
            return;
        const QString caption = m_stops->item(row, column)->text();
        edit(tr("Edit caption"), [&](Presentation &p) { p.tours[tour].stops[row].caption = caption; });
    });
    auto *stopButtons = new QHBoxLayout;
    toursLayout->addLayout(stopButtons);
    connect(button(tr("Add stop"), tr("Add the selected view (or the 3D view as a new view) as the tour's next stop"),
                   this, stopButtons),
            &QPushButton::clicked, this, [this] {
                const int tour = m_tour->currentIndex();
                if (tour < 0)
                    return;
                const int row = selectedRow();
                const QString view = row >= 0 ? m_document->town().presentation.views[row].name : addCurrentView();
                edit(tr("Add tour stop"), [&](Presentation &p) { p.tours[tour].stops << TourStop{view, 3.0, 5.0, QString()}; });
            });
    connect(button(tr("Remove stop"), tr("Remove the selected stop"), this, stopButtons), &QPushButton::clicked, this, [this] {
        const int tour = m_tour->currentIndex(), row = m_stops->currentRow();
        if (tour >= 0 && row >= 0)
            edit(tr("Remove tour stop"), [&](Presentation &p) { p.tours[tour].stops.removeAt(row); });
    });
    connect(button(tr("Up"), tr("Move the stop earlier"), this, stopButtons), &QPushButton::clicked, this, [this] { moveStop(-1); });
    connect(button(tr("Down"), tr("Move the stop later"), this, stopButtons), &QPushButton::clicked, this, [this] { moveStop(1); });
    connect(button(tr("Present"), tr("Present this tour full screen (F5)"), this, stopButtons), &QPushButton::clicked, this,
            [this] { emit presentRequested(currentTour()); });
    connect(m_tour, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            refresh();
    });

    auto *presentBox = new QGroupBox(tr("Presentation"), this);
    auto *presentRow = new QHBoxLayout(presentBox);
    m_title->setPlaceholderText(tr("Title (default: the site's name)"));
    presentRow->addWidget(m_title, 1);
    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        const QString title = m_title->text().trimmed();
        if (title != m_document->town().presentation.title)
            edit(tr("Presentation title"), [&](Presentation &p) { p.title = title; });
    });
    auto *cardsButton = new QToolButton(this);
    cardsButton->setText(tr("KPI cards"));
    cardsButton->setToolTip(tr("The figures shown as big cards in presentation mode, in this order"));
    cardsButton->setPopupMode(QToolButton::InstantPopup);
    cardsButton->setMenu(m_cards);
    presentRow->addWidget(cardsButton);
    for (const auto &[key, caption] : cards) {
        QAction *card = m_cards->addAction(caption);
        card->setData(key);
        card->setCheckable(true);
        connect(card, &QAction::toggled, this, [this, key = key](bool on) {
            if (m_refreshing)
                return;
            edit(on ? tr("Show KPI card") : tr("Hide KPI card"), [&](Presentation &p) {
                p.kpiCards.removeAll(key);
                if (on)
                    p.kpiCards << key;
            });
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(viewsBox, 1);
    layout->addWidget(toursBox, 2);
    layout->addWidget(presentBox);
    connect(m_document, &Document::presentationChanged, this, &ViewsPanel::refresh);
    connect(m_document, &Document::townReset, this, &ViewsPanel::refresh);
    refresh();
}

QString ViewsPanel::addCurrentView()
{
    const QString name = m_document->town().presentation.freeViewName(tr("View"));
    edit(tr("Add view"), [&](Presentation &p) { p.views << m_switcher->capture(name); });
    m_views->setCurrentRow(m_views->count() - 1);
    return name;
}

void ViewsPanel::showView(int row)
{
    const Presentation &p = m_document->town().presentation;
    if (row >= 0 && row < p.views.size())
        m_switcher->show(p.views[row], 1500);
}

QString ViewsPanel::currentTour() const
{
    return m_tour->currentText();
}

int ViewsPanel::selectedRow() const
{
    const int row = m_views->currentRow();
    return row < m_document->town().presentation.views.size() ? row : -1;
}

void ViewsPanel::edit(const QString &text, const std::function<void(Presentation &)> &change)
{
    Presentation p = m_document->town().presentation;
    change(p);
    m_document->setPresentation(p, text);
}

void ViewsPanel::moveView(int delta)
{
    const int row = selectedRow(), to = row + delta;
    if (row < 0 || to < 0 || to >= m_views->count())
        return;
    edit(tr("Move view"), [&](Presentation &p) { p.views.move(row, to); });
    m_views->setCurrentRow(to);
}

void ViewsPanel::moveStop(int delta)
{
    const int tour = m_tour->currentIndex(), row = m_stops->currentRow(), to = row + delta;
    if (tour < 0 || row < 0 || to < 0 || to >= m_stops->rowCount())
        return;
    edit(tr("Move tour stop"), [&](Presentation &p) { p.tours[tour].stops.move(row, to); });
    m_stops->selectRow(to);
}

void ViewsPanel::refresh()
{
    const QSignalBlocker blockTour(m_tour);
    m_refreshing = true;
    const Presentation &p = m_document->town().presentation;
    const int viewRow = m_views->currentRow();
    m_views->clear();
    for (const SavedView &v : p.views) {
        auto *item = new QListWidgetItem(v.name, m_views);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_views->setCurrentRow(std::min(viewRow, m_views->count() - 1));
    const QString tourName = m_tour->currentText();
    m_tour->clear();
    for (const Tour &t : p.tours)
        m_tour->addItem(t.name);
    const int tourIndex = m_tour->findText(tourName);
    m_tour->setCurrentIndex(tourIndex >= 0 ? tourIndex : (m_tour->count() > 0 ? 0 : -1));
    const int stopRow = m_stops->currentRow();
    m_stops->setRowCount(0);
    if (const Tour *tour = p.tour(m_tour->currentText())) {
        const int index = m_tour->currentIndex();
        m_stops->setRowCount(int(tour->stops.size()));
        for (int row = 0; row < tour->stops.size(); ++row) {
            const TourStop &s = tour->stops[row];
            auto *view = new QComboBox(m_stops);
            for (const SavedView &v : p.views)
                view->addItem(v.name);
            view->setCurrentText(s.view);
            connect(view, &QComboBox::currentTextChanged, this, [this, index, row](const QString &name) {
                edit(tr("Change tour stop"), [&](Presentation &q) { q.tours[index].stops[row].view = name; });
            });
            m_stops->setCellWidget(row, ViewColumn, view);
            for (const auto &[column, value, max] :
                 {std::tuple{FlightColumn, s.flightSeconds, 600.0}, std::tuple{HoldColumn, s.holdSeconds, 3600.0}}) {
                auto *spin = new QDoubleSpinBox(m_stops);
                spin->setRange(0.0, max);
                spin->setDecimals(1);
                spin->setValue(value);
                const bool flight = column == FlightColumn;
                connect(spin, &QDoubleSpinBox::editingFinished, this, [this, index, row, spin, flight] {
                    edit(flight ? tr("Change flight time") : tr("Change hold time"), [&](Presentation &q) {
                        (flight ? q.tours[index].stops[row].flightSeconds : q.tours[index].stops[row].holdSeconds) = spin->value();
                    });
                });
                m_stops->setCellWidget(row, column, spin);
            }
            m_stops->setItem(row, CaptionColumn, new QTableWidgetItem(s.caption));
        }
        m_stops->selectRow(std::min(stopRow, m_stops->rowCount() - 1));
    }
    m_title->setText(p.title);
    for (QAction *card : m_cards->actions())
        card->setChecked(p.kpiCards.contains(card->data().toString()));
    m_refreshing = false;
}

} // namespace tt
