// SPDX-License-Identifier: MIT
#include "SizingDialog.h"

#include "EnergyRunner.h"

#include "core/Document.h"
#include "energy/SizedAssets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace tt {

//! Everything a sizing run is given, taken when it starts; shared read-only with the worker.
struct SizingDialog::Input {
    Town town;
    std::shared_ptr<const WeatherYear> weather;
    SimulationResult simulated;
    SizingOptions options;
    quint64 revision = 0;
};

namespace {

QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    // No "-0" for a size the optimum dropped.
    const double rounded = std::abs(value) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : value;
    return QLocale().toString(rounded, 'f', decimals);
}

QString minutesSeconds(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

//! A table that asks for room for all its rows (QAbstractScrollArea's AdjustToContents stops
//! at 24 lines) but may be squeezed to a few of them, then scrolls.
class ResultTable : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    QSize sizeHint() const override
    {
        const QSize base = QTableWidget::sizeHint();
        return {base.width(), fullHeight(rowCount())};
    }
    QSize minimumSizeHint() const override
    {
        return {QTableWidget::minimumSizeHint().width(), fullHeight(std::min(rowCount(), 6))};
    }

private:
    int fullHeight(int rows) const
    {
        return rows * verticalHeader()->defaultSectionSize() + horizontalHeader()->sizeHint().height()
            + 2 * frameWidth() + 2;
    }
};

} // namespace

SizingDialog::SizingDialog(Document *document, EnergyRunner *runner, QWidget *parent)
    : QDialog(parent), m_document(document), m_runner(runner)
{
    setWindowTitle(tr("Optimise energy system sizes"));
    buildUi();
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &SizingDialog::updateElapsed);
    connect(&m_watcher, &QFutureWatcher<SizingResult>::finished, this, &SizingDialog::onFinished);
    connect(m_runner, &EnergyRunner::stateChanged, this, &SizingDialog::updateAvailability);
    connect(m_runner, &EnergyRunner::resultReady, this, &SizingDialog::updateAvailability);
    connect(m_runner, &EnergyRunner::weatherChanged, this, &SizingDialog::updateAvailability);
    connect(m_document, &Document::revisionChanged, this, &SizingDialog::updateAvailability);
    updateAvailability();
}

SizingDialog::~SizingDialog()
{
    // Only stop the worker: the document and the runner may already be gone (they are
    // the main window's children too), so no state or widget is updated here.
    m_cancelRequested = true;
    m_watcher.waitForFinished();
}

void SizingDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *optionsBox = new QGroupBox(tr("What to optimise"), this);
    auto *form = new QFormLayout(optionsBox);
    m_objective = new QComboBox(optionsBox);
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItem(tr("Lowest cost (annualised capex, O&M and energy bill)"),
                         QVariant::fromValue(int(DispatchObjective::Cost)));
    m_objective->addItem(tr("Lowest CO₂"), QVariant::fromValue(int(DispatchObjective::Co2)));
    form->addRow(tr("Objective:"), m_objective);

    const auto limitRow = [&](const QString &label, const QString &suffix, double max, int decimals,
                              QCheckBox **check, QDoubleSpinBox **spin, const QString &name) {
        auto *row = new QWidget(optionsBox);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        *check = new QCheckBox(label, row);
        (*check)->setObjectName(name + QStringLiteral("Check"));
        *spin = new QDoubleSpinBox(row);
        (*spin)->setObjectName(name);
        (*spin)->setRange(0.0, max);
        (*spin)->setDecimals(decimals);
        (*spin)->setSuffix(suffix);
        (*spin)->setGroupSeparatorShown(true);
        (*spin)->setEnabled(false);
        (*spin)->setMinimumWidth(140);
        connect(*check, &QCheckBox::toggled, *spin, &QWidget::setEnabled);
        h->addWidget(*check);
        h->addWidget(*spin);
        h->addStretch(1);
        return row;
    };
    form->addRow(tr("CO₂ cap:"), limitRow(tr("At most"), tr(" t/a"), 1e9, 0, &m_capCheck, &m_cap, QStringLiteral("co2Cap")));
    form->addRow(tr("Capex budget:"),
                 limitRow(tr("At most"), tr(" M CNY"), 1e6, 2, &m_budgetCheck, &m_budget, QStringLiteral("capexBudget")));
    layout->addWidget(optionsBox);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("sizingNote"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    auto *runRow = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("start"));
    m_cancel = new QPushButton(tr("&Cancel sizing"), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);  // the LP reports no usable fraction: a busy bar
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_busy, 1);
    layout->addLayout(runRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sizingStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_start, &QPushButton::clicked, this, [this] { start(); });
    connect(m_cancel, &QPushButton::clicked, this, &SizingDialog::cancel);

    m_table = new ResultTable(RowCount, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("sizingTable"));
    m_table->setHorizontalHeaderLabels({tr("Current system"), tr("Optimised")});
    m_table->setVerticalHeaderLabels({
        tr("PV rooftop (kWp)"), tr("PV fields (kWp)"), tr("Wind (kW)"), tr("Battery energy (kWh)"),
        tr("Battery power (kW)"), tr("CHP (kWe)"), tr("Absorption chillers (kW)"), tr("Heat pumps (kW)"),
        tr("Hot-water tank (kWh)"), tr("Boilers (kW)"), tr("Electric chillers (kW)"), tr("Annualised cost (M CNY/a)"),
        tr("Capex (M CNY)"), tr("NPV against baseline (M CNY)"), tr("CO₂ (t/a)"), tr("Self-sufficiency (%)"),
        tr("Renewable share (%)")});
    m_table->verticalHeaderItem(NpvRow)->setToolTip(
        tr("Net present cost of the separate-production baseline minus the system's: above 0 the system pays off"));
    m_table->verticalHeaderItem(AnnualisedCostRow)
        ->setToolTip(tr("Capex over its life, replacements and salvage, fixed O&M and the year's energy bill"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(120);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setMinimumWidth(m_table->verticalHeader()->sizeHint().width() + 2 * 130);
    clearTable();
    layout->addWidget(m_table, 1);

    m_solver = new QLabel(this);
    m_solver->setObjectName(QStringLiteral("solverLine"));
    m_solver->setWordWrap(true);
    m_solver->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_solver);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("sizingWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setVisible(false);
    layout->addWidget(m_warnings);

    // Save on the left, then Apply and Close (Apply closes the dialog too).
    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save sizing.json…"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_apply = new QPushButton(tr("&Apply"), this);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("close"));
    for (QPushButton *b : {m_save, m_apply, m_close})
        b->setAutoDefault(false);
    m_save->setEnabled(false);
    m_apply->setEnabled(false);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_close);
    connect(m_save, &QPushButton::clicked, this, &SizingDialog::saveWithDialog);
    connect(m_apply, &QPushButton::clicked, this, &SizingDialog::applyFromButton);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addLayout(buttons);
    m_start->setDefault(true);
    // The note warns about an unbounded CO2 objective.
    connect(m_objective, &QComboBox::currentIndexChanged, this, &SizingDialog::updateAvailability);
    connect(m_capCheck, &QCheckBox::toggled, this, &SizingDialog::updateAvailability);
    connect(m_budgetCheck, &QCheckBox::toggled, this, &SizingDialog::updateAvailability);
}

SizingOptions SizingDialog::options() const
{
    SizingOptions o;
    o.objective = DispatchObjective(m_objective->currentData().toInt());
    if (m_capCheck->isChecked())
        o.co2CapKg = m_cap->value() * 1000.0;
    if (m_budgetCheck->isChecked())
        o.capexBudget = m_budget->value() * 1e6;
    return o;
}

QString SizingDialog::noteText() const
{
    return m_note->text();
}

QString SizingDialog::statusText() const
{
    return m_status->text();
}

void SizingDialog::updateAvailability()
{
    const bool running = m_state == State::Running || m_state == State::Cancelling;
    QString note;
    bool ready = false;
    if (!m_runner->weather()) {
        note = tr("The plan has no weather yet: choose a weather file in the Energy dock first.");
    } else if (m_runner->state() == EnergyRunner::State::Failed) {
        note = tr("The energy simulation failed (%1): the sizing needs its simulated year.").arg(m_runner->errorMessage());
    } else if (!m_runner->hasResult() || m_runner->state() != EnergyRunner::State::UpToDate
               || m_runner->resultRevision() != m_document->revision()) {
        note = tr("Waiting for the energy simulation of the current plan: the sizing starts from its simulated year.");
    } else {
        ready = true;
        note = tr("Sizes every technology for the plan's simulated year in one linear programme over its 8,760 "
                  "hours (PV limited to the roofs and farmland, wind to the plan's sites). It takes about a minute "
                  "whatever the size of the town; several with a CO2 cap.");
        if (!m_runner->result().defaultAssets.isEmpty())
            note += QLatin1Char(' ') + tr("The plan has no energy assets: “Current system” is the default set.");
    }
    if (!m_capCheck->isChecked() && !m_budgetCheck->isChecked() && options().objective == DispatchObjective::Co2)
        note += QLatin1Char(' ') + tr("Lowest CO₂ without a capex budget may build far beyond what pays.");
    const bool planChanged = m_hasResult && m_input && m_document->revision() != m_input->revision;
    if (planChanged)
        note += QLatin1Char(' ') + tr("The plan changed after the sizing below started: start again to apply sizes.");
    if (note != m_note->text()) {
        m_note->setText(note);
        fitToContents();
    }
    m_start->setEnabled(ready && !running);
    m_objective->setEnabled(!running);
    m_capCheck->setEnabled(!running);
    m_budgetCheck->setEnabled(!running);
    m_cap->setEnabled(!running && m_capCheck->isChecked());
    m_budget->setEnabled(!running && m_budgetCheck->isChecked());

    // Sensible starting values for the limits: the current system's CO2 and capex.
    if (ready && !m_optionDefaultsSet) {
        const SimulationResult &r = m_runner->result();
        if (!m_capCheck->isChecked())
            m_cap->setValue(std::round(r.kpis.co2Kg / 1000.0));
        if (!m_budgetCheck->isChecked())
            m_budget->setValue(std::ceil(r.economics.system.capex / 1e4) / 100.0);
        m_optionDefaultsSet = true;
    }

    m_apply->setEnabled(m_hasResult && !running && !planChanged);
    m_apply->setToolTip(planChanged ? tr("The plan changed after this sizing started: start again to apply sizes")
                                    : tr("Rewrite the plan's energy assets to the optimised sizes (one undo step)"));
    m_save->setEnabled(m_hasResult && !running);
}

bool SizingDialog::start()
{
    if (m_state == State::Running || m_state == State::Cancelling)
        return false;
    updateAvailability();
    if (!m_start->isEnabled())
        return false;
    auto input = std::make_shared<Input>();
    input->town = m_document->town();
    input->weather = m_runner->weather();
    input->simulated = m_runner->result();
    input->options = options();
    input->revision = m_document->revision();
    m_input = input;

    m_result = SizingResult();
    m_hasResult = false;
    clearTable();
    m_solver->clear();
    m_warnings->clear();
    m_warnings->setVisible(false);
    m_cancelRequested = false;
    m_stage = QStringLiteral("sizing");
    m_clock.start();
    m_tick.start();

    const Progress progress = [this](double fraction, const QString &stage) {
        QMetaObject::invokeMethod(
            this, [this, fraction, stage] { onProgress(fraction, stage); }, Qt::QueuedConnection);
        return !m_cancelRequested.load();
    };
    const TechnologyParameters &technologies = m_runner->technologies();
    m_watcher.setFuture(QtConcurrent::run([input, progress, &technologies] {
        return CapacitySizer().size(input->town, *input->weather, input->simulated, input->options, technologies,
                                    progress);
    }));
    setState(State::Running);
    m_busy->setVisible(true);
    updateElapsed();
    return true;
}

void SizingDialog::cancel()
{
    if (m_state != State::Running)
        return;
    m_cancelRequested = true;
    setState(State::Cancelling);
    updateElapsed();
}

void SizingDialog::onProgress(double, const QString &stage)
{
    m_stage = stage;
    updateElapsed();
}

void SizingDialog::updateElapsed()
{
    if (m_state != State::Running && m_state != State::Cancelling)
        return;
    const QString elapsed = minutesSeconds(m_clock.elapsed());
    if (m_state == State::Cancelling) {
        m_status->setText(tr("Cancelling… (%1 elapsed; the solver stops at its next check)").arg(elapsed));
        return;
    }
    const QString stage = m_stage == QLatin1String("sizing") ? tr("solving the year's linear programme")
                          : m_stage == QLatin1String("done") ? tr("evaluating the sized system")
                                                             : m_stage;
    m_status->setText(tr("Sizing: %1 — %2 elapsed").arg(stage, elapsed));
}

void SizingDialog::onFinished()
{
    if (m_state != State::Running && m_state != State::Cancelling)
        return;  // stopAndWait() already took the result
    m_tick.stop();
    m_busy->setVisible(false);
    m_lastRunSeconds = m_clock.elapsed() / 1000.0;
    const SizingResult result = m_watcher.future().result();
    const QString elapsed = minutesSeconds(m_clock.elapsed());
    if (m_cancelRequested || result.status.code == ErrorCode::Cancelled) {
        m_status->setText(tr("Cancelled after %1: no sizes computed.").arg(elapsed));
        setState(State::Cancelled);
    } else if (!result.status) {
        m_status->setText(tr("The sizing failed after %1: %2").arg(elapsed, result.status.message));
        setState(State::Failed);
    } else {
        m_result = result;
        m_hasResult = true;
        m_status->setText(tr("Sized in %1: %2").arg(elapsed, summary()));
        showResult();
        setState(State::Done);
    }
    fitToContents();
}

void SizingDialog::fitToContents()
{
    // Wrapped labels change height with their text: grow the dialog (never shrink it) so
    // that nothing is squeezed under another widget.
    if (!isVisible() || !layout())
        return;
    const QSize hint = layout()->totalSizeHint();
    const int w = std::max(width(), hint.width());
    int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w) : hint.height();
    if (const QScreen *s = screen())
        h = std::min(h, s->availableGeometry().height() - 60);  // the table scrolls beyond that
    if (w > width() || h > height())
        resize(w, std::max(h, height()));
}

QString SizingDialog::summary() const
{
    const SizedSystem &now = m_result.reference, &best = m_result.sized;
    const auto change = [](double from, double to) {
        return from > 0.0 ? 100.0 * (to - from) / from : 0.0;
    };
    if (m_input && m_input->options.objective == DispatchObjective::Co2) {
        const double d = change(now.kpis.co2Kg, best.kpis.co2Kg);
        return tr("the optimum emits %1 % %2 CO₂ a year than the current system (%3 against %4 t).")
            .arg(number(std::abs(d), 0), d <= 0.0 ? tr("less") : tr("more"), number(best.kpis.co2Kg / 1e3, 0),
                 number(now.kpis.co2Kg / 1e3, 0));
    }
    const double d = change(now.economics.system.annualisedCost, best.economics.system.annualisedCost);
    return tr("the optimum costs %1 % %2 a year than the current system (%3 against %4 M CNY).")
        .arg(number(std::abs(d), 0), d <= 0.0 ? tr("less") : tr("more"),
             number(best.economics.system.annualisedCost / 1e6, 2), number(now.economics.system.annualisedCost / 1e6, 2));
}

void SizingDialog::clearTable()
{
    // The money and KPI rows on a shaded background, apart from the capacities.
    const QBrush shade = palette().alternateBase();
    for (int r = 0; r < RowCount; ++r)
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r >= AnnualisedCostRow)
                item->setBackground(shade);
            m_table->setItem(r, c, item);
        }
}

void SizingDialog::showResult()
{
    const auto fill = [this](int column, const SizedSystem &s) {
        const Capacities &c = s.capacities;
        const double values[RowCount] = {c.rooftopPvKwp,
                                         c.groundPvKwp,
                                         c.windKw,
                                         c.batteryKwh,
                                         c.batteryKw,
                                         c.chpKwE,
                                         c.absorptionKwTh,
                                         c.heatPumpKwTh,
                                         c.thermalStorageKwh,
                                         c.boilerKwTh,
                                         c.chillerKwTh,
                                         s.economics.system.annualisedCost / 1e6,
                                         s.economics.system.capex / 1e6,
                                         s.economics.npv / 1e6,
                                         s.kpis.co2Kg / 1e3,
                                         100.0 * s.kpis.selfSufficiency,
                                         100.0 * s.kpis.renewableShare};
        for (int r = 0; r < RowCount; ++r) {
            const int decimals = r <= ChillerRow ? 0 : r <= NpvRow ? 2 : r == Co2Row ? 0 : 1;
            m_table->item(r, column)->setText(number(values[r], decimals));
        }
    };
    fill(CurrentColumn, m_result.reference);
    fill(OptimisedColumn, m_result.sized);
    // Where a size changed, the optimised value is bold.
    for (int r = 0; r < RowCount; ++r) {
        QTableWidgetItem *optimised = m_table->item(r, OptimisedColumn);
        QFont font = optimised->font();
        font.setBold(r <= ChillerRow && optimised->text() != m_table->item(r, CurrentColumn)->text());
        optimised->setFont(font);
    }
    const QString limits = m_result.limits.reasons.join(QLatin1Char('\n'));
    for (int r : {RooftopPvRow, GroundPvRow, WindRow})
        m_table->verticalHeaderItem(r)->setToolTip(limits);

    const SolverStatistics &s = m_result.solver;
    const QLocale locale;
    m_solver->setText(tr("Solver (Benders decomposition, COIN-OR CLP): the year's programme has %1 rows, %2 columns, "
                         "%3 non-zeros; solved %4 times, %5 iterations, %6 s, %7.")
                          .arg(locale.toString(s.rows), locale.toString(s.columns), locale.toString(s.nonZeros),
                               locale.toString(s.yearSolves), locale.toString(s.iterations),
                               locale.toString(s.seconds, 'f', 1), s.status));
    QStringList warnings = m_result.warnings;
    for (QString &w : warnings)
        w = QStringLiteral("⚠ ") + w.toHtmlEscaped();
    m_warnings->setText(warnings.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());
}

void SizingDialog::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    const bool running = state == State::Running || state == State::Cancelling;
    m_cancel->setEnabled(state == State::Running);
    m_busy->setVisible(running);
    updateAvailability();
    emit stateChanged(state);
}

void SizingDialog::stopAndWait()
{
    if (m_state != State::Running && m_state != State::Cancelling)
        return;
    m_cancelRequested = true;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_watcher.waitForFinished();
    QApplication::restoreOverrideCursor();
    onFinished();
}

void SizingDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitToContents();
}

void SizingDialog::done(int result)
{
    stopAndWait();
    QDialog::done(result);
}

Status SizingDialog::apply()
{
    if (!m_hasResult || !m_input)
        return Status::error(tr("There is no sizing to apply: start one first."));
    if (m_state == State::Running || m_state == State::Cancelling)
        return Status::error(tr("A sizing is running: wait for it or cancel it."));
    if (m_document->revision() != m_input->revision)
        return Status::error(tr("The plan changed after this sizing started: start again to apply sizes."));
    Town town = m_document->town();
    // A plan without assets was sized against the default set: it gets that set's grid
    // connection and fleet with the sized equipment (as `size --apply`).
    for (EnergyAsset asset : m_input->simulated.defaultAssets) {
        asset.id = town.allocateId();
        town.assets.put(asset);
    }
    QStringList notes;
    SizedAssets::apply(&town, m_result.sized.capacities, m_runner->technologies(), &notes);
    m_document->replaceTown(town, tr("Apply optimised sizes"));
    emit applied(notes);
    accept();
    return Status::success();
}

void SizingDialog::applyFromButton()
{
    if (const Status status = apply(); !status)
        QMessageBox::warning(this, windowTitle(), status.message);
}

Status SizingDialog::saveJson(const QString &path) const
{
    if (!m_hasResult || !m_input)
        return Status::error(tr("There is no sizing to save: start one first."));
    QJsonObject json = m_result.toJson();
    json.insert(QStringLiteral("objective"),
                m_input->options.objective == DispatchObjective::Co2 ? QStringLiteral("co2") : QStringLiteral("cost"));
    if (std::isfinite(m_input->options.co2CapKg))
        json.insert(QStringLiteral("co2_cap_t"), m_input->options.co2CapKg / 1000.0);
    if (std::isfinite(m_input->options.capexBudget))
        json.insert(QStringLiteral("capex_budget_cny"), m_input->options.capexBudget);
    json.insert(QStringLiteral("weather"), QJsonObject{{"file", m_input->weather->source},
                                                       {"location", m_input->weather->locationName}});
    json.insert(QStringLiteral("tariff"), QJsonObject{{"name", m_input->simulated.tariff.name},
                                                      {"chosen_by", m_input->simulated.tariffReason}});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit())
        return Status::error(tr("%1: cannot write (%2)").arg(QDir::toNativeSeparators(path), file.errorString()),
                             ErrorCode::CannotOpen);
    return Status::success();
}

void SizingDialog::saveWithDialog()
{
    QString dir = QFileInfo(m_document->filePath()).absolutePath();
    if (m_document->filePath().isEmpty())
        dir = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save sizing"),
                                                      QDir(dir).filePath(QStringLiteral("sizing.json")),
                                                      tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const Status status = saveJson(path); !status)
        QMessageBox::warning(this, windowTitle(), status.message);
}

} // namespace tt
