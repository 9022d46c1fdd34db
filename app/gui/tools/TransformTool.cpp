// SPDX-License-Identifier: MIT
#include "TransformTool.h"

#include "Selection.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "edit/EntityEdit.h"
#include "edit/EntityTransform.h"
#include "edit/Snapper.h"

#include <QMouseEvent>
#include <QPainter>
#include <QUndoStack>

#include <cmath>

namespace tt {

namespace {
//! Merge ids of drags: all steps of one drag share one, the next drag gets another.
constexpr int kDragMergeBase = 1 << 21;
//! Corners of neighbouring buildings closer than this pull a moved corner onto them.
constexpr double kCornerSnapM = 1.5;
} // namespace

TransformTool::TransformTool(Mode mode, ToolContext *context, QObject *parent) : EditTool(context, parent), m_mode(mode) {}

QString TransformTool::name() const
{
    return m_mode == Mode::Move ? tr("Move") : tr("Rotate");
}

QString TransformTool::hint() const
{
    return m_mode == Mode::Move
        ? tr("Move: drag a building or asset (the whole selection moves); snapping to the grid and neighbours' corners and walls when on")
        : tr("Rotate: drag around the selection's centre; snapping to 15° steps and road directions when on");
}

int TransformTool::dragMergeId() const
{
    return kDragMergeBase + m_dragSerial % kDragMergeBase;
}

bool TransformTool::cancel()
{
    if (!m_dragging)
        return false;
    m_dragging = false;
    // Back to where the drag began: withdraw this drag's merged step, and only that.
    if (m_applied)
        document()->withdrawEdit(dragMergeId());
    emit overlayChanged();
    return true;
}

bool TransformTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    osg::Vec3d world;
    EntityId hit = kNoEntity;
    if (!m_context->viewport->pickPoint(event->position(), &world, &hit) || hit == kNoEntity)
        return false;
    const Town &t = town();
    if (!t.buildings.find(hit) && !t.assets.find(hit) && !t.zones.find(hit) && !t.networkNodes.find(hit)
        && !t.networkLinks.find(hit))
        return false;
    if (!m_context->selection->contains(hit))
        m_context->selection->click(hit, false);
    m_ids = m_context->selection->ids();
    m_before = t;
    m_planeZ = world.z();
    m_anchor = Vec2{world.x(), world.y()};
    m_pivot = entityedit::bounds(t, m_ids).center();
    m_dragging = true;
    m_refused = false;
    m_applied = false;
    ++m_dragSerial;
    emit overlayChanged();
    return true;
}

bool TransformTool::mouseMove(QMouseEvent *event)
{
    if (!m_dragging)
        return false;
    osg::Vec3d world;
    if (!m_context->viewport->pointOnPlane(event->position(), m_planeZ, &world))
        return true;
    const Vec2 current{world.x(), world.y()};
    const bool snap = m_context->options.snap;
    EntityTransform transform;
    if (m_mode == Mode::Move) {
        Vec2 delta = current - m_anchor;
        if (snap)
            delta = Snapper::snapMove(m_before, m_ids, delta, m_context->options.gridM, kCornerSnapM);
        transform = EntityTransform(delta);
    } else {
        const Vec2 a = m_anchor - m_pivot, b = current - m_pivot;
        if (a.length() < 1e-6 || b.length() < 1e-6)
            return true;
        double angle = std::atan2(a.cross(b), a.dot(b));
        if (snap)
            angle = Snapper::snapRotation(m_before, m_ids, angle);
        transform = EntityTransform(Vec2{}, angle, m_pivot);
    }
    EntityBatch moved;
    const Status ok = transform.apply(m_before, m_ids, &moved);
    if (!ok) {
        if (!m_refused)
            m_context->refuse(tr("Not moved there: %1").arg(ok.message));
        m_refused = true;
        return true;
    }
    const QString text = tr("%1 %n entities", nullptr, int(m_ids.size())).arg(name());
    if (const Status applied = document()->modifyEntities(moved, text, dragMergeId()); !applied) {
        if (!m_refused)
            m_context->refuse(applied.message);
        m_refused = true;
        return true;
    }
    m_applied = true;
    emit overlayChanged();
    return true;
}

bool TransformTool::mouseRelease(QMouseEvent *)
{
    if (!m_dragging)
        return false;
    m_dragging = false;
    m_before = Town();
    emit overlayChanged();
    return true;
}

void TransformTool::paintOverlay(QPainter &painter)
{
    if (!m_dragging || m_mode != Mode::Rotate)
        return;
    QPointF centre;
    if (!m_context->viewport->project(osg::Vec3d(m_pivot.x, m_pivot.y, m_planeZ), &centre))
        return;
    painter.setPen(QPen(QColor(230, 81, 0), 2));
    painter.drawEllipse(centre, 6, 6);
}

} // namespace tt
