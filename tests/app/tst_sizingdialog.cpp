// SPDX-License-Identifier: MIT
// Energy ▸ Optimise sizes… on a one-building town near Shanghai (its bundled
// Hongqiao weather, no assets of its own, so the reference is the default set):
// Start waits for the simulation, the sizing runs on a worker to a table that
// shows the result's numbers, sizing.json is written, Apply rewrites the assets
// to the optimised capacities as one undo step and undo restores them, Cancel
// right after Start leaves no result and a usable dialog, closing the dialog
// while it runs cancels the worker and waits for it; the main window's
// Energy ▸ Optimise sizes… opens it.
#include "RunnerWait.h"
#include "gui/EnergyRunner.h"
#include "gui/MainWindow.h"
#include "gui/SizingDialog.h"
#include "core/Document.h"
#include "energy/ProjectWeather.h"

#include <QAction>
#include <QComboBox>
#include <QMenuBar>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace tt;

namespace {

Building block(EntityId id, BuildingUse use, double x, double y, double w, double d, int levels)
{
    Building b;
    b.id = id;
    b.use = use;
    b.levels = levels;
    b.heightM = levels * 3.2;
    b.year = 2012;
    b.footprint.outer = {{x, y}, {x + w, y}, {x + w, y + d}, {x, y + d}};
    return b;
}

//! An office block near the Hongqiao station, no energy assets. (The year's programme
//! has 8760 hours whatever the town: one building takes about a minute, as the sample town
//! takes several; a constant-weather year was slower still.)
Town smallTown()
{
    Town town;
    town.site.latitude = 31.15;
    town.site.longitude = 121.30;
    town.buildings.put(block(1, BuildingUse::Office, 0, 0, 30, 20, 3));
    town.nextId = 10;
    return town;
}

//! Whether a cell ("1234", "12.34") shows `value` as rounded to its decimals.
bool shows(const QString &text, double value)
{
    bool ok = false;
    const double shown = QLocale().toDouble(text, &ok);
    if (!ok)
        return false;
    const qsizetype point = text.indexOf(QLocale().decimalPoint());
    const int decimals = point < 0 ? 0 : int(text.size() - point - 1);
    return std::abs(shown - value) <= 0.5 * std::pow(10.0, -decimals) * (1.0 + 1e-9) + 1e-12;
}

//! The values the table's rows stand for, in its units.
QVector<double> rowValues(const SizedSystem &s)
{
    const Capacities &c = s.capacities;
    return {c.rooftopPvKwp, c.groundPvKwp, c.windKw, c.batteryKwh, c.batteryKw, c.chpKwE, c.absorptionKwTh,
            c.heatPumpKwTh, c.thermalStorageKwh, c.boilerKwTh, c.chillerKwTh,
            s.economics.system.annualisedCost / 1e6, s.economics.system.capex / 1e6, s.economics.npv / 1e6,
            s.kpis.co2Kg / 1e3, 100.0 * s.kpis.selfSufficiency, 100.0 * s.kpis.renewableShare};
}

bool near(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); }

} // namespace

class TestSizingDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<EnergyRunner> m_runner;
    std::unique_ptr<SizingDialog> m_dialog;
    QTemporaryDir m_dir;
    //! The runner's simulated year the sizing started from.
    SimulationResult m_simulated;

    bool waitUpToDate(int timeoutMs = 60000) const { return guitest::waitUntilSimulated(*m_runner, *m_document, timeoutMs); }
    QPushButton *button(const char *name) const { return m_dialog->findChild<QPushButton *>(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_document = std::make_unique<Document>();
        m_document->resetTown(smallTown());
        m_runner = std::make_unique<EnergyRunner>(m_document.get());
        QCOMPARE(m_runner->weatherReference(), ProjectWeather::kShanghai);
        m_dialog = std::make_unique<SizingDialog>(m_document.get(), m_runner.get());
        m_dialog->resize(560, 820);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void startWaitsForTheSimulation()
    {
        // The year is still being simulated: nothing to size yet.
        QVERIFY(m_runner->state() != EnergyRunner::State::UpToDate);
        QVERIFY(!button("start")->isEnabled());
        QVERIFY2(m_dialog->noteText().startsWith(QLatin1String("Waiting for the energy simulation")),
                 qPrintable(m_dialog->noteText()));
        QVERIFY(!m_dialog->start());
        QCOMPARE(m_dialog->state(), SizingDialog::State::Idle);
        QVERIFY(waitUpToDate());
        QVERIFY(button("start")->isEnabled());
        QVERIFY2(m_dialog->noteText().contains(QStringLiteral("“Current system” is the default set")),
                 qPrintable(m_dialog->noteText()));
        QVERIFY(!m_runner->result().defaultAssets.isEmpty());
        QVERIFY(m_document->town().assets.isEmpty());
        QVERIFY(!button("apply")->isEnabled());
        QVERIFY(!button("save")->isEnabled());
    }

    void sizesOnAWorkerAndShowsTheResult()
    {
        m_simulated = m_runner->result();
        QElapsedTimer wall;
        wall.start();
        QSignalSpy states(m_dialog.get(), &SizingDialog::stateChanged);
        QVERIFY(m_dialog->start());
        // Start returns at once: the programme is solved on the worker, the GUI keeps running.
        QVERIFY(wall.elapsed() < 1000);
        QCOMPARE(m_dialog->state(), SizingDialog::State::Running);
        QVERIFY(!button("start")->isEnabled());
        QVERIFY(button("cancel")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->statusText().contains(QLatin1String(" elapsed")), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->state() != SizingDialog::State::Running, 240000);
        QCOMPARE(m_dialog->state(), SizingDialog::State::Done);
        qInfo("small-town sizing: %.1f s wall clock (solver %.1f s, %d rows, %d columns, %d iterations, %s)",
              m_dialog->lastRunSeconds(), m_dialog->sizing().solver.seconds, m_dialog->sizing().solver.rows,
              m_dialog->sizing().solver.columns, m_dialog->sizing().solver.iterations,
              qPrintable(m_dialog->sizing().solver.status));
        QCOMPARE(states.size(), 2);  // Running, Done
        QVERIFY(m_dialog->hasResult());
        const SizingResult &r = m_dialog->sizing();
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.solver.status, QStringLiteral("optimal"));
        // "Sized in 1:14: the optimum costs 12 % less a year than the current system (… against … M CNY)."
        QVERIFY2(m_dialog->statusText().startsWith(QLatin1String("Sized in "))
                     && m_dialog->statusText().contains(QLatin1String(" less a year than the current system (")),
                 qPrintable(m_dialog->statusText()));

        // The table: one row per capacity, then money and KPIs; the reference beside the optimum.
        QTableWidget *table = m_dialog->table();
        QCOMPARE(table->rowCount(), int(SizingDialog::RowCount));
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Current system"));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Optimised"));
        QCOMPARE(table->verticalHeaderItem(SizingDialog::RooftopPvRow)->text(), QStringLiteral("PV rooftop (kWp)"));
        QCOMPARE(table->verticalHeaderItem(SizingDialog::Co2Row)->text(), QStringLiteral("CO₂ (t/a)"));
        const QVector<double> reference = rowValues(r.reference), sized = rowValues(r.sized);
        for (int row = 0; row < SizingDialog::RowCount; ++row) {
            const QString name = table->verticalHeaderItem(row)->text();
            QVERIFY2(shows(table->item(row, SizingDialog::CurrentColumn)->text(), reference[row]),
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(name, table->item(row, 0)->text()).arg(reference[row])));
            QVERIFY2(shows(table->item(row, SizingDialog::OptimisedColumn)->text(), sized[row]),
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(name, table->item(row, 1)->text()).arg(sized[row])));
        }
        // The optimum is no dearer a year than the current system, and it builds something.
        QVERIFY(r.sized.economics.system.annualisedCost <= r.reference.economics.system.annualisedCost * (1 + 1e-9));
        QVERIFY(r.sized.capacities.rooftopPvKwp > 0.0 || r.sized.capacities.heatPumpKwTh > 0.0);
        // The solver's line.
        const QString solver = m_dialog->findChild<QLabel *>(QStringLiteral("solverLine"))->text();
        QVERIFY2(solver.contains(QLocale().toString(r.solver.rows) + QStringLiteral(" rows"))
                     && solver.contains(QLocale().toString(r.solver.iterations) + QStringLiteral(" iterations"))
                     && solver.endsWith(QLatin1String("optimal.")),
                 qPrintable(solver));
        QVERIFY(button("apply")->isEnabled());
        QVERIFY(button("save")->isEnabled());
        QVERIFY(button("start")->isEnabled());
    }

    void savesSizingJson()
    {
        const QString path = m_dir.filePath(QStringLiteral("sizing.json"));
        const Status status = m_dialog->saveJson(path);
        QVERIFY2(status.ok, qPrintable(status.message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject expected = m_dialog->sizing().toJson();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY2(json.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(json.value("objective").toString(), QStringLiteral("cost"));
        QVERIFY(json.value("weather").toObject().value("location").toString().contains(QLatin1String("Shanghai")));
        // A file that cannot be written is named.
        const Status bad = m_dialog->saveJson(m_dir.filePath(QStringLiteral("no/such/dir/sizing.json")));
        QVERIFY(!bad.ok);
        QVERIFY2(bad.message.contains(QLatin1String("sizing.json")), qPrintable(bad.message));
    }

    void applyIsOneUndoStep()
    {
        QVERIFY(m_document->town().assets.isEmpty());
        const int steps = m_document->undoStack()->count();
        const Capacities sized = m_dialog->sizing().sized.capacities;
        QSignalSpy applied(m_dialog.get(), &SizingDialog::applied);
        button("apply")->click();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Apply optimised sizes"));
        QVERIFY(!m_dialog->isVisible());  // Apply closes the dialog
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

        // The assets now give the optimised capacities back, as the simulation reads them.
        const Capacities back = Capacities::of(EnergySystem::fromTown(m_document->town(), *m_runner->weather()));
        const double expected[] = {sized.rooftopPvKwp, sized.groundPvKwp, sized.windKw, sized.batteryKwh,
                                   sized.batteryKw, sized.chpKwE, sized.absorptionKwTh, sized.heatPumpKwTh,
                                   sized.thermalStorageKwh, sized.boilerKwTh, sized.chillerKwTh};
        const double got[] = {back.rooftopPvKwp, back.groundPvKwp, back.windKw, back.batteryKwh, back.batteryKw,
                              back.chpKwE, back.absorptionKwTh, back.heatPumpKwTh, back.thermalStorageKwh,
                              back.boilerKwTh, back.chillerKwTh};
        for (int i = 0; i < 11; ++i)
            QVERIFY2(near(got[i], expected[i]),
                     qPrintable(QStringLiteral("%1: %2 applied, %3 sized")
                                    .arg(m_dialog->table()->verticalHeaderItem(i)->text())
                                    .arg(got[i]).arg(expected[i])));
        // The default set's grid connection came with them.
        bool grid = false;
        for (const EnergyAsset &a : m_document->town().assets)
            grid = grid || a.type == EnergyAssetType::GridConnection;
        QVERIFY(grid);
        QCOMPARE(m_document->town().buildings.size(), 1);

        // One undo: the plan has no assets again.
        m_document->undoStack()->undo();
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QCOMPARE(m_document->undoStack()->index(), steps);
        QCOMPARE(m_document->town().assets.size(), 0);
        QCOMPARE(m_document->town().buildings.size(), 1);
        QVERIFY(waitUpToDate());
        // The simulation is that of the plan without assets again.
        QCOMPARE(m_runner->result().kpis.co2Kg, m_simulated.kpis.co2Kg);
    }

    void cancelRightAfterStart()
    {
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QVERIFY(button("start")->isEnabled());
        QElapsedTimer wall;
        wall.start();
        QVERIFY(m_dialog->start());
        QVERIFY(!m_dialog->hasResult());
        QCOMPARE(m_dialog->table()->item(SizingDialog::RooftopPvRow, SizingDialog::OptimisedColumn)->text(),
                 QStringLiteral("–"));
        QVERIFY(!button("apply")->isEnabled());
        button("cancel")->click();
        QCOMPARE(m_dialog->state(), SizingDialog::State::Cancelling);
        QVERIFY(!button("cancel")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->state() != SizingDialog::State::Cancelling, 60000);
        qInfo("cancelled after %.1f s", wall.elapsed() / 1000.0);
        QCOMPARE(m_dialog->state(), SizingDialog::State::Cancelled);
        QVERIFY(!m_dialog->hasResult());
        QVERIFY2(m_dialog->statusText().startsWith(QLatin1String("Cancelled after ")), qPrintable(m_dialog->statusText()));
        QCOMPARE(m_dialog->table()->item(SizingDialog::RooftopPvRow, SizingDialog::OptimisedColumn)->text(),
                 QStringLiteral("–"));
        QVERIFY(!button("apply")->isEnabled());
        QVERIFY(!button("save")->isEnabled());
        QVERIFY(!m_dialog->apply().ok);
        // Still usable: the options can change and the next sizing starts.
        QVERIFY(button("start")->isEnabled());
        auto *objective = m_dialog->findChild<QComboBox *>(QStringLiteral("objective"));
        QVERIFY(objective->isEnabled());
        objective->setCurrentIndex(1);
        QCOMPARE(m_dialog->options().objective, DispatchObjective::Co2);
        objective->setCurrentIndex(0);
        QVERIFY(m_dialog->start());
        QCOMPARE(m_dialog->state(), SizingDialog::State::Running);
    }

    void closingWhileRunningCancelsAndWaits()
    {
        // The sizing started above is still running: closing cancels it and waits for the worker.
        QCOMPARE(m_dialog->state(), SizingDialog::State::Running);
        QElapsedTimer wall;
        wall.start();
        QVERIFY(m_dialog->close());
        qInfo("closed while running in %.1f s", wall.elapsed() / 1000.0);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->state(), SizingDialog::State::Cancelled);
        QVERIFY(!m_dialog->hasResult());
        // Destroying a running dialog waits too (the worker reads the dialog's cancel flag).
        m_dialog->show();
        QVERIFY(m_dialog->start());
        m_dialog.reset();
    }

    void energyMenuOpensTheDialog()
    {
        // The main window's Energy menu, next to View: one dialog, raised again when open.
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QVERIFY2(menus.indexOf(QStringLiteral("Energy")) == menus.indexOf(QStringLiteral("View")) + 1,
                 qPrintable(menus.join(QLatin1Char(' '))));
        auto *action = window.findChild<QAction *>(QStringLiteral("optimiseSizes"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Optimise sizes…"));
        QVERIFY(!window.sizingDialog());
        action->trigger();
        QPointer<SizingDialog> dialog = window.sizingDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog.data()));
        action->trigger();
        QCOMPARE(window.sizingDialog(), dialog.data());
        // An empty plan has no weather: nothing to size, and the dialog says why.
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("start"))->isEnabled());
        QVERIFY2(dialog->noteText().startsWith(QLatin1String("The plan has no weather yet")), qPrintable(dialog->noteText()));
        dialog->close();
        QTRY_VERIFY(!dialog);  // deleted on close
        QVERIFY(!window.sizingDialog());
    }

    void cleanupTestCase()
    {
        m_dialog.reset();
        m_runner.reset();
        m_document.reset();
    }
};

#include "GuiTestMain.h"
TOWNTWIN_GUI_TEST_MAIN(TestSizingDialog)
#include "tst_sizingdialog.moc"
