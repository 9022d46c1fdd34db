// SPDX-License-Identifier: MIT
#pragma once

#include "energy/MonthlyBalance.h"

#include <QChartView>

class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace tt {

struct DispatchResult;

//! The town's electricity balance per month: stacked bars of where the
//! electricity came from (PV and wind after curtailment, CHP, battery and EV
//! discharge, grid import, and unmet demand when there is any) and a line for
//! what the town used (buildings, heat pumps, chillers, EV charging). The gap
//! between bars and line is what went into storage or was exported.
class MonthlyBalanceChart : public QChartView {
    Q_OBJECT
public:
    explicit MonthlyBalanceChart(QWidget *parent = nullptr);
    //! A dock-sized chart: QChartView's own hint grows with the scene and would
    //! make the dock's scroll area scroll instead of fitting the chart.
    QSize sizeHint() const override { return {400, 320}; }

    //! A source's name in the legend and its colour (the report's chart shows the same).
    static QString sourceName(MonthlyBalance::Source source);
    static QColor sourceColor(MonthlyBalance::Source source);
    //! The line's colour.
    static QColor useColor() { return QColor(0x21, 0x21, 0x21); }

    //! Shows the monthly sums of an hourly dispatch (8760 h); an empty one clears the chart.
    void setDispatch(const DispatchResult &dispatch);

    //! One bar set per source, MWh per month (for tests and tooltips).
    QStackedBarSeries *supply() const { return m_supply; }
    //! Electricity use, MWh per month at x = 0..11.
    QLineSeries *use() const { return m_use; }

private:
    QStackedBarSeries *m_supply;
    QVector<QBarSet *> m_sets;  // indexed by MonthlyBalance::Source
    QLineSeries *m_use;
    QValueAxis *m_axisY;
};

} // namespace tt
