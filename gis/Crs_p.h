// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <ogr_spatialref.h>

#include <memory>

namespace tt::crs {

using SrsPtr = std::unique_ptr<OGRSpatialReference>;
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation>;

//! Every SRS we create or copy uses x = easting/longitude, y = northing/latitude,
//! whatever the authority's axis order, so lon/lat are never swapped.
SrsPtr traditional(const OGRSpatialReference &srs);
//! "EPSG:32734", a WKT or a PROJ string; nullptr when GDAL cannot understand it.
SrsPtr fromUserInput(const QString &text);
//! WGS 84 longitude/latitude.
SrsPtr wgs84();
//! Projected with metre units: kept as the project CRS as is.
bool isMetricProjected(const OGRSpatialReference &srs);
//! WGS 84 / UTM zone of a lon/lat point, north or south by its latitude.
SrsPtr utmZoneFor(double longitude, double latitude);
//! "EPSG:32734" when an authority code is known, else the CRS name.
QString shortName(const OGRSpatialReference &srs);
//! WKT2 (2019), what Site::crsWkt stores.
QString wkt2(const OGRSpatialReference &srs);
//! Transformation from -> to; nullptr when PROJ finds no operation (callers skip it for the same CRS).
TransformPtr transformation(const OGRSpatialReference &from, const OGRSpatialReference &to);

} // namespace tt::crs
