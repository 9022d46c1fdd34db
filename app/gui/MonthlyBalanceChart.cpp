// SPDX-License-Identifier: MIT
#include "MonthlyBalanceChart.h"

#include "energy/DispatchResult.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace tt {

namespace {

enum Source { Pv, Wind, Chp, Storage, Grid, Unmet, SourceCount };
constexpr int kMonths = 12;

//! Month 0..11 of every day of the weather year (365 days: EpwReader drops 29 February).
std::array<int, 365> monthOfDay()
{
    static constexpr int kDays[kMonths] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::array<int, 365> months{};
    int day = 0;
    for (int m = 0; m < kMonths; ++m)
        for (int d = 0; d < kDays[m]; ++d)
            months[size_t(day++)] = m;
    return months;
}

} // namespace

MonthlyBalanceChart::MonthlyBalanceChart(QWidget *parent)
    : QChartView(parent), m_supply(new QStackedBarSeries), m_use(new QLineSeries), m_axisY(new QValueAxis)
{
    const std::array<std::pair<QString, QColor>, SourceCount> sources = {{
        {tr("PV"), QColor(0xf9, 0xa8, 0x25)},
        {tr("Wind"), QColor(0x4f, 0xc3, 0xf7)},
        {tr("CHP"), QColor(0x8d, 0x6e, 0x63)},
        {tr("Battery/EV"), QColor(0x7e, 0x57, 0xc2)},
        {tr("Grid import"), QColor(0x9e, 0x9e, 0x9e)},
        {tr("Unmet"), QColor(0xe5, 0x39, 0x35)},
    }};
    for (const auto &[name, color] : sources) {
        auto *set = new QBarSet(name);
        set->setColor(color);
        set->setBorderColor(color);
        for (int m = 0; m < kMonths; ++m)
            set->append(0.0);
        m_supply->append(set);
        m_sets.append(set);
    }
    m_supply->setBarWidth(0.7);
    m_use->setName(tr("Use"));
    QPen pen(QColor(0x21, 0x21, 0x21));
    pen.setWidthF(2.0);
    m_use->setPen(pen);

    auto *chart = new QChart;
    chart->addSeries(m_supply);
    chart->addSeries(m_use);
    auto *axisX = new QBarCategoryAxis;
    const QLocale locale;
    // One letter per month: twelve three-letter names do not fit a dock's width.
    for (int m = 1; m <= kMonths; ++m)
        axisX->append(locale.monthName(m, QLocale::NarrowFormat));
    chart->addAxis(axisX, Qt::AlignBottom);
    m_axisY->setTitleText(tr("MWh"));
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_supply), static_cast<QAbstractSeries *>(m_use)}) {
        series->attachAxis(axisX);
        series->attachAxis(m_axisY);
    }
    chart->setTitle(tr("Monthly electricity: supply (bars) and use (line)"));
    // What the bars hold above the line went into storage or was exported: say so.
    setToolTip(tr("Bars: where the month's electricity came from. Line: what the town used (buildings, heat "
                  "pumps, chillers, EV charging). Supply above the line was stored in batteries or exported."));
    // Slightly smaller labels keep all twelve months and the legend legible in a dock.
    QFont small = axisX->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axisX->setLabelsFont(small);
    chart->legend()->setFont(small);
    chart->legend()->setShowToolTips(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setDispatch(DispatchResult{});
}

void MonthlyBalanceChart::setDispatch(const DispatchResult &d)
{
    std::array<std::array<double, kMonths>, SourceCount> supply{};
    std::array<double, kMonths> use{};
    if (d.hours() == 365 * 24) {
        const std::array<int, 365> months = monthOfDay();
        for (int h = 0; h < d.hours(); ++h) {
            const size_t m = size_t(months[size_t(h / 24)]);
            // Curtailment is shared between PV and wind in proportion to their output that hour.
            const double pv = d.at(Flow::Pv, h), wind = d.at(Flow::Wind, h);
            const double kept = pv + wind > 0.0 ? 1.0 - d.at(Flow::ElecCurtailed, h) / (pv + wind) : 0.0;
            supply[Pv][m] += pv * kept;
            supply[Wind][m] += wind * kept;
            supply[Chp][m] += d.at(Flow::ChpElec, h);
            supply[Storage][m] += d.at(Flow::BatteryDischarge, h) + d.at(Flow::EvDischarge, h);
            supply[Grid][m] += d.at(Flow::GridImport, h);
            supply[Unmet][m] += d.at(Flow::UnmetElec, h);
            use[m] += d.at(Flow::ElecDemand, h) + d.at(Flow::HeatPumpElec, h) + d.at(Flow::ChillerElec, h)
                + d.at(Flow::EvCharge, h);
        }
    }
    double top = 0.0;
    QVector<QPointF> line;
    for (int m = 0; m < kMonths; ++m) {
        double stack = 0.0;
        for (int s = 0; s < SourceCount; ++s) {
            m_sets[s]->replace(m, supply[size_t(s)][size_t(m)] / 1000.0);
            stack += supply[size_t(s)][size_t(m)] / 1000.0;
        }
        line.append(QPointF(m, use[size_t(m)] / 1000.0));
        top = std::max({top, stack, use[size_t(m)] / 1000.0});
    }
    m_use->replace(line);
    m_axisY->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_axisY->applyNiceNumbers();
    // Unmet demand is a warning sign: in the legend only when there is some
    // (more than the solver's round-off, 1 kWh in a month).
    const bool anyUnmet = std::any_of(supply[Unmet].begin(), supply[Unmet].end(), [](double kwh) { return kwh > 1.0; });
    for (QLegendMarker *marker : chart()->legend()->markers(m_supply))
        if (marker->label() == m_sets[Unmet]->label())
            marker->setVisible(anyUnmet);
}

} // namespace tt
