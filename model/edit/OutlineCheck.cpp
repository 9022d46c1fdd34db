// SPDX-License-Identifier: MIT
#include "OutlineCheck.h"

#include "core/Terrain.h"

#include <cmath>

namespace tt {

Status OutlineCheck::check(const Polygon &outline, const Terrain &terrain, const QString &what)
{
    if (outline.outer.size() < 3)
        return Status::error(QStringLiteral("%1: an outline needs at least three corners").arg(what));
    for (const Vec2 &v : outline.outer) {
        if (!std::isfinite(v.x) || !std::isfinite(v.y))
            return Status::error(QStringLiteral("%1: a corner has no valid coordinates").arg(what));
    }
    if (geometry::selfIntersects(outline.outer))
        return Status::error(QStringLiteral("%1: the outline crosses itself").arg(what));
    if (geometry::area(outline) < kMinAreaM2)
        return Status::error(QStringLiteral("%1: the outline has (almost) no area, %2 m²")
                                 .arg(what)
                                 .arg(geometry::area(outline), 0, 'f', 2));
    if (!terrain.isEmpty()) {
        for (const Vec2 &v : outline.outer) {
            if (std::isnan(terrain.elevationAt(v)))
                return Status::error(QStringLiteral("%1: a corner at (%2, %3) lies outside the terrain")
                                         .arg(what)
                                         .arg(v.x, 0, 'f', 1)
                                         .arg(v.y, 0, 'f', 1));
        }
    }
    return Status::success();
}

} // namespace tt
