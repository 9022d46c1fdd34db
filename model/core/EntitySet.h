// SPDX-License-Identifier: MIT
#pragma once

#include "Building.h"
#include "Road.h"
#include "Zone.h"

#include <QVector>

namespace tt {

//! Kinds of entity a document holds; used in change notifications.
enum class EntityKind : quint8 { Building, Zone, Road };

//! A bag of entities of every kind: one side (before or after) of an edit.
struct EntitySet {
    QVector<Building> buildings;
    QVector<Zone> zones;
    QVector<Road> roads;

    bool isEmpty() const { return buildings.isEmpty() && zones.isEmpty() && roads.isEmpty(); }
    int size() const { return int(buildings.size() + zones.size() + roads.size()); }
};

} // namespace tt
