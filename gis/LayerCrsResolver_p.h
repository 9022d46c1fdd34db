// SPDX-License-Identifier: MIT
#pragma once

#include "Crs_p.h"
#include "ImportReport.h"
#include "core/Geometry.h"

#include <QVector>

namespace tt {

//! The one place that decides which CRS a source layer's coordinates are in, for
//! every layer of an import (buildings, surroundings, zones, roads, DEM): the CRS
//! the layer declares, unless most of its coordinates do not fit it (CrsFit); then
//! --assume-crs, which is also the CRS of a layer that declares none.
class LayerCrsResolver {
public:
    //! assumed: the parsed --assume-crs (nullptr when not given); assumedText: as the user wrote it.
    LayerCrsResolver(const OGRSpatialReference *assumed, const QString &assumedText);

    struct Result {
        Status status;
        crs::SrsPtr srs;       //!< the CRS to read the layer in
        bool assumed = false;  //!< srs is --assume-crs, not what the layer declares
        int outside = 0;       //!< sampled points that do not fit srs (a minority; those features are left out)
    };

    //! samples: coordinates from the layer (every feature's first vertex, or a few hundred spread over it).
    Result resolve(const QString &path, const OGRSpatialReference *declared, const QVector<Vec2> &samples) const;

private:
    Result refuse(ErrorCode code, const QString &message) const;
    QString misfit(const QString &path, const QString &whose, const OGRSpatialReference &srs, Vec2 example,
                   int outside, int total) const;

    const OGRSpatialReference *m_assumed;
    QString m_assumedText;
};

} // namespace tt
