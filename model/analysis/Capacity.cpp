// SPDX-License-Identifier: MIT
#include "Capacity.h"

namespace tt {

Capacity Capacity::compute(const std::array<double, kBuildingUseCount> &gfa, const ZoningSettings &settings)
{
    Capacity c;
    c.residents = residentsOf(gfa, settings);
    for (int u = 0; u < kBuildingUseCount; ++u) {
        if (settings.m2PerJob[u] > 0.0 && !buildinguse::isResidential(BuildingUse(u)))
            c.jobsByUse[u] = gfa[u] / settings.m2PerJob[u];
        c.jobs += c.jobsByUse[u];
    }
    c.schoolSeats = gfa[int(BuildingUse::School)] / settings.schoolM2PerSeat;
    c.hospitalBeds = gfa[int(BuildingUse::Hospital)] / settings.hospitalM2PerBed;
    c.elderlyCareBeds = gfa[int(BuildingUse::ElderlyCare)] / settings.elderlyCareM2PerBed;
    return c;
}

double Capacity::residentsOf(const std::array<double, kBuildingUseCount> &gfa, const ZoningSettings &settings)
{
    return gfa[int(BuildingUse::Residential)] / settings.residentialM2PerPerson;
}

} // namespace tt
