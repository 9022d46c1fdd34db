// SPDX-License-Identifier: MIT
#include "FeatureGeometry_p.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <cmath>
#include <memory>

namespace tt::featuregeometry {

namespace {

// Larger than any projected coordinate on Earth (the equator is 4e7 m long), so
// anything beyond is a broken export, not a place.
constexpr double kAbsurdCoordinate = 1e9;
// Our own ring test compares every pair of edges: instant for footprints (tens to
// hundreds of vertices), hours for a million-vertex ring. Bigger rings go to GEOS.
constexpr int kMaxRingForPairTest = 1000;

//! Ok: valid; Doubtful: GEOS must decide (our quick test saw edges cross or touch, which
//! its tolerance also reports for valid rings with tiny edges, or the ring is too big for
//! it); Rejected: unusable.
enum class PartState { Ok, Doubtful, Rejected };

// Whether a ring needs GEOS to tell whether it is valid.
bool doubtful(const Ring &ring)
{
    return ring.size() > kMaxRingForPairTest || geometry::selfIntersects(ring);
}

QString typeName(const OGRGeometry *g)
{
    return QString::fromLatin1(OGRGeometryTypeToName(g->getGeometryType()));
}

// Reads the vertices straight into Vec2 storage (strided), then drops the closing
// vertex and consecutive duplicates that OSM and CAD exports are full of.
bool readCurve(const OGRSimpleCurve *curve, QVector<Vec2> *points, QString *problem)
{
    const int n = curve->getNumPoints();
    points->resize(n);
    if (n == 0)
        return true;
    curve->getPoints(&(*points)[0].x, int(sizeof(Vec2)), &(*points)[0].y, int(sizeof(Vec2)));
    int kept = 0;
    for (int i = 0; i < n; ++i) {
        const Vec2 p = (*points)[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            *problem = QStringLiteral("coordinate %1 is not a number (NaN or infinite)").arg(i);
            return false;
        }
        if (std::abs(p.x) > kAbsurdCoordinate || std::abs(p.y) > kAbsurdCoordinate) {
            *problem = QStringLiteral("absurd coordinate (%1, %2)").arg(p.x, 0, 'g', 6).arg(p.y, 0, 'g', 6);
            return false;
        }
        if (kept > 0 && (*points)[kept - 1] == p)
            continue;
        (*points)[kept++] = p;
    }
    points->resize(kept);
    return true;
}

PartState readPolygon(const OGRPolygon *polygon, Polygon *out, QString *problem)
{
    const OGRLinearRing *exterior = polygon->getExteriorRing();
    if (!exterior || exterior->IsEmpty()) {
        *problem = QStringLiteral("empty polygon");
        return PartState::Rejected;
    }
    if (!readCurve(exterior, &out->outer, problem))
        return PartState::Rejected;
    if (out->outer.size() > 1 && out->outer.first() == out->outer.last())
        out->outer.removeLast();
    if (out->outer.size() < 3) {
        *problem = QStringLiteral("degenerate footprint (fewer than 3 distinct vertices)");
        return PartState::Rejected;
    }
    bool doubt = doubtful(out->outer);
    for (int i = 0; i < polygon->getNumInteriorRings(); ++i) {
        Ring hole;
        if (!readCurve(polygon->getInteriorRing(i), &hole, problem))
            return PartState::Rejected;
        if (hole.size() > 1 && hole.first() == hole.last())
            hole.removeLast();
        if (hole.size() < 3)
            continue;  // a collapsed courtyard adds nothing to the footprint
        doubt = doubt || doubtful(hole);
        out->holes.append(hole);
    }
    if (doubt)
        return PartState::Doubtful;
    if (!(geometry::area(*out) > 0.0)) {
        *problem = QStringLiteral("zero area");
        return PartState::Rejected;
    }
    return PartState::Ok;
}

// Collects polygon parts of any polygonal geometry (also what MakeValid returns:
// a GeometryCollection mixing polygons with collapsed lines, which are dropped).
PartState collectPolygons(const OGRGeometry *g, QVector<Polygon> *parts, QString *problem)
{
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        Polygon p;
        const PartState state = readPolygon(g->toPolygon(), &p, problem);
        if (state != PartState::Rejected)
            parts->append(p);  // doubtful parts stay only if GEOS finds the geometry valid
        return state;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        PartState worst = PartState::Ok;
        for (const OGRGeometry *part : *g->toGeometryCollection()) {
            const PartState state = collectPolygons(part, parts, problem);
            if (state == PartState::Doubtful)
                worst = state;
        }
        return worst;
    }
    case wkbLineString:
    case wkbPoint:
    case wkbMultiLineString:
    case wkbMultiPoint:
        if (problem->isEmpty())
            *problem = QStringLiteral("%1 where a polygon is expected").arg(typeName(g));
        return PartState::Rejected;
    default:
        if (g->hasCurveGeometry()) {
            const std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            return collectPolygons(linear.get(), parts, problem);
        }
        *problem = QStringLiteral("%1 where a polygon is expected").arg(typeName(g));
        return PartState::Rejected;
    }
}

} // namespace

Polygons polygons(const OGRGeometry *geometry)
{
    Polygons result;
    if (!geometry || geometry->IsEmpty()) {
        result.problem = QStringLiteral("no geometry");
        return result;
    }
    // Our own ring test is much cheaper than GEOS IsValid on every feature; GEOS only
    // runs for the few features it doubts, and repairs only those GEOS finds invalid.
    if (collectPolygons(geometry, &result.parts, &result.problem) == PartState::Doubtful && !geometry->IsValid()) {
        result.parts.clear();
        const std::unique_ptr<OGRGeometry> valid(geometry->MakeValid());
        QString ignored;
        if (valid)
            collectPolygons(valid.get(), &result.parts, &ignored);
        if (result.parts.isEmpty()) {
            result.problem = QStringLiteral("self-intersecting polygon that MakeValid cannot repair");
            return result;
        }
        result.repair = QStringLiteral("self-intersecting polygon repaired with MakeValid (%1 part(s) kept)")
                            .arg(result.parts.size());
    }
    if (!result.parts.isEmpty())
        result.problem.clear();
    result.wrongType = result.parts.isEmpty() && result.problem.endsWith(QLatin1String("where a polygon is expected"));
    return result;
}

Lines lines(const OGRGeometry *geometry)
{
    Lines result;
    if (!geometry || geometry->IsEmpty()) {
        result.problem = QStringLiteral("no geometry");
        return result;
    }
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbLineString) {
        QVector<Vec2> line;
        if (!readCurve(geometry->toLineString(), &line, &result.problem))
            return result;
        if (line.size() < 2) {
            result.problem = QStringLiteral("line with fewer than 2 distinct vertices");
            return result;
        }
        result.parts.append(line);
        return result;
    }
    if (type == wkbMultiLineString) {
        for (const OGRGeometry *part : *geometry->toGeometryCollection()) {
            Lines sub = lines(part);
            result.parts += sub.parts;
            if (result.problem.isEmpty()) {
                result.problem = sub.problem;
                result.wrongType = sub.wrongType;
            }
        }
        if (!result.parts.isEmpty()) {
            result.problem.clear();
            result.wrongType = false;
        }
        return result;
    }
    if (geometry->hasCurveGeometry() && (type == wkbCompoundCurve || type == wkbCircularString || type == wkbMultiCurve)) {
        const std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
        return lines(linear.get());
    }
    result.problem = QStringLiteral("%1 where a line is expected").arg(typeName(geometry));
    result.wrongType = true;
    return result;
}

bool firstVertex(const OGRGeometry *geometry, Vec2 *vertex)
{
    if (!geometry || geometry->IsEmpty())
        return false;
    const auto handle = OGRGeometry::ToHandle(const_cast<OGRGeometry *>(geometry));
    if (OGR_G_GetGeometryCount(handle) > 0)
        return firstVertex(OGRGeometry::FromHandle(OGR_G_GetGeometryRef(handle, 0)), vertex);
    if (OGR_G_GetPointCount(handle) < 1)
        return false;
    *vertex = Vec2{OGR_G_GetX(handle, 0), OGR_G_GetY(handle, 0)};
    return true;
}

} // namespace tt::featuregeometry
