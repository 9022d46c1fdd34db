// SPDX-License-Identifier: MIT
#pragma once

#include "SceneTypes.h"
#include "core/EntityBatch.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <osg/BoundingBox>
#include <osg/Group>
#include <osg/ref_ptr>

#include <memory>

namespace tt {

struct NetworkSnapshot;
class BuildingLayer;
class Document;
class SunShadow;
struct Building;
struct SavedView;

//! Builds and keeps the OSG scene of a document: terrain, draped zones and
//! roads, batched buildings, energy assets and networks, lit by the sun. Follows the
//! document's signals and rebuilds only what an edit touched (one building
//! tile, the zone, road or asset batch); never modifies the document.
class SceneController : public QObject {
    Q_OBJECT
public:
    explicit SceneController(Document *document, QObject *parent = nullptr);
    ~SceneController() override;

    //! The scene to hand to a viewport or offscreen renderer.
    osg::Node *root() const;
    //! Extent of buildings, zones, roads and assets in scene (local) coordinates,
    //! for the home view; the terrain's extent when there is no such data.
    osg::BoundingBox dataBounds() const;

    void setLayerVisible(SceneLayer layer, bool visible);
    bool isLayerVisible(SceneLayer layer) const;
    //! The group holding one layer (for tests and tools that inspect the scene).
    osg::Group *layerNode(SceneLayer layer) const;

    void setBuildingColorMode(BuildingColorMode mode);
    BuildingColorMode buildingColorMode() const { return m_colorMode; }
    //! Values for ByAttribute colouring (e.g. annual energy per building) and their label.
    void setBuildingValues(const QHash<EntityId, double> &values, const QString &label);
    //! Draws buildings whose height was guessed hatched.
    void setHighlightGuessedHeights(bool highlight);
    bool highlightGuessedHeights() const { return m_highlightGuessed; }
    //! Selected buildings are drawn in the selection colour.
    void setSelection(const QVector<EntityId> &ids);
    //! What the current building colours mean.
    Legend legend() const;
    //! The land-use classes the zones layer shows, in their overlay colours.
    Legend zoneLegend() const;

    //! A saved view's layers, building colouring and sun (not its camera). Energy colourings
    //! need a simulated year the scene does not have: buildings then show their use.
    void showView(const SavedView &view);

    //! Lights the scene from the sun's position at this local (standard) time of the site.
    void setSunTime(const QDateTime &local);
    QDateTime sunTime() const { return m_sunTime; }
    void setTerrainStyle(TerrainStyle style);
    TerrainStyle terrainStyle() const { return m_terrainStyle; }

    //! The networks at one hour: loading colours, flow widths and dashes, flags; null: as laid.
    void setNetworkSnapshot(std::shared_ptr<const NetworkSnapshot> snapshot);
    const NetworkSnapshot *networkSnapshot() const { return m_networkSnapshot.get(); }
    //! Live view: tints each asset by its level (0 to 1; not finite: no data); empty: as planned.
    void setAssetLevels(const QHash<EntityId, double> &levels);
    const QHash<EntityId, double> &assetLevels() const { return m_assetLevels; }
    //! Moves the networks' flow dashes (seconds of animation).
    void setFlowPhase(double seconds);

    //! The batched building renderer, for tests and benchmarks.
    const BuildingLayer &buildingLayer() const { return *m_buildings; }
    //! The sun's shadows of buildings, trees and assets, for tests and benchmarks.
    const SunShadow &sunShadow() const { return *m_shadow; }

signals:
    //! Something visible changed: repaint.
    void sceneChanged();
    //! The sun lights the scene at another time (the Layers dock, the time bar).
    void sunTimeChanged(const QDateTime &local);

private:
    void rebuildAll();
    void rebuildTerrain();
    void rebuildZones();
    void rebuildRoads();
    void rebuildAssets();
    void rebuildNetworks();
    void onEntitiesChanged(EntityKind kind, const QVector<EntityId> &ids);
    //! Recomputes the ranges of the colour ramps; true when they changed.
    bool updateRanges();
    void applySun();
    osg::Vec4ub buildingColor(const Building &building) const;
    void recolorBuildings();
    static void replaceContent(osg::Group *group, osg::Node *node);

    Document *m_document;
    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Group> m_layers[kSceneLayerCount];
    std::unique_ptr<BuildingLayer> m_buildings;
    osg::ref_ptr<osg::Group> m_trees;  // in the zones layer
    osg::ref_ptr<SunShadow> m_shadow;
    std::shared_ptr<const NetworkSnapshot> m_networkSnapshot;
    QHash<EntityId, double> m_assetLevels;

    BuildingColorMode m_colorMode = BuildingColorMode::ByUse;
    QHash<EntityId, double> m_values;
    QString m_valuesLabel;
    double m_rampMin = 0.0;
    double m_rampMax = 0.0;
    bool m_highlightGuessed = false;
    QSet<EntityId> m_selection;
    QDateTime m_sunTime;
    TerrainStyle m_terrainStyle = TerrainStyle::Plain;
};

} // namespace tt
