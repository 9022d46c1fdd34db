// SPDX-License-Identifier: MIT
#pragma once

#include "ImportReport.h"
#include "core/Terrain.h"

#include <functional>

class OGRSpatialReference;

namespace tt {

class LayerCrsResolver;

//! Reads any GDAL raster DEM and warps it (bilinear, NoData kept as NaN) into the
//! project CRS as a Terrain in the site's local frame, row 0 at the south edge.
class TerrainLoader {
public:
    //! Largest grid side kept; bigger DEMs are resampled to this many samples per side.
    static constexpr int kMaxSide = 4096;

    //! fraction 0..1 of the warp; return false to cancel.
    using Progress = std::function<bool(double fraction)>;

    //! resolver decides the DEM's CRS from what it declares and --assume-crs, as for every layer.
    Status load(const QString &path, const OGRSpatialReference &project, double originE, double originN,
                const LayerCrsResolver &resolver, const Progress &progress);

    const Terrain &terrain() const { return m_terrain; }
    ImportFailure failure() const { return m_failure; }

private:
    Status fail(ImportFailure failure, const QString &message);

    Terrain m_terrain;
    ImportFailure m_failure = ImportFailure::None;
};

} // namespace tt
