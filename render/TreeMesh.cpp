// SPDX-License-Identifier: MIT
#include "TreeMesh.h"

#include "MeshBuilder.h"

#include <osg/Geode>

#include <algorithm>
#include <cmath>
#include <functional>

namespace tt::TreeMesh {

namespace {

constexpr double kSpacingM = 12.0;
constexpr int kCanopySides = 6;

struct Tree {
    osg::Vec3 base;
    float height;
    float radius;
    osg::Vec4ub canopy;
    EntityId zone;
};

//! A number in [0, 1) from three integers: the same tree at the same place on every build.
double hash01(quint64 a, qint64 b, qint64 c)
{
    quint64 h = a * 0x9E3779B97F4A7C15ull ^ quint64(b) * 0xC2B2AE3D27D4EB4Full ^ quint64(c) * 0x165667B19E3779F9ull;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return double(h >> 11) / double(1ull << 53);
}

double greenArea(const EntityTable<Zone> &zones)
{
    double total = 0.0;
    for (const Zone &z : zones)
        if (z.zoneClass == ZoneClass::Green)
            total += geometry::area(z.area);
    return total;
}

//! Calls `plant` for every tree, in zone order.
void scatter(const EntityTable<Zone> &zones, const Terrain &terrain, const std::function<void(const Tree &)> &plant)
{
    const double spacing = std::max(kSpacingM, std::sqrt(greenArea(zones) / kMaxTrees));
    const osg::Vec4ub greens[] = {{74, 132, 58, 255}, {92, 148, 66, 255}, {64, 118, 66, 255}, {108, 156, 78, 255}};
    for (const Zone &z : zones) {
        if (z.zoneClass != ZoneClass::Green)
            continue;
        const Bounds2 box = geometry::bounds(z.area.outer);
        const qint64 i0 = qint64(std::floor(box.minX / spacing)), i1 = qint64(std::ceil(box.maxX / spacing));
        const qint64 j0 = qint64(std::floor(box.minY / spacing)), j1 = qint64(std::ceil(box.maxY / spacing));
        for (qint64 i = i0; i <= i1; ++i)
            for (qint64 j = j0; j <= j1; ++j) {
                // A park has open lawns: a fifth of the places stay empty.
                if (hash01(z.id, i, j * 7 + 3) < 0.2)
                    continue;
                const Vec2 p{(double(i) + 0.15 + 0.7 * hash01(z.id, i, j)) * spacing,
                             (double(j) + 0.15 + 0.7 * hash01(z.id, j, i)) * spacing};
                if (!geometry::contains(z.area, p))
                    continue;
                double ground = terrain.isEmpty() ? 0.0 : terrain.elevationAt(p);
                if (std::isnan(ground))
                    continue;
                const double size = hash01(z.id, i + 11, j);
                plant(Tree{osg::Vec3(float(p.x), float(p.y), float(ground)), float(7.0 + 5.0 * size),
                           float(3.0 + 1.6 * size), greens[int(hash01(z.id, i, j + 5) * 4) % 4], z.id});
            }
    }
}

void append(MeshBuilder &mesh, const Tree &t)
{
    const osg::Vec4ub bark(96, 74, 52, 255);
    const float trunkTop = t.height * 0.35f, trunkRadius = 0.25f;
    // Trunk: a three-sided prism under the canopy.
    quint32 trunk[6];
    for (int k = 0; k < 3; ++k) {
        const double a = 2.0 * M_PI * k / 3.0;
        const osg::Vec3 d(float(std::cos(a)) * trunkRadius, float(std::sin(a)) * trunkRadius, 0.0f);
        trunk[k] = mesh.addVertex(t.base + d, bark, t.zone);
        trunk[k + 3] = mesh.addVertex(t.base + d + osg::Vec3(0, 0, trunkTop), bark, t.zone);
    }
    for (int k = 0; k < 3; ++k)
        mesh.addQuad(trunk[k], trunk[(k + 1) % 3], trunk[(k + 1) % 3 + 3], trunk[k + 3]);
    // Canopy: a six-sided double pyramid, widest a little below its middle.
    const float belly = trunkTop + (t.height - trunkTop) * 0.4f;
    const quint32 bottom = mesh.addVertex(t.base + osg::Vec3(0, 0, trunkTop * 0.8f), t.canopy, t.zone);
    const quint32 top = mesh.addVertex(t.base + osg::Vec3(0, 0, t.height), t.canopy, t.zone);
    quint32 ring[kCanopySides];
    for (int k = 0; k < kCanopySides; ++k) {
        const double a = 2.0 * M_PI * k / kCanopySides;
        ring[k] = mesh.addVertex(
            t.base + osg::Vec3(float(std::cos(a)) * t.radius, float(std::sin(a)) * t.radius, belly), t.canopy, t.zone);
    }
    for (int k = 0; k < kCanopySides; ++k) {
        const quint32 a = ring[k], b = ring[(k + 1) % kCanopySides];
        mesh.addTriangle(a, b, top);
        mesh.addTriangle(b, a, bottom);
    }
}

} // namespace

int count(const EntityTable<Zone> &zones, const Terrain &terrain)
{
    int n = 0;
    scatter(zones, terrain, [&](const Tree &) { ++n; });
    return n;
}

osg::ref_ptr<osg::Node> build(const EntityTable<Zone> &zones, const Terrain &terrain)
{
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    MeshBuilder mesh;
    scatter(zones, terrain, [&](const Tree &t) {
        append(mesh, t);
        // 16-bit indices keep batches lean: a new batch before they run out.
        if (mesh.vertexCount() > 60000)
            geode->addDrawable(mesh.finish().get());
    });
    if (!mesh.isEmpty())
        geode->addDrawable(mesh.finish().get());
    if (geode->getNumDrawables() == 0)
        return nullptr;
    return geode;
}

} // namespace tt::TreeMesh
