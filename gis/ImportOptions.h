// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tt {

//! What to import and how to read it; mirrors `towntwin-cli import`.
struct ImportOptions {
    QString demPath;        //!< any GDAL raster DEM; empty = flat ground at 0 m
    QString buildingsPath;  //!< any OGR vector with (multi)polygons; required unless a feeder is given
    QString contextPath;    //!< optional surroundings: buildings drawn for context, not planned or simulated
    QString zonesPath;      //!< optional land-use polygons
    QString roadsPath;      //!< optional road centre lines
    QString feederLinesPath;  //!< optional distribution feeder (FeederReader's fields): its lines ...
    QString feederNodesPath;  //!< ... and its nodes; both or neither
    QString joinPath;       //!< optional attribute table joined onto buildings (DBF, CSV, XLSX, any OGR table)
    QString joinKey;        //!< field present in both the buildings layer and the join table
    QString useField;       //!< field naming the building use; empty = auto (building, 1ST_USE, use, ...)
    QString zoneClassField; //!< field naming the zone class; empty = auto (class, landuse, zone, ...)
    QString nameField;      //!< field with display names in every layer; empty = auto (name, name:zh, 名称, ...)
    QString assumeCrs;      //!< CRS for sources without one or with an impossible one ("EPSG:32651")
    QString layerName;      //!< layer to read in multi-layer sources (OSM: "multipolygons"); empty = first polygon layer
};

} // namespace tt
