// SPDX-License-Identifier: MIT
#include "SankeyWidget.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tt {

namespace {
constexpr int kNodeWidth = 10;
constexpr int kGap = 8;
constexpr int kMargin = 10;
constexpr int kTitleHeight = 20;
} // namespace

SankeyWidget::SankeyWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(260);
}

void SankeyWidget::setDiagram(const EnergySankey &diagram, const QString &title, bool megawattHours)
{
    m_diagram = diagram;
    m_title = title;
    m_megawattHours = megawattHours;
    QStringList lines{title};
    const QLocale locale;
    for (int i = 0; i < diagram.nodes.size(); ++i)
        lines.append(QStringLiteral("%1: %2").arg(diagram.nodes[i].name,
                                                 locale.toString(diagram.throughput(i) / (megawattHours ? 1000.0 : 1.0), 'f', 0)));
    setToolTip(lines.join(QLatin1Char('\n')));
    update();
}

QColor SankeyWidget::colorOf(const EnergySankey::Node &node) const
{
    static const QHash<QString, QColor> colors = {
        {"grid", QColor(120, 120, 130)},     {"pv", QColor(245, 190, 30)},          {"wind", QColor(120, 200, 220)},
        {"gas", QColor(150, 110, 80)},       {"biomass", QColor(110, 150, 60)},     {"ambient", QColor(140, 190, 150)},
        {"electricity", QColor(250, 200, 30)}, {"heat", QColor(220, 70, 45)},       {"cooling", QColor(45, 140, 230)},
        {"chp", QColor(190, 90, 60)},        {"boilers", QColor(200, 110, 70)},     {"heat_pumps", QColor(230, 120, 60)},
        {"chillers", QColor(60, 150, 220)},  {"absorption", QColor(110, 130, 220)}, {"battery", QColor(90, 170, 90)},
        {"thermal_storage", QColor(200, 100, 100)}};
    if (const auto it = colors.constFind(node.key); it != colors.constEnd())
        return *it;
    return node.kind == EnergySankey::Kind::Loss ? QColor(160, 160, 160) : QColor(100, 110, 130);
}

void SankeyWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().text().color());
    p.drawText(QRect(kMargin, 2, width() - 2 * kMargin, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    const EnergySankey &d = m_diagram;
    if (d.nodes.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No energy flows yet"));
        return;
    }
    int columns = 0;
    for (const EnergySankey::Node &n : d.nodes)
        columns = std::max(columns, n.column + 1);
    // Columns keep their place even when empty, so a diagram reads the same day to day.
    // Room on the right for the end uses' labels.
    const QRect area(kMargin, kTitleHeight + kMargin, width() - 2 * kMargin - 170, height() - kTitleHeight - 2 * kMargin);
    double scale = INFINITY;
    for (int c = 0; c < columns; ++c) {
        double total = 0.0;
        int count = 0;
        for (int i = 0; i < d.nodes.size(); ++i)
            if (d.nodes[i].column == c) {
                total += d.throughput(i);
                ++count;
            }
        if (count > 0 && total > 0.0)
            scale = std::min(scale, (area.height() - kGap * (count - 1)) / total);
    }
    if (!std::isfinite(scale))
        return;
    QVector<QRectF> boxes(d.nodes.size());
    for (int c = 0; c < columns; ++c) {
        double y = area.top();
        const double x = area.left() + (columns > 1 ? double(c) / (columns - 1) * (area.width() - kNodeWidth) : 0.0);
        for (int i = 0; i < d.nodes.size(); ++i)
            if (d.nodes[i].column == c) {
                const double h = std::max(1.0, d.throughput(i) * scale);
                boxes[i] = QRectF(x, y, kNodeWidth, h);
                y += h + kGap;
            }
    }
    // Bands leave and enter each node in the order of the other end's height.
    QVector<int> order(d.links.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return boxes[d.links[a].to].top() < boxes[d.links[b].to].top(); });
    QVector<double> outY(d.nodes.size()), inY(d.nodes.size());
    for (int i = 0; i < d.nodes.size(); ++i)
        outY[i] = inY[i] = boxes[i].top();
    QVector<QPair<double, double>> starts(d.links.size());
    for (int l : order) {
        starts[l].first = outY[d.links[l].from];
        outY[d.links[l].from] += d.links[l].kwh * scale;
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) { return boxes[d.links[a].from].top() < boxes[d.links[b].from].top(); });
    for (int l : order) {
        starts[l].second = inY[d.links[l].to];
        inY[d.links[l].to] += d.links[l].kwh * scale;
    }
    p.setPen(Qt::NoPen);
    for (int l = 0; l < d.links.size(); ++l) {
        const EnergySankey::Link &link = d.links[l];
        if (d.nodes[link.to].column <= d.nodes[link.from].column)
            continue;
        const double w = link.kwh * scale;
        const double x0 = boxes[link.from].right(), x1 = boxes[link.to].left();
        const double y0 = starts[l].first, y1 = starts[l].second;
        const double mid = (x0 + x1) / 2.0;
        QPainterPath band(QPointF(x0, y0));
        band.cubicTo(mid, y0, mid, y1, x1, y1);
        band.lineTo(x1, y1 + w);
        band.cubicTo(mid, y1 + w, mid, y0 + w, x0, y0 + w);
        band.closeSubpath();
        QColor c = colorOf(d.nodes[link.from].kind == EnergySankey::Kind::Source ? d.nodes[link.to] : d.nodes[link.from]);
        c.setAlpha(120);
        p.fillPath(band, c);
    }
    const QLocale locale;
    for (int i = 0; i < d.nodes.size(); ++i)
        p.fillRect(boxes[i], colorOf(d.nodes[i]));
    // Labels over the bands on a light backing; where nodes crowd, the smaller ones go
    // unlabelled (the tooltip lists every node).
    const QFontMetrics metrics(font());
    QVector<QRectF> taken;
    QVector<int> byThroughput(d.nodes.size());
    std::iota(byThroughput.begin(), byThroughput.end(), 0);
    // The end uses first (what the diagram is read for), then the larger before the smaller.
    std::sort(byThroughput.begin(), byThroughput.end(), [&](int a, int b) {
        const bool endA = d.nodes[a].column == columns - 1, endB = d.nodes[b].column == columns - 1;
        return endA != endB ? endA : d.throughput(a) > d.throughput(b);
    });
    for (int i : byThroughput) {
        const double value = d.throughput(i) / (m_megawattHours ? 1000.0 : 1.0);
        const QString text = QStringLiteral("%1 %2").arg(d.nodes[i].name, locale.toString(value, 'f', 0));
        const double w = metrics.horizontalAdvance(text) + 6, h = metrics.height();
        const bool last = d.nodes[i].column == columns - 1;
        QRectF label(boxes[i].right() + 3, boxes[i].center().y() - h / 2, w, h);
        if (!last && d.nodes[i].column > 0)
            label.moveLeft(boxes[i].center().x() - w / 2);
        if (label.right() > width())
            label.moveRight(boxes[i].left() - 3);
        if (std::any_of(taken.begin(), taken.end(), [&label](const QRectF &t) { return t.intersects(label); }))
            continue;
        taken.append(label);
        QColor backing = palette().base().color();
        backing.setAlpha(200);
        p.fillRect(label, backing);
        p.setPen(palette().text().color());
        p.drawText(label, Qt::AlignCenter, text);
    }
}

} // namespace tt
