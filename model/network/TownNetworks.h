// SPDX-License-Identifier: MIT
#pragma once

#include "PipeNetwork.h"
#include "TownFeeder.h"

#include <QHash>

#include <array>
#include <optional>

namespace tt {

//! The town's networks as their solvers take them (the feeder, the heating and the
//! cooling network, each only when the town has it) and which node each building's load
//! goes to: for electricity its own service node, else the nearest load node (every
//! building is supplied); for heat and cold only a node that names it (a building
//! without one is not on that network).
class TownNetworks {
public:
    //! Builds and validates every network the town has; the first problem names the
    //! network and the node or link.
    static Status build(const Town &town, TownNetworks *networks);

    bool isEmpty() const { return !m_feeder && !m_pipes[0] && !m_pipes[1]; }
    const TownFeeder *feeder() const { return m_feeder ? &*m_feeder : nullptr; }
    //! The heating or cooling network; null when the town has none.
    const PipeNetwork *pipes(NetworkCarrier carrier) const;
    EntityId pipeLinkEntity(NetworkCarrier carrier, int i) const;
    //! Index of the node that carries `building`'s load on `carrier`'s network; -1 if none.
    int nodeOf(NetworkCarrier carrier, EntityId building) const
    {
        return m_nodeOfBuilding[size_t(carrier)].value(building, -1);
    }

private:
    std::optional<TownFeeder> m_feeder;
    std::array<std::optional<PipeNetwork>, 2> m_pipes;  // heating, cooling
    std::array<std::vector<EntityId>, 2> m_pipeLinkEntities;
    std::array<QHash<EntityId, int>, kNetworkCarrierCount> m_nodeOfBuilding;
};

} // namespace tt
