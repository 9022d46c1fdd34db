// SPDX-License-Identifier: MIT
#pragma once

#include "CameraController.h"
#include "core/EntityId.h"

#include <QElapsedTimer>
#include <QOpenGLWidget>
#include <QPointer>
#include <QTimer>
#include <QVariantAnimation>
#include <osg/BoundingBox>
#include <osg/Vec3d>
#include <osg/ref_ptr>

class QOpenGLFramebufferObject;

namespace osg {
class Group;
class Node;
}
namespace osgViewer {
class Viewer;
class GraphicsWindowEmbedded;
}

namespace tt {

class ViewportInteraction;

//! The 3D view: an OpenSceneGraph viewer embedded in a QOpenGLWidget,
//! single-threaded, drawing into the widget's framebuffer object.
//! On a software rasteriser, which cannot multisample every frame at a usable rate,
//! moving pictures are drawn plain and a still one multisampled: a frame after a pause,
//! and once more when the view comes to rest.
//! Mouse: left drag orbits, right/middle drag pans, wheel zooms; a click
//! without drag picks and emits the entity id under the cursor.
class ViewportWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit ViewportWidget(QWidget *parent = nullptr);
    ~ViewportWidget() override;

    //! The node drawn in the view; null shows the empty ground grid and sky.
    void setSceneData(osg::Node *scene);
    osg::Node *sceneData() const;
    CameraController *camera() const { return m_camera.get(); }
    //! Frames drawn so far; lets callers wait for a first real picture.
    quint64 frameCount() const { return m_frameCount; }
    //! Whether the last frame was drawn multisampled for a still picture.
    bool lastFrameSmoothed() const { return m_lastSmoothed; }
    //! Without motion for this long, the view is at rest.
    static constexpr int kRestMs = 150;
    //! Glides the camera (keeping heading and pitch) until the box fills the view.
    void flyTo(const osg::BoundingBox &box);
    //! Glides the camera to the pose in `ms` milliseconds (at once for 0), easing in and
    //! out, turning the short way round.
    void flyTo(const CameraController::Pose &pose, int ms);
    bool isFlying() const { return bool(m_flight); }

    //! The tool that sees mouse and key events first (null: navigation only).
    void setInteraction(ViewportInteraction *interaction) { m_interaction = interaction; }
    //! The nearest surface under a widget position (logical pixels, origin top
    //! left): its world point and entity. False over the sky.
    bool pickPoint(const QPointF &pos, osg::Vec3d *world, EntityId *id = nullptr) const;
    //! Where the view ray through a widget position meets the horizontal plane
    //! at height z; false when the ray runs away from it.
    bool pointOnPlane(const QPointF &pos, double z, osg::Vec3d *world) const;
    //! Widget position (logical pixels) of a world point, with the camera of the
    //! last frame; false behind the camera.
    bool project(const osg::Vec3d &world, QPointF *pos) const;

signals:
    //! A click (no drag) landed on an entity, or on nothing (kNoEntity).
    void entityClicked(tt::EntityId id, Qt::KeyboardModifiers modifiers);
    void frameDrawn(quint64 frame);

protected:
    void initializeGL() override;
    void paintGL() override;
    void resizeGL(int w, int h) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void updateEmptyScene();
    //! Draws the frame into the multisampled framebuffer and resolves it into the widget's;
    //! false when this OpenGL cannot make one.
    bool drawSmoothed(int w, int h);
    //! Widget position to OSG window coordinates (device pixels, y up).
    osg::Vec3d toWindow(const QPointF &pos, double depth) const;

    osg::ref_ptr<osgViewer::Viewer> m_viewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> m_window;
    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Node> m_scene;
    osg::ref_ptr<osg::Node> m_emptyScene;
    std::unique_ptr<CameraController> m_camera;
    QPointer<QVariantAnimation> m_flight;
    ViewportInteraction *m_interaction = nullptr;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_dragged = false;
    quint64 m_frameCount = 0;
    int m_stillSamples = 0;  // 0: every frame alike
    std::unique_ptr<QOpenGLFramebufferObject> m_smoothFbo;
    QElapsedTimer m_sinceFrame;
    QTimer m_rest;
    bool m_atRest = false;
    bool m_lastSmoothed = false;
};

} // namespace tt
