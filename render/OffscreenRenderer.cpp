// SPDX-License-Identifier: MIT
#include "OffscreenRenderer.h"

#include "PickIds.h"
#include "SkyBackground.h"
#include "SceneController.h"
#include "core/Document.h"

#include <QGuiApplication>
#include <QPainter>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <osgViewer/Viewer>

#include <algorithm>

namespace tt {

OffscreenRenderer::OffscreenRenderer() = default;

OffscreenRenderer::~OffscreenRenderer()
{
    // OSG releases its GL objects in the destructor: the context must be current.
    if (m_context && m_surface)
        m_context->makeCurrent(m_surface.get());
    m_viewer = nullptr;
    m_window = nullptr;
    m_fbo.reset();
    if (m_context)
        m_context->doneCurrent();
}

Status OffscreenRenderer::initialize(QSize size, int samples)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Status::error(QStringLiteral("Offscreen rendering needs a QGuiApplication"));
    if (size.isEmpty())
        return Status::error(
            QStringLiteral("Offscreen rendering: invalid image size %1x%2").arg(size.width()).arg(size.height()));
    m_size = size;
    m_picture = size;
    m_tileOrigin = QPoint();
    m_camera.setViewportAspect(double(size.width()) / size.height());
    m_context = std::make_unique<QOpenGLContext>();
    if (!m_context->create())
        return Status::error(QStringLiteral("Offscreen rendering: no OpenGL context could be created"));
    m_surface = std::make_unique<QOffscreenSurface>();
    m_surface->setFormat(m_context->format());
    m_surface->create();
    if (!m_surface->isValid() || !m_context->makeCurrent(m_surface.get()))
        return Status::error(QStringLiteral("Offscreen rendering: the OpenGL context cannot be made current"));

    // Beyond these limits a framebuffer is incomplete or silently draws nothing (an all-black picture).
    GLint maxRenderbuffer = 0, maxViewport[2] = {0, 0};
    QOpenGLFunctions *gl = m_context->functions();
    gl->glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
    gl->glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
    const int limit = std::min({maxRenderbuffer, maxViewport[0], maxViewport[1]});
    if (limit > 0 && std::max(size.width(), size.height()) > limit)
        return Status::error(QStringLiteral("Offscreen rendering: %1x%2 exceeds this OpenGL's largest framebuffer, %3 px a side")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(limit));

    QOpenGLFramebufferObjectFormat format;
    format.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
    format.setSamples(samples);
    m_fbo = std::make_unique<QOpenGLFramebufferObject>(size, format);
    if (!m_fbo->isValid())
        return Status::error(
            QStringLiteral("Offscreen rendering: no %1x%2 framebuffer").arg(size.width()).arg(size.height()));

    m_viewer = new osgViewer::Viewer;
    m_viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    m_window = m_viewer->setUpViewerAsEmbeddedInWindow(0, 0, size.width(), size.height());
    m_viewer->getCamera()->setClearColor(SkyBackground::kLandColor);
    m_viewer->getCamera()->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    m_viewer->setKeyEventSetsDone(0);
    m_viewer->realize();
    return Status::success();
}

void OffscreenRenderer::setSceneData(osg::Node *scene)
{
    if (m_viewer)
        m_viewer->setSceneData(scene);
}

void OffscreenRenderer::setTile(QSize picture, QPoint tileOrigin)
{
    m_picture = picture;
    m_tileOrigin = tileOrigin;
    // The camera frames the whole picture, not the tile.
    m_camera.setViewportAspect(double(picture.width()) / picture.height());
}

void OffscreenRenderer::applyCamera()
{
    osg::Camera *camera = m_viewer->getCamera();
    camera->setViewport(0, 0, m_size.width(), m_size.height());
    camera->setViewMatrix(m_camera.viewMatrix());
    // The whole picture's projection, then its tile's part of normalised device
    // coordinates stretched over the viewport (x right, y up; the picture's rows run down).
    const double w = m_picture.width(), h = m_picture.height();
    const double x0 = 2.0 * m_tileOrigin.x() / w - 1.0, x1 = 2.0 * (m_tileOrigin.x() + m_size.width()) / w - 1.0;
    const double y1 = 1.0 - 2.0 * m_tileOrigin.y() / h, y0 = 1.0 - 2.0 * (m_tileOrigin.y() + m_size.height()) / h;
    const osg::Matrixd tile = osg::Matrixd::translate(-(x0 + x1) / 2.0, -(y0 + y1) / 2.0, 0.0)
        * osg::Matrixd::scale(2.0 / (x1 - x0), 2.0 / (y1 - y0), 1.0);
    camera->setProjectionMatrix(m_camera.projectionMatrix(w / h) * tile);
}

Status OffscreenRenderer::drawFrame()
{
    if (!m_viewer)
        return Status::error(QStringLiteral("Offscreen rendering: not initialised"));
    m_context->makeCurrent(m_surface.get());
    QOpenGLFunctions *gl = m_context->functions();
    while (gl->glGetError() != GL_NO_ERROR) {
    }
    m_fbo->bind();
    m_viewer->getCamera()->getGraphicsContext()->setDefaultFboId(m_fbo->handle());
    applyCamera();
    m_viewer->frame();
    gl->glFinish();
    if (gl->glGetError() == GL_OUT_OF_MEMORY)
        return Status::error(QStringLiteral("Offscreen rendering: OpenGL ran out of memory drawing %1x%2")
                                 .arg(m_size.width())
                                 .arg(m_size.height()));
    return Status::success();
}

QImage OffscreenRenderer::grab()
{
    if (!drawFrame())
        return {};
    return m_fbo->toImage().convertToFormat(QImage::Format_RGB32);
}

EntityId OffscreenRenderer::pick(double x, double y)
{
    if (!m_viewer)
        return kNoEntity;
    applyCamera();
    return PickIds::pick(m_viewer->getCamera(), x, m_size.height() - y);
}

QStringList OffscreenRenderer::viewNames()
{
    return {QStringLiteral("home"), QStringLiteral("top")};
}

Status OffscreenRenderer::render(const Town &town, QSize size, const QString &view, QImage *image, int tileSide)
{
    if (!viewNames().contains(view))
        return Status::error(
            QStringLiteral("Unknown view \"%1\"; known views: %2").arg(view, viewNames().join(QStringLiteral(", "))));
    return renderWith(town, size, tileSide, image, [&view](SceneController &, CameraController &camera) {
        if (view == QLatin1String("top"))
            camera.top();
        else
            camera.home();
    });
}

Status OffscreenRenderer::render(const Town &town, QSize size, const SavedView &view, QImage *image, int tileSide)
{
    return renderWith(town, size, tileSide, image, [&view](SceneController &scene, CameraController &camera) {
        scene.showView(view);
        camera.setPose(CameraController::poseOf(view.camera));
    });
}

Status OffscreenRenderer::renderWith(const Town &town, QSize size, int tileSide, QImage *image,
                                     const std::function<void(SceneController &, CameraController &)> &setUp)
{
    if (size.isEmpty() || size.width() > kMaxSide || size.height() > kMaxSide)
        return Status::error(QStringLiteral("Offscreen rendering: %1x%2 is not a picture size TownTwin draws (1 to %3 px a side)")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(kMaxSide));
    QImage picture(size, QImage::Format_RGB32);
    if (picture.isNull())
        return Status::error(QStringLiteral("Offscreen rendering: not enough memory for a %1x%2 picture")
                                 .arg(size.width())
                                 .arg(size.height()));
    const QSize tile(std::clamp(tileSide, 1, size.width()), std::clamp(tileSide, 1, size.height()));
    OffscreenRenderer renderer;
    const Status ready = renderer.initialize(tile);
    if (!ready)
        return ready;
    renderer.setTile(size, QPoint(0, 0));
    Document document;
    document.resetTown(town);
    SceneController scene(&document);
    renderer.setSceneData(scene.root());
    renderer.camera().setSceneBounds(scene.dataBounds());
    setUp(scene, renderer.camera());
    QPainter painter(&picture);
    for (int y = 0; y < size.height(); y += tile.height()) {
        for (int x = 0; x < size.width(); x += tile.width()) {
            renderer.setTile(size, QPoint(x, y));
            if (const Status drawn = renderer.drawFrame(); !drawn)
                return drawn;
            painter.drawImage(QPoint(x, y), renderer.m_fbo->toImage());
        }
    }
    painter.end();
    *image = std::move(picture);
    return Status::success();
}

} // namespace tt
