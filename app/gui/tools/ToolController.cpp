// SPDX-License-Identifier: MIT
#include "ToolController.h"

#include "EditTool.h"
#include "Selection.h"
#include "ToolOverlay.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "edit/EntityEdit.h"
#include "edit/EntityTransform.h"

#include <QKeyEvent>

namespace tt {

namespace {
//! Merge ids of nudges: consecutive arrow presses on the same selection are one undo step.
constexpr int kNudgeMergeBase = 1 << 20;
//! Copies land this far east and south of the originals, clear of them for typical blocks.
constexpr double kDuplicateOffsetM = 20.0;
} // namespace

ToolController::ToolController(ToolContext *context, QObject *parent)
    : QObject(parent), m_context(context), m_overlay(new ToolOverlay(context->viewport))
{
    m_overlay->setController(this);
    m_context->viewport->setInteraction(this);
    connect(m_context->selection, &Selection::changed, this, [this] { ++m_nudgeSerial; });
}

ToolController::~ToolController()
{
    m_context->viewport->setInteraction(nullptr);
}

void ToolController::addTool(EditTool *tool)
{
    tool->setParent(this);
    m_tools.append(tool);
    connect(tool, &EditTool::overlayChanged, m_overlay, qOverload<>(&QWidget::update));
    if (!m_active)
        setActiveTool(tool);
}

void ToolController::setActiveTool(EditTool *tool)
{
    if (tool == m_active)
        return;
    if (m_active)
        m_active->cancel();
    m_active = tool;
    m_overlay->update();
    emit activeToolChanged(tool);
}

void ToolController::deleteSelection()
{
    if (m_context->selection->ids().isEmpty())
        return;
    // A deleted network node takes the links that end at it along.
    const QVector<EntityId> ids = entityedit::withAttachedLinks(m_context->document->town(), m_context->selection->ids());
    if (const Status removed = m_context->document->removeEntities(ids, tr("Delete %n entities", nullptr, int(ids.size())));
        !removed)
        m_context->refuse(removed.message);
}

void ToolController::duplicateSelection()
{
    const QVector<EntityId> ids = m_context->selection->ids();
    if (ids.isEmpty())
        return;
    EntityBatch copies;
    const Status ok = duplicateEntities(m_context->document->town(), ids, Vec2{kDuplicateOffsetM, -kDuplicateOffsetM}, &copies);
    if (!ok) {
        m_context->refuse(tr("Not duplicated: %1").arg(ok.message));
        return;
    }
    if (copies.isEmpty())
        return;
    const QVector<EntityId> added = m_context->document->addEntities(copies, tr("Duplicate %n entities", nullptr, copies.size()));
    m_context->selection->set(added);
}

void ToolController::nudgeSelection(Vec2 delta)
{
    const QVector<EntityId> ids = m_context->selection->ids();
    if (ids.isEmpty())
        return;
    EntityBatch moved;
    const Status ok = EntityTransform(delta).apply(m_context->document->town(), ids, &moved);
    if (!ok) {
        m_context->refuse(tr("Not moved: %1").arg(ok.message));
        return;
    }
    const Status applied = m_context->document->modifyEntities(moved, tr("Nudge %n entities", nullptr, int(ids.size())),
                                                               kNudgeMergeBase + m_nudgeSerial % kNudgeMergeBase);
    if (!applied)
        m_context->refuse(applied.message);
}

bool ToolController::mousePress(QMouseEvent *event)
{
    return m_active && m_active->mousePress(event);
}

bool ToolController::mouseMove(QMouseEvent *event)
{
    return m_active && m_active->mouseMove(event);
}

bool ToolController::mouseRelease(QMouseEvent *event)
{
    return m_active && m_active->mouseRelease(event);
}

bool ToolController::mouseDoubleClick(QMouseEvent *event)
{
    return m_active && m_active->mouseDoubleClick(event);
}

bool ToolController::keyPress(QKeyEvent *event)
{
    if (m_active && m_active->keyPress(event))
        return true;
    const double step = event->modifiers() & Qt::ShiftModifier ? 10.0 : 1.0;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_active && !m_active->cancel()) {
            if (m_active != m_tools.value(0))
                setActiveTool(m_tools.value(0));
            else
                m_context->selection->clear();
        }
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        return true;
    case Qt::Key_Left: nudgeSelection({-step, 0}); return true;
    case Qt::Key_Right: nudgeSelection({step, 0}); return true;
    case Qt::Key_Up: nudgeSelection({0, step}); return true;
    case Qt::Key_Down: nudgeSelection({0, -step}); return true;
    default: return false;
    }
}

} // namespace tt
