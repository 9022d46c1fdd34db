// SPDX-License-Identifier: MIT
#include "BuildingLayer.h"

#include "SceneShading.h"

#include <QSet>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace tt {

BuildingLayer::BuildingLayer()
    : m_group(new osg::Group), m_impostorBlend(new osg::BlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA))
{
}

qint64 BuildingLayer::tileKey(const Building &building) const
{
    const Vec2 c = geometry::bounds(building.footprint.outer).center();
    const qint64 ix = qint64(std::floor(c.x / m_tileSize));
    const qint64 iy = qint64(std::floor(c.y / m_tileSize));
    // Shift as unsigned: tiles west of the origin have negative indices.
    return qint64((quint64(ix) << 32) ^ (quint64(iy) & 0xffffffffULL));
}

void BuildingLayer::rebuild(const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color)
{
    m_group->removeChildren(0, m_group->getNumChildren());
    m_tiles.clear();
    m_tileOf.clear();

    Bounds2 extent;
    for (const Building &b : buildings)
        extent.add(geometry::bounds(b.footprint.outer));
    // Square tiles sized for the average density; edits keep this size until the next rebuild.
    const double area = extent.isEmpty() ? 0.0 : std::max(1.0, extent.width()) * std::max(1.0, extent.height());
    m_tileSize = buildings.isEmpty()
        ? 250.0
        : std::clamp(std::sqrt(area * kTargetPerTile / buildings.size()), 100.0, 20000.0);

    m_tileOf.reserve(buildings.size());
    for (const Building &b : buildings) {
        const qint64 key = tileKey(b);
        m_tiles[key].members.push_back(b.id);
        m_tileOf.insert(b.id, key);
    }
    for (Tile &tile : m_tiles)
        rebuildTile(tile, buildings, color);
}

void BuildingLayer::update(const EntityTable<Building> &buildings, const QVector<EntityId> &ids,
                           const BuildingMesh::ColorFn &color)
{
    QSet<qint64> dirty;
    for (const EntityId id : ids) {
        const auto old = m_tileOf.constFind(id);
        if (old != m_tileOf.constEnd()) {
            std::vector<EntityId> &members = m_tiles[*old].members;
            members.erase(std::remove(members.begin(), members.end(), id), members.end());
            dirty.insert(*old);
            m_tileOf.erase(old);
        }
        if (const Building *b = buildings.find(id)) {
            const qint64 key = tileKey(*b);
            m_tiles[key].members.push_back(id);
            m_tileOf.insert(id, key);
            dirty.insert(key);
        }
    }
    for (const qint64 key : dirty) {
        Tile &tile = m_tiles[key];
        rebuildTile(tile, buildings, color);
        if (tile.members.empty())
            m_tiles.remove(key);
    }
}

std::vector<const Building *> BuildingLayer::membersOf(const Tile &tile, const EntityTable<Building> &buildings) const
{
    std::vector<const Building *> members;
    members.reserve(tile.members.size());
    for (const EntityId id : tile.members)
        if (const Building *b = buildings.find(id))
            members.push_back(b);
    return members;
}

void BuildingLayer::rebuildTile(Tile &tile, const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color)
{
    const std::vector<const Building *> members = membersOf(tile, buildings);
    tile.geometry = BuildingMesh::build(members, color);
    if (!tile.geometry) {
        m_group->removeChild(tile.lod.get());
        tile.lod = nullptr;
        tile.impostor = nullptr;
        return;
    }
    if (!tile.lod) {
        tile.lod = new osg::LOD;
        m_group->addChild(tile.lod.get());
    }
    tile.lod->removeChildren(0, tile.lod->getNumChildren());
    double diameters = 0.0;
    for (const Building *b : members) {
        const Bounds2 box = geometry::bounds(b->footprint.outer);
        diameters += std::hypot(box.width(), box.height());
    }
    const float radius = tile.geometry->getBound().radius();
    const float switchDistance = float(diameters / members.size() * kImpostorDistanceFactor) + radius;
    tile.lod->addChild(tile.geometry.get(), 0.0f, switchDistance);
    paintImpostor(tile, members, color);
}

void BuildingLayer::paintImpostor(Tile &tile, const std::vector<const Building *> &members,
                                  const BuildingMesh::ColorFn &color)
{
    tile.impostor = BuildingMesh::buildImpostor(members, color);
    osg::StateSet *state = tile.impostor->getOrCreateStateSet();
    SceneShading::setTextured(state, true);
    SceneShading::setSmoothNormals(state, true);
    SceneShading::setHatchLowAlpha(state, false);
    state->setAttributeAndModes(m_impostorBlend.get(), osg::StateAttribute::ON);
    state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    if (tile.lod->getNumChildren() > 1)
        tile.lod->setChild(1, tile.impostor.get());
    else
        tile.lod->addChild(tile.impostor.get(), tile.lod->getMaxRange(0), FLT_MAX);
}

void BuildingLayer::recolorTile(Tile &tile, const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color)
{
    if (!tile.geometry)
        return;
    BuildingMesh::recolor(tile.geometry.get(), buildings, color);
    // The impostor's colours are painted into its texture: paint a new one.
    paintImpostor(tile, membersOf(tile, buildings), color);
}

void BuildingLayer::recolorAll(const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color)
{
    for (Tile &tile : m_tiles)
        recolorTile(tile, buildings, color);
}

void BuildingLayer::recolor(const EntityTable<Building> &buildings, const QVector<EntityId> &ids,
                            const BuildingMesh::ColorFn &color)
{
    QSet<qint64> done;
    for (const EntityId id : ids) {
        const auto key = m_tileOf.constFind(id);
        if (key == m_tileOf.constEnd() || done.contains(*key))
            continue;
        done.insert(*key);
        const auto tile = m_tiles.find(*key);
        if (tile != m_tiles.end())
            recolorTile(*tile, buildings, color);
    }
}

const BuildingLayer::Tile *BuildingLayer::tileOf(EntityId id) const
{
    const auto key = m_tileOf.constFind(id);
    if (key == m_tileOf.constEnd())
        return nullptr;
    const auto tile = m_tiles.constFind(*key);
    return tile == m_tiles.constEnd() ? nullptr : &*tile;
}

osg::Geometry *BuildingLayer::geometryOf(EntityId id) const
{
    const Tile *tile = tileOf(id);
    return tile ? tile->geometry.get() : nullptr;
}

osg::Geometry *BuildingLayer::impostorOf(EntityId id) const
{
    const Tile *tile = tileOf(id);
    return tile ? tile->impostor.get() : nullptr;
}

} // namespace tt
