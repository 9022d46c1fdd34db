// SPDX-License-Identifier: MIT
#pragma once

#include "ServiceType.h"

#include <array>

namespace tt {

//! Reach of one public service.
struct ServiceReachEntry {
    double share = 0.0;             //!< residents within the radius / all residents (0 without residents)
    double radiusM = 0.0;           //!< walking radius used
    int providers = 0;              //!< buildings (or green zones, for parks) providing it
    double residentsReached = 0.0;
};

//! Share of residents within walking reach of each public service.
struct ServiceReach {
    bool alongRoads = false;  //!< distances along the road network; straight lines when the plan has no roads
    double residents = 0.0;   //!< residents counted (homes weighted by their residents)
    std::array<ServiceReachEntry, kServiceTypeCount> services{};

    double share(ServiceType type) const { return services[int(type)].share; }
};

} // namespace tt
