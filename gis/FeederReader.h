// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "network/ElectricNetwork.h"

#include <QString>

namespace tt {

struct FeederGeometry;

//! Reads a distribution feeder as utilities hold it in GIS: a line layer (fields `id`,
//! `from`, `to`, `r_ohm`, `x_ohm`, `status` open|closed, `kv`, optional `ampacity_a`)
//! and a node layer (`id`, `p_kw`, `q_kvar`, `kind` source|load, `kv`), any format
//! OGR reads. A missing field, a value that is not a number, an unknown status or
//! kind is an error naming the file, the feature and the field; the network is then
//! validated (ElectricNetwork::validate), its errors prefixed with the files.
class FeederReader {
public:
    static Status read(const QString &linesPath, const QString &nodesPath, ElectricNetwork *network);
    //! Also where the nodes and lines lie, in their layers' own CRS (gis-internal: the importer places them).
    static Status read(const QString &linesPath, const QString &nodesPath, ElectricNetwork *network,
                       FeederGeometry *geometry);
};

} // namespace tt
