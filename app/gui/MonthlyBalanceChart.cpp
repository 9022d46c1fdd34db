// SPDX-License-Identifier: MIT
#include "MonthlyBalanceChart.h"

#include "energy/DispatchResult.h"
#include "energy/MonthlyBalance.h"

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

using Source = MonthlyBalance::Source;
constexpr int kMonths = MonthlyBalance::kMonths;

} // namespace

QString MonthlyBalanceChart::sourceName(MonthlyBalance::Source source)
{
    switch (source) {
    case Source::Pv: return tr("PV");
    case Source::Wind: return tr("Wind");
    case Source::Chp: return tr("CHP");
    case Source::Storage: return tr("Battery/EV");
    case Source::Grid: return tr("Grid import");
    case Source::Unmet: return tr("Unmet");
    case Source::SourceCount: break;
    }
    return {};
}

QColor MonthlyBalanceChart::sourceColor(MonthlyBalance::Source source)
{
    switch (source) {
    case Source::Pv: return QColor(0xf9, 0xa8, 0x25);
    case Source::Wind: return QColor(0x4f, 0xc3, 0xf7);
    case Source::Chp: return QColor(0x8d, 0x6e, 0x63);
    case Source::Storage: return QColor(0x7e, 0x57, 0xc2);
    case Source::Grid: return QColor(0x9e, 0x9e, 0x9e);
    case Source::Unmet: return QColor(0xe5, 0x39, 0x35);
    case Source::SourceCount: break;
    }
    return {};
}

MonthlyBalanceChart::MonthlyBalanceChart(QWidget *parent)
    : QChartView(parent), m_supply(new QStackedBarSeries), m_use(new QLineSeries), m_axisY(new QValueAxis)
{
    for (int s = 0; s < MonthlyBalance::SourceCount; ++s) {
        const QColor color = sourceColor(Source(s));
        auto *set = new QBarSet(sourceName(Source(s)));
        set->setColor(color);
        set->setBorderColor(color);
        for (int m = 0; m < kMonths; ++m)
            set->append(0.0);
        m_supply->append(set);
        m_sets.append(set);
    }
    m_supply->setBarWidth(0.7);
    m_use->setName(tr("Use"));
    QPen pen(useColor());
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
    const MonthlyBalance balance = MonthlyBalance::fromDispatch(d);
    double top = 0.0;
    QVector<QPointF> line;
    for (int m = 0; m < kMonths; ++m) {
        for (int s = 0; s < MonthlyBalance::SourceCount; ++s)
            m_sets[s]->replace(m, balance.supplyKwh[size_t(s)][size_t(m)] / 1000.0);
        line.append(QPointF(m, balance.useKwh[size_t(m)] / 1000.0));
        top = std::max({top, balance.supplyKwhIn(m) / 1000.0, balance.useKwh[size_t(m)] / 1000.0});
    }
    m_use->replace(line);
    m_axisY->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_axisY->applyNiceNumbers();
    // Unmet demand is a warning sign: in the legend only when there is some.
    const bool anyUnmet = balance.anyUnmet();
    for (QLegendMarker *marker : chart()->legend()->markers(m_supply))
        if (marker->label() == m_sets[Source::Unmet]->label())
            marker->setVisible(anyUnmet);
}

} // namespace tt
