// SPDX-License-Identifier: MIT
#include "Geometry.h"

#include <algorithm>

namespace tt {

void Bounds2::add(Vec2 p)
{
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
}

void Bounds2::add(const Bounds2 &b)
{
    if (b.isEmpty())
        return;
    add(Vec2{b.minX, b.minY});
    add(Vec2{b.maxX, b.maxY});
}

bool Bounds2::intersects(const Bounds2 &b) const
{
    return !(b.minX > maxX || b.maxX < minX || b.minY > maxY || b.maxY < minY);
}

namespace geometry {

double signedArea(const Ring &ring)
{
    const int n = ring.size();
    if (n < 3)
        return 0.0;
    // Relative to the first vertex: keeps precision for rings far from the origin.
    const Vec2 o = ring[0];
    double twice = 0.0;
    for (int i = 1; i + 1 < n; ++i)
        twice += (ring[i] - o).cross(ring[i + 1] - o);
    return twice * 0.5;
}

double area(const Polygon &polygon)
{
    double a = std::abs(signedArea(polygon.outer));
    for (const Ring &hole : polygon.holes)
        a -= std::abs(signedArea(hole));
    return std::max(0.0, a);
}

static void accumulateCentroid(const Ring &ring, double sign, double &a, double &cx, double &cy, Vec2 o)
{
    const int n = ring.size();
    if (n < 3)
        return;
    double ringA = 0.0, ringX = 0.0, ringY = 0.0;
    for (int i = 0; i < n; ++i) {
        const Vec2 p = ring[i] - o;
        const Vec2 q = ring[(i + 1) % n] - o;
        const double c = p.cross(q);
        ringA += c;
        ringX += (p.x + q.x) * c;
        ringY += (p.y + q.y) * c;
    }
    // Orient each ring by its own sign so holes subtract whatever their winding.
    const double orient = ringA < 0 ? -1.0 : 1.0;
    a += sign * orient * ringA * 0.5;
    cx += sign * orient * ringX / 6.0;
    cy += sign * orient * ringY / 6.0;
}

Vec2 centroid(const Polygon &polygon)
{
    if (polygon.outer.isEmpty())
        return {};
    const Vec2 o = polygon.outer[0];
    double a = 0.0, cx = 0.0, cy = 0.0;
    accumulateCentroid(polygon.outer, 1.0, a, cx, cy, o);
    for (const Ring &hole : polygon.holes)
        accumulateCentroid(hole, -1.0, a, cx, cy, o);
    if (std::abs(a) < 1e-12) {
        Vec2 mean;
        for (Vec2 p : polygon.outer)
            mean = mean + p;
        return mean * (1.0 / polygon.outer.size());
    }
    return Vec2{o.x + cx / a, o.y + cy / a};
}

double length(const QVector<Vec2> &polyline)
{
    double l = 0.0;
    for (int i = 1; i < polyline.size(); ++i)
        l += (polyline[i] - polyline[i - 1]).length();
    return l;
}

double perimeter(const Ring &ring)
{
    if (ring.size() < 2)
        return 0.0;
    return length(ring) + (ring.first() - ring.last()).length();
}

bool contains(const Ring &ring, Vec2 p)
{
    bool inside = false;
    const int n = ring.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

bool contains(const Polygon &polygon, Vec2 p)
{
    if (!contains(polygon.outer, p))
        return false;
    for (const Ring &hole : polygon.holes)
        if (contains(hole, p))
            return false;
    return true;
}

Bounds2 bounds(const QVector<Vec2> &points, Bounds2 start)
{
    for (Vec2 p : points)
        start.add(p);
    return start;
}

Bounds2 bounds(const Ring &ring)
{
    return bounds(ring, Bounds2{});
}

Bounds2 bounds(const Polygon &polygon)
{
    return bounds(polygon.outer);
}

static int orientation(Vec2 a, Vec2 b, Vec2 c)
{
    const double v = (b - a).cross(c - a);
    const double eps = 1e-12 * std::max(1.0, (b - a).length() * (c - a).length());
    return v > eps ? 1 : (v < -eps ? -1 : 0);
}

static bool onSegment(Vec2 a, Vec2 b, Vec2 p)
{
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y
        && p.y <= std::max(a.y, b.y);
}

static bool segmentsIntersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4)
        return true;
    return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) || (o3 == 0 && onSegment(c, d, a))
        || (o4 == 0 && onSegment(c, d, b));
}

bool selfIntersects(const Ring &ring)
{
    const int n = ring.size();
    if (n < 4)
        return false;
    // O(n²) is fine: footprints and zones have tens to hundreds of vertices.
    for (int i = 0; i < n; ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % n];
        for (int j = i + 1; j < n; ++j) {
            if (j == i + 1 || (i == 0 && j == n - 1))
                continue;  // adjacent edges share a vertex
            if (segmentsIntersect(a, b, ring[j], ring[(j + 1) % n]))
                return true;
        }
    }
    return false;
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b)
{
    const Vec2 ab = b - a;
    const double len2 = ab.dot(ab);
    if (len2 <= 0.0)
        return (p - a).length();
    const double t = std::clamp((p - a).dot(ab) / len2, 0.0, 1.0);
    return (p - (a + ab * t)).length();
}

static Ring transformedRing(const Ring &ring, Vec2 pivot, double c, double s, Vec2 delta)
{
    Ring out;
    out.reserve(ring.size());
    for (Vec2 p : ring) {
        const Vec2 d = p - pivot;
        out.append(Vec2{pivot.x + d.x * c - d.y * s + delta.x, pivot.y + d.x * s + d.y * c + delta.y});
    }
    return out;
}

static Polygon transformed(const Polygon &polygon, Vec2 pivot, double angleRad, Vec2 delta)
{
    const double c = std::cos(angleRad), s = std::sin(angleRad);
    Polygon out;
    out.outer = transformedRing(polygon.outer, pivot, c, s, delta);
    for (const Ring &hole : polygon.holes)
        out.holes.append(transformedRing(hole, pivot, c, s, delta));
    return out;
}

Polygon translated(const Polygon &polygon, Vec2 delta)
{
    return transformed(polygon, Vec2{}, 0.0, delta);
}

Polygon rotated(const Polygon &polygon, Vec2 pivot, double angleRad)
{
    return transformed(polygon, pivot, angleRad, Vec2{});
}

} // namespace geometry
} // namespace tt
