// SPDX-License-Identifier: MIT
#include "NetworkSnapshot.h"

#include "PowerFlowSolver.h"

namespace tt {

NetworkSnapshot NetworkSnapshot::at(const TownNetworks &networks, const NetworkLoads &loads, int hour)
{
    NetworkSnapshot s;
    s.hour = hour;
    if (hour < 0 || hour >= loads.hours) {
        s.status = Status::error(QStringLiteral("hour %1 is not in the year").arg(hour));
        return s;
    }
    // Loads of another version of the networks (edited since the simulation) would be read
    // out of step, or past their end.
    const auto nodesOf = [&networks](NetworkCarrier c) {
        if (c == NetworkCarrier::Electricity)
            return networks.feeder() ? networks.feeder()->network.nodes.size() : size_t(0);
        return networks.pipes(c) ? networks.pipes(c)->nodes.size() : size_t(0);
    };
    const size_t hours = size_t(loads.hours);
    if (loads.electricKw.size() != hours * nodesOf(NetworkCarrier::Electricity)
        || loads.heatingKw.size() != hours * nodesOf(NetworkCarrier::Heating)
        || loads.coolingKw.size() != hours * nodesOf(NetworkCarrier::Cooling)) {
        s.status = Status::error(QStringLiteral("the networks changed since their loads were simulated"));
        return s;
    }
    if (const TownFeeder *feeder = networks.feeder()) {
        const size_t n = feeder->network.nodes.size();
        std::vector<double> p(n), q(n);
        for (size_t i = 0; i < n; ++i) {
            p[i] = loads.electricKw[size_t(hour) * n + i];
            q[i] = loads.electricKvar[size_t(hour) * n + i];
        }
        const PowerFlowResult flow = PowerFlowSolver(feeder->network).solve(p, q);
        if (!flow.status) {
            s.status = Status::error(QStringLiteral("%1: %2").arg(NetworkYear::hourName(hour), flow.status.message));
            return s;
        }
        for (size_t l = 0; l < flow.links.size(); ++l)
            s.links.insert(feeder->linkEntities[l], {flow.links[l].pKw, flow.links[l].loading});
        for (size_t i = 0; i < n; ++i)
            s.voltagePu.insert(feeder->nodeEntities[i], std::abs(flow.voltagePu[i]));
    }
    for (NetworkCarrier carrier : {NetworkCarrier::Heating, NetworkCarrier::Cooling}) {
        const PipeNetwork *pipes = networks.pipes(carrier);
        if (!pipes)
            continue;
        const std::vector<float> &kw = carrier == NetworkCarrier::Heating ? loads.heatingKw : loads.coolingKw;
        const size_t n = pipes->nodes.size();
        std::vector<double> demand(kw.begin() + long(size_t(hour) * n), kw.begin() + long(size_t(hour + 1) * n));
        const PipeFlowSolver::Options water = carrier == NetworkCarrier::Heating ? PipeFlowSolver::heatingWater()
                                                                                 : PipeFlowSolver::chilledWater();
        // The ground temperature only moves the losses, not what the pipes carry.
        const PipeFlowResult flow = PipeFlowSolver(*pipes, water).solve(demand, 0.0);
        for (size_t l = 0; l < pipes->pipes.size(); ++l) {
            const PipeNetwork::Pipe &pipe = pipes->pipes[l];
            s.links.insert(networks.pipeLinkEntity(carrier, int(l)),
                           {flow.massFlowKgS[l] * water.specificHeatKjKgK * std::abs(pipe.supplyC - pipe.returnC), 0.0});
        }
    }
    const size_t buildings = loads.buildings.size();
    for (size_t b = 0; b < buildings; ++b)
        s.buildingKw.insert(loads.buildings[b], loads.buildingElectricKw[b * size_t(loads.hours) + size_t(hour)]);
    s.status = Status::success();
    return s;
}

} // namespace tt
