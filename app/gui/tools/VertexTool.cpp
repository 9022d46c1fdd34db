// SPDX-License-Identifier: MIT
#include "VertexTool.h"

#include "Selection.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "edit/OutlineCheck.h"

#include <QMouseEvent>
#include <QPainter>

namespace tt {

namespace {
constexpr double kHandleRadiusPx = 8.0;
constexpr int kVertexMergeBase = 1 << 22;
} // namespace

QString VertexTool::hint() const
{
    return tr("Edit corners: select one building or zone, then drag its corner handles");
}

const Polygon *VertexTool::editedOutline(EntityId *id) const
{
    const QVector<EntityId> &ids = m_context->selection->ids();
    if (ids.size() != 1)
        return nullptr;
    if (id)
        *id = ids.first();
    if (const Building *b = town().buildings.find(ids.first()))
        return &b->footprint;
    if (const Zone *z = town().zones.find(ids.first()))
        return &z->area;
    return nullptr;
}

bool VertexTool::cancel()
{
    if (m_vertex < 0)
        return false;
    m_vertex = -1;
    emit overlayChanged();
    return true;
}

bool VertexTool::mousePress(QMouseEvent *event)
{
    EntityId id = kNoEntity;
    const Polygon *outline = editedOutline(&id);
    if (event->button() != Qt::LeftButton || !outline)
        return false;
    for (int i = 0; i < outline->outer.size(); ++i) {
        QPointF s;
        if (screenPos(outline->outer[i], &s) && QLineF(s, event->position()).length() <= kHandleRadiusPx) {
            m_vertex = i;
            m_entity = id;
            m_planeZ = groundHeight(outline->outer[i]);
            m_refused = false;
            ++m_dragSerial;
            return true;
        }
    }
    return false;
}

bool VertexTool::mouseMove(QMouseEvent *event)
{
    if (m_vertex < 0)
        return false;
    osg::Vec3d world;
    if (!m_context->viewport->pointOnPlane(event->position(), m_planeZ, &world))
        return true;
    const Town &t = town();
    EntitySet changed;
    Polygon outline;
    if (const Building *b = t.buildings.find(m_entity)) {
        Building moved = *b;
        moved.footprint.outer[m_vertex] = Vec2{world.x(), world.y()};
        outline = moved.footprint;
        if (!t.terrain.isEmpty())
            moved.groundM = t.terrain.groundUnder(moved.footprint);
        changed.buildings.append(moved);
    } else if (const Zone *z = t.zones.find(m_entity)) {
        Zone moved = *z;
        moved.area.outer[m_vertex] = Vec2{world.x(), world.y()};
        outline = moved.area;
        changed.zones.append(moved);
    } else {
        return true;
    }
    const Status ok = OutlineCheck::check(outline, t.terrain, tr("Entity %1").arg(m_entity));
    if (!ok) {
        if (!m_refused)
            m_context->refuse(tr("Corner not moved there: %1").arg(ok.message));
        m_refused = true;
        return true;
    }
    document()->modifyEntities(changed, tr("Move a corner"), kVertexMergeBase + m_dragSerial % kVertexMergeBase);
    emit overlayChanged();
    return true;
}

bool VertexTool::mouseRelease(QMouseEvent *)
{
    if (m_vertex < 0)
        return false;
    m_vertex = -1;
    emit overlayChanged();
    return true;
}

void VertexTool::paintOverlay(QPainter &painter)
{
    const Polygon *outline = editedOutline();
    if (!outline)
        return;
    painter.setPen(QPen(QColor(230, 81, 0), 1.5));
    for (int i = 0; i < outline->outer.size(); ++i) {
        QPointF s;
        if (!screenPos(outline->outer[i], &s))
            continue;
        painter.setBrush(i == m_vertex ? QColor(230, 81, 0) : QColor(Qt::white));
        painter.drawRect(QRectF(s.x() - 4, s.y() - 4, 8, 8));
    }
}

} // namespace tt
