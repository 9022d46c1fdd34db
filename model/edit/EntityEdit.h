// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityBatch.h"
#include "core/Status.h"

namespace tt {

class Terrain;
struct Building;
struct Town;

//! The rules every edit of an entity follows, whichever tool, panel or
//! generator makes it: storeys and height agree, a building stands on the
//! ground under it, an outline is checked before it is used.
namespace entityedit {

//! Sets the storeys and, at the use's storey height, the height (the two must agree).
void setStoreys(Building *building, double levels);
//! Puts the building on the ground under its footprint; without terrain it keeps its ground height.
void reseat(Building *building, const Terrain &terrain);
//! The entity `id` (a building or a zone) with a new outer ring, reseated, in *out;
//! fails naming the entity when it has no outline or the new one cannot stand.
Status setOuterRing(const Town &town, EntityId id, const Ring &outer, EntityBatch *out);
//! `ids` and the network links that end at one of them: what deleting them removes, so
//! that no link is left without its node.
QVector<EntityId> withAttachedLinks(const Town &town, const QVector<EntityId> &ids);
//! A new straight link from node `from` to node `to` or, when `to` is kNoEntity, to a new
//! junction at `at` (provisional id town.nextId, for Document::addEntities), in *out. It
//! is of the kind of a link already at `from` (cable type, impedance per metre, ampacity;
//! pipe bore, loss and temperatures); refused between carriers or voltages, to itself,
//! from a node no link reaches yet, and where a link already joins the two.
Status newLink(const Town &town, EntityId from, EntityId to, Vec2 at, EntityBatch *out);
//! The link `id` with its switch (or valve) opened or closed, in *out; an error if it is not a link.
Status setLinkClosed(const Town &town, EntityId id, bool closed, EntityBatch *out);
//! The plan extent of these entities (footprints, zone areas, asset positions).
Bounds2 bounds(const Town &town, const QVector<EntityId> &ids);

} // namespace entityedit

} // namespace tt
