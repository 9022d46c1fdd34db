// SPDX-License-Identifier: MIT
#include "SceneController.h"

#include "AssetMesh.h"
#include "BuildingLayer.h"
#include "DrapedMesh.h"
#include "NetworkMesh.h"
#include "Palette.h"
#include "SceneShading.h"
#include "SkyBackground.h"
#include "SunShadow.h"
#include "TerrainMesh.h"
#include "TreeMesh.h"
#include "core/Document.h"
#include "core/SolarPosition.h"
#include "present/SavedView.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/PolygonOffset>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

QDateTime defaultSunTime()
{
    return QDateTime(QDate(QDate::currentDate().year(), 6, 21), QTime(10, 0), Qt::UTC);
}

void setPolygonOffset(osg::StateSet *stateSet, float units)
{
    stateSet->setAttributeAndModes(new osg::PolygonOffset(-1.0f, units), osg::StateAttribute::ON);
}

} // namespace

SceneController::SceneController(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_root(new osg::Group), m_buildings(std::make_unique<BuildingLayer>()),
      m_trees(new osg::Group), m_shadow(new SunShadow), m_sunTime(defaultSunTime())
{
    for (int i = 0; i < kSceneLayerCount; ++i) {
        m_layers[i] = SceneLayer(i) == SceneLayer::Buildings ? m_buildings->node() : new osg::Group;
        m_root->addChild(m_layers[i].get());
    }
    SceneShading::install(m_root->getOrCreateStateSet());
    m_root->addChild(SkyBackground::create().get());
    // Trees are solids among the translucent zone colours: opaque, writing depth.
    osg::StateSet *trees = m_trees->getOrCreateStateSet();
    trees->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, true), osg::StateAttribute::ON);
    trees->setMode(GL_BLEND, osg::StateAttribute::OFF);
    trees->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
    trees->setRenderingHint(osg::StateSet::OPAQUE_BIN);
    // Solids standing on the ground cast shadows; draped zones and roads only receive them.
    m_shadow->addCaster(layerNode(SceneLayer::Buildings));
    m_shadow->addCaster(layerNode(SceneLayer::Assets));
    m_shadow->addCaster(m_trees.get());
    m_shadow->applyTo(m_root->getOrCreateStateSet());
    m_root->addChild(m_shadow.get());
    osg::StateSet *buildings = m_buildings->node()->getOrCreateStateSet();
    SceneShading::setHatchLowAlpha(buildings, true);
    SceneShading::setWindows(buildings, true);
    // Buildings are closed solids with outward-facing walls and roofs.
    buildings->setMode(GL_CULL_FACE, osg::StateAttribute::ON);

    // Draped layers sit a little above the ground; the offset settles the
    // remaining depth fight at grazing angles and long distances.
    setPolygonOffset(layerNode(SceneLayer::Zones)->getOrCreateStateSet(), -2.0f);
    setPolygonOffset(layerNode(SceneLayer::Roads)->getOrCreateStateSet(), -4.0f);

    connect(document, &Document::townReset, this, &SceneController::rebuildAll);
    connect(document, &Document::entitiesAdded, this, &SceneController::onEntitiesChanged);
    connect(document, &Document::entitiesChanged, this, &SceneController::onEntitiesChanged);
    connect(document, &Document::entitiesRemoved, this, &SceneController::onEntitiesChanged);
    rebuildAll();
}

SceneController::~SceneController() = default;

osg::Node *SceneController::root() const
{
    return m_root.get();
}

osg::Group *SceneController::layerNode(SceneLayer layer) const
{
    return m_layers[int(layer)].get();
}

void SceneController::replaceContent(osg::Group *group, osg::Node *node)
{
    group->removeChildren(0, group->getNumChildren());
    if (node)
        group->addChild(node);
}

void SceneController::rebuildAll()
{
    const Town &town = m_document->town();
    updateRanges();
    m_buildings->rebuild(town.buildings, [this](const Building &b) { return buildingColor(b); });
    rebuildTerrain();
    rebuildZones();
    rebuildRoads();
    rebuildAssets();
    rebuildNetworks();
    applySun();  // aims the shadows anew, which redraws them
    emit sceneChanged();
}

void SceneController::rebuildTerrain()
{
    replaceContent(layerNode(SceneLayer::Terrain),
                   TerrainMesh::create(m_document->town().terrain, m_terrainStyle).get());
}

void SceneController::rebuildZones()
{
    const Town &town = m_document->town();
    osg::Group *layer = layerNode(SceneLayer::Zones);
    osg::StateSet *state = layer->getOrCreateStateSet();
    if (m_terrainStyle == TerrainStyle::Plain) {
        // Over the plain ground the zones are opaque, already blended over its colour, and
        // drawn first: the ground under them then fails the depth test instead of being
        // shaded and blended over, which a software renderer spends most of a frame on.
        replaceContent(layer, DrapedMesh::zones(town.zones, town.terrain, TerrainMesh::kPlainColor).get());
        state->removeAttribute(osg::StateAttribute::BLENDFUNC);
        state->setMode(GL_BLEND, osg::StateAttribute::OFF);
        state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, true), osg::StateAttribute::ON);
        state->setRenderBinDetails(-1, "RenderBin");
    } else {
        // Hillshade and contours show through. Destination alpha must stay opaque: Qt
        // composites the viewport's framebuffer as premultiplied, and a translucent pixel
        // there turns colours inside out.
        replaceContent(layer, DrapedMesh::zones(town.zones, town.terrain).get());
        state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE),
                                    osg::StateAttribute::ON);
        state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false), osg::StateAttribute::ON);
        state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    }
    replaceContent(m_trees.get(), TreeMesh::build(town.zones, town.terrain).get());
    layer->addChild(m_trees.get());
}

void SceneController::rebuildRoads()
{
    const Town &town = m_document->town();
    replaceContent(layerNode(SceneLayer::Roads), DrapedMesh::roads(town.roads, town.terrain).get());
}

void SceneController::rebuildAssets()
{
    replaceContent(layerNode(SceneLayer::Assets),
                   AssetMesh::build(m_document->town(), m_assetLevels.isEmpty() ? nullptr : &m_assetLevels).get());
}

void SceneController::setAssetLevels(const QHash<EntityId, double> &levels)
{
    if (levels.isEmpty() && m_assetLevels.isEmpty())
        return;
    m_assetLevels = levels;
    rebuildAssets();
    emit sceneChanged();
}

void SceneController::rebuildNetworks()
{
    replaceContent(layerNode(SceneLayer::Networks), NetworkMesh::build(m_document->town(), m_networkSnapshot.get()).get());
}

void SceneController::setNetworkSnapshot(std::shared_ptr<const NetworkSnapshot> snapshot)
{
    m_networkSnapshot = std::move(snapshot);
    rebuildNetworks();
    emit sceneChanged();
}

void SceneController::setFlowPhase(double seconds)
{
    SceneShading::setFlowPhase(layerNode(SceneLayer::Networks)->getOrCreateStateSet(), seconds);
    emit sceneChanged();
}

void SceneController::onEntitiesChanged(EntityKind kind, const QVector<EntityId> &ids)
{
    const Town &town = m_document->town();
    switch (kind) {
    case EntityKind::Building: {
        const bool rangesChanged = updateRanges();
        m_buildings->update(town.buildings, ids, [this](const Building &b) { return buildingColor(b); });
        if (rangesChanged && m_colorMode == BuildingColorMode::ByHeight)
            recolorBuildings();
        // Rooftop panels stand on their host's roof.
        const QSet<EntityId> changed(ids.begin(), ids.end());
        const bool hostsChanged = std::any_of(town.assets.begin(), town.assets.end(), [&](const EnergyAsset &a) {
            return a.type == EnergyAssetType::RooftopPv && changed.contains(a.hostBuilding);
        });
        if (hostsChanged)
            rebuildAssets();
        m_shadow->invalidate();
        break;
    }
    case EntityKind::Zone:
        rebuildZones();
        m_shadow->invalidate();
        break;
    case EntityKind::Road: rebuildRoads(); break;
    case EntityKind::Asset:
        rebuildAssets();
        m_shadow->invalidate();
        break;
    case EntityKind::NetworkNode:
    case EntityKind::NetworkLink: rebuildNetworks(); break;
    }
    emit sceneChanged();
}

osg::BoundingBox SceneController::dataBounds() const
{
    const Town &town = m_document->town();
    Bounds2 area = town.dataBounds();
    double zMin = INFINITY, zMax = -INFINITY;
    if (area.isEmpty()) {
        if (town.terrain.isEmpty())
            return {};
        area = town.terrain.bounds();
        zMin = town.terrain.minElevation();
        zMax = town.terrain.maxElevation();
    }
    for (const Building &b : town.buildings) {
        zMin = std::min(zMin, b.groundM);
        zMax = std::max(zMax, b.groundM + b.heightM);
    }
    for (const Vec2 corner : {Vec2{area.minX, area.minY}, Vec2{area.maxX, area.maxY}, area.center()}) {
        const double z = DrapedMesh::groundAt(town.terrain, corner);
        zMin = std::min(zMin, z);
        zMax = std::max(zMax, z);
    }
    return osg::BoundingBox(float(area.minX), float(area.minY), float(zMin), float(area.maxX), float(area.maxY),
                            float(zMax));
}

void SceneController::setLayerVisible(SceneLayer layer, bool visible)
{
    if (isLayerVisible(layer) == visible)
        return;
    layerNode(layer)->setNodeMask(visible ? ~0u : 0u);
    // The trees also hang under the sun's camera, where only their own mask hides them.
    if (layer == SceneLayer::Zones)
        m_trees->setNodeMask(visible ? ~0u : 0u);
    if (layer == SceneLayer::Buildings || layer == SceneLayer::Assets || layer == SceneLayer::Zones)
        m_shadow->invalidate();
    emit sceneChanged();
}

bool SceneController::isLayerVisible(SceneLayer layer) const
{
    return layerNode(layer)->getNodeMask() != 0u;
}

bool SceneController::updateRanges()
{
    double lo = INFINITY, hi = -INFINITY;
    if (m_colorMode == BuildingColorMode::ByAttribute) {
        for (const double v : std::as_const(m_values)) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    } else {
        for (const Building &b : m_document->town().buildings) {
            lo = std::min(lo, b.heightM);
            hi = std::max(hi, b.heightM);
        }
    }
    if (!std::isfinite(lo))
        lo = hi = 0.0;
    const bool changed = lo != m_rampMin || hi != m_rampMax;
    m_rampMin = lo;
    m_rampMax = hi;
    return changed;
}

osg::Vec4ub SceneController::buildingColor(const Building &building) const
{
    QColor color;
    if (m_selection.contains(building.id)) {
        color = Palette::selection();
    } else if (building.context) {
        color = Palette::context();
    } else {
        const double span = m_rampMax - m_rampMin;
        auto rampAt = [&](double v) { return Palette::ramp(span > 0.0 ? (v - m_rampMin) / span : 0.5); };
        switch (m_colorMode) {
        case BuildingColorMode::ByUse: color = Palette::useColor(building.use); break;
        case BuildingColorMode::ByHeight: color = rampAt(building.heightM); break;
        case BuildingColorMode::ByAttribute: {
            const auto value = m_values.constFind(building.id);
            color = value != m_values.constEnd() && std::isfinite(*value) ? rampAt(*value) : Palette::noValue();
            break;
        }
        }
    }
    osg::Vec4ub out = Palette::toVec4ub(color);
    // Alpha is free on opaque buildings: it tells the shader to hatch.
    if (m_highlightGuessed && building.heightGuessed)
        out.a() = 0;
    return out;
}

void SceneController::recolorBuildings()
{
    m_buildings->recolorAll(m_document->town().buildings, [this](const Building &b) { return buildingColor(b); });
}

void SceneController::setBuildingColorMode(BuildingColorMode mode)
{
    m_colorMode = mode;
    updateRanges();
    recolorBuildings();
    emit sceneChanged();
}

void SceneController::setBuildingValues(const QHash<EntityId, double> &values, const QString &label)
{
    m_values = values;
    m_valuesLabel = label;
    updateRanges();
    if (m_colorMode == BuildingColorMode::ByAttribute) {
        recolorBuildings();
        emit sceneChanged();
    }
}

void SceneController::setHighlightGuessedHeights(bool highlight)
{
    if (m_highlightGuessed == highlight)
        return;
    m_highlightGuessed = highlight;
    recolorBuildings();
    emit sceneChanged();
}

void SceneController::setSelection(const QVector<EntityId> &ids)
{
    const QSet<EntityId> next(ids.begin(), ids.end());
    // Only tiles holding buildings that enter or leave the selection are rewritten.
    QVector<EntityId> touched;
    for (const EntityId id : std::as_const(m_selection))
        if (!next.contains(id))
            touched.append(id);
    for (const EntityId id : next)
        if (!m_selection.contains(id))
            touched.append(id);
    m_selection = next;
    if (touched.isEmpty())
        return;
    m_buildings->recolor(m_document->town().buildings, touched, [this](const Building &b) { return buildingColor(b); });
    emit sceneChanged();
}

Legend SceneController::zoneLegend() const
{
    Legend legend;
    legend.title = tr("Land-use zones");
    bool present[kZoneClassCount] = {};
    for (const Zone &z : m_document->town().zones)
        present[int(z.zoneClass)] = true;
    for (int c = 0; c < kZoneClassCount; ++c)
        if (present[c])
            legend.entries.append({zoneclass::color(ZoneClass(c)), zoneclass::label(ZoneClass(c))});
    return legend;
}

Legend SceneController::legend() const
{
    Legend legend;
    const Town &town = m_document->town();
    switch (m_colorMode) {
    case BuildingColorMode::ByUse: {
        legend.title = tr("Building use");
        bool present[kBuildingUseCount] = {};
        bool context = false;
        for (const Building &b : town.buildings) {
            present[int(b.use)] = present[int(b.use)] || !b.context;
            context = context || b.context;
        }
        for (int i = 0; i < kBuildingUseCount; ++i)
            if (present[i])
                legend.entries.append({Palette::useColor(BuildingUse(i)), buildinguse::label(BuildingUse(i))});
        if (context)
            legend.entries.append({Palette::context(), tr("Surroundings (context)")});
        break;
    }
    case BuildingColorMode::ByHeight:
    case BuildingColorMode::ByAttribute: {
        const bool byHeight = m_colorMode == BuildingColorMode::ByHeight;
        legend.title = byHeight ? tr("Height (m)") : m_valuesLabel;
        legend.hasRamp = true;
        legend.rampColors = Palette::rampStops();
        legend.rampMin = m_rampMin;
        legend.rampMax = m_rampMax;
        const bool missing = !byHeight
            && std::any_of(town.buildings.begin(), town.buildings.end(),
                           [&](const Building &b) { return !m_values.contains(b.id); });
        if (missing)
            legend.entries.append({Palette::noValue(), tr("No value")});
        break;
    }
    }
    if (!m_selection.isEmpty())
        legend.entries.append({Palette::selection(), tr("Selected")});
    if (m_highlightGuessed)
        legend.entries.append({QColor(90, 90, 90), tr("Height guessed (hatched)")});
    return legend;
}

void SceneController::showView(const SavedView &view)
{
    for (int layer = 0; layer < kSceneLayerCount; ++layer)
        setLayerVisible(SceneLayer(layer), view.layers.contains(viewLayerKeys()[layer]));
    setBuildingColorMode(view.colouring == QLatin1String("height") ? BuildingColorMode::ByHeight
                                                                   : BuildingColorMode::ByUse);
    setSunTime(viewLocalTime(view.hour));
}

void SceneController::setSunTime(const QDateTime &local)
{
    if (local == m_sunTime)
        return;
    m_sunTime = local;
    applySun();
    emit sunTimeChanged(local);
    emit sceneChanged();
}

void SceneController::applySun()
{
    const Site &site = m_document->town().site;
    // The wall-clock reading is the site's standard time, whatever zone the QDateTime claims.
    const QDateTime utc = QDateTime(m_sunTime.date(), m_sunTime.time(), Qt::UTC)
                              .addSecs(qint64(std::lround(-site.utcOffsetHours * 3600.0)));
    const SunAngles sun = SolarPosition::at(utc, site.latitude, site.longitude);
    SceneShading::setSun(m_root->getOrCreateStateSet(), sun);
    m_shadow->setSun(SceneShading::towardsSun(sun), sun.elevationDeg > 0.0, m_root->getOrCreateStateSet());
}

void SceneController::setTerrainStyle(TerrainStyle style)
{
    if (m_terrainStyle == style)
        return;
    m_terrainStyle = style;
    rebuildTerrain();
    rebuildZones();
    emit sceneChanged();
}

} // namespace tt
