// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"
#include "core/Town.h"

namespace tt {

//! Drags the selection across the terrain (Move) or turns it about its centre
//! (Rotate). Pressing on an unselected entity selects it first; pressing on
//! nothing orbits. Every drag is one undo step; buildings stay seated on the
//! ground; an invalid position (off the terrain) is refused and the last valid
//! one kept.
class TransformTool : public EditTool {
    Q_OBJECT
public:
    enum class Mode { Move, Rotate };
    TransformTool(Mode mode, ToolContext *context, QObject *parent);

    QString name() const override;
    QString hint() const override;
    bool cancel() override;
    void paintOverlay(QPainter &painter) override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;

private:
    //! The merge id of this drag's edits: they are one undo step, and Esc withdraws only it.
    int dragMergeId() const;

    Mode m_mode;
    bool m_dragging = false;
    Town m_before;                 //!< the town when the drag began: every step transforms from it
    QVector<EntityId> m_ids;
    double m_planeZ = 0.0;         //!< drag on the horizontal plane through the grabbed point
    Vec2 m_anchor;
    Vec2 m_pivot;
    int m_dragSerial = 0;
    bool m_refused = false;        //!< one refusal message per drag, not one per mouse move
    bool m_applied = false;
};

} // namespace tt
