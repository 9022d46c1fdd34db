// SPDX-License-Identifier: MIT
#pragma once

#include "Building.h"
#include "EnergyAsset.h"
#include "EntityTable.h"
#include "NetworkLink.h"
#include "NetworkNode.h"
#include "Road.h"
#include "Zone.h"

#include <QString>
#include <QVariantMap>

namespace tt {

//! A named variant of the plan: what planners change between alternatives (buildings,
//! zones, roads, assets, networks, settings and rules). Site, terrain and the saved views
//! are the project's and shared by every scenario.
//! The active scenario's content lives in the Town's own tables, which every analysis
//! reads; an inactive one keeps it here until it is activated (Town::activateScenario).
struct Scenario {
    QString name;
    EntityTable<Building> buildings;
    EntityTable<Zone> zones;
    EntityTable<Road> roads;
    EntityTable<EnergyAsset> assets;
    EntityTable<NetworkNode> networkNodes;
    EntityTable<NetworkLink> networkLinks;
    QVariantMap settings;
    QString rulesJson;

    bool operator==(const Scenario &o) const;
    bool operator!=(const Scenario &o) const { return !(*this == o); }
};

} // namespace tt
