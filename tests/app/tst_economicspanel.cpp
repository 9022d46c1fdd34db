// SPDX-License-Identifier: MIT
// The energy dock's economics on the generated sample town and its bundled
// Shanghai weather: the Economics tab against the SimulationResult, choosing a
// bundled tariff (one undo step, a re-run with it), editing a price and an hour
// in the tariff dialog (the edited copy in the project, sources marked), a
// tariff the dialog refuses, a broken import named, export and import again,
// and the discount rate and period as project settings the re-run uses.
#include "RunnerWait.h"
#include "gui/EconomicsTable.h"
#include "gui/EnergyPanel.h"
#include "gui/TariffBox.h"
#include "gui/TariffDialog.h"
#include "SceneController.h"
#include "core/Document.h"
#include "energy/LifecycleEconomics.h"
#include "energy/Tariff.h"
#include "energy/TechnologyParameters.h"
#include "generate/TownGenerator.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace tt;

class TestEconomicsPanel : public QObject {
    Q_OBJECT

private:
    EnergyRunner *runner() const { return m_panel->runner(); }

    bool waitUpToDate(int timeoutMs = 60000) const { return guitest::waitUntilSimulated(*runner(), *m_document, timeoutMs); }

    //! Whether a money text ("12.34 M CNY", "456 k CNY/a", "0 CNY") shows `cny` as rounded to its digits.
    static bool showsMoney(const QString &text, double cny)
    {
        const QStringList parts = text.split(QLatin1Char(' '));
        if (parts.size() != 3)
            return false;
        bool ok = false;
        const double number = QLocale().toDouble(parts[0], &ok);
        if (!ok)
            return false;
        const double unit = parts[1] == QLatin1String("M") ? 1e6 : parts[1] == QLatin1String("k") ? 1e3 : 1.0;
        const qsizetype point = parts[0].indexOf(QLocale().decimalPoint());
        const int decimals = point < 0 ? 0 : int(parts[0].size() - point - 1);
        return std::abs(number * unit - cny) <= 0.5 * std::pow(10.0, -decimals) * unit * (1.0 + 1e-9);
    }

    QComboBox *tariffCombo() const { return m_panel->tariffBox()->comboBox(); }

    //! The column of a period in the dialog's price table, -1 when none.
    static int periodColumn(QTableWidget *prices, const QString &period)
    {
        for (int c = 0; c < prices->columnCount(); ++c)
            if (prices->horizontalHeaderItem(c)->data(Qt::UserRole).toString() == period)
                return c;
        return -1;
    }

    //! The message box a TariffDialog shows, its text and details; closes it. Empty when none.
    static QString takeError(TariffDialog *dialog)
    {
        auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("tariffError"));
        if (!box)
            return QString();
        const QString text = box->text() + QLatin1Char('\n') + box->informativeText();
        box->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return text;
    }

    std::unique_ptr<Document> m_document;
    std::unique_ptr<SceneController> m_scene;
    std::unique_ptr<EnergyRunner> m_runner;
    std::unique_ptr<EnergyPanel> m_panel;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TownTwinTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_economicspanel"));

        // The sample town with its bundled Shanghai weather: the runner starts on its own.
        m_document = std::make_unique<Document>();
        m_document->resetTown(TownGenerator::generate(1));
        QVERIFY(!m_document->town().settings.contains(Tariff::kSettingKey));
        m_scene = std::make_unique<SceneController>(m_document.get());
        m_runner = std::make_unique<EnergyRunner>(m_document.get());
        m_panel = std::make_unique<EnergyPanel>(m_document.get(), m_runner.get(), m_scene.get());
        m_panel->resize(520, 900);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(m_panel->showTab(QStringLiteral("Economics")));
        QVERIFY(waitUpToDate(120000));
        QVERIFY2(runner()->result().status.ok, qPrintable(runner()->result().status.message));
    }

    void tableShowsTheResultsEconomics()
    {
        const SimulationResult &r = runner()->result();
        const LifecycleEconomics &e = r.economics;
        qInfo("capex %.2f M (baseline %.2f M), NPC %.2f M (baseline %.2f M), NPV %.2f M, payback %.1f a, "
              "LCOE %.3f CNY/kWh",
              e.system.capex / 1e6, e.baseline.capex / 1e6, e.system.netPresentCost / 1e6,
              e.baseline.netPresentCost / 1e6, e.npv / 1e6, e.simplePaybackYears, e.system.lcoeElectricity);
        QVERIFY(e.system.capex > 0.0);
        QCOMPARE(r.tariff.key, Tariff::kDefault);
        const TechnologyParameters &defaults = TechnologyParameters::bundled();
        QCOMPARE(e.finance.discountRate, defaults.finance.discountRate);

        const struct {
            const char *row;
            double plan, baseline;
        } rows[] = {
            {"capex", e.system.capex, e.baseline.capex},
            {"net_present_cost", e.system.netPresentCost, e.baseline.netPresentCost},
            {"annualised_cost", e.system.annualisedCost, e.baseline.annualisedCost},
            {"opex", e.system.annualOpex, e.baseline.annualOpex},
            {"energy_bill", e.system.energyBill, e.baseline.energyBill},
            {"demand_charge", e.system.demandCharge, e.baseline.demandCharge},
            {"om", e.system.fixedOm + e.system.variableOm, e.baseline.fixedOm + e.baseline.variableOm},
        };
        for (const auto &row : rows) {
            const QString key = QLatin1String(row.row);
            QString plan = m_panel->economicsText(key, 0);
            QString baseline = m_panel->economicsText(key, 1);
            // Yearly rows say so.
            if (key != QLatin1String("capex") && key != QLatin1String("net_present_cost")) {
                QVERIFY2(plan.endsWith(QStringLiteral("/a")), qPrintable(plan));
                plan.chop(2);
                baseline.chop(2);
            }
            QVERIFY2(showsMoney(plan, row.plan), qPrintable(QStringLiteral("%1: %2 for %3").arg(key, plan).arg(row.plan)));
            QVERIFY2(showsMoney(baseline, row.baseline),
                     qPrintable(QStringLiteral("%1: %2 for %3").arg(key, baseline).arg(row.baseline)));
            // Both columns of a row in the same unit.
            QCOMPARE(plan.section(QLatin1Char(' '), 1), baseline.section(QLatin1Char(' '), 1));
        }
        const QString lcoe = m_panel->economicsText(QStringLiteral("lcoe"), 0);
        QVERIFY2(lcoe.endsWith(QStringLiteral(" CNY/kWh")), qPrintable(lcoe));
        QVERIFY(std::abs(QLocale().toDouble(lcoe.section(QLatin1Char(' '), 0, 0)) - e.system.lcoeElectricity) <= 0.0005);

        EconomicsTable *table = m_panel->economicsTable();
        QVERIFY2(showsMoney(table->npvText(), e.npv), qPrintable(table->npvText()));
        if (std::isfinite(e.simplePaybackYears))
            QCOMPARE(table->paybackText(),
                     QStringLiteral("%1 years").arg(QLocale().toString(e.simplePaybackYears, 'f', 1)));
        else
            QCOMPARE(table->paybackText(), QStringLiteral("never"));
        QVERIFY2(table->tariffText().contains(r.tariff.name), qPrintable(table->tariffText()));
        QVERIFY(table->tariffText().contains(r.tariffReason));
        // Nothing in the tab is cut off: the table is as tall as its rows.
        auto *view = table->findChild<QTableWidget *>(QStringLiteral("economicsTable"));
        QVERIFY(view);
        QVERIFY(view->isVisible());
        QCOMPARE(view->verticalScrollBar()->maximum(), 0);
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }

    void choosingABundledTariffRerunsWithIt()
    {
        const QString single = QStringLiteral("shanghai_2025_commercial_single_part");
        QComboBox *combo = tariffCombo();
        QCOMPARE(combo->currentData().toString(), Tariff::kDefault);
        QVERIFY2(combo->toolTip().contains(QStringLiteral("Demand charge")), qPrintable(combo->toolTip()));
        const int index = combo->findData(single);
        QVERIFY(index >= 0);
        const int steps = m_document->undoStack()->count();
        // As the planner picks it.
        combo->setCurrentIndex(index);
        emit combo->activated(index);
        QCOMPARE(m_document->town().settings.value(Tariff::kSettingKey).toString(), Tariff::kBundledPrefix + single);
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Tariff: %1").arg(combo->itemText(index)));
        QVERIFY(waitUpToDate());
        QVERIFY(!runner()->lastRunIncremental());
        const SimulationResult &r = runner()->result();
        QCOMPARE(r.tariff.key, single);
        QCOMPARE(r.tariffReason, QStringLiteral("the project's choice"));
        // No demand charge in a single-part tariff; the table says so.
        QCOMPARE(r.economics.system.demandCharge, 0.0);
        QCOMPARE(m_panel->economicsText(QStringLiteral("demand_charge"), 0), QStringLiteral("0 CNY/a"));
        QVERIFY(m_panel->economicsTable()->tariffText().contains(r.tariff.name));

        // One undo step back to the default, which is no setting at all.
        m_document->undoStack()->undo();
        QVERIFY(!m_document->town().settings.contains(Tariff::kSettingKey));
        QCOMPARE(combo->currentData().toString(), Tariff::kDefault);
        QVERIFY(waitUpToDate());
        QCOMPARE(runner()->result().tariff.key, Tariff::kDefault);

        // Redo, then choosing the default removes the setting again.
        m_document->undoStack()->redo();
        QCOMPARE(combo->currentData().toString(), single);
        const int defaultIndex = combo->findData(Tariff::kDefault);
        combo->setCurrentIndex(defaultIndex);
        emit combo->activated(defaultIndex);
        QVERIFY(!m_document->town().settings.contains(Tariff::kSettingKey));
        QVERIFY(waitUpToDate());
        QCOMPARE(runner()->result().tariff.key, Tariff::kDefault);
    }

    void editingThePricesStoresAnEditedTariff()
    {
        TariffDialog *dialog = m_panel->tariffBox()->openEditor();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const Tariff before = Tariff::forTown(m_document->town());
        QTableWidget *prices = dialog->pricesTable();
        QCOMPARE(prices->rowCount(), int(before.seasons.size()));
        // Every period of any season is a column; a season without it has an empty cell there.
        const int critical = periodColumn(prices, QStringLiteral("critical_peak"));
        const int peak = periodColumn(prices, QStringLiteral("peak"));
        QVERIFY(critical >= 0 && peak >= 0);
        int seasonWithout = -1;
        for (int r = 0; r < before.seasons.size(); ++r)
            if (!before.seasons[r].prices.contains(QStringLiteral("critical_peak")))
                seasonWithout = r;
        QVERIFY(seasonWithout >= 0);
        QVERIFY(prices->item(seasonWithout, critical)->text().isEmpty());
        QVERIFY(!(prices->item(seasonWithout, critical)->flags() & Qt::ItemIsEditable));
        QCOMPARE(prices->item(0, peak)->data(Qt::EditRole).toDouble(), before.seasons[0].prices.value(QStringLiteral("peak")));

        // A new peak price in the first season, one hour moved to the next period, a new feed-in price.
        const double newPeak = 1.2345;
        prices->item(0, peak)->setData(Qt::EditRole, newPeak);
        QTableWidget *hours = dialog->hoursTable();
        QCOMPARE(hours->columnCount(), 24);
        const int hour = 3;  // a valley hour in every season of the default
        QCOMPARE(hours->item(0, hour)->data(Qt::UserRole).toString(), before.seasons[0].hours[hour]);
        QTest::mouseClick(hours->viewport(), Qt::LeftButton, {}, hours->visualItemRect(hours->item(0, hour)).center());
        const QString moved = hours->item(0, hour)->data(Qt::UserRole).toString();
        QVERIFY(moved != before.seasons[0].hours[hour]);
        QVERIFY(before.seasons[0].prices.contains(moved));
        auto *feedIn = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("feedIn"));
        QVERIFY(feedIn);
        feedIn->setValue(before.feedInPerKwh + 0.05);
        dialog->findChild<QLineEdit *>(QStringLiteral("tariffName"))->setText(QStringLiteral("Shanghai, negotiated"));

        const int steps = m_document->undoStack()->count();
        dialog->accept();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Edit tariff"));
        const QVariant setting = m_document->town().settings.value(Tariff::kSettingKey);
        QCOMPARE(setting.metaType().id(), QMetaType::QVariantMap);
        QString why;
        QStringList warnings;
        const Tariff edited = Tariff::forTown(m_document->town(), &why, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(why, QStringLiteral("the project's edited tariff"));
        QCOMPARE(edited.name, QStringLiteral("Shanghai, negotiated"));
        QCOMPARE(edited.seasons[0].prices.value(QStringLiteral("peak")), newPeak);
        QCOMPARE(edited.seasons[0].hours[hour], moved);
        QCOMPARE(edited.seasons[1].prices, before.seasons[1].prices);
        QVERIFY(std::abs(edited.feedInPerKwh - (before.feedInPerKwh + 0.05)) < 1e-12);
        // Sources: the original text, marked where edited, untouched elsewhere.
        QCOMPARE(edited.pricesSource, before.pricesSource + TariffDialog::kEditedNote);
        QCOMPARE(edited.sources.value(QStringLiteral("feed_in_per_kwh")),
                 before.sources.value(QStringLiteral("feed_in_per_kwh")) + TariffDialog::kEditedNote);
        QCOMPARE(edited.sources.value(QStringLiteral("gas_per_kwh")), before.sources.value(QStringLiteral("gas_per_kwh")));
        QCOMPARE(edited.demandChargePerKwMonth, before.demandChargePerKwMonth);
        QCOMPARE(edited.source, before.source);

        QCOMPARE(tariffCombo()->currentText(), QStringLiteral("Edited: Shanghai, negotiated"));
        QVERIFY(waitUpToDate());
        QVERIFY(runner()->result().tariff.key.isEmpty());
        QCOMPARE(runner()->result().tariff.seasons[0].prices.value(QStringLiteral("peak")), newPeak);
        QCOMPARE(runner()->result().tariffReason, why);

        // Editing the edited tariff again does not mark its sources twice; OK without a change adds no step.
        TariffDialog *again = m_panel->tariffBox()->openEditor();
        QTableWidgetItem *peakAgain = again->pricesTable()->item(0, periodColumn(again->pricesTable(), QStringLiteral("peak")));
        peakAgain->setData(Qt::EditRole, newPeak + 0.1);
        QCOMPARE(again->editedTariff().pricesSource, edited.pricesSource);
        peakAgain->setData(Qt::EditRole, newPeak);
        const int editedSteps = m_document->undoStack()->count();
        again->accept();
        QCOMPARE(m_document->undoStack()->count(), editedSteps);
    }

    void theDialogRefusesABrokenTariff()
    {
        TariffDialog *dialog = m_panel->tariffBox()->openEditor();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QVariantMap settings = m_document->town().settings;
        const int steps = m_document->undoStack()->count();
        dialog->findChild<QLineEdit *>(QStringLiteral("tariffName"))->clear();
        dialog->accept();
        // Still open, the problem said, the project untouched.
        QVERIFY(dialog->isVisible());
        const QString error = takeError(dialog);
        QVERIFY2(error.contains(QStringLiteral("'name'")), qPrintable(error));
        QCOMPARE(m_document->undoStack()->count(), steps);
        QCOMPARE(m_document->town().settings, settings);

        // Every hour of a period moved away: that period has a price but no hour.
        dialog->findChild<QLineEdit *>(QStringLiteral("tariffName"))->setText(QStringLiteral("No flat"));
        QTableWidget *hours = dialog->hoursTable();
        const QString first = hours->item(0, 0)->data(Qt::UserRole).toString();
        for (int h = 0; h < 24; ++h)
            while (hours->item(0, h)->data(Qt::UserRole).toString() != first)
                emit hours->cellClicked(0, h);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        const QString noHour = takeError(dialog);
        QVERIFY2(noHour.contains(QStringLiteral("has a price but no hour")), qPrintable(noHour));
        QCOMPARE(m_document->undoStack()->count(), steps);
        dialog->reject();
    }

    void importAndExport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TariffDialog *dialog = m_panel->tariffBox()->openEditor();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("tariffName"));
        const QString shownName = name->text();

        // Not JSON, and JSON that is not a tariff: the file and the problem named, nothing changed.
        const QString notJson = dir.filePath(QStringLiteral("prices.txt"));
        QFile text(notJson);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("peak 1.2, valley 0.3\n");
        text.close();
        Status status = dialog->importFile(notJson);
        QVERIFY(!status.ok);
        QVERIFY2(status.message.contains(QStringLiteral("prices.txt")), qPrintable(status.message));
        QString error = takeError(dialog);
        QVERIFY2(error.contains(QStringLiteral("prices.txt")) && error.contains(QStringLiteral("not JSON")),
                 qPrintable(error));

        const QString broken = dir.filePath(QStringLiteral("broken-tariff.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "name": "Broken", "region": "Nowhere", "currency": "EUR", "date": "2025",
                     "source": "a test"})");
        file.close();
        status = dialog->importFile(broken);
        QVERIFY(!status.ok);
        error = takeError(dialog);
        QVERIFY2(error.contains(QStringLiteral("broken-tariff.json")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("currency")), qPrintable(error));
        QCOMPARE(name->text(), shownName);

        // Export a bundled tariff, then import the file back: the same tariff.
        Tariff residential;
        QVERIFY(Tariff::loadBundled(QStringLiteral("shanghai_2025_residential"), &residential));
        const QString bundledCopy = dir.filePath(QStringLiteral("residential.json"));
        {
            QFile out(bundledCopy);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(residential.toJson()).toJson());
        }
        QVERIFY(dialog->importFile(bundledCopy).ok);
        QCOMPARE(name->text(), residential.name);
        QCOMPARE(dialog->pricesTable()->rowCount(), int(residential.seasons.size()));
        QCOMPARE(dialog->editedTariff().toJson(), residential.toJson());
        auto *gas = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("gasPrice"));
        gas->setValue(0.5);
        const QString exported = dir.filePath(QStringLiteral("exported.json"));
        status = dialog->exportFile(exported);
        QVERIFY2(status.ok, qPrintable(status.message));
        Tariff readBack;
        QVERIFY(Tariff::loadFile(exported, &readBack).ok);
        QCOMPARE(readBack.toJson(), dialog->editedTariff().toJson());
        QCOMPARE(readBack.gasPerKwh, 0.5);
        QVERIFY(readBack.sources.value(QStringLiteral("gas_per_kwh")).endsWith(TariffDialog::kEditedNote));
        // A folder that does not exist: the file named, nothing written.
        const QString nowhere = dir.filePath(QStringLiteral("missing/exported.json"));
        QVERIFY(!dialog->exportFile(nowhere).ok);
        error = takeError(dialog);
        QVERIFY2(error.contains(QStringLiteral("exported.json")), qPrintable(error));
        QVERIFY(!QFile::exists(nowhere));
        dialog->reject();
    }

    void discountRateAndPeriodAreProjectSettings()
    {
        EconomicsTable *table = m_panel->economicsTable();
        auto *rate = table->findChild<QDoubleSpinBox *>(QStringLiteral("discountRate"));
        auto *years = table->findChild<QSpinBox *>(QStringLiteral("analysisYears"));
        QVERIFY(rate && years);
        const FinanceParameters defaults = TechnologyParameters::bundled().finance;
        QCOMPARE(rate->value(), 100.0 * defaults.discountRate);
        QCOMPARE(years->value(), int(defaults.analysisYears));
        const QString npcBefore = m_panel->economicsText(QStringLiteral("net_present_cost"), 0);

        const int steps = m_document->undoStack()->count();
        rate->setValue(9.5);
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Discount rate %1 %").arg(QLocale().toString(9.5, 'f', 1)));
        QVERIFY(std::abs(m_document->town().settings.value(QStringLiteral("discount_rate")).toDouble() - 0.095) < 1e-12);
        QVERIFY(waitUpToDate());
        QVERIFY(!runner()->lastRunIncremental());
        QVERIFY(std::abs(runner()->result().economics.finance.discountRate - 0.095) < 1e-12);
        // Discounted harder, the future opex weighs less.
        QVERIFY(m_panel->economicsText(QStringLiteral("net_present_cost"), 0) != npcBefore);

        years->setValue(12);
        QCOMPARE(m_document->town().settings.value(QStringLiteral("analysis_years")).toInt(), 12);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Analysis period 12 years"));
        QVERIFY(waitUpToDate());
        QCOMPARE(runner()->result().economics.finance.analysisYears, 12.0);
        QVERIFY(m_panel->economicsTable()->tariffText().contains(QStringLiteral("12 years")));

        // Undo follows into the spin boxes; back at the defaults there is no setting.
        m_document->undoStack()->undo();
        QCOMPARE(years->value(), int(defaults.analysisYears));
        m_document->undoStack()->undo();
        QCOMPARE(rate->value(), 100.0 * defaults.discountRate);
        QVERIFY(!m_document->town().settings.contains(QStringLiteral("discount_rate")));
        QVERIFY(!m_document->town().settings.contains(QStringLiteral("analysis_years")));
        QVERIFY(waitUpToDate());
        QCOMPARE(runner()->result().economics.finance.discountRate, defaults.discountRate);
    }
};

QTEST_MAIN(TestEconomicsPanel)
#include "tst_economicspanel.moc"
