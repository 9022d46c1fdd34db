// SPDX-License-Identifier: MIT
#include "TownFeeder.h"

namespace tt {

QString networkElementName(EntityId id, const QString &sourceId)
{
    return sourceId.isEmpty() ? QString::number(id) : sourceId;
}

Status TownFeeder::build(const Town &town, TownFeeder *feeder)
{
    TownFeeder f;
    QHash<EntityId, QString> names;
    for (const NetworkNode &n : town.networkNodes) {
        if (n.carrier != NetworkCarrier::Electricity)
            continue;
        ElectricNode e;
        e.id = networkElementName(n.id, n.sourceId);
        e.kind = n.kind == NetworkNode::Kind::Source ? ElectricNode::Kind::Source : ElectricNode::Kind::Load;
        e.kv = n.kv;
        e.pKw = n.pKw;
        e.qKvar = n.qKvar;
        names.insert(n.id, e.id);
        f.network.nodes.push_back(e);
        f.nodeEntities.push_back(n.id);
    }
    if (f.network.nodes.empty())
        return Status::error(QStringLiteral("the project has no electricity network (import one with --feeder-lines "
                                            "and --feeder-nodes, or lay one out)"));
    for (const NetworkLink &l : town.networkLinks) {
        if (l.carrier != NetworkCarrier::Electricity)
            continue;
        ElectricLink e;
        e.id = networkElementName(l.id, l.sourceId);
        e.from = names.value(l.from, QString::number(l.from));
        e.to = names.value(l.to, QString::number(l.to));
        e.rOhm = l.rOhm;
        e.xOhm = l.xOhm;
        e.closed = l.closed;
        e.kv = l.kv;
        e.ampacityA = l.ampacityA;
        f.network.links.push_back(e);
        f.linkEntities.push_back(l.id);
    }
    if (Status s = f.network.validate(); !s)
        return Status::error(QStringLiteral("the electricity network: %1").arg(s.message));
    *feeder = std::move(f);
    return Status::success();
}

} // namespace tt
