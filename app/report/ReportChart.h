// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QStringList>
#include <QVector>

class QPainter;
class QRectF;

namespace tt {

//! A chart of the report drawn with QPainter as vectors, so that it prints sharp and
//! needs no widget: either vertical bars over categories (series stacked on each other,
//! optionally a line over them, e.g. months) or horizontal bars, one a category, each in
//! its own colour with its figure at the end (e.g. land-use classes). Vertical charts
//! have a value axis with round steps, a grid and a legend when there is more than one series.
class ReportChart {
public:
    enum class Orientation { Vertical, Horizontal };
    struct Series {
        QString name;
        QColor color;
        QVector<double> values;  //!< one per category
    };

    explicit ReportChart(Orientation orientation = Orientation::Vertical) : m_orientation(orientation) {}

    void setCategories(const QStringList &categories) { m_categories = categories; }
    //! Vertical: stacked in the order added. Horizontal: the first series only.
    void addBars(const Series &series) { m_bars.append(series); }
    //! Vertical only: a line over the bars (e.g. what was used against what was supplied).
    void setLine(const Series &series) { m_line = series; }
    //! Horizontal: one colour per category instead of the series' colour.
    void setCategoryColors(const QVector<QColor> &colors) { m_categoryColors = colors; }
    //! Horizontal: the figure written after each bar.
    void setValueLabels(const QStringList &labels) { m_valueLabels = labels; }
    //! Vertical: the value axis' title (its unit). Both: when above 0, a fixed top of the
    //! values (e.g. 1 for shares); horizontal bars carry their figures, not an axis.
    void setAxis(const QString &title, double maximum = 0.0)
    {
        m_axisTitle = title;
        m_maximum = maximum;
    }
    //! Series hidden from the legend (e.g. unmet demand when there is none).
    void setLegendHidden(const QStringList &names) { m_legendHidden = names; }
    void setFont(const QFont &font) { m_font = font; }

    //! Draws the chart into `rect` of the painter's device.
    void paint(QPainter &painter, const QRectF &rect) const;

    //! Round axis steps: the largest value rounded up to 1, 2 or 5 × 10ⁿ per step, `ticks` steps or fewer.
    static QVector<double> axisTicks(double maximum, int ticks);

private:
    void paintVertical(QPainter &painter, const QRectF &rect) const;
    void paintHorizontal(QPainter &painter, const QRectF &rect) const;
    //! Draws the legend along the bottom of `rect`; returns its height.
    double paintLegend(QPainter &painter, const QRectF &rect) const;
    double largestValue() const;

    Orientation m_orientation;
    QStringList m_categories;
    QVector<Series> m_bars;
    Series m_line;
    QVector<QColor> m_categoryColors;
    QStringList m_valueLabels;
    QStringList m_legendHidden;
    QString m_axisTitle;
    double m_maximum = 0.0;
    QFont m_font;
};

} // namespace tt
