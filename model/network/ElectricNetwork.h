// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QHash>
#include <QString>

#include <vector>

namespace tt {

//! A bus of a distribution feeder: the substation (source, the slack) or a load.
struct ElectricNode {
    enum class Kind { Source, Load };
    QString id;
    Kind kind = Kind::Load;
    double kv = 10.0;      //!< nominal line-to-line voltage
    double pKw = 0.0;      //!< fixed load (negative: generation), three-phase
    double qKvar = 0.0;
};

//! A line or cable between two buses, its series impedance per phase; an open one is a
//! switch that carries nothing. Between buses of different voltages it is a transformer
//! at its nominal ratio: its impedance (and ampacity) are given on the side of `kv`.
struct ElectricLink {
    QString id, from, to;
    double rOhm = 0.0, xOhm = 0.0;
    bool closed = true;
    double kv = 10.0;
    double ampacityA = 0.0;  //!< 0: not known (no loading)
};

//! A balanced three-phase distribution network: buses and the links between them,
//! at one or more voltage levels (a 10 kV feeder and the 0.4 kV service behind its
//! transformers).
struct ElectricNetwork {
    std::vector<ElectricNode> nodes;
    std::vector<ElectricLink> links;

    //! Each node's index by its id.
    QHash<QString, int> nodeIndices() const;
    //! Ids unique, links between known distinct nodes with a non-zero impedance at the
    //! voltage of their ends (a transformer's at one of its sides), exactly one source,
    //! and every node reached from it over closed links. The first problem, naming the
    //! node or link.
    Status validate() const;
};

} // namespace tt
