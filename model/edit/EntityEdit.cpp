// SPDX-License-Identifier: MIT
#include "EntityEdit.h"

#include <QSet>

#include "OutlineCheck.h"
#include "core/Town.h"

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
