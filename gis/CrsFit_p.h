// SPDX-License-Identifier: MIT
#pragma once

#include "Crs_p.h"
#include "core/Geometry.h"

#include <QString>

namespace tt {

//! Whether coordinates can really be in a CRS, and how true to the ground a CRS
//! maps them. A coordinate fits when it maps to a place on Earth (and back) and
//! lies inside the CRS's area of use, or, for a projection, where the projection
//! is still true to scale: data in UTM a little past its zone, or CEA's Zug case
//! ("UTM zone 32S" on the northern hemisphere, which PROJ maps correctly).
//! Web Mercator x/y labelled as UTM, lon/lat labelled as metres and metres
//! labelled as lon/lat do not fit. One per CRS; each point costs a few PROJ calls.
class CrsFit {
public:
    //! Largest distortion (relative scale error or shear) a projection may have where it is used.
    //! UTM reaches 0.1 % at the edge of its zone, Gauss-Krüger 0.14 %; Web Mercator has 15 % at 30° N.
    static constexpr double kMaxDistortion = 0.0015;

    explicit CrsFit(const OGRSpatialReference &srs);

    //! The point's longitude/latitude in degrees on the CRS's own datum; false when it maps to no place.
    bool toLonLat(Vec2 p, Vec2 *lonLat) const;
    //! Largest relative error of lengths (in any direction) at p for a metric map; +inf for a
    //! geographic CRS or where the projection cannot map p.
    double distortion(Vec2 p) const;
    //! p is a plausible coordinate of this CRS (see the class comment).
    bool fits(Vec2 p) const;
    //! "108°E–114°E, 0°N–84°N", or empty when PROJ knows none.
    QString areaOfUse() const;

private:
    bool inAreaOfUse(Vec2 lonLat) const;

    crs::SrsPtr m_srs;
    crs::SrsPtr m_geographic;
    crs::TransformPtr m_inverse;  // m_srs -> m_geographic
    crs::TransformPtr m_forward;  // m_geographic -> m_srs
    bool m_isGeographic = false;
    double m_metresPerUnit = 1.0;
    double m_semiMajor = 6378137.0;
    double m_eccentricity2 = 0.0;
    bool m_hasArea = false;
    double m_west = -180.0, m_south = -90.0, m_east = 180.0, m_north = 90.0;
};

} // namespace tt
