// SPDX-License-Identifier: MIT
#include "EntityTransform.h"

#include "EntityEdit.h"
#include "OutlineCheck.h"
#include "core/Town.h"

#include <QSet>

#include <cmath>

namespace tt {

EntityTransform::EntityTransform(Vec2 delta, double angleRad, Vec2 pivot)
    : m_delta(delta), m_angle(angleRad), m_pivot(pivot)
{
}

Vec2 EntityTransform::apply(Vec2 p) const
{
    if (m_angle != 0.0) {
        const double c = std::cos(m_angle), s = std::sin(m_angle);
        const Vec2 d = p - m_pivot;
        p = m_pivot + Vec2{c * d.x - s * d.y, s * d.x + c * d.y};
    }
    return p + m_delta;
}

Polygon EntityTransform::apply(const Polygon &polygon) const
{
    Polygon out = polygon;
    for (Vec2 &v : out.outer)
        v = apply(v);
    for (Ring &hole : out.holes)
        for (Vec2 &v : hole)
            v = apply(v);
    return out;
}

Status EntityTransform::apply(const Town &town, const QVector<EntityId> &chosenIds, EntityBatch *out) const
{
    *out = {};
    // A moved link takes its end nodes along (and they the ends of their other links).
    QVector<EntityId> ids = chosenIds;
    for (const EntityId id : chosenIds)
        if (const NetworkLink *l = town.networkLinks.find(id))
            for (const EntityId end : {l->from, l->to})
                if (!ids.contains(end))
                    ids.append(end);
    const QSet<EntityId> chosen(ids.begin(), ids.end());
    for (const EntityId id : ids) {
        if (const Building *b = town.buildings.find(id)) {
            Building moved = *b;
            moved.footprint = apply(b->footprint);
            const Status ok = OutlineCheck::check(moved.footprint, town.terrain, QStringLiteral("Building %1").arg(id));
            if (!ok) {
                *out = {};
                return ok;
            }
            entityedit::reseat(&moved, town.terrain);
            out->buildings.append(moved);
        } else if (const Zone *z = town.zones.find(id)) {
            Zone moved = *z;
            moved.area = apply(z->area);
            const Status ok = OutlineCheck::check(moved.area, town.terrain, QStringLiteral("Zone %1").arg(id));
            if (!ok) {
                *out = {};
                return ok;
            }
            out->zones.append(moved);
        } else if (const Road *r = town.roads.find(id)) {
            Road moved = *r;
            for (Vec2 &v : moved.line)
                v = apply(v);
            out->roads.append(moved);
        } else if (const NetworkNode *n = town.networkNodes.find(id)) {
            NetworkNode moved = *n;
            moved.position = apply(n->position);
            out->networkNodes.append(moved);
        }
    }
    // Links: the chosen ones whole; the others keep their route but follow a moved end
    // node (moving the plant moves where its cables and pipes start).
    for (const NetworkLink &l : town.networkLinks) {
        const bool whole = chosen.contains(l.id) || (chosen.contains(l.from) && chosen.contains(l.to));
        if (!whole && !chosen.contains(l.from) && !chosen.contains(l.to))
            continue;
        NetworkLink moved = l;
        if (whole) {
            for (Vec2 &v : moved.route)
                v = apply(v);
        } else if (!moved.route.isEmpty()) {
            Vec2 &end = chosen.contains(l.from) ? moved.route.first() : moved.route.last();
            end = apply(end);
        }
        out->networkLinks.append(moved);
    }
    // Assets: the chosen ones, and rooftop PV riding on a moved building.
    for (const EnergyAsset &a : town.assets) {
        if (!chosen.contains(a.id) && !(a.hostBuilding != kNoEntity && chosen.contains(a.hostBuilding)))
            continue;
        EnergyAsset moved = a;
        moved.position = apply(a.position);
        if (!a.area.isEmpty())
            moved.area = apply(a.area);
        if (!town.terrain.isEmpty() && std::isnan(town.terrain.elevationAt(moved.position))) {
            *out = {};
            return Status::error(QStringLiteral("%1 %2 would stand outside the terrain")
                                     .arg(energyassettype::label(a.type))
                                     .arg(a.id));
        }
        out->assets.append(moved);
    }
    return Status::success();
}

Status duplicateEntities(const Town &town, const QVector<EntityId> &ids, Vec2 offset, EntityBatch *out)
{
    *out = {};
    QVector<EntityId> copyable;
    for (const EntityId id : ids) {
        const EnergyAsset *a = town.assets.find(id);
        if (!(a && a->hostBuilding != kNoEntity) && !town.roads.find(id))
            copyable.append(id);
    }
    EntityBatch copies;
    if (const Status moved = EntityTransform(offset).apply(town, copyable, &copies); !moved)
        return moved;
    const auto copyName = [](const QString &name) {
        return name.isEmpty() ? name : QStringLiteral("%1 (copy)").arg(name);
    };
    const QSet<EntityId> chosen(copyable.begin(), copyable.end());
    for (Building &b : copies.buildings) {
        b.id = kNoEntity;
        b.sourceId.clear();
        b.name = copyName(b.name);
    }
    for (Zone &z : copies.zones) {
        z.id = kNoEntity;
        z.sourceId.clear();
        z.name = copyName(z.name);
    }
    // apply() also moved the rooftop PV of the chosen buildings: those stay behind.
    QVector<EnergyAsset> assets;
    for (EnergyAsset a : std::as_const(copies.assets)) {
        if (!chosen.contains(a.id))
            continue;
        a.id = kNoEntity;
        a.name = copyName(a.name);
        assets.append(a);
    }
    copies.assets = assets;
    *out = copies;
    return Status::success();
}

} // namespace tt
