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
    if (kind == VectorLayerReader::Kind::Points)
        return t == wkbPoint || t == wkbMultiPoint;
    return t == wkbLineString || t == wkbMultiLineString || t == wkbCompoundCurve || t == wkbMultiCurve;
}

//! A shapefile's side file with this suffix (any case, as Windows tools write them), or the
//! lower-case name it should have when there is none.
QString sidecar(const QString &shp, const QString &suffix, bool *exists)
{
    // As the user wrote the path, so messages name the file the way they know it.
    const QString base = shp.left(shp.size() - QFileInfo(shp).suffix().size());
    for (const QString &candidate : {base + suffix, base + suffix.toUpper()}) {
        if (QFileInfo::exists(candidate)) {
            *exists = true;
            return candidate;
        }
    }
    *exists = false;
    return base + suffix;
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
    m_path = path;
    const int layers = GDALDatasetGetLayerCount(m_dataset);
    m_layerNames.clear();
    for (int i = 0; i < layers; ++i)
        m_layerNames.append(QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(m_dataset, i))));
    m_layerNamed = !layerName.isEmpty();
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
    const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(m_dataset));
    // GDAL opens a shapefile without its .dbf as if it had no attributes at all: every
    // height would be guessed without a word, so the missing file is worth naming.
    m_shapefile = EQUAL(driver, "ESRI Shapefile") && QFileInfo(path).isFile();
    bool dbf = true;
    const QString dbfPath = m_shapefile ? sidecar(path, QStringLiteral("dbf"), &dbf) : QString();
    m_missingDbf = dbf ? QString() : dbfPath;
    // Counting an OSM file means parsing it all; progress then advances per stage instead.
    const bool cheapCount = !EQUAL(driver, "OSM");
    m_featureCount = cheapCount ? OGR_L_GetFeatureCount(m_layer, TRUE) : -1;
    OGR_L_ResetReading(m_layer);
    return Status::success();
}

const OGRSpatialReference *VectorLayerReader::spatialRef() const
{
    return OGRSpatialReference::FromHandle(OGR_L_GetSpatialRef(m_layer));
}

QString VectorLayerReader::layerName() const
{
    return m_layer ? QString::fromUtf8(OGR_L_GetName(m_layer)) : QString();
}

QString VectorLayerReader::unreadableCrsFile() const
{
    const OGRSpatialReference *srs = spatialRef();
    if (!m_shapefile || (srs && !srs->IsEmpty()))
        return QString();
    bool exists = false;
    const QString prj = sidecar(m_path, QStringLiteral("prj"), &exists);
    return exists ? prj : QString();
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
