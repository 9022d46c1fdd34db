// SPDX-License-Identifier: MIT
#include "DrapedMesh.h"

#include "MeshBuilder.h"
#include "Palette.h"
#include "PolygonTriangulator.h"

#include <algorithm>
#include <cmath>

namespace tt::DrapedMesh {

namespace {

//! Longest edge a draped triangle may keep: two grid cells (a chord across
//! two cells of planning terrain sags centimetres, well inside the lift), but
//! never so fine that a huge zone explodes into millions of triangles.
double maxEdge(const Terrain &terrain, double extent)
{
    if (terrain.isEmpty())
        return INFINITY;
    return std::max(2.0 * terrain.cellSize(), extent / 128.0);
}

struct Drape {
    MeshBuilder &mesh;
    const Terrain &terrain;
    float lift;
    osg::Vec4ub color;
    EntityId id;
    double limit;

    osg::Vec3 vertex(Vec2 p) const { return osg::Vec3(float(p.x), float(p.y), float(groundAt(terrain, p)) + lift); }

    void triangle(Vec2 a, Vec2 b, Vec2 c, int depth) const
    {
        // Bisect the longest edge: the count grows with the area a triangle covers,
        // not with its length as four-way splits of the long slivers a polygon
        // triangulation makes would (half a million triangles for the sample town).
        const double ab = (b - a).length(), bc = (c - b).length(), ca = (a - c).length();
        if (std::max({ab, bc, ca}) > limit && depth < 24) {
            if (ab >= bc && ab >= ca) {
                const Vec2 m = (a + b) * 0.5;
                triangle(a, m, c, depth + 1);
                triangle(m, b, c, depth + 1);
            } else if (bc >= ca) {
                const Vec2 m = (b + c) * 0.5;
                triangle(a, b, m, depth + 1);
                triangle(a, m, c, depth + 1);
            } else {
                const Vec2 m = (c + a) * 0.5;
                triangle(a, b, m, depth + 1);
                triangle(m, b, c, depth + 1);
            }
            return;
        }
        const quint32 i = mesh.addVertex(vertex(a), color, id);
        mesh.addVertex(vertex(b), color, id);
        mesh.addVertex(vertex(c), color, id);
        mesh.addTriangle(i, i + 1, i + 2);
    }
};

} // namespace

double groundAt(const Terrain &terrain, Vec2 p)
{
    const double z = terrain.isEmpty() ? NAN : terrain.elevationAt(p);
    if (std::isfinite(z))
        return z;
    const double lowest = terrain.isEmpty() ? NAN : terrain.minElevation();
    return std::isfinite(lowest) ? lowest : 0.0;
}

void appendDraped(MeshBuilder &mesh, const Polygon &polygon, const Terrain &terrain, float lift,
                  const osg::Vec4ub &color, EntityId id)
{
    const std::vector<quint32> triangles = PolygonTriangulator::triangulate(polygon);
    if (triangles.empty())
        return;
    std::vector<Vec2> points(polygon.outer.begin(), polygon.outer.end());
    for (const Ring &hole : polygon.holes)
        points.insert(points.end(), hole.begin(), hole.end());
    const Bounds2 box = geometry::bounds(polygon.outer);
    const Drape drape{mesh, terrain, lift, color, id, maxEdge(terrain, std::max(box.width(), box.height()))};
    for (size_t i = 0; i + 2 < triangles.size(); i += 3)
        drape.triangle(points[triangles[i]], points[triangles[i + 1]], points[triangles[i + 2]], 0);
}

osg::ref_ptr<osg::Geometry> zones(const EntityTable<Zone> &zones, const Terrain &terrain)
{
    MeshBuilder mesh;
    for (const Zone &zone : zones) {
        QColor color = zoneclass::color(zone.zoneClass);
        color.setAlpha(140);
        appendDraped(mesh, zone.area, terrain, kZoneLift, Palette::toVec4ub(color), zone.id);
    }
    return mesh.isEmpty() ? nullptr : mesh.finish();
}

void appendRibbon(MeshBuilder &mesh, const QVector<Vec2> &centreLine, double widthM, const Terrain &terrain, float lift,
                  const osg::Vec4ub &color, EntityId id, double offsetM)
{
    // Densify so the ribbon follows the relief between the source's vertices.
    const double spacing = terrain.isEmpty() ? INFINITY : terrain.cellSize();
    QVector<Vec2> line;
    for (int i = 0; i + 1 < centreLine.size(); ++i) {
        const Vec2 a = centreLine[i], b = centreLine[i + 1];
        const int pieces = std::max(1, int(std::ceil(std::min((b - a).length() / spacing, 1000.0))));
        for (int k = 0; k < pieces; ++k)
            line.append(a + (b - a) * (double(k) / pieces));
    }
    if (!centreLine.isEmpty())
        line.append(centreLine.last());
    if (line.size() < 2)
        return;
    const double half = widthM * 0.5;
    const auto normalOf = [](Vec2 a, Vec2 b) {
        const Vec2 d = b - a;
        const double len = d.length();
        return len > 0.0 ? Vec2{-d.y / len, d.x / len} : Vec2{0.0, 0.0};
    };
    const auto vertex = [&](Vec2 p) { return osg::Vec3(float(p.x), float(p.y), float(groundAt(terrain, p)) + lift); };
    quint32 previous = 0;
    for (int i = 0; i < line.size(); ++i) {
        // Mitred side offset: the mean of the neighbouring segments' normals,
        // lengthened at bends (limited so sharp turns do not spike).
        const Vec2 before = i > 0 ? normalOf(line[i - 1], line[i]) : normalOf(line[i], line[i + 1]);
        const Vec2 after = i + 1 < line.size() ? normalOf(line[i], line[i + 1]) : before;
        Vec2 side = before + after;
        const double len = side.length();
        side = len > 1e-9 ? side * (1.0 / len) : before;
        const double miter = 1.0 / std::max(0.5, side.dot(before));
        const quint32 l = mesh.addVertex(vertex(line[i] + side * ((offsetM + half) * miter)), color, id);
        mesh.addVertex(vertex(line[i] + side * ((offsetM - half) * miter)), color, id);
        if (i > 0)
            mesh.addQuad(previous, previous + 1, l + 1, l);
        previous = l;
    }
}

osg::ref_ptr<osg::Geometry> roads(const EntityTable<Road> &roads, const Terrain &terrain)
{
    MeshBuilder mesh;
    const osg::Vec4ub color(88, 88, 94, 255);
    for (const Road &road : roads)
        appendRibbon(mesh, road.line, std::max(0.5, road.widthM), terrain, kRoadLift, color, road.id);
    return mesh.isEmpty() ? nullptr : mesh.finish();
}

} // namespace tt::DrapedMesh
