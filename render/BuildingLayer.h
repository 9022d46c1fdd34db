// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingMesh.h"

#include <QHash>
#include <QVector>
#include <osg/BlendFunc>
#include <osg/Group>
#include <osg/LOD>

namespace tt {

//! All buildings of the scene, batched into one geometry per square tile of
//! the ground so that editing a building rebuilds only its tile's arrays and
//! a selection change only rewrites colours. Each tile is an osg::LOD: the
//! full meshes nearby, an impostor (a quad with the roofs painted on) once
//! buildings are only a few pixels wide. Picking always uses the full meshes.
class BuildingLayer {
public:
    BuildingLayer();

    osg::Group *node() const { return m_group.get(); }
    //! Drops every tile and batches all buildings again; picks the tile size
    //! from the data so a tile holds about kTargetPerTile buildings.
    void rebuild(const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color);
    //! Re-files the given buildings (added, changed or removed: whatever the
    //! table now says) and rebuilds only the tiles they left or entered.
    void update(const EntityTable<Building> &buildings, const QVector<EntityId> &ids,
                const BuildingMesh::ColorFn &color);
    //! Rewrites colours of every tile.
    void recolorAll(const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color);
    //! Rewrites colours of the tiles holding these buildings only.
    void recolor(const EntityTable<Building> &buildings, const QVector<EntityId> &ids,
                 const BuildingMesh::ColorFn &color);

    int tileCount() const { return int(m_tiles.size()); }
    double tileSize() const { return m_tileSize; }
    //! The full-detail batch that draws this building, or null.
    osg::Geometry *geometryOf(EntityId id) const;
    //! The distant stand-in (impostor) of this building's tile, or null.
    osg::Geometry *impostorOf(EntityId id) const;

    static constexpr int kTargetPerTile = 2000;
    //! Impostors replace meshes beyond this many building diameters (about 3
    //! pixels across at a 35° field of view on a 1000-pixel-high view).
    static constexpr double kImpostorDistanceFactor = 550.0;

private:
    struct Tile {
        std::vector<EntityId> members;
        osg::ref_ptr<osg::LOD> lod;
        osg::ref_ptr<osg::Geometry> geometry;
        osg::ref_ptr<osg::Geometry> impostor;
    };
    const Tile *tileOf(EntityId id) const;
    qint64 tileKey(const Building &building) const;
    void rebuildTile(Tile &tile, const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color);
    std::vector<const Building *> membersOf(const Tile &tile, const EntityTable<Building> &buildings) const;
    void paintImpostor(Tile &tile, const std::vector<const Building *> &members, const BuildingMesh::ColorFn &color);
    void recolorTile(Tile &tile, const EntityTable<Building> &buildings, const BuildingMesh::ColorFn &color);

    osg::ref_ptr<osg::Group> m_group;
    osg::ref_ptr<osg::BlendFunc> m_impostorBlend;  //!< premultiplied alpha, shared by all impostors
    double m_tileSize = 250.0;
    QHash<qint64, Tile> m_tiles;
    QHash<EntityId, qint64> m_tileOf;
};

} // namespace tt
