// SPDX-License-Identifier: MIT
#include "PipeNetwork.h"

#include "TreeOrder.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace tt {

Status PipeNetwork::validate() const
{
    const auto fail = [](const QString &message) { return Status::error(message); };
    int source = -1;
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].source) {
            if (source >= 0)
                return fail(QStringLiteral("node %1: a second plant (node %2 is one); one plant per network")
                                .arg(nodes[i].id, nodes[size_t(source)].id));
            source = int(i);
        }
    if (source < 0)
        return fail(QStringLiteral("the network has no plant (a source node)"));
    std::vector<std::pair<int, int>> ends;
    for (const Pipe &p : pipes) {
        if (p.from < 0 || p.to < 0 || p.from >= int(nodes.size()) || p.to >= int(nodes.size()))
            return fail(QStringLiteral("pipe %1: an end is not a node of the network").arg(p.id));
        if (p.from == p.to)
            return fail(QStringLiteral("pipe %1: it starts and ends at node %2").arg(p.id, nodes[size_t(p.from)].id));
        if (!(p.lengthM > 0.0) || !std::isfinite(p.lengthM))
            return fail(QStringLiteral("pipe %1: length %2 m").arg(p.id).arg(p.lengthM));
        if (!(p.innerDiameterMm > 0.0) || !std::isfinite(p.innerDiameterMm))
            return fail(QStringLiteral("pipe %1: inner diameter %2 mm is not a pipe's").arg(p.id).arg(p.innerDiameterMm));
        if (!(p.lossWPerMK >= 0.0) || !std::isfinite(p.lossWPerMK))
            return fail(QStringLiteral("pipe %1: heat loss %2 W/(m·K) is not a loss coefficient").arg(p.id).arg(p.lossWPerMK));
        if (p.pairs < 1)
            return fail(QStringLiteral("pipe %1: %2 pipe pairs").arg(p.id).arg(p.pairs));
        if (!(std::abs(p.supplyC - p.returnC) > 0.0))
            return fail(QStringLiteral("pipe %1: supply and return at %2 °C carry no heat").arg(p.id).arg(p.supplyC));
        ends.push_back({p.from, p.to});
    }
    if (pipes.size() + 1 != nodes.size() && pipes.size() >= nodes.size())
        return fail(QStringLiteral("%1 pipes among %2 nodes make a loop: heating and cooling networks are "
                                   "simulated radial (close a valve in each loop)")
                        .arg(pipes.size())
                        .arg(nodes.size()));
    const TreeOrder walk = TreeOrder::walk(int(nodes.size()), ends, source);
    for (size_t i = 0; i < nodes.size(); ++i)
        if (!walk.reached(int(i)))
            return fail(QStringLiteral("node %1: no pipe path to the plant %2").arg(nodes[i].id, nodes[size_t(source)].id));
    return Status::success();
}

PipeFlowSolver::Options PipeFlowSolver::heatingWater()
{
    return Options();
}

PipeFlowSolver::Options PipeFlowSolver::chilledWater()
{
    Options o;
    o.densityKgM3 = 999.8;
    o.specificHeatKjKgK = 4.19;
    o.kinematicViscosityM2S = 1.31e-6;
    return o;
}

double PipeFlowSolver::frictionFactor(double reynolds, double diameterM)
{
    if (reynolds < 2300.0)
        return reynolds > 0.0 ? 64.0 / reynolds : 0.0;
    return 0.25 / std::pow(std::log10(kRoughnessMm / 1000.0 / (3.7 * diameterM) + 5.74 / std::pow(reynolds, 0.9)), 2.0);
}

PipeFlowSolver::PipeFlowSolver(const PipeNetwork &network, const Options &options)
    : m_network(network), m_options(options), m_status(network.validate())
{
    if (!m_status)
        return;
    std::vector<std::pair<int, int>> ends;
    for (const PipeNetwork::Pipe &p : network.pipes)
        ends.push_back({p.from, p.to});
    const int source = int(std::find_if(network.nodes.begin(), network.nodes.end(), [](const PipeNetwork::Node &x) {
                               return x.source;
                           }) - network.nodes.begin());
    TreeOrder walk = TreeOrder::walk(int(network.nodes.size()), ends, source);
    m_order = std::move(walk.order);
    m_parent = std::move(walk.parent);
    m_parentPipe = std::move(walk.parentEdge);
}

PipeFlowResult PipeFlowSolver::solve(const std::vector<double> &demandKw, double groundC) const
{
    PipeFlowResult r;
    r.status = m_status;
    if (!r.status)
        return r;
    const PipeNetwork &net = m_network;
    const Options &o = m_options;
    if (demandKw.size() != net.nodes.size()) {
        r.status = Status::error(QStringLiteral("pipe flow: %1 demands for %2 nodes").arg(demandKw.size()).arg(net.nodes.size()));
        return r;
    }
    // Heat each subtree draws, gathered from the leaves inwards.
    std::vector<double> subtreeKw(demandKw);
    for (size_t i = m_order.size() - 1; i > 0; --i)
        subtreeKw[size_t(m_parent[size_t(m_order[i])])] += subtreeKw[size_t(m_order[i])];

    r.massFlowKgS.assign(net.pipes.size(), 0.0);
    std::vector<double> pathKpa(net.nodes.size(), 0.0);  // out and back from the plant to each node
    double worstKpa = 0.0;
    double plantFlowKgS = 0.0;
    for (size_t i = 1; i < m_order.size(); ++i) {
        const int node = m_order[i];
        const PipeNetwork::Pipe &pipe = net.pipes[size_t(m_parentPipe[size_t(node)])];
        const double deltaT = std::abs(pipe.supplyC - pipe.returnC);
        const double mass = std::max(0.0, subtreeKw[size_t(node)]) / (o.specificHeatKjKgK * deltaT);
        r.massFlowKgS[size_t(m_parentPipe[size_t(node)])] = pipe.to == node ? mass : -mass;
        if (m_parent[size_t(node)] == m_order.front())
            plantFlowKgS += mass;
        r.heatLossKw += pipe.pairs * pipe.lossWPerMK * pipe.lengthM * ((pipe.supplyC - groundC) + (pipe.returnC - groundC))
            / 1000.0;

        double dropKpa = 0.0;
        if (mass > 0.0) {
            const double d = pipe.innerDiameterMm / 1000.0;
            const double velocity = mass / pipe.pairs / (o.densityKgM3 * M_PI * d * d / 4.0);
            const double reynolds = velocity * d / o.kinematicViscosityM2S;
            const double friction = frictionFactor(reynolds, d);
            // Supply and return: the same flow in two equal pipes.
            dropKpa = 2.0 * friction * pipe.lengthM / d * o.densityKgM3 * velocity * velocity / 2.0 / 1000.0;
        }
        pathKpa[size_t(node)] = pathKpa[size_t(m_parent[size_t(node)])] + dropKpa;
        if (demandKw[size_t(node)] > 0.0)
            worstKpa = std::max(worstKpa, pathKpa[size_t(node)]);
    }
    if (plantFlowKgS > 0.0) {
        r.headKpa = worstKpa + o.substationKpa;
        r.pumpingKw = plantFlowKgS / o.densityKgM3 * r.headKpa / o.pumpEfficiency;
    }
    return r;
}

} // namespace tt
