// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"
#include "Geometry.h"
#include "NetworkCarrier.h"

#include <QString>

namespace tt {

//! A node of an energy network: the plant or substation that feeds it (source), a
//! building's connection (load) or a joint along the route (junction).
struct NetworkNode {
    enum class Kind : quint8 { Source, Load, Junction };

    EntityId id = kNoEntity;
    QString sourceId;  //!< the utility's own id, as imported; layout nodes have none
    NetworkCarrier carrier = NetworkCarrier::Electricity;
    Kind kind = Kind::Junction;
    Vec2 position;     //!< local coordinates
    //! The building a load node serves; its hourly load is the node's load. Without one,
    //! the node carries its fixed load (pKw, qKvar) only.
    EntityId building = kNoEntity;
    double kv = 10.0;   //!< electricity: nominal line-to-line voltage
    double pKw = 0.0;   //!< electricity: fixed load as imported (negative: generation)
    double qKvar = 0.0;

    bool operator==(const NetworkNode &o) const
    {
        return id == o.id && sourceId == o.sourceId && carrier == o.carrier && kind == o.kind
            && position == o.position && building == o.building && kv == o.kv && pKw == o.pKw && qKvar == o.qKvar;
    }
    bool operator!=(const NetworkNode &o) const { return !(*this == o); }
};

namespace networknodekind {
QString key(NetworkNode::Kind kind);  //!< "source", "load", "junction"
bool fromKey(const QString &key, NetworkNode::Kind *kind);
} // namespace networknodekind

} // namespace tt
