// SPDX-License-Identifier: MIT
#pragma once

#include "ElectricNetwork.h"
#include "core/Town.h"

#include <vector>

namespace tt {

//! How the solvers and their messages name a network node or link: the utility's id
//! where it has one, else the entity id.
QString networkElementName(EntityId id, const QString &sourceId);

//! The town's electricity network as the power flow takes it: one ElectricNode per
//! electricity NetworkNode (junctions are loads of nothing) and one ElectricLink per
//! link, named by the utility's id where it has one, else by the entity id, and which
//! entity each of them is.
struct TownFeeder {
    ElectricNetwork network;
    std::vector<EntityId> nodeEntities;  //!< per network node
    std::vector<EntityId> linkEntities;  //!< per network link

    //! The feeder of `town`, validated (ElectricNetwork::validate); an error when the town
    //! has no electricity network.
    static Status build(const Town &town, TownFeeder *feeder);
};

} // namespace tt
