// SPDX-License-Identifier: MIT
#include "AssetMesh.h"

#include "BuildingMesh.h"
#include "DrapedMesh.h"
#include "MeshBuilder.h"
#include "Palette.h"

#include <algorithm>

#include <cmath>

namespace tt::AssetMesh {

namespace {

const osg::Vec4ub kPanelBlue(35, 55, 120, 255);

Polygon rectangle(Vec2 center, double sizeX, double sizeY)
{
    const double hx = sizeX * 0.5, hy = sizeY * 0.5;
    return Polygon{{center + Vec2{-hx, -hy}, center + Vec2{hx, -hy}, center + Vec2{hx, hy}, center + Vec2{-hx, hy}},
                   {}};
}

//! Shapes are extruded footprints, like buildings.
void prism(MeshBuilder &mesh, const Polygon &footprint, double z0, double height, const osg::Vec4ub &color, EntityId id)
{
    Building shape;
    shape.id = id;
    shape.footprint = footprint;
    shape.groundM = z0;
    shape.heightM = height;
    BuildingMesh::append(mesh, shape, color);
}

void box(MeshBuilder &mesh, Vec2 center, double sizeX, double sizeY, double z0, double height, const osg::Vec4ub &color,
         EntityId id)
{
    prism(mesh, rectangle(center, sizeX, sizeY), z0, height, color, id);
}

void turbine(MeshBuilder &mesh, const EnergyAsset &asset, double ground)
{
    const double hub = asset.parameter("hub_height_m", 80.0);
    const double blade = asset.parameter("rotor_diameter_m", hub * 0.9) * 0.5;
    const osg::Vec4ub white(235, 235, 238, 255);
    const Vec2 p = asset.position;
    box(mesh, p, 3.0, 3.0, ground, hub, white, asset.id);
    box(mesh, p, 4.0, 10.0, ground + hub - 1.5, 3.5, white, asset.id);
    // Rotor in the vertical plane facing south-west, the usual prevailing wind.
    const osg::Vec3 across(float(M_SQRT1_2), float(-M_SQRT1_2), 0.0f);
    const osg::Vec3 center(float(p.x), float(p.y), float(ground + hub));
    for (int k = 0; k < 3; ++k) {
        const double a = (90.0 + 120.0 * k) * M_PI / 180.0;
        const osg::Vec3 along = across * float(std::cos(a)) + osg::Vec3(0, 0, float(std::sin(a)));
        const osg::Vec3 side = across * float(-std::sin(a)) + osg::Vec3(0, 0, float(std::cos(a)));
        const quint32 i = mesh.addVertex(center + side * 1.2f, white, asset.id);
        mesh.addVertex(center - side * 1.2f, white, asset.id);
        mesh.addVertex(center + along * float(blade), white, asset.id);
        mesh.addTriangle(i, i + 1, i + 2);
    }
}

void rooftopPv(MeshBuilder &mesh, const EnergyAsset &asset, const Town &town, double ground)
{
    const Building *host = town.buildings.find(asset.hostBuilding);
    if (!host || host->footprint.isEmpty()) {
        box(mesh, asset.position, 10.0, 5.0, ground, 1.0, kPanelBlue, asset.id);
        return;
    }
    // Panels cover the middle of the roof, leaving a margin to the edges.
    const Vec2 c = geometry::centroid(host->footprint);
    Polygon panels;
    for (const Vec2 &v : host->footprint.outer)
        panels.outer.append(c + (v - c) * 0.8);
    prism(mesh, panels, host->groundM + host->heightM + 0.1, 0.4, kPanelBlue, asset.id);
}

} // namespace

osg::ref_ptr<osg::Geometry> build(const Town &town, const QHash<EntityId, double> *levels)
{
    MeshBuilder mesh;
    for (const EnergyAsset &asset : town.assets) {
        const quint32 first = mesh.vertexCount();
        const double ground = DrapedMesh::groundAt(town.terrain, asset.position);
        const Vec2 p = asset.position;
        switch (asset.type) {
        case EnergyAssetType::WindTurbine: turbine(mesh, asset, ground); break;
        case EnergyAssetType::RooftopPv: rooftopPv(mesh, asset, town, ground); break;
        case EnergyAssetType::GroundPv:
            DrapedMesh::appendDraped(mesh, asset.area.isEmpty() ? rectangle(p, 40.0, 20.0) : asset.area, town.terrain,
                                     1.5f, kPanelBlue, asset.id);
            break;
        case EnergyAssetType::Battery:
            box(mesh, p, 12.0, 2.5, ground, 2.6, osg::Vec4ub(60, 160, 90, 255), asset.id);
            break;
        case EnergyAssetType::ThermalStorage: {
            Polygon tank;
            for (int k = 0; k < 12; ++k)
                tank.outer.append(p + Vec2{5.0 * std::cos(k * M_PI / 6.0), 5.0 * std::sin(k * M_PI / 6.0)});
            prism(mesh, tank, ground, 12.0, osg::Vec4ub(205, 115, 60, 255), asset.id);
            break;
        }
        case EnergyAssetType::Chp:
        case EnergyAssetType::GasBoiler:
        case EnergyAssetType::BiomassBoiler: {
            const bool chp = asset.type == EnergyAssetType::Chp;
            const osg::Vec4ub color = chp ? osg::Vec4ub(180, 80, 70, 255) : osg::Vec4ub(150, 120, 100, 255);
            box(mesh, p, chp ? 12.0 : 7.0, chp ? 7.0 : 5.0, ground, chp ? 5.0 : 4.0, color, asset.id);
            box(mesh, p + Vec2{chp ? 4.0 : 2.0, 0.0}, 1.2, 1.2, ground, chp ? 16.0 : 10.0,
                osg::Vec4ub(110, 110, 110, 255), asset.id);
            break;
        }
        case EnergyAssetType::HeatPump:
        case EnergyAssetType::Chiller:
            box(mesh, p, 4.0, 2.0, ground, 2.0, osg::Vec4ub(80, 190, 210, 255), asset.id);
            break;
        case EnergyAssetType::EvFleet:
            // A charging canopy: roof on two posts.
            box(mesh, p + Vec2{-7.0, 0.0}, 0.6, 0.6, ground, 3.0, osg::Vec4ub(90, 90, 90, 255), asset.id);
            box(mesh, p + Vec2{7.0, 0.0}, 0.6, 0.6, ground, 3.0, osg::Vec4ub(90, 90, 90, 255), asset.id);
            box(mesh, p, 16.0, 6.0, ground + 3.0, 0.4, osg::Vec4ub(60, 200, 120, 255), asset.id);
            break;
        case EnergyAssetType::GridConnection:
            box(mesh, p, 5.0, 4.0, ground, 3.5, osg::Vec4ub(120, 125, 135, 255), asset.id);
            box(mesh, p + Vec2{4.0, 0.0}, 0.8, 0.8, ground, 14.0, osg::Vec4ub(120, 125, 135, 255), asset.id);
            break;
        }
        if (levels) {
            const double level = levels->value(asset.id, NAN);
            mesh.recolorFrom(first, Palette::toVec4ub(std::isfinite(level) ? Palette::ramp(std::clamp(level, 0.0, 1.0))
                                                                            : Palette::noValue()));
        }
    }
    return mesh.isEmpty() ? nullptr : mesh.finish();
}

} // namespace tt::AssetMesh
