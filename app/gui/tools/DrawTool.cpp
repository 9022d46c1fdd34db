// SPDX-License-Identifier: MIT
#include "DrawTool.h"

#include "Selection.h"
#include "core/Document.h"
#include "edit/EntityEdit.h"
#include "edit/OutlineCheck.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace tt {

namespace {
constexpr int kClickSlop = 4;
//! A click this close (pixels) to the first corner closes the outline.
constexpr double kCloseRadiusPx = 10.0;
//! Corners closer than this are one corner (a double-click's second press).
constexpr double kSameCornerM = 0.05;
} // namespace

DrawTool::DrawTool(Target target, ToolContext *context, QObject *parent) : EditTool(context, parent), m_target(target) {}

QString DrawTool::name() const
{
    return m_target == Target::Building ? tr("Draw building") : tr("Draw zone");
}

QString DrawTool::hint() const
{
    return tr("%1: click corners, double-click or Enter to finish, or drag a rectangle; Backspace removes a corner, "
              "Esc cancels")
        .arg(name());
}

bool DrawTool::cancel()
{
    const bool had = !m_corners.isEmpty() || m_pressed;
    m_corners.clear();
    m_pressed = m_rectangle = false;
    emit overlayChanged();
    return had;
}

void DrawTool::addCorner(Vec2 p)
{
    if (!m_corners.isEmpty() && (m_corners.last() - p).length() < kSameCornerM)
        return;
    m_corners.append(p);
    emit overlayChanged();
}

Polygon DrawTool::rectangle(Vec2 a, Vec2 b) const
{
    return Polygon{{{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::min(a.y, b.y)},
                    {std::max(a.x, b.x), std::max(a.y, b.y)}, {std::min(a.x, b.x), std::max(a.y, b.y)}},
                   {}};
}

bool DrawTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    Vec2 p;
    if (!groundAt(event->position(), &p))
        return true;
    m_pressPos = event->position().toPoint();
    m_pressPoint = p;
    m_pressed = true;
    m_rectangle = false;
    return true;
}

bool DrawTool::mouseMove(QMouseEvent *event)
{
    Vec2 p;
    m_hasHover = groundAt(event->position(), &p);
    if (m_hasHover)
        m_hover = p;
    if (m_pressed && m_corners.isEmpty() && (event->position().toPoint() - m_pressPos).manhattanLength() > kClickSlop)
        m_rectangle = true;
    emit overlayChanged();
    return m_pressed;  // hovering leaves the camera alone anyway; a held button draws
}

bool DrawTool::mouseRelease(QMouseEvent *event)
{
    if (!m_pressed)
        return false;
    m_pressed = false;
    if (m_rectangle) {
        m_rectangle = false;
        Vec2 p;
        if (groundAt(event->position(), &p)) {
            const Polygon r = rectangle(m_pressPoint, p);
            m_corners = r.outer;
            finish();
        }
        return true;
    }
    if (m_corners.size() >= 3) {
        QPointF first;
        if (screenPos(m_corners.first(), &first)
            && QLineF(first, event->position()).length() <= kCloseRadiusPx) {
            finish();
            return true;
        }
    }
    addCorner(m_pressPoint);
    return true;
}

bool DrawTool::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_corners.size() < 3)
        return false;
    finish();
    return true;
}

bool DrawTool::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_corners.isEmpty())
            return false;
        finish();
        return true;
    case Qt::Key_Backspace:
        if (m_corners.isEmpty())
            return false;  // nothing drawn: Backspace deletes the selection as everywhere
        m_corners.removeLast();
        emit overlayChanged();
        return true;
    default:
        return false;
    }
}

bool DrawTool::finish()
{
    Polygon outline{m_corners, {}};
    if (geometry::signedArea(outline.outer) < 0.0)
        std::reverse(outline.outer.begin(), outline.outer.end());  // outer rings run counter-clockwise
    const QString what = m_target == Target::Building ? tr("The new building") : tr("The new zone");
    const Status ok = OutlineCheck::check(outline, town().terrain, what);
    m_corners.clear();
    emit overlayChanged();
    if (!ok) {
        m_context->refuse(ok.message);
        return false;
    }
    const ToolOptions &o = m_context->options;
    EntityBatch set;
    if (m_target == Target::Building) {
        Building b;
        b.use = o.use;
        entityedit::setStoreys(&b, o.levels);
        b.footprint = outline;
        entityedit::reseat(&b, town().terrain);
        b.name = tr("New %1").arg(buildinguse::label(o.use).toLower());
        set.buildings.append(b);
    } else {
        Zone z;
        z.zoneClass = o.zoneClass;
        z.area = outline;
        z.name = tr("New %1 zone").arg(zoneclass::label(o.zoneClass).toLower());
        set.zones.append(z);
    }
    const QVector<EntityId> ids = document()->addEntities(set, m_target == Target::Building ? tr("Draw building") : tr("Draw zone"));
    m_context->selection->set(ids);
    return true;
}

void DrawTool::paintOverlay(QPainter &painter)
{
    QPolygonF line;
    const auto add = [this, &line](Vec2 p) {
        QPointF s;
        if (screenPos(p, &s))
            line << s;
    };
    if (m_rectangle && m_hasHover) {
        for (const Vec2 &p : rectangle(m_pressPoint, m_hover).outer)
            add(p);
        if (!line.isEmpty())
            line << line.first();
    } else {
        for (const Vec2 &p : m_corners)
            add(p);
        if (m_hasHover && !m_corners.isEmpty())
            add(m_hover);
    }
    if (line.isEmpty())
        return;
    painter.setPen(QPen(QColor(25, 118, 210), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(line);
    painter.setBrush(Qt::white);
    for (const QPointF &p : std::as_const(line))
        painter.drawEllipse(p, 3.5, 3.5);
}

} // namespace tt
