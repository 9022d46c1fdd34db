// SPDX-License-Identifier: MIT
#pragma once

#include "NetworkYear.h"

#include <QHash>

namespace tt {

//! The town's networks in one hour, by entity: what each link carries and how loaded it
//! is, each electric node's voltage. What the 3D scene shows at the time bar's hour.
struct NetworkSnapshot {
    struct Link {
        double kw = 0.0;       //!< power (heat, cold) carried, from the `from` node towards `to` when positive
        double loading = 0.0;  //!< current over ampacity (cables, transformers); 0 for pipes and unknown ratings
    };
    int hour = -1;
    Status status;
    QHash<EntityId, Link> links;
    QHash<EntityId, double> voltagePu;  //!< electric nodes
    QHash<EntityId, double> buildingKw;  //!< each building's electric load (net of its roof's PV)

    bool isEmpty() const { return hour < 0; }
    //! Solves hour `hour` of `loads` on `networks`.
    static NetworkSnapshot at(const TownNetworks &networks, const NetworkLoads &loads, int hour);
};

} // namespace tt
