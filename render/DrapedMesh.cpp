// SPDX-License-Identifier: MIT
#include "DrapedMesh.h"

#include "MeshBuilder.h"
#include "Palette.h"
#include "PolygonTriangulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace tt::DrapedMesh {

namespace {

//! How far a draped triangle may stray from the terrain under it. A third of the
//! lowest lift, so zones never dip into the ground, while a gentle plain keeps
//! triangles hundreds of metres long: vertices are what a software renderer pays for.
constexpr double kTolerance = 0.1;

//! Shortest edge worth splitting: two grid cells (finer cannot follow the grid
//! better), and never so fine that a huge zone explodes into millions of triangles.
double minEdge(const Terrain &terrain, double extent)
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
    //! Subdivided triangles share their corners: a third of the vertices.
    std::map<std::pair<double, double>, quint32> corners;

    quint32 corner(Vec2 p)
    {
        const auto [it, added] = corners.try_emplace({p.x, p.y}, 0);
        if (added)
            it->second = mesh.addVertex(osg::Vec3(float(p.x), float(p.y), float(groundAt(terrain, p)) + lift), color, id);
        return it->second;
    }

    //! Whether the terrain departs from the plane through the corners' ground by more
    //! than the tolerance, at a grid sample inside or along an edge at grid spacing.
    bool strays(Vec2 a, Vec2 b, Vec2 c) const
    {
        const double za = groundAt(terrain, a), zb = groundAt(terrain, b), zc = groundAt(terrain, c);
        const auto off = [&](Vec2 p, double wa, double wb, double wc) {
            return std::abs(groundAt(terrain, p) - (wa * za + wb * zb + wc * zc)) > kTolerance;
        };
        const double cell = terrain.cellSize();
        for (const auto &[p, q, wp] : {std::tuple{a, b, 0}, std::tuple{b, c, 1}, std::tuple{c, a, 2}}) {
            const int pieces = int(std::ceil((q - p).length() / cell));
            for (int k = 1; k < pieces; ++k) {
                const double t = double(k) / pieces;
                double w[3] = {0.0, 0.0, 0.0};
                w[wp] = 1.0 - t;
                w[(wp + 1) % 3] = t;
                if (off(p + (q - p) * t, w[0], w[1], w[2]))
                    return true;
            }
        }
        const double det = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
        if (std::abs(det) < 1e-12)
            return false;
        const Bounds2 box = geometry::bounds(Ring{a, b, c});
        const int c0 = int(std::ceil((box.minX - terrain.originX()) / cell));
        const int c1 = int(std::floor((box.maxX - terrain.originX()) / cell));
        const int r0 = int(std::ceil((box.minY - terrain.originY()) / cell));
        const int r1 = int(std::floor((box.maxY - terrain.originY()) / cell));
        for (int r = r0; r <= r1; ++r) {
            for (int col = c0; col <= c1; ++col) {
                const Vec2 p{terrain.originX() + col * cell, terrain.originY() + r * cell};
                const double wa = ((b.y - c.y) * (p.x - c.x) + (c.x - b.x) * (p.y - c.y)) / det;
                const double wb = ((c.y - a.y) * (p.x - c.x) + (a.x - c.x) * (p.y - c.y)) / det;
                const double wc = 1.0 - wa - wb;
                if (wa >= 0.0 && wb >= 0.0 && wc >= 0.0 && off(p, wa, wb, wc))
                    return true;
            }
        }
        return false;
    }

    void triangle(Vec2 a, Vec2 b, Vec2 c, int depth)
    {
        // Bisect the longest edge: the count grows with the area a triangle covers,
        // not with its length as four-way splits of the long slivers a polygon
        // triangulation makes would.
        const double ab = (b - a).length(), bc = (c - b).length(), ca = (a - c).length();
        if (std::max({ab, bc, ca}) > limit && depth < 24 && strays(a, b, c)) {
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
        mesh.addTriangle(corner(a), corner(b), corner(c));
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
    Drape drape{mesh, terrain, lift, color, id, minEdge(terrain, std::max(box.width(), box.height())), {}};
    for (size_t i = 0; i + 2 < triangles.size(); i += 3)
        drape.triangle(points[triangles[i]], points[triangles[i + 1]], points[triangles[i + 2]], 0);
}

osg::ref_ptr<osg::Geometry> zones(const EntityTable<Zone> &zones, const Terrain &terrain,
                                  const std::optional<osg::Vec4ub> &ground)
{
    constexpr int kAlpha = 140;
    MeshBuilder mesh;
    for (const Zone &zone : zones) {
        QColor color = zoneclass::color(zone.zoneClass);
        if (ground) {
            const auto over = [&](int zoneChannel, int groundChannel) {
                return (zoneChannel * kAlpha + groundChannel * (255 - kAlpha) + 127) / 255;
            };
            color = QColor(over(color.red(), ground->r()), over(color.green(), ground->g()),
                           over(color.blue(), ground->b()));
        } else {
            color.setAlpha(kAlpha);
        }
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
