// SPDX-License-Identifier: MIT
#include "Snapper.h"

#include "core/Town.h"

#include <QSet>

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
    double bestDistance = toleranceM;
    Vec2 pull;
    for (const Building &other : town.buildings) {
        if (moving.contains(other.id) || !reach.intersects(geometry::bounds(other.footprint)))
            continue;
        for (const Vec2 &target : other.footprint.outer) {
            for (const Vec2 &corner : std::as_const(moved)) {
                const double d = (target - corner).length();
                if (d < bestDistance) {
                    bestDistance = d;
                    pull = target - corner;
                }
            }
        }
    }
    return delta + pull;
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
