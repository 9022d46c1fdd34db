// SPDX-License-Identifier: MIT
// The scene built from a document: building geometry, batching, incremental
// updates with undo, colouring and legend, draped zones and the terrain mesh.
#include "BuildingLayer.h"
#include "PickIds.h"
#include "SceneController.h"
#include "TerrainMesh.h"
#include "TreeMesh.h"
#include "generate/TownGenerator.h"
#include "core/Document.h"
#include "core/SolarPosition.h"

#include <QUndoStack>
#include <QtTest>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/Texture2D>
#include <osg/Uniform>

#include <cmath>

using namespace tt;

namespace {

Building box(double x, double y, double w, double d, double height, double ground,
             BuildingUse use = BuildingUse::Residential)
{
    Building b;
    b.use = use;
    b.heightM = height;
    b.groundM = ground;
    b.footprint.outer = {{x, y}, {x + w, y}, {x + w, y + d}, {x, y + d}};
    return b;
}

//! A grid of n buildings 10 x 10 m, 15 m apart, heights 3..30 m.
Town gridTown(int n)
{
    Town town;
    const int perRow = 100;
    for (int i = 0; i < n; ++i) {
        Building b = box((i % perRow) * 15.0, (i / perRow) * 15.0, 10.0, 10.0, 3.0 + (i % 10) * 3.0, 400.0);
        b.id = town.allocateId();
        town.buildings.put(b);
    }
    return town;
}

//! The geometries under a layer; for level-of-detail nodes the most detailed one.
std::vector<osg::Geometry *> geometries(osg::Group *group)
{
    std::vector<osg::Geometry *> out;
    for (unsigned i = 0; i < group->getNumChildren(); ++i) {
        osg::Node *child = group->getChild(i);
        if (auto *lod = dynamic_cast<osg::LOD *>(child))
            child = lod->getChild(0);
        if (osg::Geometry *g = child->asGeometry())
            out.push_back(g);
    }
    return out;
}

int triangleCount(const osg::Geometry *g)
{
    int n = 0;
    for (unsigned i = 0; i < g->getNumPrimitiveSets(); ++i)
        n += int(g->getPrimitiveSet(i)->getNumIndices() / 3);
    return n;
}

//! z range of the vertices belonging to one entity in a batch.
std::pair<float, float> zRangeOf(const osg::Geometry *g, EntityId id)
{
    const auto *v = static_cast<const osg::Vec3Array *>(g->getVertexArray());
    const osg::UInt64Array *ids = PickIds::ids(g);
    float lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < v->size(); ++i) {
        if ((*ids)[i] != id)
            continue;
        lo = std::min(lo, (*v)[i].z());
        hi = std::max(hi, (*v)[i].z());
    }
    return {lo, hi};
}

//! Sum of the areas (projected on the ground) of triangles lying at height z.
double areaAtHeight(const osg::Geometry *g, float z)
{
    const auto *v = static_cast<const osg::Vec3Array *>(g->getVertexArray());
    const osg::PrimitiveSet *p = g->getPrimitiveSet(0);
    double area = 0.0;
    for (unsigned i = 0; i + 2 < p->getNumIndices(); i += 3) {
        const osg::Vec3 a = (*v)[p->index(i)], b = (*v)[p->index(i + 1)], c = (*v)[p->index(i + 2)];
        if (a.z() == z && b.z() == z && c.z() == z)
            area += std::abs(double(((b - a) ^ (c - a)).z())) * 0.5;
    }
    return area;
}

//! The texel of an impostor under a ground point (building 7 of gridTown covers 90..100 x 0..10).
osg::Vec4ub impostorColorAt(const osg::Geometry *impostor, Vec2 offsetFromFirst)
{
    const auto *v = static_cast<const osg::Vec3Array *>(impostor->getVertexArray());
    const auto *texture = static_cast<const osg::Texture2D *>(
        impostor->getStateSet()->getTextureAttribute(0, osg::StateAttribute::TEXTURE));
    const osg::Image *image = texture->getImage();
    const float span = (*v)[1].x() - (*v)[0].x();
    const Vec2 p{90.0 + offsetFromFirst.x, offsetFromFirst.y};
    const int col = int((p.x - (*v)[0].x()) / span * image->s());
    const int row = int(((*v)[2].y() - p.y) / span * image->t());
    const unsigned char *texel = image->data(col, row);
    return osg::Vec4ub(texel[0], texel[1], texel[2], texel[3]);
}

} // namespace

class TestSceneController : public QObject {
    Q_OBJECT
private slots:
    void treesStandInTheParksOnTheGround()
    {
        const Town town = TownGenerator::generate(1);
        const int trees = TreeMesh::count(town.zones, town.terrain);
        double parks = 0.0;
        for (const Zone &z : town.zones)
            parks += z.zoneClass == ZoneClass::Green ? geometry::area(z.area) : 0.0;
        // One per 12 m square, a fifth left as lawn: about 0.8 / 144 m².
        QVERIFY2(std::abs(trees - parks * 0.8 / 144.0) < 0.1 * trees, qPrintable(QString::number(trees)));
        QCOMPARE(TreeMesh::count(town.zones, town.terrain), trees);

        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        int vertices = 0, outside = 0;
        osg::Group *layer = scene.layerNode(SceneLayer::Zones);
        QCOMPARE(layer->getNumChildren(), 2u);  // the zones' colours, then the trees' group
        const osg::Group *treeGroup = layer->getChild(1)->asGroup();
        QVERIFY(treeGroup && treeGroup->getNumChildren() == 1u);
        const osg::Geode *geode = treeGroup->getChild(0)->asGeode();
        QVERIFY(geode);
        for (unsigned d = 0; d < geode->getNumDrawables(); ++d) {
            const auto *v = static_cast<const osg::Vec3Array *>(geode->getDrawable(d)->asGeometry()->getVertexArray());
            for (const osg::Vec3 &p : *v) {
                ++vertices;
                // Within a canopy's reach of a park, and no lower than the ground there.
                bool near = false;
                for (const Zone &z : town.zones)
                    if (z.zoneClass == ZoneClass::Green) {
                        Bounds2 b = geometry::bounds(z.area.outer);
                        near = near || (p.x() > b.minX - 5 && p.x() < b.maxX + 5 && p.y() > b.minY - 5 && p.y() < b.maxY + 5);
                    }
                const double ground = town.terrain.elevationAt(Vec2{p.x(), p.y()});
                outside += !near || p.z() < ground - 0.5;
            }
        }
        QCOMPARE(vertices, trees * 14);
        QCOMPARE(outside, 0);
        // No parks, no trees.
        QVERIFY(!TreeMesh::build(EntityTable<Zone>{}, town.terrain));
    }

    void rectangleGivesFourWallQuadsAndTwoRoofTriangles()
    {
        Town town;
        Building b = box(100.0, 200.0, 10.0, 20.0, 12.0, 5.0);
        b.id = town.allocateId();
        town.buildings.put(b);
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        const auto batches = geometries(scene.layerNode(SceneLayer::Buildings));
        QCOMPARE(int(batches.size()), 1);
        const osg::Geometry *g = batches[0];
        // 4 ground + 4 roof vertices shared by walls and roof; 4 quads + 2 roof triangles.
        QCOMPARE(int(g->getVertexArray()->getNumElements()), 8);
        QCOMPARE(triangleCount(g), 4 * 2 + 2);
        const auto [lo, hi] = zRangeOf(g, b.id);
        QCOMPARE(lo, 5.0f);
        QCOMPARE(hi, 17.0f);
        QCOMPARE(areaAtHeight(g, 17.0f), 200.0);
        const osg::BoundingBox bounds = scene.dataBounds();
        QCOMPARE(bounds.xMin(), 100.0f);
        QCOMPARE(bounds.yMax(), 220.0f);
        QCOMPARE(bounds.zMax(), 17.0f);
    }

    void concaveFootprintAndCourtyard()
    {
        Town town;
        Building l = box(0, 0, 0, 0, 10.0, 0.0);
        // L shape: 20x20 minus the 10x10 north-east quarter = 300 m².
        l.footprint.outer = {{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}};
        l.id = town.allocateId();
        Building court = box(100, 0, 30, 30, 8.0, 0.0);
        // 30x30 with a 10x10 courtyard = 800 m².
        court.footprint.holes = {{{110, 10}, {110, 20}, {120, 20}, {120, 10}}};
        court.id = town.allocateId();
        town.buildings.put(l);
        town.buildings.put(court);
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);

        MeshBuilder lMesh, courtMesh;
        BuildingMesh::append(lMesh, l, {255, 255, 255, 255});
        BuildingMesh::append(courtMesh, court, {255, 255, 255, 255});
        const osg::ref_ptr<osg::Geometry> lg = lMesh.finish(), cg = courtMesh.finish();
        QCOMPARE(int(lg->getVertexArray()->getNumElements()), 12);
        QCOMPARE(triangleCount(lg), 6 * 2 + 4); // n-2 roof triangles
        QCOMPARE(areaAtHeight(lg.get(), 10.0f), 300.0);
        QCOMPARE(int(cg->getVertexArray()->getNumElements()), 16);
        // 8 wall quads; a ring with one hole fills with n + 2h - 2 = 8 triangles.
        QCOMPARE(triangleCount(cg), 8 * 2 + 8);
        QCOMPARE(areaAtHeight(cg.get(), 8.0f), 800.0);
        QCOMPARE(int(geometries(scene.layerNode(SceneLayer::Buildings)).size()), 1);
    }

    void buildingsAreBatched()
    {
        Document doc;
        doc.resetTown(gridTown(5000));
        SceneController scene(&doc);
        const auto batches = geometries(scene.layerNode(SceneLayer::Buildings));
        QVERIFY(!batches.empty());
        QVERIFY2(batches.size() <= 10, qPrintable(QString::number(batches.size())));
        QCOMPARE(int(batches.size()), scene.buildingLayer().tileCount());
        unsigned vertices = 0;
        for (const osg::Geometry *g : batches)
            vertices += g->getVertexArray()->getNumElements();
        QCOMPARE(vertices, 5000u * 8u);
        // The distant stand-in of each tile: a textured quad over its buildings.
        osg::Group *layer = scene.layerNode(SceneLayer::Buildings);
        for (unsigned i = 0; i < layer->getNumChildren(); ++i) {
            auto *lod = dynamic_cast<osg::LOD *>(layer->getChild(i));
            QVERIFY(lod && lod->getNumChildren() == 2);
            QCOMPARE(lod->getMaxRange(0), lod->getMinRange(1));
            const osg::Geometry *impostor = lod->getChild(1)->asGeometry();
            QVERIFY(impostor->getStateSet()->getTextureAttribute(0, osg::StateAttribute::TEXTURE));
            QCOMPARE(impostor->getVertexArray()->getNumElements(), 4u);
        }
    }

    void editRebuildsOnlyItsTileAndUndoRestores()
    {
        Document doc;
        doc.resetTown(gridTown(5000));
        SceneController scene(&doc);
        QSignalSpy changed(&scene, &SceneController::sceneChanged);
        osg::Group *layer = scene.layerNode(SceneLayer::Buildings);
        const auto before = geometries(layer);
        QVERIFY(before.size() >= 2);

        const EntityId id = 1234;
        Building b = *doc.town().buildings.find(id);
        osg::Geometry *oldTile = scene.buildingLayer().geometryOf(id);
        const unsigned oldVertices = oldTile->getVertexArray()->getNumElements();
        b.heightM = 55.0;
        QVERIFY(doc.modifyEntities(EntityBatch{{b}, {}, {}, {}, {}, {}}, QStringLiteral("raise")).ok);
        QCOMPARE(changed.count(), 1);

        const auto after = geometries(layer);
        QCOMPARE(after.size(), before.size());
        int replaced = 0;
        for (osg::Geometry *g : after)
            replaced += std::find(before.begin(), before.end(), g) == before.end();
        QCOMPARE(replaced, 1);
        osg::Geometry *newTile = scene.buildingLayer().geometryOf(id);
        QVERIFY(newTile != oldTile);
        QCOMPARE(zRangeOf(newTile, id).second, 455.0f);

        QVERIFY(doc.removeEntities({id}, QStringLiteral("remove")).ok);
        osg::Geometry *tileAfterRemoval = nullptr;
        for (osg::Geometry *g : geometries(layer))
            if (std::find(after.begin(), after.end(), g) == after.end())
                tileAfterRemoval = g;
        QVERIFY(tileAfterRemoval);
        QCOMPARE(tileAfterRemoval->getVertexArray()->getNumElements(), oldVertices - 8);
        QVERIFY(!std::isfinite(zRangeOf(tileAfterRemoval, id).second));
        QVERIFY(!scene.buildingLayer().geometryOf(id));

        doc.undoStack()->undo(); // back in, at 55 m
        QCOMPARE(zRangeOf(scene.buildingLayer().geometryOf(id), id).second, 455.0f);
        doc.undoStack()->undo(); // original height
        const Building original = *doc.town().buildings.find(id);
        QCOMPARE(zRangeOf(scene.buildingLayer().geometryOf(id), id).second, float(400.0 + original.heightM));
        QCOMPARE(scene.buildingLayer().geometryOf(id)->getVertexArray()->getNumElements(), oldVertices);
    }

    void selectionAndGuessedHeightsRecolorInPlace()
    {
        Town town = gridTown(3000);
        Building guessed = *town.buildings.find(10);
        guessed.heightGuessed = true;
        town.buildings.put(guessed);
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        osg::Geometry *tile = scene.buildingLayer().geometryOf(7);
        const auto colorOf = [&](EntityId id) {
            osg::Geometry *g = scene.buildingLayer().geometryOf(id);
            const osg::UInt64Array *ids = PickIds::ids(g);
            const auto *colors = static_cast<const osg::Vec4ubArray *>(g->getColorArray());
            for (size_t i = 0; i < ids->size(); ++i)
                if ((*ids)[i] == id)
                    return (*colors)[i];
            return osg::Vec4ub();
        };
        const osg::Vec4ub residential(240, 200, 120, 255);
        QCOMPARE(colorOf(7), residential);
        scene.setSelection({7});
        QCOMPARE(scene.buildingLayer().geometryOf(7), tile); // same arrays, new colours
        QCOMPARE(colorOf(7), osg::Vec4ub(255, 60, 200, 255));
        QCOMPARE(impostorColorAt(scene.buildingLayer().impostorOf(7), {5.0, 5.0}), osg::Vec4ub(255, 60, 200, 255));
        QCOMPARE(impostorColorAt(scene.buildingLayer().impostorOf(8), {20.0, 5.0}), residential);
        QCOMPARE(colorOf(8), residential);
        scene.setSelection({});
        QCOMPARE(colorOf(7), residential);

        QCOMPARE(colorOf(10).a(), quint8(255));
        scene.setHighlightGuessedHeights(true);
        QCOMPARE(colorOf(10).a(), quint8(0));
        QCOMPARE(colorOf(11).a(), quint8(255));
    }

    void legendListsUsesPresentAndRamps()
    {
        Town town;
        const BuildingUse uses[] = {BuildingUse::School, BuildingUse::Residential, BuildingUse::Retail,
                                    BuildingUse::School};
        const double heights[] = {8.0, 21.0, 4.5, 12.0};
        for (int i = 0; i < 4; ++i) {
            Building b = box(i * 20.0, 0, 10, 10, heights[i], 0.0, uses[i]);
            b.id = town.allocateId();
            town.buildings.put(b);
        }
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        Legend legend = scene.legend();
        QStringList labels;
        for (const Legend::Entry &e : legend.entries)
            labels << e.label;
        labels.sort();
        QStringList expected{buildinguse::label(BuildingUse::School), buildinguse::label(BuildingUse::Residential),
                             buildinguse::label(BuildingUse::Retail)};
        expected.sort();
        QCOMPARE(labels, expected);
        QVERIFY(!legend.hasRamp);

        scene.setBuildingColorMode(BuildingColorMode::ByHeight);
        legend = scene.legend();
        QVERIFY(legend.hasRamp);
        QCOMPARE(legend.rampMin, 4.5);
        QCOMPARE(legend.rampMax, 21.0);

        scene.setBuildingValues({{1, 100.0}, {2, 300.0}}, QStringLiteral("Heat demand (MWh/a)"));
        scene.setBuildingColorMode(BuildingColorMode::ByAttribute);
        legend = scene.legend();
        QCOMPARE(legend.title, QStringLiteral("Heat demand (MWh/a)"));
        QCOMPARE(legend.rampMin, 100.0);
        QCOMPARE(legend.rampMax, 300.0);
        QCOMPARE(legend.entries.size(), 1); // "no value" for buildings 3 and 4
    }

    void layersHideAndShow()
    {
        Document doc;
        doc.resetTown(gridTown(10));
        SceneController scene(&doc);
        QSignalSpy changed(&scene, &SceneController::sceneChanged);
        QVERIFY(scene.isLayerVisible(SceneLayer::Buildings));
        scene.setLayerVisible(SceneLayer::Buildings, false);
        QVERIFY(!scene.isLayerVisible(SceneLayer::Buildings));
        QCOMPARE(scene.layerNode(SceneLayer::Buildings)->getNodeMask(), 0u);
        QVERIFY(scene.isLayerVisible(SceneLayer::Roads));
        QCOMPARE(changed.count(), 1);
    }

    void zonesFollowSlopedTerrain()
    {
        Town town;
        // A plane rising 0.1 m per metre eastwards, 10 m cells.
        town.terrain = Terrain(41, 41, 0.0, 0.0, 10.0);
        for (int r = 0; r < 41; ++r)
            for (int c = 0; c < 41; ++c)
                town.terrain.setSample(c, r, float(c * 10.0 * 0.1));
        Zone zone;
        zone.id = town.allocateId();
        zone.zoneClass = ZoneClass::Commercial;
        zone.area.outer = {{20, 20}, {220, 20}, {220, 220}, {20, 220}};
        town.zones.put(zone);
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        const auto zones = geometries(scene.layerNode(SceneLayer::Zones));
        QCOMPARE(int(zones.size()), 1);
        const auto *v = static_cast<const osg::Vec3Array *>(zones[0]->getVertexArray());
        // A plane is followed exactly by the square's two triangles, which share their corners.
        QCOMPARE(triangleCount(zones[0]), 2);
        QCOMPARE(int(v->size()), 4);
        for (const osg::Vec3 &p : *v)
            QVERIFY(std::abs(p.z() - (0.1f * p.x() + 0.3f)) < 1e-3f);
        QCOMPARE(PickIds::ids(zones[0])->front(), zone.id);
    }

    void zonesFollowCurvedTerrainWithinTolerance()
    {
        // Flat ground with a 3 m mound 60 m wide in the middle, 10 m cells.
        Town town;
        town.terrain = Terrain(41, 41, 0.0, 0.0, 10.0);
        for (int r = 0; r < 41; ++r)
            for (int c = 0; c < 41; ++c)
                town.terrain.setSample(c, r, float(3.0 * std::exp(-(std::pow(c * 10.0 - 200.0, 2) + std::pow(r * 10.0 - 200.0, 2)) / (60.0 * 60.0))));
        Zone zone;
        zone.id = town.allocateId();
        zone.zoneClass = ZoneClass::Agricultural;
        zone.area.outer = {{5, 5}, {395, 5}, {395, 395}, {5, 395}};
        town.zones.put(zone);
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        const osg::Geometry *g = geometries(scene.layerNode(SceneLayer::Zones)).at(0);
        const auto *v = static_cast<const osg::Vec3Array *>(g->getVertexArray());
        const osg::PrimitiveSet *triangles = g->getPrimitiveSet(0);
        // Dense over the mound, coarse on the flat: far fewer than cutting everything to two cells.
        const int uniform = 2 * int(std::pow(std::ceil(390.0 / 20.0), 2));
        QVERIFY2(triangleCount(g) < uniform / 3, qPrintable(QString::number(triangleCount(g))));
        QVERIFY(triangleCount(g) > 20);
        // Everywhere inside, the drawn surface is the zone's lift above the ground, within 0.1 m.
        double worst = 0.0;
        int inside = 0;
        for (double y = 7.5; y < 395.0; y += 5.0) {
            for (double x = 7.5; x < 395.0; x += 5.0) {
                for (unsigned t = 0; t + 2 < triangles->getNumIndices(); t += 3) {
                    const osg::Vec3 &a = (*v)[triangles->index(t)], &b = (*v)[triangles->index(t + 1)], &c = (*v)[triangles->index(t + 2)];
                    const double det = (b.y() - c.y()) * (a.x() - c.x()) + (c.x() - b.x()) * (a.y() - c.y());
                    const double wa = ((b.y() - c.y()) * (x - c.x()) + (c.x() - b.x()) * (y - c.y())) / det;
                    const double wb = ((c.y() - a.y()) * (x - c.x()) + (a.x() - c.x()) * (y - c.y())) / det;
                    if (wa < -1e-9 || wb < -1e-9 || wa + wb > 1.0 + 1e-9)
                        continue;
                    const double drawn = wa * a.z() + wb * b.z() + (1.0 - wa - wb) * c.z();
                    worst = std::max(worst, std::abs(drawn - (town.terrain.elevationAt({x, y}) + 0.3)));
                    ++inside;
                    break;
                }
            }
        }
        QCOMPARE(inside, 78 * 78);
        QVERIFY2(worst <= 0.1 + 1e-3, qPrintable(QString::number(worst)));
    }

    void terrainLevelsFollowTheirHeightError()
    {
        // One sample raised 1 m off the coarser grids: every second sample misses it by 1 m.
        Terrain t(65, 65, 0.0, 0.0, 10.0, 5.0f);
        QCOMPARE(TerrainMesh::levelError(t, 0, 0, 64, 64, 64), 0.0);
        t.setSample(33, 31, 6.0f);
        QCOMPARE(TerrainMesh::levelError(t, 0, 0, 64, 64, 1), 0.0);
        QCOMPARE(TerrainMesh::levelError(t, 0, 0, 64, 64, 2), 1.0);
        t.setSample(10, 10, NAN);
        QVERIFY(std::isinf(TerrainMesh::levelError(t, 0, 0, 64, 64, 2)));

        // Level ground is a tile's two triangles, plain; a hillshade keeps its cells near by.
        const Terrain level(65, 65, 0.0, 0.0, 10.0, 5.0f);
        osg::ref_ptr<osg::Node> plain = TerrainMesh::create(level, TerrainStyle::Plain);
        auto *lod = dynamic_cast<osg::LOD *>(plain->asGroup()->getChild(0));
        QVERIFY(lod);
        QCOMPARE(lod->getNumChildren(), 1u);
        QCOMPARE(triangleCount(lod->getChild(0)->asGeometry()), 2);
        osg::ref_ptr<osg::Node> shaded = TerrainMesh::create(level, TerrainStyle::Hillshade);
        lod = dynamic_cast<osg::LOD *>(shaded->asGroup()->getChild(0));
        QCOMPARE(lod->getNumChildren(), unsigned(std::size(TerrainMesh::kLevelSteps)));
        QCOMPARE(triangleCount(lod->getChild(0)->asGeometry()), 64 * 64 * 2);

        // Rolling ground: the full grid near by; further off, each coarser level only as
        // near as its height error allows (under half a pixel) or its cells look small; the
        // coarsest far away; no gap between the ranges.
        Terrain rolling(65, 65, 0.0, 0.0, 10.0);
        for (int r = 0; r < 65; ++r)
            for (int c = 0; c < 65; ++c)
                rolling.setSample(c, r, float(2.0 * std::sin(c / 5.0) * std::cos(r / 7.0)));
        osg::ref_ptr<osg::Node> node = TerrainMesh::create(rolling, TerrainStyle::Plain);
        lod = dynamic_cast<osg::LOD *>(node->asGroup()->getChild(0));
        QVERIFY(lod->getNumChildren() >= 3);
        QCOMPARE(triangleCount(lod->getChild(0)->asGeometry()), 64 * 64 * 2);
        QCOMPARE(lod->getMinRange(0), 0.0f);
        QCOMPARE(triangleCount(lod->getChild(lod->getNumChildren() - 1)->asGeometry()), 2);
        QCOMPARE(lod->getMaxRange(lod->getNumChildren() - 1), 1e9f);
        const double radius = std::hypot(640.0, 640.0) / 2.0;
        for (unsigned i = 1; i < lod->getNumChildren(); ++i) {
            QCOMPARE(lod->getMinRange(i), lod->getMaxRange(i - 1));
            const int cells = int(std::lround(std::sqrt(triangleCount(lod->getChild(i)->asGeometry()) / 2.0)));
            const int step = 64 / cells;
            const double error = TerrainMesh::levelError(rolling, 0, 0, 64, 64, step);
            const double cellsSmall = (step / 2) * 10.0 * 150.0 + radius;
            QVERIFY2(lod->getMinRange(i) >= float(std::min(cellsSmall, error * TerrainMesh::kPixelsPerRadian + radius)),
                     qPrintable(QStringLiteral("step %1 from %2 m, error %3 m").arg(step).arg(lod->getMinRange(i)).arg(error)));
        }
    }

    void terrainLeavesNoDataHoles()
    {
        // 5x5 cells with one NoData sample in the middle: the 4 cells around it
        // keep one triangle each instead of two: 25*2 - 4 = 46.
        Terrain t(6, 6, 0.0, 0.0, 10.0, 100.0f);
        t.setSample(2, 2, NAN);
        osg::ref_ptr<osg::Node> node = TerrainMesh::create(t, TerrainStyle::Plain);
        auto *group = node->asGroup();
        QCOMPARE(group->getNumChildren(), 1u);
        auto *lod = dynamic_cast<osg::LOD *>(group->getChild(0));
        QVERIFY(lod);
        QCOMPARE(triangleCount(lod->getChild(0)->asGeometry()), 46);
        // Every 2nd sample (columns and rows 0, 2, 4, 5): the NoData sample is a
        // corner of 4 of the 3x3 coarse cells.
        QCOMPARE(triangleCount(lod->getChild(1)->asGeometry()), 9 * 2 - 4);

        // Contours of a plane z = x at interval 10: a line on each interior column, 5 cells long each.
        Terrain ramp(6, 6, 0.0, 0.0, 10.0);
        for (int r = 0; r < 6; ++r)
            for (int c = 0; c < 6; ++c)
                ramp.setSample(c, r, float(c * 10 + 5));
        osg::ref_ptr<osg::Geometry> lines = TerrainMesh::contours(ramp, 10.0);
        QVERIFY(lines);
        QCOMPARE(int(lines->getVertexArray()->getNumElements()), 5 * 5 * 2);
    }

    void sunLightsFromSolarPosition()
    {
        Town town = gridTown(1);
        town.site.latitude = 47.17;
        town.site.longitude = 8.51;
        town.site.utcOffsetHours = 1.0;
        Document doc;
        doc.resetTown(town);
        SceneController scene(&doc);
        auto direction = [&] {
            osg::Vec3 d;
            scene.root()->getStateSet()->getUniform("tt_sunDirection")->get(d);
            return d;
        };
        // Default: 21 June 10:00 local, the sun south-east and high.
        osg::Vec3 d = direction();
        QVERIFY(d.x() > 0.2f && d.y() < -0.1f && d.z() > 0.6f);
        // 18:00 local: the sun stands in the west, lower.
        scene.setSunTime(QDateTime(QDate(2025, 6, 21), QTime(18, 0)));
        d = direction();
        const SunAngles sun = SolarPosition::at(QDateTime(QDate(2025, 6, 21), QTime(17, 0), Qt::UTC), 47.17, 8.51);
        QVERIFY(d.x() < 0.0f);
        QVERIFY(std::abs(std::asin(d.z()) * 180.0 / M_PI - sun.elevationDeg) < 0.01);
    }
};

QTEST_MAIN(TestSceneController)
#include "tst_scenecontroller.moc"
