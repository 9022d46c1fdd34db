// SPDX-License-Identifier: MIT
#pragma once
// An EPW file as its header lines and its data records split into fields, so
// that tests can damage single values, drop, swap or repeat records, and know
// which line of the written file each record lands on.
#include <QByteArray>
#include <QFile>
#include <QList>

namespace tt::testdata {

struct EpwText {
    static constexpr int kHeaderLines = 8;
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;  //!< data records, fields 0-based as in EpwReader

    //! The file at `path`, or nothing (no rows) when it cannot be read.
    static EpwText load(const QString &path)
    {
        EpwText epw;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return epw;
        const QList<QByteArray> lines = file.readAll().split('\n');
        epw.header = lines.mid(0, kHeaderLines);
        for (int i = kHeaderLines; i < lines.size(); ++i)
            if (!lines[i].trimmed().isEmpty())
                epw.rows.append(lines[i].trimmed().split(','));
        return epw;
    }
    //! The 1-based line of data record `row` in bytes() (no blank lines in between).
    static int lineOf(int row) { return kHeaderLines + row + 1; }
    double value(int row, int field) const { return rows[row][field].toDouble(); }
    void set(int row, int field, const QByteArray &text) { rows[row][field] = text; }
    QByteArray bytes() const
    {
        QByteArray out = header.join('\n') + '\n';
        for (const auto &r : rows)
            out += r.join(',') + '\n';
        return out;
    }
};

} // namespace tt::testdata
