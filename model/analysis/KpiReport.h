// SPDX-License-Identifier: MIT
#pragma once

#include "Capacity.h"
#include "LandUseStatistics.h"
#include "PlanChecker.h"
#include "ServiceReach.h"

#include <QHash>
#include <QJsonObject>

namespace tt {

// KpiReport::toJson() layout: what `towntwin-cli kpis PROJECT.gpkg --json`
// prints. Keys are stable snake_case; areas in m² (…_m2) or km² (…_km2),
// shares and ratios as fractions (0.25 = 25 %), distances in metres. A ratio
// whose denominator is 0 is reported as 0.
//
// {
//   "land_use": {
//     "site_area_m2", "site_area_km2",
//     "site_area_source": "boundary" (Site::boundary) | "zones" (sum of zone areas),
//     "classes": { "<zone class key>": { "area_m2", "area_km2", "share" (of the site),
//                  "footprint_m2", "gfa_m2", "far", "coverage", "buildings" } },  // every class
//     "built_up_area_m2", "built_up_area_km2",      // zones whose class is built-up
//     "agricultural_area_m2", "agricultural_area_km2", "farmland_share",
//     "green_area_km2", "green_ratio",              // green area / built-up area
//     "footprint_m2", "gfa_m2",                     // all buildings
//     "gfa_by_use_m2": { "<building use key>": m² },   // every use
//     "far_built_up", "coverage_built_up",          // GFA / footprint of buildings on built-up
//                                                   // land (built-up zones and unzoned) per built-up area
//     "buildings", "unzoned_buildings",
//     "zones": [ { "id", "name", "class", "area_m2", "footprint_m2", "gfa_m2", "far", "coverage",
//                  "buildings" } ]                  // by ascending id
//   },
//   "capacity": { "residents", "jobs", "jobs_by_use": { "<building use key>": jobs },
//                 "school_seats", "hospital_beds", "elderly_care_beds" },
//   "service_reach": { "method": "road_network" | "straight_line", "residents",
//                      "services": { "<service key>": { "share", "radius_m", "providers" } } },
//   "plan_check": [ { "id", "label", "metric", "unit", "value", "target", "status": "pass"|"warn"|"fail" } ],
//   "plan_check_summary": { "pass", "warn", "fail" },
//   "plan_check_error": "..."                       // only when the rule set is unusable
// }
//
// Plan-rule metrics (KpiReport::metrics()): site_area_km2, built_up_area_km2,
// agricultural_area_km2, green_area_km2, farmland_share, green_ratio,
// far_built_up, coverage_built_up, footprint_m2, gfa_m2, buildings,
// unzoned_buildings, area_km2.<class>, share.<class>, gfa_m2.<use>,
// residents, jobs, school_seats, hospital_beds, elderly_care_beds,
// reach.<service> (primary_school, hospital, elderly_care, retail, park).

//! Every zoning KPI of a plan: land use, capacity, service reach and the plan check.
struct KpiReport {
    LandUseStatistics landUse;
    Capacity capacity;
    ServiceReach serviceReach;
    PlanCheck planCheck;

    //! Flat metric set the plan rules refer to (keys listed above).
    QHash<QString, double> metrics() const;
    //! The documented JSON layout above.
    QJsonObject toJson() const;
};

} // namespace tt
