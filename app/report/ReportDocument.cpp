// SPDX-License-Identifier: MIT
#include "ReportDocument.h"

#include "Palette.h"

#include <QFontMetricsF>
#include <QPdfWriter>

#include <algorithm>

namespace tt {

namespace {

constexpr double kMarginLeftMm = 20.0, kMarginRightMm = 20.0, kMarginTopMm = 24.0, kMarginBottomMm = 22.0;
constexpr double kBodyPt = 9.5, kSmallPt = 7.5, kTablePt = 8.5;
constexpr double kCellPadXMm = 1.6, kCellPadYMm = 1.3;
//! What must fit under a heading for it not to stand alone at the foot of a page.
constexpr double kKeepWithHeadingMm = 30.0;

} // namespace

ReportDocument::ReportDocument(QPdfWriter *writer, const QStringList &families, const QString &footer, int pages)
    : m_writer(writer), m_families(families), m_footer(footer), m_pages(pages)
{
}

bool ReportDocument::begin()
{
    if (!m_painter.begin(m_writer))
        return false;
    m_painter.setRenderHint(QPainter::Antialiasing);
    drawPageFrame();
    return true;
}

void ReportDocument::finish()
{
    m_painter.end();
}

double ReportDocument::mm(double millimetres) const
{
    return millimetres * m_writer->resolution() / 25.4;
}

QFont ReportDocument::font(double pointSize, bool bold) const
{
    QFont f;
    f.setFamilies(m_families);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // Kerning and exact advances: the PDF is read zoomed, not on a pixel grid.
    f.setHintingPreference(QFont::PreferNoHinting);
    // Any letter spacing turns ligatures off (Qt has no switch for them before 6.7): a
    // reader searching or copying "efficiency" finds it, not "eﬃciency". A 64th of a
    // device pixel, Qt's smallest step, is 0.7 µm on the page.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64.0);
    return f;
}

QColor ReportDocument::accent()
{
    return Palette::rampStops().at(1);
}

QRectF ReportDocument::textArea() const
{
    return QRectF(QPointF(mm(kMarginLeftMm), mm(kMarginTopMm)),
                  QPointF(mm(kPageWidthMm - kMarginRightMm), mm(kPageHeightMm - kMarginBottomMm)));
}

void ReportDocument::setHeader(const QString &left, const QString &right)
{
    m_headerLeft = left;
    m_headerRight = right;
}

void ReportDocument::drawPageFrame()
{
    m_y = textArea().top();
    const QRectF area = textArea();
    m_painter.setFont(font(kSmallPt));
    const QFontMetricsF metrics(m_painter.font(), m_writer);
    m_painter.setPen(muted());
    if (m_page > 1) {
        const double baseline = mm(14.0);
        m_painter.drawText(QPointF(area.left(), baseline), m_headerLeft);
        m_painter.drawText(QPointF(area.right() - metrics.horizontalAdvance(m_headerRight), baseline), m_headerRight);
        m_painter.setPen(QPen(rule(), mm(0.25)));
        m_painter.drawLine(QPointF(area.left(), mm(16.0)), QPointF(area.right(), mm(16.0)));
    }
    const QString footer = m_footer.arg(m_page).arg(m_pages > 0 ? QString::number(m_pages) : QStringLiteral("–"));
    m_painter.setPen(muted());
    m_painter.drawText(QPointF(area.center().x() - metrics.horizontalAdvance(footer) / 2.0, mm(kPageHeightMm - 12.0)),
                       footer);
}

void ReportDocument::newPage()
{
    m_writer->newPage();
    ++m_page;
    drawPageFrame();
}

void ReportDocument::ensureSpace(double height)
{
    if (m_y > textArea().top() && m_y + height > textArea().bottom())
        newPage();
}

QRectF ReportDocument::take(double height)
{
    ensureSpace(height);
    const QRectF rect(textArea().left(), m_y, textArea().width(), height);
    m_y += height;
    return rect;
}

double ReportDocument::textHeight(const QString &text, const QFont &font, double width)
{
    return QFontMetricsF(font, m_writer)
        .boundingRect(QRectF(0, 0, width, 1e9), Qt::TextWordWrap, text)
        .height();
}

void ReportDocument::section(const QString &title)
{
    if (m_y > textArea().top())
        newPage();
    m_sections.append({title, m_page});
    const QFont titleFont = font(18.0, true);
    const double height = QFontMetricsF(titleFont, m_writer).height();
    const QRectF rect = take(height);
    m_painter.setFont(titleFont);
    m_painter.setPen(accent());
    m_painter.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, title);
    skip(1.5);
    m_painter.setPen(QPen(accent(), mm(0.6)));
    m_painter.drawLine(QPointF(textArea().left(), m_y), QPointF(textArea().right(), m_y));
    skip(6.0);
}

void ReportDocument::heading(const QString &title, double keepWith)
{
    const QFont headingFont = font(11.5, true);
    const double height = QFontMetricsF(headingFont, m_writer).height();
    skip(2.0);
    ensureSpace(height + mm(2.0) + (keepWith > 0.0 ? keepWith : mm(kKeepWithHeadingMm)));
    const QRectF rect = take(height);
    m_painter.setFont(headingFont);
    m_painter.setPen(ink());
    m_painter.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, title);
    skip(2.0);
}

void ReportDocument::paragraph(const QString &text, double pointSize, const QColor &color)
{
    const QFont f = font(pointSize);
    const double width = textArea().width();
    const double height = std::min(textHeight(text, f, width), textArea().height());
    const QRectF rect = take(height);
    m_painter.setFont(f);
    m_painter.setPen(color);
    m_painter.drawText(rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    skip(2.5);
}

void ReportDocument::figures(const QVector<Figure> &figures, int perRow)
{
    const double gap = mm(3.0);
    const double width = (textArea().width() - gap * (perRow - 1)) / perRow;
    const QFont labelFont = font(kSmallPt), valueFont = font(15.0, true), noteFont = font(7.0);
    for (int first = 0; first < figures.size(); first += perRow) {
        double noteHeight = 0.0;
        for (int i = first; i < std::min(int(figures.size()), first + perRow); ++i)
            if (!figures[i].note.isEmpty())
                noteHeight = std::max(noteHeight, textHeight(figures[i].note, noteFont, width - mm(5.0)));
        const double labelHeight = QFontMetricsF(labelFont, m_writer).height();
        const double valueHeight = QFontMetricsF(valueFont, m_writer).height();
        const double height = mm(2.5) + labelHeight + valueHeight + noteHeight + mm(2.5);
        const QRectF row = take(height);
        for (int i = first; i < std::min(int(figures.size()), first + perRow); ++i) {
            const Figure &f = figures[i];
            const QRectF tile(row.left() + (i - first) * (width + gap), row.top(), width, height);
            m_painter.fillRect(tile, QColor(0xf4, 0xf6, 0xf8));
            m_painter.fillRect(QRectF(tile.left(), tile.top(), mm(1.0), tile.height()), accent());
            const QRectF inner = tile.adjusted(mm(3.5), mm(2.5), -mm(1.5), -mm(2.5));
            m_painter.setFont(labelFont);
            m_painter.setPen(muted());
            m_painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), labelHeight),
                               Qt::AlignLeft | Qt::AlignVCenter, f.label);
            // A long value (a sentence in Chinese, a large sum) shrinks to its tile rather than overflow.
            QFont fitted = valueFont;
            while (fitted.pointSizeF() > 8.0
                   && QFontMetricsF(fitted, m_writer).horizontalAdvance(f.value) > inner.width())
                fitted.setPointSizeF(fitted.pointSizeF() - 0.5);
            m_painter.setFont(fitted);
            m_painter.setPen(ink());
            m_painter.drawText(QRectF(inner.left(), inner.top() + labelHeight, inner.width(), valueHeight),
                               Qt::AlignLeft | Qt::AlignVCenter, f.value);
            m_painter.setFont(noteFont);
            m_painter.setPen(muted());
            m_painter.drawText(QRectF(inner.left(), inner.top() + labelHeight + valueHeight, inner.width(), noteHeight),
                               Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, f.note);
        }
        skip(3.0);
    }
    skip(1.0);
}

double ReportDocument::tableRow(const ReportTable &table, const QVector<double> &columnWidths,
                                const ReportTable::Row &row, bool header, bool draw)
{
    const QFont f = font(kTablePt, header || row.bold);
    const double swatch = row.swatch.isValid() ? mm(3.0) + mm(1.5) : 0.0;
    double height = 0.0;
    for (int c = 0; c < columnWidths.size(); ++c) {
        const double width = columnWidths[c] - 2 * mm(kCellPadXMm) - (c == 0 ? swatch : 0.0);
        height = std::max(height, textHeight(row.cells.value(c), f, width));
    }
    height += 2 * mm(kCellPadYMm);
    if (!draw)
        return height;
    const QRectF area = textArea();
    if (header)
        m_painter.fillRect(QRectF(area.left(), m_y, area.width(), height), QColor(0xe8, 0xee, 0xf4));
    double x = area.left();
    m_painter.setFont(f);
    for (int c = 0; c < columnWidths.size(); ++c) {
        QRectF cell(x, m_y, columnWidths[c], height);
        if (c == row.highlightColumn && row.highlight.isValid())
            m_painter.fillRect(cell.adjusted(mm(0.4), mm(0.4), -mm(0.4), -mm(0.4)), row.highlight);
        cell.adjust(mm(kCellPadXMm), mm(kCellPadYMm), -mm(kCellPadXMm), -mm(kCellPadYMm));
        if (c == 0 && row.swatch.isValid()) {
            const double side = mm(3.0);
            const QRectF box(cell.left(), cell.top() + (QFontMetricsF(f, m_writer).height() - side) / 2.0, side, side);
            m_painter.fillRect(box, row.swatch);
            m_painter.setPen(QPen(QColor(0, 0, 0, 60), mm(0.15)));
            m_painter.drawRect(box);
            cell.setLeft(cell.left() + swatch);
        }
        const bool right = c < table.numeric.size() && table.numeric[c];
        const Qt::Alignment align = c == row.highlightColumn ? Qt::AlignHCenter : right ? Qt::AlignRight : Qt::AlignLeft;
        m_painter.setPen(header ? accent().darker(130) : ink());
        m_painter.drawText(cell, Qt::TextWordWrap | Qt::AlignTop | align, row.cells.value(c));
        x += columnWidths[c];
    }
    m_painter.setPen(QPen(header ? accent() : rule(), mm(header ? 0.4 : 0.2)));
    m_painter.drawLine(QPointF(area.left(), m_y + height), QPointF(area.right(), m_y + height));
    m_y += height;
    return height;
}

void ReportDocument::table(const ReportTable &table)
{
    double total = 0.0;
    for (const double w : table.widths)
        total += w;
    QVector<double> widths;
    for (const double w : table.widths)
        widths.append(textArea().width() * w / total);
    const ReportTable::Row header{table.headers, QColor(), -1, QColor(), true};
    const double headerHeight = tableRow(table, widths, header, true, false);
    // The header and the first row stay together; later rows start a page with the header again.
    ensureSpace(headerHeight + (table.rows.isEmpty() ? 0.0 : tableRow(table, widths, table.rows.first(), false, false)));
    tableRow(table, widths, header, true, true);
    for (const ReportTable::Row &row : table.rows) {
        const double height = tableRow(table, widths, row, false, false);
        if (m_y + height > textArea().bottom()) {
            newPage();
            tableRow(table, widths, header, true, true);
        }
        tableRow(table, widths, row, false, true);
    }
    skip(4.0);
}

} // namespace tt
