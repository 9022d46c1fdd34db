// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <vector>

namespace tt {

//! An attribute table (DBF, CSV, XLSX, a GeoPackage table: anything OGR reads)
//! held in memory and indexed by one key field, for `--join TABLE --key FIELD`.
class AttributeJoin {
public:
    //! Reads the first layer of path; fails when it cannot be read or lacks the key field.
    Status load(const QString &path, const QString &keyField);

    //! Index of a field by name, case-insensitively; -1 when absent.
    int fieldIndex(const QString &name) const;
    //! Row whose key equals key (trimmed, "12.0" == "12"); -1 when there is none.
    int rowOf(const char *key) const;
    //! Text of a cell; nullptr when unset or empty.
    const char *value(int row, int field) const;
    int rowCount() const { return m_rows; }
    //! The key of a row as written in the table (trimmed).
    QByteArray keyOf(int row) const;

    //! A key that more than one row carries; rowOf() gives the first of them.
    struct Duplicate {
        QByteArray key;
        QVector<int> rows;  //!< 0-based rows in table order, the one used first
    };
    const QVector<Duplicate> &duplicates() const { return m_duplicates; }

private:
    //! Normal form of a key so text and numeric key columns match.
    static QByteArray normalizedKey(const char *key);

    QStringList m_fields;
    int m_keyField = -1;
    int m_rows = 0;
    std::vector<QByteArray> m_cells;  // row-major, m_fields.size() per row
    QHash<QByteArray, int> m_index;
    QVector<Duplicate> m_duplicates;
};

} // namespace tt
