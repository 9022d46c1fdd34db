// SPDX-License-Identifier: MIT
#include "AttributeJoin_p.h"

#include "GdalSession_p.h"

#include <gdal.h>
#include <ogr_api.h>

namespace tt {

Status AttributeJoin::load(const QString &path, const QString &keyField)
{
    GdalSession session;
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds)
        return Status::error(QStringLiteral("%1: cannot open the join table: %2").arg(path, session.lastError()));
    OGRLayerH layer = GDALDatasetGetLayerCount(ds) > 0 ? GDALDatasetGetLayer(ds, 0) : nullptr;
    if (!layer) {
        GDALClose(ds);
        return Status::error(QStringLiteral("%1: the join table has no layer").arg(path));
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    m_fields.clear();
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        m_fields << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    const int key = fieldIndex(keyField);
    if (key < 0) {
        GDALClose(ds);
        return Status::error(QStringLiteral("%1: the join table has no field '%2' (it has: %3)")
                                 .arg(path, keyField, m_fields.join(QStringLiteral(", "))));
    }
    const int fieldCount = int(m_fields.size());
    m_keyField = key;
    m_cells.clear();
    m_index.clear();
    m_duplicates.clear();
    QHash<QByteArray, int> duplicateOf;  // key -> index in m_duplicates
    m_rows = 0;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        for (int i = 0; i < fieldCount; ++i)
            m_cells.push_back(OGR_F_IsFieldSetAndNotNull(f, i) ? QByteArray(OGR_F_GetFieldAsString(f, i)).trimmed()
                                                                : QByteArray());
        // The first row wins for a repeated key, as a database join on a unique key would
        // assume; the repeats are kept so the import can name them.
        const QByteArray k = normalizedKey(OGR_F_GetFieldAsString(f, key));
        if (!k.isEmpty()) {
            const auto first = m_index.constFind(k);
            if (first == m_index.constEnd()) {
                m_index.insert(k, m_rows);
            } else {
                auto dup = duplicateOf.constFind(k);
                if (dup == duplicateOf.constEnd()) {
                    dup = duplicateOf.insert(k, int(m_duplicates.size()));
                    m_duplicates.append(Duplicate{k, {*first}});
                }
                m_duplicates[*dup].rows.append(m_rows);
            }
        }
        ++m_rows;
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return Status::success();
}

int AttributeJoin::fieldIndex(const QString &name) const
{
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int AttributeJoin::rowOf(const char *key) const
{
    return m_index.value(normalizedKey(key), -1);
}

const char *AttributeJoin::value(int row, int field) const
{
    if (row < 0 || row >= m_rows || field < 0)
        return nullptr;
    const QByteArray &cell = m_cells[size_t(row) * m_fields.size() + field];
    return cell.isEmpty() ? nullptr : cell.constData();
}

QByteArray AttributeJoin::keyOf(int row) const
{
    const char *key = value(row, m_keyField);
    return key ? QByteArray(key) : QByteArray();
}

QByteArray AttributeJoin::normalizedKey(const char *key)
{
    QByteArray k = QByteArray(key ? key : "").trimmed();
    // Real and integer key columns ("12.000000" vs "12") must meet.
    const int dot = k.indexOf('.');
    if (dot > 0) {
        bool zeros = true;
        for (int i = dot + 1; i < k.size() && zeros; ++i)
            zeros = k[i] == '0';
        bool digits = true;
        for (int i = 0; i < dot && digits; ++i)
            digits = (k[i] >= '0' && k[i] <= '9') || (i == 0 && k[i] == '-');
        if (zeros && digits)
            k.truncate(dot);
    }
    return k;
}

} // namespace tt
