// SPDX-License-Identifier: MIT
#pragma once

#include "Building.h"
#include "EnergyAsset.h"
#include "NetworkLink.h"
#include "NetworkNode.h"
#include "Road.h"
#include "Zone.h"

#include <QVector>

namespace tt {

//! Kinds of entity a document holds; used in change notifications.
enum class EntityKind : quint8 { Building, Zone, Road, Asset, NetworkNode, NetworkLink };

//! A bag of entities of every kind: one side (before or after) of an edit.
struct EntityBatch {
    QVector<Building> buildings;
    QVector<Zone> zones;
    QVector<Road> roads;
    QVector<EnergyAsset> assets;
    QVector<NetworkNode> networkNodes;
    QVector<NetworkLink> networkLinks;

    bool isEmpty() const { return size() == 0; }
    int size() const { return int(buildings.size() + zones.size() + roads.size() + assets.size() + networkNodes.size()
                   + networkLinks.size()); }
};

} // namespace tt
