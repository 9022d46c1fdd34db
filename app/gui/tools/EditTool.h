// SPDX-License-Identifier: MIT
#pragma once

#include "ToolContext.h"
#include "ViewportInteraction.h"
#include "core/Geometry.h"
#include "core/EntityId.h"

#include <QObject>
#include <QPointF>

class QPainter;

namespace tt {

struct Town;

//! One editing tool of the 3D view. Tools turn mouse and key gestures into
//! document commands; a gesture they decline (returns false) navigates the camera.
class EditTool : public QObject, public ViewportInteraction {
    Q_OBJECT
public:
    EditTool(ToolContext *context, QObject *parent);

    virtual QString name() const = 0;
    //! One line for the status bar: what the mouse and keys do now.
    virtual QString hint() const = 0;
    //! Drops a gesture in progress; false when there was none (Esc then leaves the tool).
    virtual bool cancel() { return false; }
    //! Draws rubber bands, outlines and handles over the view (widget coordinates).
    virtual void paintOverlay(QPainter &) {}

signals:
    void overlayChanged();

protected:
    Document *document() const { return m_context->document; }
    const Town &town() const;
    //! The ground point (local x, y) under a widget position and the entity hit
    //! there; over the sky, the point on the plane of the lowest terrain.
    bool groundAt(const QPointF &pos, Vec2 *local, EntityId *hit = nullptr) const;
    //! Widget position of a ground point (at the terrain's height there).
    bool screenPos(Vec2 local, QPointF *pos) const;
    //! The terrain height at a point, 0 without terrain.
    double groundHeight(Vec2 local) const;

    ToolContext *m_context;
};

} // namespace tt
