// SPDX-License-Identifier: MIT
#include "ReportChart.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

const QColor kInk(0x21, 0x21, 0x21);
const QColor kMuted(0x61, 0x61, 0x61);
const QColor kGrid(0xe0, 0xe0, 0xe0);

//! Millimetres in the painter's device units: charts are laid out in print measures.
double mm(const QPainter &painter, double millimetres)
{
    return millimetres * painter.device()->logicalDpiX() / 25.4;
}

QString tickText(double value, double step)
{
    const int decimals = step >= 1.0 ? 0 : step >= 0.1 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

QVector<double> ReportChart::axisTicks(double maximum, int ticks)
{
    if (!(maximum > 0.0) || !std::isfinite(maximum))
        return {0.0, 1.0};
    const double raw = maximum / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (const double f : {1.0, 2.0, 5.0, 10.0})
        if (f * magnitude >= raw) {
            step = f * magnitude;
            break;
        }
    QVector<double> values;
    for (int i = 0; values.isEmpty() || values.last() < maximum - 1e-9 * step; ++i)
        values.append(i * step);
    return values;
}

double ReportChart::largestValue() const
{
    double top = 0.0;
    for (int c = 0; c < m_categories.size(); ++c) {
        double stack = 0.0;
        for (const Series &s : m_bars)
            stack += c < s.values.size() ? std::max(0.0, s.values[c]) : 0.0;
        top = std::max(top, stack);
        if (c < m_line.values.size())
            top = std::max(top, m_line.values[c]);
    }
    return top;
}

void ReportChart::paint(QPainter &painter, const QRectF &rect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(m_font);
    if (m_orientation == Orientation::Vertical)
        paintVertical(painter, rect);
    else
        paintHorizontal(painter, rect);
    painter.restore();
}

double ReportChart::paintLegend(QPainter &painter, const QRectF &rect) const
{
    struct Entry {
        QString name;
        QColor color;
        bool line;
    };
    QVector<Entry> entries;
    for (const Series &s : m_bars)
        if (!m_legendHidden.contains(s.name))
            entries.append({s.name, s.color, false});
    if (!m_line.name.isEmpty())
        entries.append({m_line.name, m_line.color, true});
    if (entries.size() < 2)
        return 0.0;
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double swatch = metrics.height() * 0.7, gap = mm(painter, 2.0), spacing = mm(painter, 5.0);
    double width = 0.0;
    for (const Entry &e : entries)
        width += swatch + gap + metrics.horizontalAdvance(e.name) + spacing;
    width -= spacing;
    double x = rect.center().x() - width / 2.0;
    const double y = rect.bottom() - metrics.height();
    for (const Entry &e : entries) {
        const QRectF box(x, y + (metrics.height() - swatch) / 2.0, swatch, swatch);
        if (e.line) {
            painter.setPen(QPen(e.color, mm(painter, 0.6)));
            painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
        } else {
            painter.fillRect(box, e.color);
        }
        x += swatch + gap;
        painter.setPen(kInk);
        painter.drawText(QPointF(x, y + metrics.ascent()), e.name);
        x += metrics.horizontalAdvance(e.name) + spacing;
    }
    return metrics.height() + mm(painter, 2.0);
}

void ReportChart::paintVertical(QPainter &painter, const QRectF &rect) const
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double legend = paintLegend(painter, rect);
    const QVector<double> ticks = axisTicks(m_maximum > 0.0 ? m_maximum : largestValue(), 5);
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0;
    double labelWidth = 0.0;
    for (const double t : ticks)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(tickText(t, step)));
    // Room for the axis title above the top label, the labels left and the categories below.
    const QRectF plot(rect.left() + labelWidth + mm(painter, 2.0), rect.top() + metrics.height() * 1.5,
                      rect.width() - labelWidth - mm(painter, 2.0),
                      rect.height() - legend - metrics.height() * 1.5 - metrics.height() * 1.4);
    const double top = ticks.last();
    const auto yOf = [&](double v) { return plot.bottom() - plot.height() * v / top; };

    painter.setPen(kMuted);
    painter.drawText(QPointF(rect.left(), rect.top() + metrics.ascent()), m_axisTitle);
    for (const double t : ticks) {
        painter.setPen(QPen(kGrid, mm(painter, 0.2)));
        painter.drawLine(QPointF(plot.left(), yOf(t)), QPointF(plot.right(), yOf(t)));
        painter.setPen(kMuted);
        const QString text = tickText(t, step);
        painter.drawText(QPointF(plot.left() - mm(painter, 1.5) - metrics.horizontalAdvance(text),
                                 yOf(t) + metrics.ascent() / 2.0 - metrics.descent() / 2.0),
                         text);
    }
    const int n = int(m_categories.size());
    const double slot = plot.width() / std::max(1, n);
    for (int c = 0; c < n; ++c) {
        const double x = plot.left() + slot * c;
        double base = 0.0;
        for (const Series &s : m_bars) {
            const double v = c < s.values.size() ? std::max(0.0, s.values[c]) : 0.0;
            if (v <= 0.0)
                continue;
            painter.fillRect(QRectF(QPointF(x + slot * 0.18, yOf(base + v)), QPointF(x + slot * 0.82, yOf(base))), s.color);
            base += v;
        }
        painter.setPen(kInk);
        const QString label = m_categories[c];
        painter.drawText(QPointF(x + (slot - metrics.horizontalAdvance(label)) / 2.0,
                                 plot.bottom() + metrics.height() * 0.3 + metrics.ascent()),
                         label);
    }
    painter.setPen(QPen(kMuted, mm(painter, 0.25)));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    if (!m_line.values.isEmpty()) {
        QPainterPath path;
        for (int c = 0; c < std::min(n, int(m_line.values.size())); ++c) {
            const QPointF point(plot.left() + slot * (c + 0.5), yOf(m_line.values[c]));
            if (c == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        painter.setPen(QPen(m_line.color, mm(painter, 0.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setBrush(m_line.color);
        for (int c = 0; c < std::min(n, int(m_line.values.size())); ++c)
            painter.drawEllipse(QPointF(plot.left() + slot * (c + 0.5), yOf(m_line.values[c])), mm(painter, 0.6),
                                mm(painter, 0.6));
    }
}

void ReportChart::paintHorizontal(QPainter &painter, const QRectF &rect) const
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const Series bars = m_bars.value(0);
    double labelWidth = 0.0, valueWidth = 0.0;
    for (const QString &c : m_categories)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(c));
    for (const QString &v : m_valueLabels)
        valueWidth = std::max(valueWidth, metrics.horizontalAdvance(v));
    const int n = int(m_categories.size());
    const double top = m_maximum > 0.0 ? m_maximum : axisTicks(largestValue(), 4).last();
    const QRectF plot(rect.left() + labelWidth + mm(painter, 3.0), rect.top(),
                      rect.width() - labelWidth - valueWidth - mm(painter, 5.0), rect.height());
    const double slot = plot.height() / std::max(1, n);
    // A light track behind each bar shows how far the axis goes (100 % for shares).
    for (int c = 0; c < n; ++c) {
        const double y = plot.top() + slot * c;
        const QRectF track(plot.left(), y + slot * 0.2, plot.width(), slot * 0.6);
        painter.fillRect(track, QColor(0xf2, 0xf2, 0xf0));
        const double v = c < bars.values.size() ? std::clamp(bars.values[c], 0.0, top) : 0.0;
        // Outlined: some palette colours (hospitals' white) would vanish on the track.
        const QColor color = c < m_categoryColors.size() ? m_categoryColors[c] : bars.color;
        painter.setPen(QPen(color.darker(130), mm(painter, 0.15)));
        painter.setBrush(color);
        painter.drawRect(QRectF(track.left(), track.top(), track.width() * v / top, track.height()));
        painter.setPen(kInk);
        const double baseline = y + slot / 2.0 + metrics.ascent() / 2.0 - metrics.descent() / 2.0;
        painter.drawText(QPointF(rect.left(), baseline), m_categories[c]);
        if (c < m_valueLabels.size())
            painter.drawText(QPointF(track.left() + track.width() * v / top + mm(painter, 1.5), baseline), m_valueLabels[c]);
    }
}

} // namespace tt
