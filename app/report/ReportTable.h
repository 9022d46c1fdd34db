// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QStringList>
#include <QVector>

namespace tt {

//! A table of the report as ReportDocument draws it: a header row, then rows that
//! never split across pages (the header repeats on the next page). Column widths are
//! shares of the text width; numeric columns are right-aligned.
struct ReportTable {
    struct Row {
        QStringList cells;
        QColor swatch;          //!< a colour square before the first cell (a legend); invalid: none
        int highlightColumn = -1;
        QColor highlight;       //!< background of highlightColumn (a rule's verdict)
        bool bold = false;      //!< a total
    };

    QStringList headers;
    QVector<double> widths;     //!< one per column, any positive scale
    QVector<bool> numeric;      //!< one per column
    QVector<Row> rows;

    //! Appends a row of `cells`, for its colours to be set.
    Row &addRow(const QStringList &cells)
    {
        rows.append(Row{cells, QColor(), -1, QColor(), false});
        return rows.last();
    }
};

} // namespace tt
