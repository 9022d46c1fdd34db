// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>
#include <cmath>

namespace tt {

//! A point or vector in the site's local metric frame (metres east/north of the site origin).
struct Vec2 {
    double x = 0.0;
    double y = 0.0;

    Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    Vec2 operator*(double s) const { return {x * s, y * s}; }
    bool operator==(Vec2 o) const { return x == o.x && y == o.y; }
    bool operator!=(Vec2 o) const { return !(*this == o); }
    double dot(Vec2 o) const { return x * o.x + y * o.y; }
    double cross(Vec2 o) const { return x * o.y - y * o.x; }
    double length() const { return std::hypot(x, y); }
};

using Ring = QVector<Vec2>;  //!< closed implicitly: the last vertex is not repeated

//! A polygon with one outer ring and any number of holes, in local coordinates.
struct Polygon {
    Ring outer;
    QVector<Ring> holes;

    bool operator==(const Polygon &o) const { return outer == o.outer && holes == o.holes; }
    bool operator!=(const Polygon &o) const { return !(*this == o); }
    bool isEmpty() const { return outer.size() < 3; }
};

//! Axis-aligned bounds; empty until a point is added.
struct Bounds2 {
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;

    bool isEmpty() const { return minX > maxX || minY > maxY; }
    void add(Vec2 p);
    void add(const Bounds2 &b);
    Vec2 center() const { return {(minX + maxX) * 0.5, (minY + maxY) * 0.5}; }
    double width() const { return isEmpty() ? 0.0 : maxX - minX; }
    double height() const { return isEmpty() ? 0.0 : maxY - minY; }
    bool contains(Vec2 p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    bool intersects(const Bounds2 &b) const;
};

namespace geometry {

//! Signed area of a ring (positive when counter-clockwise), shoelace formula.
double signedArea(const Ring &ring);
//! Area of a polygon: outer ring minus holes, always positive.
double area(const Polygon &polygon);
//! Area-weighted centroid of the polygon (outer minus holes); vertex mean for degenerate rings.
Vec2 centroid(const Polygon &polygon);
//! Length of a polyline (open).
double length(const QVector<Vec2> &polyline);
//! Perimeter of a closed ring.
double perimeter(const Ring &ring);
//! Even-odd point-in-polygon test honouring holes.
bool contains(const Polygon &polygon, Vec2 p);
bool contains(const Ring &ring, Vec2 p);
Bounds2 bounds(const Ring &ring);
Bounds2 bounds(const Polygon &polygon);
Bounds2 bounds(const QVector<Vec2> &points, Bounds2 start);
//! True when two non-adjacent edges of the ring cross or touch (a bow-tie footprint).
bool selfIntersects(const Ring &ring);
//! Shortest distance from p to the segment ab.
double distanceToSegment(Vec2 p, Vec2 a, Vec2 b);
//! Translates every vertex by delta.
Polygon translated(const Polygon &polygon, Vec2 delta);
//! Rotates every vertex by angleRad counter-clockwise about pivot.
Polygon rotated(const Polygon &polygon, Vec2 pivot, double angleRad);

} // namespace geometry
} // namespace tt
