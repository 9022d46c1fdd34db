// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"

namespace tt {

//! Draws a network link on the network the options bar chooses: click near one of its
//! nodes (the nearest within reach), then near another, or anywhere to end the link in
//! a new junction there. The link is of the kind already at its first node (entityedit::newLink);
//! one undo step. Esc drops the link being drawn.
class DrawLinkTool : public EditTool {
    Q_OBJECT
public:
    //! How far from a click a node is still taken as the one meant (m).
    static constexpr double kReachM = 25.0;

    using EditTool::EditTool;

    QString name() const override { return tr("Draw network link"); }
    QString hint() const override;
    bool cancel() override;
    void paintOverlay(QPainter &painter) override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;

    //! The click at a ground point: starts or ends a link; false (reason given) when refused.
    bool clickAt(Vec2 ground);
    EntityId start() const { return m_start; }

private:
    //! The node of the chosen network nearest `p` within reach (at the start's voltage once started).
    EntityId nearestNode(Vec2 p) const;

    EntityId m_start = kNoEntity;
    QPointF m_cursor;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace tt
