// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace tt {

class ToolController;

//! A transparent layer over the 3D view where the active tool draws its
//! rubber bands and handles with QPainter, so tools need no scene geometry.
//! Follows the viewport's size and repaints with every frame (the camera moves).
class ToolOverlay : public QWidget {
    Q_OBJECT
public:
    explicit ToolOverlay(QWidget *viewport);
    void setController(ToolController *controller) { m_controller = controller; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    ToolController *m_controller = nullptr;
};

} // namespace tt
