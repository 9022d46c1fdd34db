// SPDX-License-Identifier: MIT
#pragma once

#include "Geometry.h"

#include <QString>

namespace tt {

//! Where the town is: its projected CRS and the double-precision origin that
//! every local coordinate is relative to (so floats in the scene stay exact).
struct Site {
    QString name;
    QString crsWkt;        //!< project CRS as WKT (a projected, metric CRS)
    QString crsName;       //!< short label, e.g. "EPSG:32651" or the CRS name
    double originE = 0.0;  //!< project-CRS easting of local (0,0)
    double originN = 0.0;  //!< project-CRS northing of local (0,0)
    double latitude = 0.0; //!< WGS 84 of the origin, for the sun and the weather
    double longitude = 0.0;
    double utcOffsetHours = 0.0;  //!< standard time zone of the site
    Polygon boundary;      //!< planning boundary in local coordinates; empty = extent of the data

    Vec2 toLocal(double easting, double northing) const { return {easting - originE, northing - originN}; }
    bool operator==(const Site &o) const
    {
        return name == o.name && crsWkt == o.crsWkt && crsName == o.crsName && originE == o.originE
            && originN == o.originN && latitude == o.latitude && longitude == o.longitude
            && utcOffsetHours == o.utcOffsetHours && boundary == o.boundary;
    }
    bool operator!=(const Site &o) const { return !(*this == o); }
};

} // namespace tt
