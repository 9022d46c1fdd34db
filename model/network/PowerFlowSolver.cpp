// SPDX-License-Identifier: MIT
#include "PowerFlowSolver.h"

#include "TreeOrder.h"

#include <Eigen/Sparse>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
using Complex = std::complex<double>;
// Per-unit base power; the base voltage is the network's line-to-line kV.
constexpr double kBaseKva = 1000.0;

} // namespace

struct PowerFlowSolver::Prepared {
    std::vector<int> from, to;       //!< per link, node indices
    std::vector<Complex> impedance;  //!< per link, per unit
    std::vector<double> baseA;       //!< per link, the current of 1 pu at the link's voltage
    int source = -1;
    int closedLinks = 0;
    bool radial = false;
    //! Radial networks: the nodes from the source outwards, each one's parent and the link to it.
    std::vector<int> order, parent, parentLink;
};

namespace {
using Prepared = PowerFlowSolver::Prepared;

//! The tree of closed links rooted at the source, breadth first.
void orderTree(const ElectricNetwork &n, Prepared *p)
{
    std::vector<std::pair<int, int>> closed;
    for (size_t l = 0; l < n.links.size(); ++l)
        closed.push_back(n.links[l].closed ? std::pair{p->from[l], p->to[l]} : std::pair{-1, -1});
    TreeOrder walk = TreeOrder::walk(int(n.nodes.size()), closed, p->source);
    p->order = std::move(walk.order);
    p->parent = std::move(walk.parent);
    p->parentLink = std::move(walk.parentEdge);
}

Prepared prepare(const ElectricNetwork &n)
{
    Prepared p;
    const QHash<QString, int> index = n.nodeIndices();
    // Each voltage level has its own base impedance; a transformer at nominal ratio is then
    // its series impedance alone.
    for (const ElectricLink &l : n.links) {
        const double zBase = l.kv * l.kv / (kBaseKva / 1000.0);
        p.from.push_back(index.value(l.from));
        p.to.push_back(index.value(l.to));
        p.impedance.emplace_back(l.rOhm / zBase, l.xOhm / zBase);
        p.baseA.push_back(kBaseKva / (std::sqrt(3.0) * l.kv));
        p.closedLinks += l.closed ? 1 : 0;
    }
    for (size_t i = 0; i < n.nodes.size(); ++i)
        if (n.nodes[i].kind == ElectricNode::Kind::Source)
            p.source = int(i);
    p.radial = p.closedLinks == int(n.nodes.size()) - 1;  // connected (validated): a tree
    if (p.radial)
        orderTree(n, &p);
    return p;
}

// Backward/forward sweep over the tree of closed links rooted at the source.
bool sweep(const ElectricNetwork &n, const Prepared &p, const std::vector<Complex> &load,
           const PowerFlowSolver::Options &o, std::vector<Complex> *v, int *iterations)
{
    const int count = int(n.nodes.size());
    const std::vector<int> &order = p.order, &parent = p.parent, &parentLink = p.parentLink;
    std::vector<Complex> current(static_cast<size_t>(count));
    for (int it = 1; it <= o.maxIterations; ++it) {
        // Backward: each node's load current plus what its subtree draws.
        for (int i = 0; i < count; ++i)
            current[size_t(i)] = std::conj(load[size_t(i)] / (*v)[size_t(i)]);
        for (size_t i = order.size() - 1; i > 0; --i)
            current[size_t(parent[size_t(order[i])])] += current[size_t(order[i])];
        // Forward: each voltage from its parent's, less the drop on the link.
        double change = 0.0;
        for (size_t i = 1; i < order.size(); ++i) {
            const int m = order[i];
            const Complex next = (*v)[size_t(parent[size_t(m)])] - p.impedance[size_t(parentLink[size_t(m)])] * current[size_t(m)];
            change = std::max(change, std::abs(next - (*v)[size_t(m)]));
            (*v)[size_t(m)] = next;
        }
        *iterations = it;
        if (change < o.tolerance)
            return true;
    }
    return false;
}

// Newton-Raphson in polar coordinates on the bus admittance matrix; the source is the slack.
bool newtonRaphson(const ElectricNetwork &n, const Prepared &p, const std::vector<Complex> &load,
                   const PowerFlowSolver::Options &o, std::vector<Complex> *v, int *iterations)
{
    const int count = int(n.nodes.size());
    std::vector<Eigen::Triplet<Complex>> entries;
    for (size_t l = 0; l < n.links.size(); ++l) {
        if (!n.links[l].closed)
            continue;
        const Complex y = 1.0 / p.impedance[l];
        const int a = p.from[l], b = p.to[l];
        entries.emplace_back(a, a, y);
        entries.emplace_back(b, b, y);
        entries.emplace_back(a, b, -y);
        entries.emplace_back(b, a, -y);
    }
    Eigen::SparseMatrix<Complex, Eigen::RowMajor> y(count, count);
    y.setFromTriplets(entries.begin(), entries.end());

    std::vector<int> unknown(size_t(count), -1);  // position among the PQ buses
    int pq = 0;
    for (int i = 0; i < count; ++i)
        if (i != p.source)
            unknown[size_t(i)] = pq++;
    Eigen::VectorXcd voltage(count);
    for (int i = 0; i < count; ++i)
        voltage[i] = (*v)[size_t(i)];
    for (int it = 0; it <= o.maxIterations; ++it) {
        const Eigen::VectorXcd current = y * voltage;
        Eigen::VectorXd mismatch(2 * pq);
        for (int i = 0; i < count; ++i)
            if (unknown[size_t(i)] >= 0) {
                const Complex s = voltage[i] * std::conj(current[i]) + load[size_t(i)];  // injection − specified
                mismatch[unknown[size_t(i)]] = s.real();
                mismatch[pq + unknown[size_t(i)]] = s.imag();
            }
        *iterations = it;
        if (pq == 0 || mismatch.lpNorm<Eigen::Infinity>() < o.tolerance)
            break;
        if (it == o.maxIterations)
            return false;
        // dS/dθ and dS/d|V| (Zimmerman, MATPOWER's dSbus_dV), only the PQ buses' rows and columns.
        std::vector<Eigen::Triplet<double>> jacobian;
        for (int i = 0; i < count; ++i) {
            const int r = unknown[size_t(i)];
            if (r < 0)
                continue;
            for (Eigen::SparseMatrix<Complex, Eigen::RowMajor>::InnerIterator e(y, i); e; ++e) {
                const int k = int(e.col()), c = unknown[size_t(k)];
                if (c < 0)
                    continue;
                const Complex unit = voltage[k] / std::abs(voltage[k]);
                Complex dAngle = Complex(0, 1) * voltage[i] * std::conj(-e.value() * voltage[k]);
                Complex dMagnitude = voltage[i] * std::conj(e.value() * unit);
                if (k == i) {
                    dAngle += Complex(0, 1) * voltage[i] * std::conj(current[i]);
                    dMagnitude += std::conj(current[i]) * unit;
                }
                jacobian.emplace_back(r, c, dAngle.real());
                jacobian.emplace_back(r, pq + c, dMagnitude.real());
                jacobian.emplace_back(pq + r, c, dAngle.imag());
                jacobian.emplace_back(pq + r, pq + c, dMagnitude.imag());
            }
        }
        Eigen::SparseMatrix<double> j(2 * pq, 2 * pq);
        j.setFromTriplets(jacobian.begin(), jacobian.end());
        Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
        lu.compute(j);
        if (lu.info() != Eigen::Success)
            return false;
        const Eigen::VectorXd step = lu.solve(-mismatch);
        for (int i = 0; i < count; ++i) {
            const int r = unknown[size_t(i)];
            if (r < 0)
                continue;
            const double angle = std::arg(voltage[i]) + step[r], magnitude = std::abs(voltage[i]) + step[pq + r];
            voltage[i] = std::polar(magnitude, angle);
        }
    }
    for (int i = 0; i < count; ++i)
        (*v)[size_t(i)] = voltage[i];
    return true;
}
} // namespace

PowerFlowSolver::PowerFlowSolver(const ElectricNetwork &network, const Options &options)
    : m_network(network), m_options(options), m_status(network.validate())
{
    if (m_status)
        m_prepared = std::make_unique<Prepared>(prepare(m_network));
}

PowerFlowSolver::PowerFlowSolver(const ElectricNetwork &network) : PowerFlowSolver(network, Options()) {}

PowerFlowSolver::~PowerFlowSolver() = default;

PowerFlowResult PowerFlowSolver::solve() const
{
    std::vector<double> p, q;
    for (const ElectricNode &n : m_network.nodes) {
        p.push_back(n.pKw);
        q.push_back(n.qKvar);
    }
    return solve(p, q);
}

PowerFlowResult PowerFlowSolver::solve(const std::vector<double> &pKw, const std::vector<double> &qKvar,
                                       const std::vector<Complex> *startPu) const
{
    const ElectricNetwork &network = m_network;
    const Options &o = m_options;
    PowerFlowResult r;
    r.status = m_status;
    if (!r.status)
        return r;
    if (pKw.size() != network.nodes.size() || qKvar.size() != network.nodes.size()) {
        r.status = Status::error(QStringLiteral("power flow: %1 loads for %2 nodes").arg(pKw.size()).arg(network.nodes.size()));
        return r;
    }
    const Prepared &p = *m_prepared;
    const int count = int(network.nodes.size());
    std::vector<Complex> load(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        load[size_t(i)] = i == p.source ? Complex() : Complex(pKw[size_t(i)], qKvar[size_t(i)]) / kBaseKva;

    const bool radial = p.radial;
    const Method method = o.method != Method::Automatic ? o.method : radial ? Method::Sweep : Method::NewtonRaphson;
    if (method == Method::Sweep && !radial) {
        r.status = Status::error(QStringLiteral("power flow: the sweep needs a radial network; %1 closed links make "
                                                "loops among %2 nodes")
                                     .arg(p.closedLinks).arg(count));
        return r;
    }
    r.method = method == Method::Sweep ? QStringLiteral("backward/forward sweep") : QStringLiteral("Newton-Raphson");
    if (startPu && startPu->size() == size_t(count))
        r.voltagePu = *startPu;
    else
        r.voltagePu.assign(size_t(count), Complex(o.sourceVoltagePu, 0.0));
    const bool converged = method == Method::Sweep ? sweep(network, p, load, o, &r.voltagePu, &r.iterations)
                                                   : newtonRaphson(network, p, load, o, &r.voltagePu, &r.iterations);
    if (!converged) {
        r.status = Status::error(QStringLiteral("power flow (%1) did not converge in %2 iterations: are the loads "
                                                "beyond what the network can carry?")
                                     .arg(r.method).arg(o.maxIterations));
        return r;
    }

    r.links.resize(network.links.size());
    for (size_t l = 0; l < network.links.size(); ++l) {
        if (!network.links[l].closed)
            continue;
        const Complex a = r.voltagePu[size_t(p.from[l])], b = r.voltagePu[size_t(p.to[l])];
        const Complex current = (a - b) / p.impedance[l];
        const Complex sent = a * std::conj(current) * kBaseKva;
        const Complex lost = std::norm(current) * p.impedance[l] * kBaseKva;
        LinkFlow &f = r.links[l];
        f.pKw = sent.real();
        f.qKvar = sent.imag();
        f.currentA = std::abs(current) * p.baseA[l];
        f.lossKw = lost.real();
        f.lossKvar = lost.imag();
        const double ampacity = network.links[l].ampacityA;
        f.loading = ampacity > 0.0 ? f.currentA / ampacity : 0.0;
        r.lossesKw += f.lossKw;
        r.lossesKvar += f.lossKvar;
        if (ampacity > 0.0 && (r.maxLoadingLink < 0 || f.loading > r.maxLoading)) {
            r.maxLoading = f.loading;
            r.maxLoadingLink = int(l);
        }
    }
    r.minVoltagePu = INFINITY;
    for (int i = 0; i < count; ++i)
        if (std::abs(r.voltagePu[size_t(i)]) < r.minVoltagePu) {
            r.minVoltagePu = std::abs(r.voltagePu[size_t(i)]);
            r.minVoltageNode = i;
        }
    return r;
}

} // namespace tt
