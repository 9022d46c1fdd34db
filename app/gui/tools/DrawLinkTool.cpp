// SPDX-License-Identifier: MIT
#include "DrawLinkTool.h"

#include "Selection.h"
#include "core/Document.h"
#include "edit/EntityEdit.h"

#include <QMouseEvent>
#include <QPainter>

namespace tt {

namespace {
constexpr int kClickSlop = 4;
} // namespace

QString DrawLinkTool::hint() const
{
    return m_start == kNoEntity ? tr("Draw %1 link: click near a node of that network to start; drag orbits")
                                      .arg(networkcarrier::label(m_context->options.network))
                                : tr("Draw network link from node %1: click near another node of its network, or "
                                     "anywhere for a new junction; Esc drops it")
                                      .arg(m_start);
}

bool DrawLinkTool::cancel()
{
    if (m_start == kNoEntity)
        return false;
    m_start = kNoEntity;
    emit overlayChanged();
    return true;
}

void DrawLinkTool::paintOverlay(QPainter &painter)
{
    const NetworkNode *start = town().networkNodes.find(m_start);
    QPointF from;
    if (!start || !screenPos(start->position, &from))
        return;
    painter.setPen(QPen(QColor(40, 40, 40), 3.0, Qt::DashLine));
    painter.drawLine(from, m_cursor);
}

bool DrawLinkTool::mousePress(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position().toPoint();
    return false;  // a drag from here still orbits
}

bool DrawLinkTool::mouseMove(QMouseEvent *event)
{
    m_cursor = event->position();
    if (m_start != kNoEntity)
        emit overlayChanged();
    return false;
}

bool DrawLinkTool::mouseRelease(QMouseEvent *event)
{
    if (!m_pressed || (event->position().toPoint() - m_pressPos).manhattanLength() > kClickSlop)
        return false;
    m_pressed = false;
    Vec2 ground;
    if (!groundAt(event->position(), &ground)) {
        m_context->refuse(tr("Click on the ground to draw a network link"));
        return true;
    }
    clickAt(ground);
    return true;
}

EntityId DrawLinkTool::nearestNode(Vec2 p) const
{
    const NetworkNode *start = town().networkNodes.find(m_start);
    EntityId best = kNoEntity;
    double bestM = kReachM;
    for (const NetworkNode &n : town().networkNodes) {
        if (n.carrier != m_context->options.network || (start && (n.kv != start->kv || n.id == start->id)))
            continue;
        if (const double d = (n.position - p).length(); d <= bestM) {
            bestM = d;
            best = n.id;
        }
    }
    return best;
}

bool DrawLinkTool::clickAt(Vec2 ground)
{
    const EntityId node = nearestNode(ground);
    if (m_start == kNoEntity) {
        if (node == kNoEntity) {
            m_context->refuse(tr("No %1 node within %2 m of the click: start a link at a node of that network "
                                 "(the options bar chooses the network)")
                                  .arg(networkcarrier::label(m_context->options.network))
                                  .arg(kReachM));
            return false;
        }
        m_start = node;
        emit overlayChanged();
        return true;
    }
    EntityBatch added;
    if (Status s = entityedit::newLink(town(), m_start, node, ground, &added); !s) {
        m_context->refuse(s.message);
        return false;
    }
    const QVector<EntityId> ids = document()->addEntities(added, tr("Draw network link"));
    m_context->selection->set({ids.last()});
    m_start = kNoEntity;
    emit overlayChanged();
    return true;
}

} // namespace tt
