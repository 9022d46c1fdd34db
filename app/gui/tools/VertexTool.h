// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"
#include "core/Status.h"

namespace tt {

//! Edits the corners of one selected building footprint or zone: handles on
//! each corner, drag one to move it, double-click an edge to add a corner or a
//! corner to remove it. One undo step per drag or double-click; an outline that
//! would cross itself or leave the terrain is refused and the last valid kept.
class VertexTool : public EditTool {
    Q_OBJECT
public:
    using EditTool::EditTool;

    QString name() const override { return tr("Edit corners"); }
    QString hint() const override;
    bool cancel() override;
    void paintOverlay(QPainter &painter) override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;

    //! The outline being edited: the single selected building's or zone's, else null.
    const Polygon *editedOutline(EntityId *id = nullptr) const;

private:
    //! Replaces the outer ring of a building (reseated) or zone as one command; refused when invalid.
    Status setOuter(EntityId id, const Ring &outer, const QString &text, int mergeId);

    int m_vertex = -1;       //!< corner being dragged
    EntityId m_entity = kNoEntity;
    double m_planeZ = 0.0;
    int m_dragSerial = 0;
    bool m_refused = false;
};

} // namespace tt
