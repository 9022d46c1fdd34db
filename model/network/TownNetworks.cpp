// SPDX-License-Identifier: MIT
#include "TownNetworks.h"

#include <cmath>

namespace tt {

namespace {
int pipeSlot(NetworkCarrier carrier)
{
    return carrier == NetworkCarrier::Heating ? 0 : 1;
}
} // namespace

const PipeNetwork *TownNetworks::pipes(NetworkCarrier carrier) const
{
    if (carrier == NetworkCarrier::Electricity)
        return nullptr;
    const auto &p = m_pipes[size_t(pipeSlot(carrier))];
    return p ? &*p : nullptr;
}

EntityId TownNetworks::pipeLinkEntity(NetworkCarrier carrier, int i) const
{
    return m_pipeLinkEntities[size_t(pipeSlot(carrier))][size_t(i)];
}

Status TownNetworks::build(const Town &town, TownNetworks *networks)
{
    TownNetworks n;
    std::array<bool, kNetworkCarrierCount> present{};
    for (const NetworkNode &node : town.networkNodes)
        present[size_t(node.carrier)] = true;

    if (present[size_t(NetworkCarrier::Electricity)]) {
        TownFeeder feeder;
        if (Status s = TownFeeder::build(town, &feeder); !s)
            return s;
        // A building's own service node, else the nearest load node.
        QHash<EntityId, int> &of = n.m_nodeOfBuilding[size_t(NetworkCarrier::Electricity)];
        std::vector<std::pair<Vec2, int>> loads;
        for (size_t i = 0; i < feeder.nodeEntities.size(); ++i) {
            const NetworkNode &node = *town.networkNodes.find(feeder.nodeEntities[i]);
            if (node.building != kNoEntity && town.buildings.contains(node.building))
                of.insert(node.building, int(i));
            else if (node.kind == NetworkNode::Kind::Load)
                loads.push_back({node.position, int(i)});
        }
        for (const Building &b : town.buildings) {
            if (b.context || of.contains(b.id) || loads.empty())
                continue;
            const Vec2 c = geometry::centroid(b.footprint);
            double best = INFINITY;
            int nearest = -1;
            for (const auto &[at, index] : loads)
                if (const double d = (at - c).length(); d < best) {
                    best = d;
                    nearest = index;
                }
            of.insert(b.id, nearest);
        }
        n.m_feeder = std::move(feeder);
    }

    for (NetworkCarrier carrier : {NetworkCarrier::Heating, NetworkCarrier::Cooling}) {
        if (!present[size_t(carrier)])
            continue;
        const int slot = pipeSlot(carrier);
        PipeNetwork net;
        QHash<EntityId, int> index;
        for (const NetworkNode &node : town.networkNodes) {
            if (node.carrier != carrier)
                continue;
            index.insert(node.id, int(net.nodes.size()));
            net.nodes.push_back({networkElementName(node.id, node.sourceId), node.kind == NetworkNode::Kind::Source});
            if (node.building != kNoEntity && town.buildings.contains(node.building))
                n.m_nodeOfBuilding[size_t(carrier)].insert(node.building, index.value(node.id));
        }
        for (const NetworkLink &link : town.networkLinks) {
            if (link.carrier != carrier || !link.closed)
                continue;
            PipeNetwork::Pipe pipe;
            pipe.id = networkElementName(link.id, link.sourceId);
            pipe.from = index.value(link.from, -1);
            pipe.to = index.value(link.to, -1);
            pipe.lengthM = link.lengthM();
            pipe.innerDiameterMm = link.innerDiameterMm;
            pipe.lossWPerMK = link.lossWPerMK;
            pipe.pairs = link.circuits;
            pipe.supplyC = link.supplyC;
            pipe.returnC = link.returnC;
            net.pipes.push_back(pipe);
            n.m_pipeLinkEntities[size_t(slot)].push_back(link.id);
        }
        if (Status s = net.validate(); !s)
            return Status::error(QStringLiteral("the %1 network: %2").arg(networkcarrier::key(carrier), s.message));
        n.m_pipes[size_t(slot)] = std::move(net);
    }
    *networks = std::move(n);
    return Status::success();
}

} // namespace tt
