// SPDX-License-Identifier: MIT
#include "SelectTool.h"

#include "Selection.h"
#include "ViewportWidget.h"
#include "core/Town.h"

#include <QMouseEvent>
#include <QPainter>

namespace tt {

namespace {
//! Movement under this many pixels is a click, not a drag.
constexpr int kClickSlop = 4;
} // namespace

QString SelectTool::hint() const
{
    return tr("Select: click a building, zone or asset; Shift+click adds; Shift+drag selects a box; drag orbits");
}

bool SelectTool::cancel()
{
    if (!m_boxing)
        return false;
    m_boxing = false;
    emit overlayChanged();
    return true;
}

bool SelectTool::mousePress(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || !(event->modifiers() & Qt::ShiftModifier))
        return false;  // plain clicks select through the viewport's pick; drags orbit
    m_boxing = true;
    m_box = QRect(m_pressPos, m_pressPos);
    return true;
}

bool SelectTool::mouseMove(QMouseEvent *event)
{
    if (!m_boxing)
        return false;
    m_box = QRect(m_pressPos, event->position().toPoint()).normalized();
    emit overlayChanged();
    return true;
}

bool SelectTool::mouseRelease(QMouseEvent *event)
{
    if (!m_boxing)
        return false;
    m_boxing = false;
    m_box = QRect(m_pressPos, event->position().toPoint()).normalized();
    emit overlayChanged();
    if ((event->position().toPoint() - m_pressPos).manhattanLength() <= kClickSlop) {
        EntityId id = kNoEntity;
        osg::Vec3d world;
        if (m_context->viewport->pickPoint(event->position(), &world, &id) && id != kNoEntity)
            m_context->selection->click(id, true);
        return true;
    }
    m_context->selection->add(entitiesIn(m_box));
    return true;
}

QVector<EntityId> SelectTool::entitiesIn(const QRect &box) const
{
    QVector<EntityId> ids;
    const Town &t = town();
    const auto inside = [this, &box](Vec2 p, double z) {
        QPointF s;
        return m_context->viewport->project(osg::Vec3d(p.x, p.y, z), &s) && box.contains(s.toPoint());
    };
    for (const Building &b : t.buildings)
        if (inside(geometry::centroid(b.footprint), b.groundM + b.heightM * 0.5))
            ids.append(b.id);
    for (const EnergyAsset &a : t.assets)
        if (inside(a.position, groundHeight(a.position)))
            ids.append(a.id);
    for (const Zone &z : t.zones) {
        bool all = !z.area.outer.isEmpty();
        for (const Vec2 &v : z.area.outer)
            all = all && inside(v, groundHeight(v));
        if (all)
            ids.append(z.id);
    }
    return ids;
}

void SelectTool::paintOverlay(QPainter &painter)
{
    if (!m_boxing)
        return;
    painter.setPen(QPen(QColor(25, 118, 210), 1.5, Qt::DashLine));
    painter.setBrush(QColor(25, 118, 210, 40));
    painter.drawRect(m_box);
}

} // namespace tt
