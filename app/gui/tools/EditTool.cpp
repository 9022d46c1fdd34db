// SPDX-License-Identifier: MIT
#include "EditTool.h"

#include "ViewportWidget.h"
#include "core/Document.h"

#include <cmath>

namespace tt {

EditTool::EditTool(ToolContext *context, QObject *parent) : QObject(parent), m_context(context) {}

const Town &EditTool::town() const
{
    return m_context->document->town();
}

double EditTool::groundHeight(Vec2 local) const
{
    const double h = town().terrain.elevationAt(local);
    if (!std::isnan(h))
        return h;
    const double lowest = town().terrain.minElevation();
    return std::isnan(lowest) ? 0.0 : lowest;
}

bool EditTool::groundAt(const QPointF &pos, Vec2 *local, EntityId *hit) const
{
    osg::Vec3d world;
    EntityId id = kNoEntity;
    if (!m_context->viewport->pickPoint(pos, &world, &id)
        && !m_context->viewport->pointOnPlane(pos, groundHeight(Vec2{}), &world))
        return false;
    *local = Vec2{world.x(), world.y()};
    if (hit)
        *hit = id;
    return true;
}

bool EditTool::screenPos(Vec2 local, QPointF *pos) const
{
    return m_context->viewport->project(osg::Vec3d(local.x, local.y, groundHeight(local)), pos);
}

} // namespace tt
