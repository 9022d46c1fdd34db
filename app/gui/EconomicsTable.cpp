// SPDX-License-Identifier: MIT
#include "EconomicsTable.h"

#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "energy/LifecycleEconomics.h"
#include "energy/TechnologyParameters.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

// The project settings LifecycleEconomics::financeFor reads.
const QString kDiscountRateKey = QStringLiteral("discount_rate");
const QString kAnalysisYearsKey = QStringLiteral("analysis_years");
const QString kNone = QStringLiteral("–");

//! The unit money of this size reads best in: millions for plans, thousands for a demand charge.
struct MoneyScale {
    double divisor;
    const char *unit;
    int decimals;
};

MoneyScale scaleFor(double magnitude)
{
    if (magnitude >= 1e6)
        return {1e6, "M CNY", magnitude < 10e6 ? 2 : magnitude < 1000e6 ? 1 : 0};
    if (magnitude >= 1e3)
        return {1e3, "k CNY", magnitude < 10e3 ? 1 : 0};
    return {1.0, "CNY", 0};
}

QString format(double cny, const MoneyScale &scale, const QString &per)
{
    if (!std::isfinite(cny))
        return kNone;
    return QLocale().toString(cny / scale.divisor, 'f', scale.decimals) + QLatin1Char(' ')
           + QLatin1String(scale.unit) + per;
}

//! A row's two figures in the same unit, so that they compare at a glance.
QStringList moneyPair(double plan, double baseline, const QString &per = QString())
{
    const double magnitude = std::max(std::isfinite(plan) ? std::abs(plan) : 0.0,
                                      std::isfinite(baseline) ? std::abs(baseline) : 0.0);
    const MoneyScale scale = scaleFor(magnitude);
    return {format(plan, scale, per), format(baseline, scale, per)};
}

QString perKwh(double cnyPerKwh)
{
    return std::isfinite(cnyPerKwh) ? EconomicsTable::tr("%1 CNY/kWh").arg(QLocale().toString(cnyPerKwh, 'f', 3))
                                    : kNone;
}

//! Names of LifecycleEconomics' technology keys; others are shown by key.
QString technologyName(const QString &key)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("rooftop_pv"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Rooftop PV")},
        {QStringLiteral("ground_pv"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Ground PV")},
        {QStringLiteral("wind_turbine"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Wind")},
        {QStringLiteral("chp"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "CHP")},
        {QStringLiteral("absorption_chiller"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Absorption chiller")},
        {QStringLiteral("gas_boiler"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Gas boiler")},
        {QStringLiteral("biomass_boiler"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Biomass boiler")},
        {QStringLiteral("heat_pump"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Heat pumps")},
        {QStringLiteral("chiller"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Electric chillers")},
        {QStringLiteral("battery"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Battery")},
        {QStringLiteral("thermal_storage"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Thermal storage")},
        {QStringLiteral("ev_fleet"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "EV fleet")},
        {QStringLiteral("grid_connection"), QT_TRANSLATE_NOOP("tt::EconomicsTable", "Grid connection")},
    };
    const char *name = names.value(key);
    return name ? EconomicsTable::tr(name) : key;
}

//! What each technology adds to the capex, dearest first.
QString capexBreakdown(const SystemEconomics &e)
{
    QList<QPair<double, QString>> parts;
    for (auto it = e.capexByTechnology.constBegin(); it != e.capexByTechnology.constEnd(); ++it)
        if (it.value() > 0.0)
            parts.append({it.value(), it.key()});
    std::sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList lines;
    for (const auto &part : parts)
        lines << QStringLiteral("%1: %2").arg(technologyName(part.second), EconomicsTable::money(part.first));
    return lines.join(QLatin1Char('\n'));
}

QString npcBreakdown(const SystemEconomics &e)
{
    return EconomicsTable::tr("Capex %1, replacements %2, salvage −%3 (present values), plus the yearly opex "
                              "discounted over the period")
        .arg(EconomicsTable::money(e.capex), EconomicsTable::money(e.replacementsPresentValue),
             EconomicsTable::money(e.salvagePresentValue));
}

} // namespace

const QStringList &EconomicsTable::rowKeys()
{
    static const QStringList keys{QStringLiteral("capex"),           QStringLiteral("opex"),
                                  QStringLiteral("energy_bill"),     QStringLiteral("demand_charge"),
                                  QStringLiteral("om"),              QStringLiteral("annualised_cost"),
                                  QStringLiteral("net_present_cost"), QStringLiteral("lcoe")};
    return keys;
}

EconomicsTable::EconomicsTable(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_discountRate(new QDoubleSpinBox(this))
    , m_years(new QSpinBox(this))
    , m_table(new QTableWidget(int(rowKeys().size()), 2, this))
    , m_npv(new QLabel(this))
    , m_payback(new QLabel(this))
    , m_tariff(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *finance = new QHBoxLayout;
    m_discountRate->setObjectName(QStringLiteral("discountRate"));
    m_discountRate->setRange(0.0, 50.0);
    m_discountRate->setDecimals(1);
    m_discountRate->setSingleStep(0.5);
    m_discountRate->setSuffix(tr(" %"));
    // One undo step (and one re-run) per value, not per keystroke.
    m_discountRate->setKeyboardTracking(false);
    m_discountRate->setToolTip(tr("Real discount rate per year the net present cost, NPV and annualised cost are "
                                  "computed with (project setting)"));
    m_years->setObjectName(QStringLiteral("analysisYears"));
    m_years->setRange(1, 100);
    m_years->setSuffix(tr(" years"));
    m_years->setKeyboardTracking(false);
    m_years->setToolTip(tr("Years the plan is costed over: parts that wear out sooner are bought again, "
                           "life left at the end is credited (project setting)"));
    auto *rateLabel = new QLabel(tr("Discount rate"), this);
    rateLabel->setBuddy(m_discountRate);
    auto *yearsLabel = new QLabel(tr("Period"), this);
    yearsLabel->setBuddy(m_years);
    finance->addWidget(rateLabel);
    finance->addWidget(m_discountRate);
    finance->addSpacing(12);
    finance->addWidget(yearsLabel);
    finance->addWidget(m_years);
    finance->addStretch(1);
    layout->addLayout(finance);
    connect(m_discountRate, &QDoubleSpinBox::valueChanged, this, &EconomicsTable::storeDiscountRate);
    connect(m_years, &QSpinBox::valueChanged, this, &EconomicsTable::storeAnalysisYears);

    m_table->setObjectName(QStringLiteral("economicsTable"));
    m_table->setHorizontalHeaderLabels({tr("This plan"), tr("Baseline")});
    m_table->horizontalHeaderItem(0)->setToolTip(tr("The town's micro-energy system as planned"));
    m_table->horizontalHeaderItem(1)->setToolTip(
        tr("Separate production: the same demand from the grid, gas boilers and electric chillers"));
    const QString ofWhich = tr("\u2003of which %1");
    const QStringList labels{tr("Capex"),
                             tr("Annual opex"),
                             ofWhich.arg(tr("energy bill")),
                             ofWhich.arg(tr("demand charge")),
                             ofWhich.arg(tr("O&M")),
                             tr("Annualised cost"),
                             tr("Net present cost"),
                             tr("Levelised cost of electricity")};
    const QStringList tips{
        tr("Everything bought at the start"),
        tr("Energy bill and operation and maintenance, per year"),
        tr("Electricity (with the demand charge) and fuel bought, less electricity sold, per year"),
        tr("The tariff's charge on each month's highest grid import, per year"),
        tr("Fixed and variable operation and maintenance, per year"),
        tr("The net present cost as an equal yearly payment over the period"),
        tr("Capex, replacements and opex over the period, less the salvage value, at today's value"),
        tr("Annualised cost per kWh of electricity served (CNY/kWh)")};
    for (int r = 0; r < labels.size(); ++r) {
        auto *header = new QTableWidgetItem(labels[r]);
        header->setToolTip(tips[r]);
        m_table->setVerticalHeaderItem(r, header);
        for (int c = 0; c < 2; ++c) {
            auto *item = new QTableWidgetItem(kNone);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->resizeRowsToContents();
    // As tall as its rows: eight rows must not scroll inside a tab.
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height);
    layout->addWidget(m_table);

    auto *outcome = new QFormLayout;
    m_npv->setObjectName(QStringLiteral("npv"));
    m_npv->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payback->setObjectName(QStringLiteral("payback"));
    m_payback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outcome->addRow(tr("NPV against the baseline"), m_npv);
    outcome->addRow(tr("Simple payback"), m_payback);
    layout->addLayout(outcome);

    m_tariff->setObjectName(QStringLiteral("economicsTariff"));
    m_tariff->setWordWrap(true);
    m_tariff->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_tariff);
    layout->addStretch(1);

    connect(m_document, &Document::townReset, this, &EconomicsTable::showFinance);
    connect(m_document, &Document::settingsChanged, this, &EconomicsTable::showFinance);
    showFinance();
    setResult(SimulationResult{});
}

void EconomicsTable::setResult(const SimulationResult &result)
{
    if (result.dispatch.hours() == 0) {
        for (const QString &key : rowKeys())
            setRow(key, kNone, kNone);
        m_npv->setText(kNone);
        m_npv->setStyleSheet(QString());
        m_payback->setText(kNone);
        m_tariff->setText(tr("Choose a weather file to simulate the year"));
        return;
    }
    const LifecycleEconomics &e = result.economics;
    const SystemEconomics &plan = e.system;
    const SystemEconomics &base = e.baseline;
    const QString perYear = tr("/a");
    QStringList pair = moneyPair(plan.capex, base.capex);
    setRow(QStringLiteral("capex"), pair[0], pair[1]);
    pair = moneyPair(plan.annualOpex, base.annualOpex, perYear);
    setRow(QStringLiteral("opex"), pair[0], pair[1]);
    pair = moneyPair(plan.energyBill, base.energyBill, perYear);
    setRow(QStringLiteral("energy_bill"), pair[0], pair[1]);
    pair = moneyPair(plan.demandCharge, base.demandCharge, perYear);
    setRow(QStringLiteral("demand_charge"), pair[0], pair[1]);
    pair = moneyPair(plan.fixedOm + plan.variableOm, base.fixedOm + base.variableOm, perYear);
    setRow(QStringLiteral("om"), pair[0], pair[1]);
    pair = moneyPair(plan.annualisedCost, base.annualisedCost, perYear);
    setRow(QStringLiteral("annualised_cost"), pair[0], pair[1]);
    pair = moneyPair(plan.netPresentCost, base.netPresentCost);
    setRow(QStringLiteral("net_present_cost"), pair[0], pair[1]);
    setRow(QStringLiteral("lcoe"), perKwh(plan.lcoeElectricity), perKwh(base.lcoeElectricity));

    const int capexRow = int(rowKeys().indexOf(QStringLiteral("capex")));
    m_table->item(capexRow, 0)->setToolTip(capexBreakdown(plan));
    m_table->item(capexRow, 1)->setToolTip(capexBreakdown(base));
    const int npcRow = int(rowKeys().indexOf(QStringLiteral("net_present_cost")));
    m_table->item(npcRow, 0)->setToolTip(npcBreakdown(plan));
    m_table->item(npcRow, 1)->setToolTip(npcBreakdown(base));

    const QLocale locale;
    const QString terms = tr("over %1 years at %2 % a year")
                              .arg(locale.toString(e.finance.analysisYears, 'g', 4),
                                   locale.toString(100.0 * e.finance.discountRate, 'f', 1));
    m_npv->setText(money(e.npv));
    m_npv->setToolTip(tr("The baseline's net present cost less the plan's, %1: above zero the plan pays off")
                          .arg(terms));
    // Whether the plan pays off is the point of the figure: say it in colour too.
    m_npv->setStyleSheet(e.npv > 0.0   ? QStringLiteral("color: #2e7d32; font-weight: bold")
                         : e.npv < 0.0 ? QStringLiteral("color: #b71c1c; font-weight: bold")
                                       : QString());
    m_payback->setText(std::isfinite(e.simplePaybackYears)
                           ? tr("%1 years").arg(locale.toString(e.simplePaybackYears, 'f', 1))
                           : tr("never"));
    m_payback->setToolTip(tr("The plan's extra capex over the baseline divided by its yearly opex saving, "
                             "undiscounted; \"never\" when it saves nothing a year"));
    m_tariff->setText(tr("Costs at 2024 prices, %1. Tariff: %2 (%3).").arg(terms, result.tariff.name, result.tariffReason));
}

QString EconomicsTable::text(const QString &row, int column) const
{
    const QTableWidgetItem *item = m_table->item(int(rowKeys().indexOf(row)), column);
    return item ? item->text() : QString();
}

QString EconomicsTable::npvText() const
{
    return m_npv->text();
}

QString EconomicsTable::paybackText() const
{
    return m_payback->text();
}

QString EconomicsTable::tariffText() const
{
    return m_tariff->text();
}

QString EconomicsTable::money(double cny)
{
    return format(cny, scaleFor(std::isfinite(cny) ? std::abs(cny) : 0.0), QString());
}

void EconomicsTable::setRow(const QString &key, const QString &plan, const QString &baseline)
{
    const int row = int(rowKeys().indexOf(key));
    m_table->item(row, 0)->setText(plan);
    m_table->item(row, 1)->setText(baseline);
}

void EconomicsTable::showFinance()
{
    const FinanceParameters f
        = LifecycleEconomics::financeFor(m_document->town(), TechnologyParameters::bundled().finance);
    const QSignalBlocker rateBlocker(m_discountRate);
    const QSignalBlocker yearsBlocker(m_years);
    m_discountRate->setValue(100.0 * f.discountRate);
    m_years->setValue(int(std::lround(f.analysisYears)));
}

void EconomicsTable::storeDiscountRate(double percent)
{
    const double rate = percent / 100.0;
    QVariantMap settings = m_document->town().settings;
    const QVariantMap before = settings;
    // The default is no setting: the project follows the technology data's default.
    if (std::abs(rate - TechnologyParameters::bundled().finance.discountRate) < 1e-9)
        settings.remove(kDiscountRateKey);
    else
        settings.insert(kDiscountRateKey, rate);
    if (settings == before)
        return;
    m_document->setSettings(settings, m_document->town().rulesJson,
                            tr("Discount rate %1 %").arg(QLocale().toString(percent, 'f', 1)));
}

void EconomicsTable::storeAnalysisYears(int years)
{
    QVariantMap settings = m_document->town().settings;
    const QVariantMap before = settings;
    if (years == int(std::lround(TechnologyParameters::bundled().finance.analysisYears)))
        settings.remove(kAnalysisYearsKey);
    else
        settings.insert(kAnalysisYearsKey, years);
    if (settings == before)
        return;
    m_document->setSettings(settings, m_document->town().rulesJson, tr("Analysis period %1 years").arg(years));
}

} // namespace tt
