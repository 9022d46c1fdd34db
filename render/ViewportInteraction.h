// SPDX-License-Identifier: MIT
#pragma once

class QKeyEvent;
class QMouseEvent;

namespace tt {

//! An editing tool's hold on the 3D view: the viewport offers every mouse and
//! key event to the active interaction first and navigates the camera only
//! with the events it declines (returns false for).
class ViewportInteraction {
public:
    virtual ~ViewportInteraction() = default;
    virtual bool mousePress(QMouseEvent *) { return false; }
    virtual bool mouseMove(QMouseEvent *) { return false; }
    virtual bool mouseRelease(QMouseEvent *) { return false; }
    virtual bool mouseDoubleClick(QMouseEvent *) { return false; }
    virtual bool keyPress(QKeyEvent *) { return false; }
};

} // namespace tt
