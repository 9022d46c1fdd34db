// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingMetrics.h"
#include "RoadNetwork.h"
#include "ServiceReach.h"
#include "ZoningSettings.h"
#include "core/Town.h"

#include <unordered_map>

namespace tt {

//! Walking distance from every home to the nearest provider of each public
//! service, kept up to date edit by edit. A home is a building with residential
//! floor area, weighted by its residents; providers are buildings with floor
//! area of the service's use (green zones for parks). With roads, a walk goes
//! straight to the nearest road, along the network and straight to the
//! provider; without roads it is the straight line. The road graph is rebuilt
//! only by reset(), and a service's distances are recomputed only when one of
//! its providers changes.
class ServiceReachAnalysis {
public:
    //! Parks join the network at points this far apart (m) along their boundary.
    static constexpr double kParkAccessSpacingM = 50.0;

    //! Rebuilds everything: road graph, road access of every building, providers, distances.
    void reset(const Town &town, const ZoningSettings &settings, const BuildingMetricsMap &metrics);
    //! A building was added or changed (metrics set) or removed (metrics null). Call flush() after a batch.
    void updateBuilding(EntityId id, const BuildingMetrics *metrics);
    //! Zones changed: parks are taken from the town's green zones again. Call flush() after.
    void updateZones(const Town &town);
    //! Recomputes the services whose providers changed since the last flush.
    void flush();

    //! Shares of residents within each service's radius.
    ServiceReach result() const;
    //! True when the plan has roads to walk along.
    bool alongRoads() const { return !m_network.isEmpty(); }
    const RoadNetwork &network() const { return m_network; }
    //! Walking distance (m) from a home to the nearest provider; infinite when none is reachable or
    //! the building is not a home.
    double distanceM(ServiceType type, EntityId building) const;

private:
    struct Place {
        Vec2 centroid;
        RoadAccess access;
        double residents = 0.0;
        unsigned provides = 0;  // bit per ServiceType
        std::array<double, kServiceTypeCount> distanceM{};
    };
    struct Providers {
        QVector<Vec2> points;
        QVector<RoadAccess> accesses;
        RoadNetwork::DistanceField field;
        int count = 0;
    };
    void rebuildProviders(ServiceType type);
    double measure(ServiceType type, const Place &place) const;

    ZoningSettings m_settings;
    RoadNetwork m_network;
    std::unordered_map<EntityId, Place> m_places;  // homes and providers only
    QVector<Polygon> m_parks;
    std::array<Providers, kServiceTypeCount> m_providers;
    unsigned m_dirty = 0;
};

} // namespace tt
