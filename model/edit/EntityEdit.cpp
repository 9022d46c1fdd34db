// SPDX-License-Identifier: MIT
#include "EntityEdit.h"

#include "OutlineCheck.h"
#include "core/Town.h"

#include <QSet>

#include <algorithm>

namespace tt::entityedit {

void setStoreys(Building *building, double levels)
{
    building->levels = levels;
    building->heightM = levels * buildinguse::storeyHeight(building->use);
    building->heightGuessed = false;
}

void reseat(Building *building, const Terrain &terrain)
{
    if (!terrain.isEmpty())
        building->groundM = terrain.groundUnder(building->footprint);
}

Status setOuterRing(const Town &town, EntityId id, const Ring &outer, EntityBatch *out)
{
    *out = {};
    Polygon outline;
    if (const Building *b = town.buildings.find(id)) {
        Building edited = *b;
        edited.footprint.outer = outer;
        outline = edited.footprint;
        reseat(&edited, town.terrain);
        out->buildings.append(edited);
    } else if (const Zone *z = town.zones.find(id)) {
        Zone edited = *z;
        edited.area.outer = outer;
        outline = edited.area;
        out->zones.append(edited);
    } else {
        return Status::error(QStringLiteral("Entity %1 has no outline").arg(id));
    }
    const Status ok = OutlineCheck::check(outline, town.terrain, QStringLiteral("Entity %1").arg(id));
    if (!ok)
        *out = {};
    return ok;
}

QVector<EntityId> withAttachedLinks(const Town &town, const QVector<EntityId> &ids)
{
    QSet<EntityId> all(ids.begin(), ids.end());
    QVector<EntityId> out = ids;
    for (const NetworkLink &l : town.networkLinks)
        if (!all.contains(l.id) && (all.contains(l.from) || all.contains(l.to))) {
            all.insert(l.id);
            out.append(l.id);
        }
    return out;
}

Status newLink(const Town &town, EntityId from, EntityId to, Vec2 at, EntityBatch *out)
{
    const NetworkNode *a = town.networkNodes.find(from);
    if (!a)
        return Status::error(QStringLiteral("Start a link at a network node (entity %1 is none)").arg(from));
    const NetworkLink *model = nullptr;
    for (const NetworkLink &l : town.networkLinks)
        if ((l.from == from || l.to == from) && (!model || l.lengthM() > model->lengthM()))
            model = &l;
    if (!model)
        return Status::error(QStringLiteral("Node %1 has no link yet to take the cable or pipe from").arg(from));
    *out = {};
    NetworkNode end;
    if (to == kNoEntity) {
        end = *a;
        end.id = town.nextId;
        end.sourceId.clear();
        end.kind = NetworkNode::Kind::Junction;
        end.building = kNoEntity;
        end.pKw = end.qKvar = 0.0;
        end.position = at;
        out->networkNodes.append(end);
    } else if (const NetworkNode *b = town.networkNodes.find(to)) {
        end = *b;
    } else {
        return Status::error(QStringLiteral("End a link at a network node (entity %1 is none)").arg(to));
    }
    if (end.id == from)
        return Status::error(QStringLiteral("A link joins two nodes: node %1 to itself is none").arg(from));
    if (end.carrier != a->carrier)
        return Status::error(QStringLiteral("Node %1 is on the %2 network, node %3 on the %4 network")
                                 .arg(from)
                                 .arg(networkcarrier::key(a->carrier))
                                 .arg(end.id)
                                 .arg(networkcarrier::key(end.carrier)));
    if (end.kv != a->kv)
        return Status::error(QStringLiteral("A cable joins nodes of one voltage: node %1 is at %2 kV, node %3 at %4 kV")
                                 .arg(from).arg(a->kv).arg(end.id).arg(end.kv));
    for (const NetworkLink &l : town.networkLinks)
        if ((l.from == from && l.to == end.id) || (l.to == from && l.from == end.id))
            return Status::error(QStringLiteral("Link %1 already joins nodes %2 and %3").arg(l.id).arg(from).arg(end.id));
    NetworkLink link = *model;
    link.id = town.nextId + 1;
    link.sourceId.clear();
    link.from = from;
    link.to = end.id;
    link.closed = true;
    link.route = {a->position, end.position};
    const double scale = model->lengthM() > 0.0 ? link.lengthM() / model->lengthM() : 1.0;
    link.rOhm = std::max(model->rOhm * scale, 1e-6);
    link.xOhm = model->xOhm * scale;
    out->networkLinks.append(link);
    return Status::success();
}

Status setLinkClosed(const Town &town, EntityId id, bool closed, EntityBatch *out)
{
    const NetworkLink *link = town.networkLinks.find(id);
    if (!link)
        return Status::error(QStringLiteral("Entity %1 is not a network link").arg(id));
    NetworkLink changed = *link;
    changed.closed = closed;
    *out = {};
    out->networkLinks.append(changed);
    return Status::success();
}

Bounds2 bounds(const Town &town, const QVector<EntityId> &ids)
{
    Bounds2 box;
    for (const EntityId id : ids) {
        if (const Building *b = town.buildings.find(id))
            box.add(geometry::bounds(b->footprint));
        else if (const Zone *z = town.zones.find(id))
            box.add(geometry::bounds(z->area));
        else if (const EnergyAsset *a = town.assets.find(id))
            box.add(a->position);
        else if (const NetworkNode *n = town.networkNodes.find(id))
            box.add(n->position);
        else if (const NetworkLink *l = town.networkLinks.find(id))
            box = geometry::bounds(l->route, box);
    }
    return box;
}

} // namespace tt::entityedit
