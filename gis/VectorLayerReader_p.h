// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QStringList>

#include <gdal.h>
#include <ogr_api.h>

class OGRSpatialReference;

namespace tt {

//! One layer of an OGR vector source, chosen by name or by the geometry it holds
//! (OSM files have points, lines and multipolygons layers; CSV needs its WKT column named).
class VectorLayerReader {
public:
    enum class Kind { Polygons, Lines, Points };

    VectorLayerReader() = default;
    ~VectorLayerReader();
    VectorLayerReader(const VectorLayerReader &) = delete;
    VectorLayerReader &operator=(const VectorLayerReader &) = delete;

    //! Opens path and selects layerName, else the first layer of the wanted kind,
    //! else the first layer with undeclared geometry, else the first layer.
    Status open(const QString &path, const QString &layerName, Kind kind);

    OGRLayerH layer() const { return m_layer; }
    OGRFeatureDefnH definition() const { return OGR_L_GetLayerDefn(m_layer); }
    //! The layer's declared CRS, nullptr when it has none.
    const OGRSpatialReference *spatialRef() const;
    //! Number of features, or -1 when only a full scan could tell (OSM).
    qint64 featureCount() const { return m_featureCount; }
    //! Index of the first field named like one of candidates (case-insensitive); -1 if none.
    int fieldIndex(const QStringList &candidates) const;

    //! Every layer of the source, in order, and the one open() chose.
    const QStringList &layerNames() const { return m_layerNames; }
    QString layerName() const;
    //! The source had several layers and none was named: open() picked one by its geometry.
    bool layerGuessed() const { return m_layerNames.size() > 1 && !m_layerNamed; }
    //! A shapefile whose attribute table (.dbf) is missing: that file's path, else empty.
    QString missingAttributeFile() const { return m_missingDbf; }
    //! A CRS file (.prj) beside the source that GDAL could not read (the layer then
    //! declares no CRS): that file's path, else empty.
    QString unreadableCrsFile() const;

private:
    GDALDatasetH m_dataset = nullptr;
    OGRLayerH m_layer = nullptr;
    qint64 m_featureCount = -1;
    QString m_path;
    QStringList m_layerNames;
    bool m_layerNamed = false;
    bool m_shapefile = false;
    QString m_missingDbf;
};

} // namespace tt
