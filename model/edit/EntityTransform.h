// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityBatch.h"
#include "core/Status.h"

namespace tt {

struct Town;

//! A rigid move of a group of entities: a rotation about a pivot, then a shift.
//! Buildings are reseated on the ground at their new place; rooftop PV goes
//! with its building. Used for drags, rotations and arrow-key nudges.
class EntityTransform {
public:
    EntityTransform() = default;
    EntityTransform(Vec2 delta, double angleRad = 0.0, Vec2 pivot = {});

    Vec2 apply(Vec2 p) const;
    bool isIdentity() const { return m_delta == Vec2{} && m_angle == 0.0; }

    //! The moved versions of the entities with these ids (and of the rooftop
    //! PV on moved buildings, the end nodes of moved network links, and the route
    //! ends of links meeting a moved node). Fails, naming the entity, when an outline
    //! would leave the terrain; `out` is then left empty.
    Status apply(const Town &town, const QVector<EntityId> &ids, EntityBatch *out) const;

private:
    Polygon apply(const Polygon &polygon) const;

    Vec2 m_delta;
    double m_angle = 0.0;
    Vec2 m_pivot;
};

//! Copies of entities shifted by `offset`, without ids (Document::addEntities
//! assigns them) or source ids (a copy is not the source's feature). Rooftop
//! PV is not copied on its own (it belongs to one roof). Fails, naming the
//! entity, when a copy would leave the terrain; `out` is then left empty.
Status duplicateEntities(const Town &town, const QVector<EntityId> &ids, Vec2 offset, EntityBatch *out);

} // namespace tt
