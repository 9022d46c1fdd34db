// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <QOpenGLWidget>
#include <QPointer>
#include <QVariantAnimation>
#include <osg/BoundingBox>
#include <osg/ref_ptr>

namespace osg {
class Group;
class Node;
}
namespace osgViewer {
class Viewer;
class GraphicsWindowEmbedded;
}

namespace tt {

class CameraController;

//! The 3D view: an OpenSceneGraph viewer embedded in a QOpenGLWidget,
//! single-threaded, drawing into the widget's framebuffer object.
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
    //! Glides the camera (keeping heading and pitch) until the box fills the view.
    void flyTo(const osg::BoundingBox &box);

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
    void wheelEvent(QWheelEvent *event) override;

private:
    void updateEmptyScene();

    osg::ref_ptr<osgViewer::Viewer> m_viewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> m_window;
    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Node> m_scene;
    osg::ref_ptr<osg::Node> m_emptyScene;
    std::unique_ptr<CameraController> m_camera;
    QPointer<QVariantAnimation> m_flight;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_dragged = false;
    quint64 m_frameCount = 0;
};

} // namespace tt
