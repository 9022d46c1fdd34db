// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingMetrics.h"
#include "core/Town.h"

#include <QVector>

#include <array>

namespace tt {

class ZoneIndex;

//! Land use of one zone or one zone class: area and the buildings standing on it.
struct LandUseTally {
    double areaM2 = 0.0;
    double footprintM2 = 0.0;
    double gfaM2 = 0.0;
    int buildings = 0;

    //! Floor-area ratio: GFA / land area (0 when the area is 0).
    double far() const { return areaM2 > 0.0 ? gfaM2 / areaM2 : 0.0; }
    //! Building coverage: footprint / land area (0 when the area is 0).
    double coverage() const { return areaM2 > 0.0 ? footprintM2 / areaM2 : 0.0; }
};

//! One zone's land use, for the per-zone table.
struct ZoneLandUse {
    EntityId id = kNoEntity;
    QString name;
    ZoneClass zoneClass = ZoneClass::Green;
    LandUseTally tally;
};

//! Land-use statistics of a plan. Areas add zone polygons as they are, so
//! overlapping zones count twice; a plan's zones are expected to tile the site.
struct LandUseStatistics {
    //! Site::boundary area when the boundary is set; otherwise the sum of all zone areas.
    double siteAreaM2 = 0.0;
    bool siteFromBoundary = false;
    std::array<LandUseTally, kZoneClassCount> classes{};
    double builtUpAreaM2 = 0.0;      //!< zones whose class zoneclass::isBuiltUp
    double agriculturalAreaM2 = 0.0;
    double greenAreaM2 = 0.0;
    double footprintM2 = 0.0;        //!< every building, unzoned ones included
    double gfaM2 = 0.0;              //!< every building, unzoned ones included
    std::array<double, kBuildingUseCount> gfaByUseM2{};
    //! Buildings on built-up land: in a built-up zone or in no zone (not on farmland or water).
    double builtUpFootprintM2 = 0.0;
    double builtUpGfaM2 = 0.0;
    int buildings = 0;
    int unzonedBuildings = 0;        //!< buildings whose centroid lies in no zone
    QVector<ZoneLandUse> zones;      //!< every zone, by ascending id

    //! Share of the site taken by a class (0 when the site area is 0).
    double classShare(ZoneClass zoneClass) const;
    double farmlandShare() const;    //!< agricultural area / site area
    double greenRatio() const;       //!< green zone area / built-up area
    double farBuiltUp() const;       //!< built-up GFA / built-up area
    double coverageBuiltUp() const;  //!< built-up footprint / built-up area

    //! Aggregates zone areas and the cached building contributions.
    static LandUseStatistics compute(const Town &town, const ZoneIndex &zoneIndex, const BuildingMetricsMap &metrics);
};

} // namespace tt
