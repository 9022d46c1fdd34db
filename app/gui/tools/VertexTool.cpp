// SPDX-License-Identifier: MIT
#include "VertexTool.h"

#include "Selection.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "edit/EntityEdit.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace tt {

namespace {
constexpr double kHandleRadiusPx = 8.0;
//! A double-click this close to an edge (pixels) adds a corner there.
constexpr double kEdgeRadiusPx = 6.0;
constexpr int kVertexMergeBase = 1 << 22;
} // namespace

QString VertexTool::hint() const
{
    return tr("Edit corners: select one building or zone, then drag its corners; double-click an edge to add a "
              "corner, a corner to remove it");
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

Status VertexTool::setOuter(EntityId id, const Ring &outer, const QString &text, int mergeId)
{
    EntityBatch changed;
    Status ok = entityedit::setOuterRing(town(), id, outer, &changed);
    if (ok)
        ok = document()->modifyEntities(changed, text, mergeId);
    if (ok)
        emit overlayChanged();
    return ok;
}

bool VertexTool::mouseMove(QMouseEvent *event)
{
    if (m_vertex < 0)
        return false;
    osg::Vec3d world;
    EntityId id = kNoEntity;
    const Polygon *outline = editedOutline(&id);
    if (!outline || id != m_entity || !m_context->viewport->pointOnPlane(event->position(), m_planeZ, &world))
        return true;
    Ring outer = outline->outer;
    outer[m_vertex] = Vec2{world.x(), world.y()};
    const Status ok = setOuter(m_entity, outer, tr("Move a corner"), kVertexMergeBase + m_dragSerial % kVertexMergeBase);
    if (!ok && !m_refused)
        m_context->refuse(tr("Corner not moved there: %1").arg(ok.message));
    m_refused = m_refused || !ok;
    return true;
}

bool VertexTool::mouseDoubleClick(QMouseEvent *event)
{
    EntityId id = kNoEntity;
    const Polygon *outline = editedOutline(&id);
    if (event->button() != Qt::LeftButton || !outline)
        return false;
    Ring outer = outline->outer;
    // On a corner: remove it (a triangle keeps its three).
    for (int i = 0; i < outer.size(); ++i) {
        QPointF s;
        if (screenPos(outer[i], &s) && QLineF(s, event->position()).length() <= kHandleRadiusPx) {
            if (outer.size() <= 3) {
                m_context->refuse(tr("An outline needs at least three corners"));
                return true;
            }
            outer.remove(i);
            if (const Status ok = setOuter(id, outer, tr("Remove a corner"), -1); !ok)
                m_context->refuse(tr("Corner not removed: %1").arg(ok.message));
            return true;
        }
    }
    // On an edge: a new corner where the click landed.
    for (int i = 0; i < outer.size(); ++i) {
        QPointF a, b;
        if (!screenPos(outer[i], &a) || !screenPos(outer[(i + 1) % outer.size()], &b))
            continue;
        const Vec2 pa{a.x(), a.y()}, pb{b.x(), b.y()}, p{event->position().x(), event->position().y()};
        if (geometry::distanceToSegment(p, pa, pb) > kEdgeRadiusPx)
            continue;
        osg::Vec3d world;
        if (!m_context->viewport->pointOnPlane(event->position(), groundHeight(outer[i]), &world))
            return true;
        // On the edge itself: the outline keeps its shape until the corner is dragged.
        const Vec2 from = outer[i], to = outer[(i + 1) % outer.size()], clicked{world.x(), world.y()};
        const Vec2 edge = to - from;
        const double t = edge.dot(edge) > 0.0 ? std::clamp((clicked - from).dot(edge) / edge.dot(edge), 0.0, 1.0) : 0.5;
        outer.insert(i + 1, from + edge * t);
        if (const Status ok = setOuter(id, outer, tr("Add a corner"), -1); !ok)
            m_context->refuse(tr("Corner not added: %1").arg(ok.message));
        return true;
    }
    return false;
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
