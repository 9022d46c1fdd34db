// SPDX-License-Identifier: MIT
#include "ViewportWidget.h"

#include "ViewportInteraction.h"

#include "CameraController.h"
#include "GraphicsProbe.h"
#include "GroundGrid.h"
#include "PickIds.h"
#include "SkyBackground.h"
#include "present/TourTimeline.h"

#include <QMouseEvent>
#include <QOpenGLExtraFunctions>
#include <QOpenGLFramebufferObject>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <osg/Group>
#include <osgViewer/Viewer>

#include <cmath>

namespace tt {

ViewportWidget::ViewportWidget(QWidget *parent)
    : QOpenGLWidget(parent), m_root(new osg::Group), m_camera(std::make_unique<CameraController>())
{
    setFocusPolicy(Qt::StrongFocus);
    // Drawing tools follow the cursor between clicks.
    setMouseTracking(true);
    setMinimumSize(320, 240);
    QSurfaceFormat smooth = format();
    smooth.setSamples(GraphicsProbe::viewportSamples());
    setFormat(smooth);
    m_stillSamples = smooth.samples() > 1 ? 0 : GraphicsProbe::stillSamples();
    m_rest.setSingleShot(true);
    m_rest.setInterval(kRestMs);
    connect(&m_rest, &QTimer::timeout, this, [this] {
        m_atRest = true;
        update();
    });
    osg::ref_ptr<osg::Group> empty = new osg::Group;
    empty->addChild(GroundGrid::create(2000.0, 100.0).get());
    empty->addChild(SkyBackground::create().get());
    m_emptyScene = empty;
    updateEmptyScene();
}

ViewportWidget::~ViewportWidget()
{
    // The viewer's GL objects belong to this widget's context.
    makeCurrent();
    m_smoothFbo.reset();
    m_viewer = nullptr;
    m_window = nullptr;
    doneCurrent();
}

void ViewportWidget::setSceneData(osg::Node *scene)
{
    m_scene = scene;
    updateEmptyScene();
    update();
}

osg::Node *ViewportWidget::sceneData() const
{
    return m_scene.get();
}

void ViewportWidget::updateEmptyScene()
{
    m_root->removeChildren(0, m_root->getNumChildren());
    m_root->addChild(m_scene ? m_scene.get() : m_emptyScene.get());
    if (!m_scene) {
        m_camera->setSceneBounds(osg::BoundingBox(-1000, -1000, 0, 1000, 1000, 50));
        m_camera->home();
    }
}

void ViewportWidget::initializeGL()
{
    const qreal dpr = devicePixelRatioF();
    const int w = int(width() * dpr), h = int(height() * dpr);
    m_viewer = new osgViewer::Viewer;
    m_viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    m_window = m_viewer->setUpViewerAsEmbeddedInWindow(0, 0, w, h);
    m_viewer->setSceneData(m_root.get());
    m_viewer->getCamera()->setClearColor(SkyBackground::kLandColor);
    m_viewer->getCamera()->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    // Keep the camera under our control: no manipulator, no default key handlers.
    m_viewer->setKeyEventSetsDone(0);
    m_viewer->realize();
}

void ViewportWidget::resizeGL(int w, int h)
{
    m_camera->setViewportAspect(double(w) / std::max(1, h));
    const qreal dpr = devicePixelRatioF();
    if (m_window) {
        m_window->resized(0, 0, int(w * dpr), int(h * dpr));
        m_window->getEventQueue()->windowResize(0, 0, int(w * dpr), int(h * dpr));
    }
}

void ViewportWidget::paintGL()
{
    if (!m_viewer)
        return;
    const qreal dpr = devicePixelRatioF();
    const int w = int(width() * dpr), h = int(height() * dpr);
    osg::Camera *cam = m_viewer->getCamera();
    cam->setViewport(0, 0, w, h);
    cam->setViewMatrix(m_camera->viewMatrix());
    cam->setProjectionMatrix(m_camera->projectionMatrix(double(w) / std::max(1, h)));
    const bool still = m_atRest || !m_sinceFrame.isValid() || m_sinceFrame.elapsed() >= kRestMs;
    m_lastSmoothed = m_stillSamples > 0 && still && drawSmoothed(w, h);
    if (!m_lastSmoothed) {
        // Qt draws into its own FBO: point OSG at it for this frame.
        cam->getGraphicsContext()->setDefaultFboId(defaultFramebufferObject());
        m_viewer->frame();
    }
    m_atRest = false;
    if (m_stillSamples > 0 && !m_lastSmoothed)
        m_rest.start();
    m_sinceFrame.restart();
    ++m_frameCount;
    emit frameDrawn(m_frameCount);
}

bool ViewportWidget::drawSmoothed(int w, int h)
{
    if (!m_smoothFbo || m_smoothFbo->size() != QSize(w, h)) {
        QOpenGLFramebufferObjectFormat format;
        format.setSamples(m_stillSamples);
        format.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
        m_smoothFbo = std::make_unique<QOpenGLFramebufferObject>(QSize(w, h), format);
        if (!m_smoothFbo->isValid()) {
            m_smoothFbo.reset();
            m_stillSamples = 0;
            return false;
        }
    }
    // OSG draws into the bound framebuffer and binds the default one after drawing a map.
    m_viewer->getCamera()->getGraphicsContext()->setDefaultFboId(m_smoothFbo->handle());
    m_smoothFbo->bind();
    m_viewer->frame();
    QOpenGLExtraFunctions *gl = context()->extraFunctions();
    gl->glBindFramebuffer(GL_READ_FRAMEBUFFER, m_smoothFbo->handle());
    gl->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    // A blit obeys the scissor a frame may leave on (a comparison's side); OSG expects it back.
    const GLboolean scissor = gl->glIsEnabled(GL_SCISSOR_TEST);
    gl->glDisable(GL_SCISSOR_TEST);
    gl->glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    if (scissor)
        gl->glEnable(GL_SCISSOR_TEST);
    gl->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
    return true;
}

void ViewportWidget::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = m_lastPos = event->position().toPoint();
    m_dragged = false;
    if (m_interaction && m_interaction->mousePress(event))
        m_dragged = true;  // the tool owns this gesture: no camera move, no click pick
}

void ViewportWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_interaction && m_interaction->mouseDoubleClick(event))
        return;
    QOpenGLWidget::mouseDoubleClickEvent(event);
}

void ViewportWidget::keyPressEvent(QKeyEvent *event)
{
    if (m_interaction && m_interaction->keyPress(event))
        return;
    QOpenGLWidget::keyPressEvent(event);
}

void ViewportWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_interaction && m_interaction->mouseMove(event)) {
        m_lastPos = event->position().toPoint();
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QPoint d = pos - m_lastPos;
    m_lastPos = pos;
    if ((pos - m_pressPos).manhattanLength() > 3)
        m_dragged = true;
    if (event->buttons() & Qt::LeftButton)
        m_camera->orbit(d.x(), d.y());
    else if (event->buttons() & (Qt::RightButton | Qt::MiddleButton))
        m_camera->pan(d.x(), d.y(), height());
    else
        return;  // hovering: nothing moved, no frame to draw
    update();
}

void ViewportWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_interaction && m_interaction->mouseRelease(event))
        return;
    if (m_dragged || event->button() != Qt::LeftButton || !m_viewer)
        return;
    const qreal dpr = devicePixelRatioF();
    const QPointF p = event->position() * dpr;
    // Window coordinates in OSG have y up.
    emit entityClicked(PickIds::pick(m_viewer->getCamera(), p.x(), height() * dpr - p.y()), event->modifiers());
}

osg::Vec3d ViewportWidget::toWindow(const QPointF &pos, double depth) const
{
    const qreal dpr = devicePixelRatioF();
    return {pos.x() * dpr, height() * dpr - pos.y() * dpr, depth};
}

bool ViewportWidget::pickPoint(const QPointF &pos, osg::Vec3d *world, EntityId *id) const
{
    if (!m_viewer)
        return false;
    const osg::Vec3d w = toWindow(pos, 0.0);
    EntityId hit = kNoEntity;
    if (!PickIds::pickPoint(m_viewer->getCamera(), w.x(), w.y(), world, &hit))
        return false;
    if (id)
        *id = hit;
    return true;
}

bool ViewportWidget::pointOnPlane(const QPointF &pos, double z, osg::Vec3d *world) const
{
    if (!m_viewer)
        return false;
    const osg::Camera *camera = m_viewer->getCamera();
    if (!camera->getViewport())
        return false;
    const osg::Matrixd toWorld = osg::Matrixd::inverse(camera->getViewMatrix() * camera->getProjectionMatrix()
                                                       * camera->getViewport()->computeWindowMatrix());
    const osg::Vec3d nearPoint = toWindow(pos, 0.0) * toWorld;
    const osg::Vec3d farPoint = toWindow(pos, 1.0) * toWorld;
    const osg::Vec3d dir = farPoint - nearPoint;
    if (std::abs(dir.z()) < 1e-12)
        return false;
    const double t = (z - nearPoint.z()) / dir.z();
    if (t < 0.0)
        return false;
    *world = nearPoint + dir * t;
    return true;
}

bool ViewportWidget::project(const osg::Vec3d &world, QPointF *pos) const
{
    if (!m_viewer)
        return false;
    const osg::Camera *camera = m_viewer->getCamera();
    if (!camera->getViewport())
        return false;
    const osg::Matrixd viewProjection = camera->getViewMatrix() * camera->getProjectionMatrix();
    if ((osg::Vec4d(world, 1.0) * viewProjection).w() <= 0.0)
        return false;  // behind the camera
    const osg::Vec3d window = world * (viewProjection * camera->getViewport()->computeWindowMatrix());
    const qreal dpr = devicePixelRatioF();
    *pos = QPointF(window.x() / dpr, height() - window.y() / dpr);
    return true;
}

void ViewportWidget::flyTo(const osg::BoundingBox &box)
{
    if (!box.valid())
        return;
    CameraController target = *m_camera;
    target.frame(box);
    flyTo(target.pose(), 600);
}

void ViewportWidget::flyTo(const CameraController::Pose &to, int ms)
{
    if (m_flight)
        m_flight->stop();
    if (ms <= 0) {
        m_camera->setPose(to);
        update();
        return;
    }
    const ViewCamera from = CameraController::cameraOf(m_camera->pose()), target = CameraController::cameraOf(to);
    m_flight = new QVariantAnimation(this);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    m_flight->setDuration(ms);
    // flightBetween eases; the animation runs linear time.
    connect(m_flight, &QVariantAnimation::valueChanged, this, [this, from, target](const QVariant &value) {
        m_camera->setPose(CameraController::poseOf(flightBetween(from, target, value.toDouble())));
        update();
    });
    m_flight->start(QAbstractAnimation::DeleteWhenStopped);
}

void ViewportWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    m_camera->zoom(std::pow(0.85, steps));
    update();
}

} // namespace tt
