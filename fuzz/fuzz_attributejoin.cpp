// SPDX-License-Identifier: MIT
// libFuzzer harness for `--join` tables (AttributeJoin::load). The input is
// written to a .csv file and read through GDAL as the importer does (GDAL may
// also recognise it as another format: any table OGR reads is a valid join
// table). The key field is the first name in the header line, so most inputs
// get past the key check. Every row must then be found again by its own key,
// and the duplicate keys reported must be real.
#include "FuzzSupport.h"

#include "AttributeJoin_p.h"

#include <QList>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

namespace {
//! The header line's field names, split as a CSV reader roughly would (comma, semicolon, tab).
QList<QByteArray> headerNames(const QByteArray &input)
{
    QByteArray header = input.left(input.indexOf('\n'));
    for (char separator : {';', '\t'})
        header.replace(separator, ',');
    QList<QByteArray> names;
    for (QByteArray name : header.split(',')) {
        name = name.trimmed();
        if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
            name = name.mid(1, name.size() - 2);
        names.append(name);
    }
    return names;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt::fuzz::ScratchFile table(QStringLiteral("table.csv"));
    const QByteArray input = tt::fuzz::bytes(data, size);
    const QList<QByteArray> names = headerNames(input);
    const QString keyName = QString::fromUtf8(names.first());

    tt::AttributeJoin join;
    const tt::Status status = join.load(table.write(data, size), keyName);
    if (!status) {
        TT_FUZZ_CHECK(!status.message.isEmpty());
        return 0;
    }
    const int key = join.fieldIndex(keyName);
    TT_FUZZ_CHECK(key >= 0);
    // Fields come from fieldIndex, so every lookup is one the importer could make.
    for (int row = 0; row < join.rowCount(); ++row) {
        for (const QByteArray &name : names) {
            const int field = join.fieldIndex(QString::fromUtf8(name));
            if (field >= 0)
                (void)join.value(row, field);
        }
        (void)join.keyOf(row);
        if (const char *k = join.value(row, key)) {
            // The first row with this key wins, so it is this row or an earlier one.
            const int found = join.rowOf(k);
            TT_FUZZ_CHECK(found >= 0 && found <= row);
        }
    }
    (void)join.value(join.rowCount(), key);  // one past the end: nullptr, not a read past the table
    // Each duplicate names two rows or more, in table order, the first being the one rowOf() uses.
    for (const tt::AttributeJoin::Duplicate &d : join.duplicates()) {
        TT_FUZZ_CHECK(d.rows.size() >= 2);
        TT_FUZZ_CHECK(join.rowOf(d.key.constData()) == d.rows.first());
        for (int i = 0; i < d.rows.size(); ++i)
            TT_FUZZ_CHECK(d.rows[i] >= 0 && d.rows[i] < join.rowCount() && (i == 0 || d.rows[i] > d.rows[i - 1]));
    }
    (void)join.rowOf("");
    (void)join.rowOf(names.last().constData());
    return 0;
}
