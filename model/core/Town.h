// SPDX-License-Identifier: MIT
#pragma once

#include "Building.h"
#include "EnergyAsset.h"
#include "EntityTable.h"
#include "NetworkLink.h"
#include "NetworkNode.h"
#include "Road.h"
#include "Scenario.h"
#include "Site.h"
#include "Status.h"
#include "Terrain.h"
#include "Zone.h"
#include "present/Presentation.h"

#include <QVariantMap>

namespace tt {

//! Everything a plan consists of, as plain data: what the Document owns and
//! edits, what analyses read and what the project file stores.
struct Town {
    Site site;
    Terrain terrain;
    EntityTable<Building> buildings;
    EntityTable<Zone> zones;
    EntityTable<Road> roads;
    EntityTable<EnergyAsset> assets;
    EntityTable<NetworkNode> networkNodes;  //!< feeders and heating and cooling networks
    EntityTable<NetworkLink> networkLinks;
    QVariantMap settings;  //!< scenario settings (capacity factors, walking radii, ...) by key
    QString rulesJson;     //!< the plan-check rule set in use; empty means the bundled default
    Presentation presentation;  //!< saved views and tours
    //! The plan's variants, in the planner's order. Empty: the project has one plan.
    //! Otherwise scenarios[activeScenario] holds only its name: its content is the tables above.
    QVector<Scenario> scenarios;
    int activeScenario = 0;
    EntityId nextId = 1;   //!< ids are never reused, also across save and load

    //! A new id for an entity about to be added (advances nextId).
    EntityId allocateId() { return nextId++; }
    //! The active scenario's name; empty when there are no scenarios.
    QString activeScenarioName() const;
    //! Index in scenarios of the one with this name; -1 if none.
    int scenarioIndex(const QString &name) const;
    //! Makes scenarios[index] the plan in the tables and keeps the current one in its slot.
    //! Moves tables, copies nothing.
    void activateScenario(int index);
    //! A copy of the plan in the tables as a scenario named `name`.
    Scenario planAsScenario(const QString &name) const;
    //! A copy of this town with scenarios[index] active (for comparisons).
    Town withScenario(int index) const;
    //! Why `name` cannot name a scenario (empty, or taken by another than `except`); success if it can.
    Status checkScenarioName(const QString &name, int except = -1) const;
    //! Extent of buildings, zones, roads, assets, networks and the site boundary (not the terrain).
    Bounds2 dataBounds() const;
    //! Same plan content; nextId is an allocation counter, not content, and is not compared.
    bool operator==(const Town &o) const;
    bool operator!=(const Town &o) const { return !(*this == o); }

private:
    void swapPlan(Scenario &scenario);
};

} // namespace tt
