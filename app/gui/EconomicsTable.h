// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace tt {

class Document;
struct SimulationResult;

//! The Energy dock's "Economics" tab: what the plan costs over its life against
//! the baseline (separate production, LifecycleEconomics): capex, yearly opex,
//! annualised and net present cost, the levelised cost of electricity, the NPV
//! and the simple payback, and the tariff they were computed with. The discount
//! rate and the analysis period above the table are the project's settings
//! ("discount_rate", a fraction, and "analysis_years"; unset = the bundled
//! technology data's defaults), each change one undo step; the runner then
//! re-simulates and the table follows.
class EconomicsTable : public QWidget {
    Q_OBJECT
public:
    //! The table's rows, in order: "capex", "opex", "energy_bill", "demand_charge", "om",
    //! "annualised_cost", "net_present_cost", "lcoe".
    static const QStringList &rowKeys();

    explicit EconomicsTable(Document *document, QWidget *parent = nullptr);

    //! Shows a result; one without hours (no weather yet) shows "–" everywhere.
    void setResult(const SimulationResult &result);

    //! A cell as shown: column 0 this plan, 1 the baseline; empty for an unknown row or column.
    QString text(const QString &row, int column) const;
    //! "NPV against the baseline" and "Simple payback" as shown ("never" when it does not pay back).
    QString npvText() const;
    QString paybackText() const;
    //! The line naming the tariff and why it applies.
    QString tariffText() const;

    //! Formats CNY in CNY, k CNY or M CNY by size, e.g. "12.3 M CNY".
    static QString money(double cny);

private:
    void showFinance();
    void storeDiscountRate(double percent);
    void storeAnalysisYears(int years);
    void setRow(const QString &key, const QString &plan, const QString &baseline);

    Document *m_document;
    QDoubleSpinBox *m_discountRate;
    QSpinBox *m_years;
    QTableWidget *m_table;
    QLabel *m_npv;
    QLabel *m_payback;
    QLabel *m_tariff;
};

} // namespace tt
