// SPDX-License-Identifier: MIT
#pragma once

#include "EnergySimulator.h"

#include <QString>
#include <QVector>

namespace tt {

//! The town's energy from where it comes to where it goes, for a Sankey diagram:
//! imports, PV, wind, gas, biomass and ambient heat through the CHP, boilers, heat
//! pumps, chillers and storage to the buildings' end uses, the EV fleet, export and
//! the losses of conversion, storage and networks. Each node's column orders the
//! diagram left to right; every link carries kWh over the chosen hours.
struct EnergySankey {
    enum class Kind : quint8 { Source, Converter, Carrier, Use, Loss };
    struct Node {
        QString key;   //!< "grid", "pv", "chp", "electricity", "buildings_electricity", ...
        QString name;  //!< shown
        int column = 0;
        Kind kind = Kind::Source;
    };
    struct Link {
        int from = 0, to = 0;
        double kwh = 0.0;
    };
    QVector<Node> nodes;
    QVector<Link> links;  //!< only those carrying energy

    //! Over hours [first, first + count) of the result (the whole year: 0, 8760).
    static EnergySankey fromResult(const SimulationResult &result, int first, int count);
    int nodeIndex(const QString &key) const;
    //! Energy into (or, for sources, out of) a node.
    double throughput(int node) const;
    double linkKwh(const QString &from, const QString &to) const;
};

} // namespace tt
