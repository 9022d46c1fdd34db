// SPDX-License-Identifier: MIT
#include "ScenarioPanel.h"

#include "EnergyRunner.h"
#include "KpiFormat.h"
#include "ScenarioCompareView.h"
#include "core/Document.h"
#include "energy/EnergySimulator.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace tt {

namespace {

//! A name not yet taken: "Variant 2", "Variant 3", ...
QString freeName(const Town &town, const QString &base)
{
    for (int n = std::max<int>(2, town.scenarios.size() + 1);; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(base).arg(n);
        if (town.scenarioIndex(name) < 0)
            return name;
    }
}

} // namespace

ScenarioPanel::ScenarioPanel(Document *document, EnergyRunner *energy, ScenarioCompareView *compareView,
                             QWidget *parent)
    : QWidget(parent), m_document(document), m_energy(energy), m_compareView(compareView),
      m_list(new QListWidget(this)), m_rename(new QPushButton(tr("Rename…"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_other(new QComboBox(this)), m_layout(new QComboBox(this)),
      m_compare(new QPushButton(tr("Compare"), this)), m_status(new QLabel(this)), m_table(new QTableWidget(this))
{
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setToolTip(tr("Double-click a scenario to make it the plan you edit and analyse"));
    auto *add = new QPushButton(tr("New…"), this);
    add->setToolTip(tr("A copy of the active scenario, to change without touching it"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    m_layout->addItem(tr("Swipe"), int(ComparisonScene::Layout::Swipe));
    m_layout->addItem(tr("Side by side"), int(ComparisonScene::Layout::SideBySide));
    m_compare->setCheckable(true);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    auto *compareBox = new QGroupBox(tr("Compare the active scenario"), this);
    auto *form = new QFormLayout(compareBox);
    form->addRow(tr("With:"), m_other);
    form->addRow(tr("In the view:"), m_layout);
    form->addRow(m_compare);
    m_status->setWordWrap(true);
    form->addRow(m_status);

    m_table->setObjectName(QStringLiteral("scenarioDifferences"));
    m_table->setColumnCount(4);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(compareBox);
    layout->addWidget(m_table, 3);

    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New scenario"), tr("Name of the new scenario:"),
                                                   QLineEdit::Normal, freeName(m_document->town(), tr("Variant")), &ok);
        if (ok)
            addScenario(name);
    });
    connect(m_rename, &QPushButton::clicked, this, &ScenarioPanel::renameSelected);
    connect(m_remove, &QPushButton::clicked, this, &ScenarioPanel::removeSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { switchTo(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { refresh(); });
    connect(m_compare, &QPushButton::toggled, this, &ScenarioPanel::toggleCompare);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        m_compareView->setLayout(ComparisonScene::Layout(m_layout->currentData().toInt()));
    });
    connect(m_other, &QComboBox::currentIndexChanged, this, [this] {
        if (m_compare->isChecked() && !m_refreshing)
            toggleCompare(true);
    });
    connect(m_compareView, &ScenarioCompareView::stopped, this, [this] {
        QSignalBlocker block(m_compare);
        m_compare->setChecked(false);
    });
    connect(m_document, &Document::townReset, this, &ScenarioPanel::refresh);
    m_editPause.setSingleShot(true);
    m_editPause.setInterval(300);
    connect(&m_editPause, &QTimer::timeout, this, [this] {
        if (m_compareView->isActive())
            updateTable();
    });
    connect(m_document, &Document::revisionChanged, this, [this] {
        if (m_compareView->isActive())
            m_editPause.start();
    });
    connect(&m_watcher, &QFutureWatcher<std::pair<ScenarioFigures, ScenarioFigures>>::finished, this, [this] {
        if (m_watcher.isCanceled() || m_cancel->load())
            return;
        const auto &[a, b] = m_watcher.result();
        if (!a.energy || !b.energy) {
            m_status->setText(tr("The energy years could not be simulated."));
            return;
        }
        m_status->clear();
        showComparison(ScenarioComparison(a, b));
    });
    refresh();
}

ScenarioPanel::~ScenarioPanel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ScenarioPanel::report(const Status &status)
{
    if (!status)
        emit refused(status.message);
}

bool ScenarioPanel::addScenario(const QString &name)
{
    const Status s = m_document->addScenario(name, tr("Base"), tr("New scenario %1").arg(name));
    report(s);
    return s.ok;
}

void ScenarioPanel::refresh()
{
    m_refreshing = true;
    const Town &town = m_document->town();
    const int selected = m_list->currentRow();
    {
        QSignalBlocker block(m_list);
        m_list->clear();
        if (town.scenarios.isEmpty()) {
            auto *only = new QListWidgetItem(tr("Base (the only plan)"), m_list);
            only->setToolTip(tr("Add a scenario to plan a variant beside this one"));
            QFont bold = only->font();
            bold.setBold(true);
            only->setFont(bold);
        }
        for (int i = 0; i < town.scenarios.size(); ++i) {
            const bool active = i == town.activeScenario;
            auto *item = new QListWidgetItem(active ? tr("%1 (active)").arg(town.scenarios[i].name) : town.scenarios[i].name,
                                             m_list);
            QFont font = item->font();
            font.setBold(active);
            item->setFont(font);
        }
        m_list->setCurrentRow(std::clamp(selected, 0, m_list->count() - 1));
    }
    const int row = m_list->currentRow();
    const bool named = !town.scenarios.isEmpty();
    m_rename->setEnabled(named && row >= 0);
    m_remove->setEnabled(named && row >= 0 && row != town.activeScenario);

    const QString otherName = m_other->currentText();
    m_other->clear();
    for (int i = 0; i < town.scenarios.size(); ++i)
        if (i != town.activeScenario)
            m_other->addItem(town.scenarios[i].name, i);
    m_other->setCurrentIndex(std::max(0, m_other->findText(otherName)));
    m_compare->setEnabled(m_other->count() > 0);
    if (m_other->count() == 0) {
        m_status->setText(tr("Add a second scenario to compare."));
        m_table->setRowCount(0);
    } else if (!m_compareView->isActive()) {
        m_status->clear();
    }
    m_refreshing = false;
}

void ScenarioPanel::switchTo(int row)
{
    const Town &town = m_document->town();
    if (row < 0 || row >= town.scenarios.size() || row == town.activeScenario)
        return;
    report(m_document->switchScenario(row, tr("Switch to scenario %1").arg(town.scenarios[row].name)));
}

void ScenarioPanel::renameSelected()
{
    const int row = m_list->currentRow();
    const Town &town = m_document->town();
    if (row < 0 || row >= town.scenarios.size())
        return;
    const QString old = town.scenarios[row].name;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("New name of %1:").arg(old),
                                               QLineEdit::Normal, old, &ok);
    if (ok && name != old)
        report(m_document->renameScenario(row, name, tr("Rename scenario %1 to %2").arg(old, name)));
}

void ScenarioPanel::removeSelected()
{
    const int row = m_list->currentRow();
    const Town &town = m_document->town();
    if (row < 0 || row >= town.scenarios.size())
        return;
    report(m_document->removeScenario(row, tr("Remove scenario %1").arg(town.scenarios[row].name)));
}

bool ScenarioPanel::compareWith(const QString &name)
{
    const int index = m_other->findText(name);
    if (index < 0)
        return false;
    m_other->setCurrentIndex(index);
    m_compare->setChecked(true);
    toggleCompare(true);
    return m_compareView->isActive();
}

void ScenarioPanel::toggleCompare(bool on)
{
    if (!on) {
        m_compareView->stop();
        m_status->clear();
        return;
    }
    const int other = m_other->currentData().toInt();
    if (!m_compareView->start(other, ComparisonScene::Layout(m_layout->currentData().toInt()))) {
        QSignalBlocker block(m_compare);
        m_compare->setChecked(false);
        return;
    }
    QSignalBlocker block(m_compare);
    m_compare->setChecked(true);
    updateTable();
}

void ScenarioPanel::updateTable()
{
    const Town &town = m_document->town();
    const int other = m_compareView->otherScenario();
    if (other < 0)
        return;
    ScenarioFigures a, b;
    // Zoning KPIs take milliseconds: shown at once, energy follows from the worker.
    const SimulationOptions options = m_energy->options();
    report(ScenarioFigures::compute(town, nullptr, options, {}, &a));
    const Town otherTown = town.withScenario(other);
    report(ScenarioFigures::compute(otherTown, nullptr, options, {}, &b));
    showComparison(ScenarioComparison(a, b));

    if (m_cancel)
        m_cancel->store(true);
    const std::shared_ptr<const WeatherYear> weather = m_energy->weather();
    if (!weather) {
        m_status->setText(tr("Energy and economics appear here when the project has weather."));
        return;
    }
    m_status->setText(tr("Simulating both scenarios' years…"));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    m_watcher.setFuture(QtConcurrent::run([town = Town(town), otherTown, weather, options, cancel] {
        const Progress progress = [cancel](double, const QString &) { return !cancel->load(); };
        std::pair<ScenarioFigures, ScenarioFigures> figures;
        if (!ScenarioFigures::compute(town, weather.get(), options, progress, &figures.first).ok
            || !ScenarioFigures::compute(otherTown, weather.get(), options, progress, &figures.second).ok)
            return std::pair<ScenarioFigures, ScenarioFigures>{};
        return figures;
    }));
}

void ScenarioPanel::showComparison(const ScenarioComparison &comparison)
{
    m_table->setHorizontalHeaderLabels(
        {tr("KPI"), comparison.a().scenario, comparison.b().scenario, tr("Difference")});
    m_table->setRowCount(comparison.rows().size());
    const QColor better(30, 130, 60), worse(190, 50, 40);
    for (int r = 0; r < comparison.rows().size(); ++r) {
        const ComparisonRow &row = comparison.rows()[r];
        const QString label = QCoreApplication::translate("tt::ScenarioComparison", row.label.toUtf8().constData());
        auto *kpi = new QTableWidgetItem(row.unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, row.unit));
        kpi->setToolTip(row.key);
        m_table->setItem(r, 0, kpi);
        for (const auto &[column, value] : {std::pair{1, row.a}, std::pair{2, row.b}}) {
            auto *item = new QTableWidgetItem(KpiFormat::comparisonFigure(value));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, column, item);
        }
        const double d = row.difference();
        auto *difference = new QTableWidgetItem(KpiFormat::comparisonDifference(d));
        difference->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (d != 0.0 && std::isfinite(d))
            difference->setForeground((d > 0) == row.higherIsBetter ? better : worse);
        m_table->setItem(r, 3, difference);
    }
}

} // namespace tt
