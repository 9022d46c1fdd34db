// SPDX-License-Identifier: MIT
#include "VectorLayerReader_p.h"

#include "GdalSession_p.h"

#include <QFileInfo>

#include <cpl_string.h>
#include <ogr_spatialref.h>

namespace tt {

namespace {
bool layerHolds(OGRLayerH layer, VectorLayerReader::Kind kind)
{
    const OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    if (kind == VectorLayerReader::Kind::Polygons)
        return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
    return t == wkbLineString || t == wkbMultiLineString || t == wkbCompoundCurve || t == wkbMultiCurve;
}
} // namespace

VectorLayerReader::~VectorLayerReader()
{
    if (m_dataset)
        GDALClose(m_dataset);
}

Status VectorLayerReader::open(const QString &path, const QString &layerName, Kind kind)
{
    GdalSession session;
    if (!QFileInfo::exists(path))
        return Status::error(QStringLiteral("%1: no such file").arg(path));
    char **openOptions = nullptr;
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        // CSV has no geometry type: accept the usual names of a WKT column.
        openOptions = CSLSetNameValue(openOptions, "GEOM_POSSIBLE_NAMES", "WKT,geometry,geom,the_geom,wkt_geom");
        openOptions = CSLSetNameValue(openOptions, "KEEP_GEOM_COLUMNS", "NO");
    }
    m_dataset = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions, nullptr);
    CSLDestroy(openOptions);
    if (!m_dataset) {
        const QString why = session.lastError();
        return Status::error(QStringLiteral("%1: cannot be read as a vector file%2")
                                 .arg(path, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
    }
    const int layers = GDALDatasetGetLayerCount(m_dataset);
    if (!layerName.isEmpty()) {
        m_layer = GDALDatasetGetLayerByName(m_dataset, layerName.toUtf8().constData());
        if (!m_layer)
            return Status::error(QStringLiteral("%1: has no layer '%2'").arg(path, layerName));
    }
    for (int i = 0; i < layers && !m_layer; ++i)
        if (layerHolds(GDALDatasetGetLayer(m_dataset, i), kind))
            m_layer = GDALDatasetGetLayer(m_dataset, i);
    for (int i = 0; i < layers && !m_layer; ++i)
        if (wkbFlatten(OGR_L_GetGeomType(GDALDatasetGetLayer(m_dataset, i))) == wkbUnknown)
            m_layer = GDALDatasetGetLayer(m_dataset, i);
    if (!m_layer && layers > 0)
        m_layer = GDALDatasetGetLayer(m_dataset, 0);
    if (!m_layer)
        return Status::error(QStringLiteral("%1: contains no layer").arg(path));
    // Counting an OSM file means parsing it all; progress then advances per stage instead.
    const bool cheapCount = !EQUAL(GDALGetDriverShortName(GDALGetDatasetDriver(m_dataset)), "OSM");
    m_featureCount = cheapCount ? OGR_L_GetFeatureCount(m_layer, TRUE) : -1;
    OGR_L_ResetReading(m_layer);
    return Status::success();
}

const OGRSpatialReference *VectorLayerReader::spatialRef() const
{
    return OGRSpatialReference::FromHandle(OGR_L_GetSpatialRef(m_layer));
}

int VectorLayerReader::fieldIndex(const QStringList &candidates) const
{
    for (const QString &name : candidates) {
        const int index = OGR_FD_GetFieldIndex(definition(), name.toUtf8().constData());
        if (index >= 0)
            return index;
    }
    return -1;
}

} // namespace tt
