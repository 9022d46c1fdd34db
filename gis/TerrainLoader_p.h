// SPDX-License-Identifier: MIT
#pragma once

#include "ImportReport.h"
#include "core/Progress.h"
#include "core/Terrain.h"

#include <QByteArray>

#include <gdal.h>

class OGRSpatialReference;

namespace tt {

class LayerCrsResolver;

//! Reads any GDAL raster DEM and warps it (bilinear, NoData kept as NaN) into the
//! project CRS as a Terrain in the site's local frame, row 0 at the south edge.
//! The terrain covers the DEM's whole pixel area, not just the span between its outer
//! pixel centres, so a DEM of one pixel is a flat square and a building in a DEM's
//! outermost half pixel stands on it.
class TerrainLoader {
public:
    //! Largest grid side kept; bigger DEMs are cut to the site and, if still too big,
    //! resampled to this many samples per side.
    static constexpr int kMaxSide = 4096;

    TerrainLoader() = default;
    ~TerrainLoader();
    TerrainLoader(const TerrainLoader &) = delete;
    TerrainLoader &operator=(const TerrainLoader &) = delete;

    //! Opens the DEM and finds where it lies in the project CRS (extent()); resolver
    //! decides its CRS from what it declares and --assume-crs, as for every layer.
    Status open(const QString &path, const OGRSpatialReference &project, double originE, double originN,
                const LayerCrsResolver &resolver);
    //! The DEM's area in the site's local frame, known after open().
    const Bounds2 &extent() const { return m_extent; }
    //! Warps the DEM into terrain(). A DEM too big to keep whole at its own resolution is
    //! cut to `area` (local frame: what the terrain must carry) plus a margin first.
    Status load(const Bounds2 &area, const Progress &progress);

    const Terrain &terrain() const { return m_terrain; }

private:
    Status fail(ErrorCode code, const QString &message);

    QString m_path;
    GDALDatasetH m_source = nullptr;
    QByteArray m_sourceWkt, m_projectWkt;
    double m_originE = 0.0, m_originN = 0.0;
    double m_cell = 0.0;  // the DEM's own resolution in the project CRS
    Bounds2 m_extent;     // local frame
    Terrain m_terrain;
};

} // namespace tt
