// SPDX-License-Identifier: MIT
#pragma once

#include "EditTool.h"

namespace tt {

//! Draws a new building footprint or zone on the terrain: click the corners
//! (double-click, Enter or a click on the first corner closes the outline), or
//! drag a rectangle. Backspace drops the last corner, Esc the whole outline.
//! The building takes the use and storeys of the options bar, the zone its
//! class; an invalid outline is refused with the reason.
class DrawTool : public EditTool {
    Q_OBJECT
public:
    enum class Target { Building, Zone };
    DrawTool(Target target, ToolContext *context, QObject *parent);

    QString name() const override;
    QString hint() const override;
    bool cancel() override;
    void paintOverlay(QPainter &painter) override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;

    const QVector<Vec2> &corners() const { return m_corners; }
    //! Closes the outline and adds the entity; false (with the reason given to the planner) when refused.
    bool finish();

private:
    void addCorner(Vec2 p);
    Polygon rectangle(Vec2 a, Vec2 b) const;

    Target m_target;
    QVector<Vec2> m_corners;
    Vec2 m_hover;
    bool m_hasHover = false;
    QPoint m_pressPos;
    Vec2 m_pressPoint;
    bool m_pressed = false;
    bool m_rectangle = false;   //!< the press turned into a rectangle drag
};

} // namespace tt
