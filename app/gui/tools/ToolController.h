// SPDX-License-Identifier: MIT
#pragma once

#include "ToolContext.h"
#include "ViewportInteraction.h"
#include "core/Geometry.h"

#include <QObject>
#include <QVector>

namespace tt {

class EditTool;
class ToolOverlay;

//! Owns the editing tools and is the viewport's interaction: hands gestures to
//! the active tool and handles the keys every tool shares (Esc cancels or
//! leaves the tool, Delete deletes, arrows nudge 1 m, 10 m with Shift).
class ToolController : public QObject, public ViewportInteraction {
    Q_OBJECT
public:
    ToolController(ToolContext *context, QObject *parent = nullptr);
    ~ToolController() override;

    //! Takes ownership; the first tool added is the default (Esc returns to it).
    void addTool(EditTool *tool);
    EditTool *activeTool() const { return m_active; }
    void setActiveTool(EditTool *tool);
    const QVector<EditTool *> &tools() const { return m_tools; }

    //! Edits of the selection, each one undo step.
    void deleteSelection();
    void duplicateSelection();
    void nudgeSelection(Vec2 delta);

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;

signals:
    void activeToolChanged(tt::EditTool *tool);

private:
    ToolContext *m_context;
    QVector<EditTool *> m_tools;
    EditTool *m_active = nullptr;
    ToolOverlay *m_overlay;
    int m_nudgeSerial = 0;
};

} // namespace tt
