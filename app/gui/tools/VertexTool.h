// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"

namespace tt {

//! Edits the corners of one selected building footprint or zone: handles on
//! each corner, drag one to move it. One undo step per drag; an outline that
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

    //! The outline being edited: the single selected building's or zone's, else null.
    const Polygon *editedOutline(EntityId *id = nullptr) const;

private:
    int m_vertex = -1;       //!< corner being dragged
    EntityId m_entity = kNoEntity;
    double m_planeZ = 0.0;
    int m_dragSerial = 0;
    bool m_refused = false;
};

} // namespace tt
