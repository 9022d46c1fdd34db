// SPDX-License-Identifier: MIT
#pragma once

#include "ReportTable.h"

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QStringList>
#include <QVector>

class QPdfWriter;

namespace tt {

//! The report's pages as a flow: a cursor runs down the text area of A4 pages and
//! moves to a new page when what comes next does not fit; every page but the first
//! has the running header and the footer "page N of M". Lays out section titles,
//! headings, paragraphs, key figures, tables and anything drawn into a reserved
//! rectangle (charts, pictures), in millimetres, with the report's type scale.
class ReportDocument {
public:
    struct Section {
        QString title;
        int page = 0;  //!< 1-based
    };
    //! A key figure: a small label over a large value, a note under it.
    struct Figure {
        QString label;
        QString value;
        QString note;
    };

    static constexpr double kPageWidthMm = 210.0;
    static constexpr double kPageHeightMm = 297.0;

    //! Draws on `writer` (set up for A4 without margins) in `families`, fallbacks after
    //! the first. `footer` takes the page and the page count ("Page %1 of %2"); `pages`
    //! is the count, unknown (0) on a first pass that only measures.
    ReportDocument(QPdfWriter *writer, const QStringList &families, const QString &footer, int pages);
    //! False when the painter cannot start on the writer's device.
    bool begin();
    //! Ends the last page.
    void finish();

    QPainter &painter() { return m_painter; }
    //! Millimetres in device units.
    double mm(double millimetres) const;
    //! The report's font at a point size.
    QFont font(double pointSize, bool bold = false) const;
    //! The page's text area (inside the margins) and the cursor in it.
    QRectF textArea() const;
    double cursor() const { return m_y; }
    int page() const { return m_page; }
    const QVector<Section> &sections() const { return m_sections; }
    //! The header's text on the pages after the title page: the report's title left, `right` right.
    void setHeader(const QString &left, const QString &right);

    void newPage();
    //! Moves to a new page unless `height` fits below the cursor.
    void ensureSpace(double height);
    //! The full-width rectangle of `height` at the cursor (on a new page when it does not
    //! fit); the cursor moves below it.
    QRectF take(double height);
    void skip(double millimetres) { m_y += mm(millimetres); }

    //! A new page with the section's title, remembered with its page for the contents.
    void section(const QString &title);
    //! A heading kept together with what follows it: `keepWith` device units of it (a
    //! chart's height), or the first lines of text when 0.
    void heading(const QString &title, double keepWith = 0.0);
    //! Wrapped text; a new page between lines only when a paragraph is taller than a page.
    void paragraph(const QString &text, double pointSize = 9.5, const QColor &color = QColor(0x21, 0x21, 0x21));
    //! Figures in tiles, `perRow` a row.
    void figures(const QVector<Figure> &figures, int perRow);
    void table(const ReportTable &table);

    //! The report's colours: headings and rules (the scene's palette), body text, muted text, lines.
    static QColor accent();
    static QColor ink() { return QColor(0x21, 0x21, 0x21); }
    static QColor muted() { return QColor(0x61, 0x61, 0x61); }
    static QColor rule() { return QColor(0xcf, 0xd8, 0xdc); }

private:
    void drawPageFrame();
    //! Height of `text` wrapped into `width` in `font`.
    double textHeight(const QString &text, const QFont &font, double width);
    //! Draws one table row (header when `header`); returns its height.
    double tableRow(const ReportTable &table, const QVector<double> &columnWidths, const ReportTable::Row &row,
                    bool header, bool draw);

    QPdfWriter *m_writer;
    QPainter m_painter;
    QStringList m_families;
    QString m_footer;
    int m_pages;
    int m_page = 1;
    double m_y = 0.0;
    QString m_headerLeft, m_headerRight;
    QVector<Section> m_sections;
};

} // namespace tt
