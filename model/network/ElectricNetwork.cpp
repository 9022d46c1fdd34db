// SPDX-License-Identifier: MIT
#include "ElectricNetwork.h"

#include "TreeOrder.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace tt {

QHash<QString, int> ElectricNetwork::nodeIndices() const
{
    QHash<QString, int> index;
    index.reserve(int(nodes.size()));
    for (size_t i = 0; i < nodes.size(); ++i)
        index.insert(nodes[i].id, int(i));
    return index;
}

Status ElectricNetwork::validate() const
{
    const auto fail = [](const QString &message) { return Status::error(message); };
    if (nodes.empty())
        return fail(QStringLiteral("the network has no nodes"));
    const QHash<QString, int> index = nodeIndices();
    if (index.size() != int(nodes.size())) {
        QSet<QString> seen;
        for (const ElectricNode &n : nodes)
            if (seen.contains(n.id))
                return fail(QStringLiteral("node %1: the id is used twice").arg(n.id));
            else
                seen.insert(n.id);
    }
    int source = -1;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const ElectricNode &n = nodes[i];
        if (!(n.kv > 0.0) || !std::isfinite(n.kv))
            return fail(QStringLiteral("node %1: kv %2 is not a voltage").arg(n.id).arg(n.kv));
        if (!std::isfinite(n.pKw) || !std::isfinite(n.qKvar))
            return fail(QStringLiteral("node %1: its load is not a number").arg(n.id));
        if (n.kind == ElectricNode::Kind::Source) {
            if (source >= 0)
                return fail(QStringLiteral("node %1: a second source (node %2 is one); one substation per network")
                                .arg(n.id, nodes[size_t(source)].id));
            source = int(i);
        }
    }
    if (source < 0)
        return fail(QStringLiteral("the network has no source node (kind 'source', the substation)"));

    QSet<QString> linkIds;
    std::vector<std::pair<int, int>> closed;
    for (const ElectricLink &l : links) {
        if (linkIds.contains(l.id))
            return fail(QStringLiteral("link %1: the id is used twice").arg(l.id));
        linkIds.insert(l.id);
        const int a = index.value(l.from, -1), b = index.value(l.to, -1);
        if (a < 0 || b < 0)
            return fail(QStringLiteral("link %1: node %2 does not exist").arg(l.id, a < 0 ? l.from : l.to));
        if (a == b)
            return fail(QStringLiteral("link %1: it starts and ends at node %2").arg(l.id, l.from));
        if (!std::isfinite(l.rOhm) || !std::isfinite(l.xOhm) || l.rOhm < 0.0 || (l.rOhm == 0.0 && l.xOhm == 0.0))
            return fail(QStringLiteral("link %1: impedance %2 + j%3 Ω is not a line's").arg(l.id).arg(l.rOhm).arg(l.xOhm));
        const auto same = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(a, b); };
        const double kvA = nodes[size_t(a)].kv, kvB = nodes[size_t(b)].kv;
        if (same(kvA, kvB) ? !same(l.kv, kvA) : !same(l.kv, kvA) && !same(l.kv, kvB))
            return fail(same(kvA, kvB)
                            ? QStringLiteral("link %1: %2 kV between nodes of %3 kV").arg(l.id).arg(l.kv).arg(kvA)
                            : QStringLiteral("link %1: a transformer from %2 kV to %3 kV whose impedance is given at "
                                             "%4 kV, neither side's voltage")
                                  .arg(l.id).arg(kvA).arg(kvB).arg(l.kv));
        if (!(l.ampacityA >= 0.0) || !std::isfinite(l.ampacityA))
            return fail(QStringLiteral("link %1: ampacity %2 A is not a current").arg(l.id).arg(l.ampacityA));
        if (l.closed)
            closed.push_back({a, b});
    }
    const TreeOrder walk = TreeOrder::walk(int(nodes.size()), closed, source);
    for (size_t i = 0; i < nodes.size(); ++i)
        if (!walk.reached(int(i)))
            return fail(QStringLiteral("node %1: no closed path to the source %2").arg(nodes[i].id, nodes[size_t(source)].id));
    return Status::success();
}

} // namespace tt
