// SPDX-License-Identifier: MIT
#include "Snapper.h"

#include "core/Town.h"

#include <QSet>

#include <algorithm>

#include <cmath>

namespace tt {

namespace {

//! Angle folded into [-45°, 45°): buildings and roads are symmetric under quarter turns.
double foldQuarter(double a)
{
    const double q = M_PI / 2.0;
    return a - q * std::floor(a / q + 0.5);
}

double longestEdgeAngle(const Ring &ring)
{
    double best = -1.0, angle = 0.0;
    for (int i = 0; i < ring.size(); ++i) {
        const Vec2 d = ring[(i + 1) % ring.size()] - ring[i];
        if (d.length() > best) {
            best = d.length();
            angle = std::atan2(d.y, d.x);
        }
    }
    return angle;
}

} // namespace

Vec2 Snapper::snapMove(const Town &town, const QVector<EntityId> &ids, Vec2 delta, double gridM, double toleranceM)
{
    if (gridM > 0.0)
        delta = Vec2{gridM * std::round(delta.x / gridM), gridM * std::round(delta.y / gridM)};
    if (toleranceM <= 0.0)
        return delta;
    const QSet<EntityId> moving(ids.begin(), ids.end());
    QVector<Vec2> moved;
    Bounds2 reach;
    for (const EntityId id : ids) {
        if (const Building *b = town.buildings.find(id)) {
            for (const Vec2 &v : b->footprint.outer) {
                moved.append(v + delta);
                reach.add(v + delta);
            }
        }
    }
    if (moved.isEmpty())
        return delta;
    reach.minX -= toleranceM;
    reach.minY -= toleranceM;
    reach.maxX += toleranceM;
    reach.maxY += toleranceM;
    // Corners first (they meet exactly), then the nearest point of an edge, so a
    // block slides flush along its neighbour's wall.
    double bestCorner = toleranceM, bestEdge = toleranceM;
    Vec2 cornerPull, edgePull;
    bool onCorner = false, onEdge = false;
    for (const Building &other : town.buildings) {
        if (moving.contains(other.id) || !reach.intersects(geometry::bounds(other.footprint)))
            continue;
        const Ring &ring = other.footprint.outer;
        for (int i = 0; i < ring.size(); ++i) {
            const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
            for (const Vec2 &corner : std::as_const(moved)) {
                const double toCorner = (a - corner).length();
                if (toCorner < bestCorner) {
                    bestCorner = toCorner;
                    cornerPull = a - corner;
                    onCorner = true;
                }
                const Vec2 ab = b - a;
                const double len2 = ab.dot(ab);
                const double t = len2 > 0.0 ? std::clamp((corner - a).dot(ab) / len2, 0.0, 1.0) : 0.0;
                const Vec2 foot = a + ab * t;
                const double toEdge = (foot - corner).length();
                if (toEdge < bestEdge) {
                    bestEdge = toEdge;
                    edgePull = foot - corner;
                    onEdge = true;
                }
            }
        }
    }
    return onCorner ? delta + cornerPull : onEdge ? delta + edgePull : delta;
}

double Snapper::snapRotation(const Town &town, const QVector<EntityId> &ids, double angleRad)
{
    const Building *first = nullptr;
    for (const EntityId id : ids)
        if ((first = town.buildings.find(id)))
            break;
    if (first && !town.roads.isEmpty()) {
        const double edge = longestEdgeAngle(first->footprint.outer);
        double best = kRoadToleranceRad;
        double snapped = angleRad;
        for (const Road &road : town.roads) {
            for (int i = 0; i + 1 < road.line.size(); ++i) {
                const Vec2 d = road.line[i + 1] - road.line[i];
                if (d.length() <= 0.0)
                    continue;
                // The rotation that brings the edge onto this road direction, nearest to the asked one.
                const double candidate = angleRad + foldQuarter(std::atan2(d.y, d.x) - (edge + angleRad));
                if (std::abs(candidate - angleRad) < best) {
                    best = std::abs(candidate - angleRad);
                    snapped = candidate;
                }
            }
        }
        if (best < kRoadToleranceRad)
            return snapped;
    }
    return kStepRad * std::round(angleRad / kStepRad);
}

} // namespace tt
