// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"
#include "Geometry.h"
#include "NetworkCarrier.h"

#include <QString>
#include <QVector>

namespace tt {

//! A link of an energy network between two of its nodes: a three-phase cable or line
//! (electricity), or a supply and return pipe pair laid together (heating, cooling).
struct NetworkLink {
    EntityId id = kNoEntity;
    QString sourceId;  //!< the utility's own id, as imported
    NetworkCarrier carrier = NetworkCarrier::Electricity;
    EntityId from = kNoEntity, to = kNoEntity;  //!< NetworkNode ids
    QVector<Vec2> route;  //!< local coordinates, from the `from` node to the `to` node
    bool closed = true;   //!< false: an open switch or a closed valve, carrying nothing
    QString type;         //!< the catalogue's name for the cable or pipe ("YJV22-8.7/15 3x70", "DN100")
    //! Cables or pipe pairs laid side by side: impedance and ampacity are of them all
    //! together, a pipe's bore and loss coefficient are of each.
    int circuits = 1;

    // Electricity
    double rOhm = 0.0, xOhm = 0.0;  //!< series impedance per phase over the whole length
    double kv = 10.0;
    double ampacityA = 0.0;         //!< 0: not known

    // Pipes
    double innerDiameterMm = 0.0;
    double lossWPerMK = 0.0;  //!< heat loss of each of the two pipes per metre and kelvin to the ground
    double supplyC = 0.0, returnC = 0.0;

    double lengthM() const { return geometry::length(route); }
    bool operator==(const NetworkLink &o) const
    {
        return id == o.id && sourceId == o.sourceId && carrier == o.carrier && from == o.from && to == o.to
            && route == o.route && closed == o.closed && type == o.type && circuits == o.circuits && rOhm == o.rOhm && xOhm == o.xOhm
            && kv == o.kv && ampacityA == o.ampacityA && innerDiameterMm == o.innerDiameterMm
            && lossWPerMK == o.lossWPerMK && supplyC == o.supplyC && returnC == o.returnC;
    }
    bool operator!=(const NetworkLink &o) const { return !(*this == o); }
};

} // namespace tt
