// SPDX-License-Identifier: MIT
#include "OffscreenRenderer.h"

#include "PickIds.h"
#include "SceneController.h"
#include "core/Document.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <osgViewer/Viewer>

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
    m_camera.setViewportAspect(double(size.width()) / size.height());
    m_context = std::make_unique<QOpenGLContext>();
    if (!m_context->create())
        return Status::error(QStringLiteral("Offscreen rendering: no OpenGL context could be created"));
    m_surface = std::make_unique<QOffscreenSurface>();
    m_surface->setFormat(m_context->format());
    m_surface->create();
    if (!m_surface->isValid() || !m_context->makeCurrent(m_surface.get()))
        return Status::error(QStringLiteral("Offscreen rendering: the OpenGL context cannot be made current"));

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
    m_viewer->getCamera()->setClearColor(osg::Vec4(0.62f, 0.76f, 0.90f, 1.0f));
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

void OffscreenRenderer::applyCamera()
{
    osg::Camera *camera = m_viewer->getCamera();
    camera->setViewport(0, 0, m_size.width(), m_size.height());
    camera->setViewMatrix(m_camera.viewMatrix());
    camera->setProjectionMatrix(m_camera.projectionMatrix(double(m_size.width()) / m_size.height()));
}

void OffscreenRenderer::drawFrame()
{
    if (!m_viewer)
        return;
    m_context->makeCurrent(m_surface.get());
    m_fbo->bind();
    m_viewer->getCamera()->getGraphicsContext()->setDefaultFboId(m_fbo->handle());
    applyCamera();
    m_viewer->frame();
    m_context->functions()->glFinish();
}

QImage OffscreenRenderer::grab()
{
    if (!m_viewer)
        return {};
    drawFrame();
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

QImage OffscreenRenderer::render(const Town &town, QSize size, const QString &view, Status *status)
{
    auto fail = [&](const QString &message) {
        if (status)
            *status = Status::error(message);
        return QImage();
    };
    if (!viewNames().contains(view))
        return fail(
            QStringLiteral("Unknown view \"%1\"; known views: %2").arg(view, viewNames().join(QStringLiteral(", "))));
    OffscreenRenderer renderer;
    const Status ready = renderer.initialize(size);
    if (!ready)
        return fail(ready.message);
    Document document;
    document.resetTown(town);
    SceneController scene(&document);
    renderer.setSceneData(scene.root());
    renderer.camera().setSceneBounds(scene.dataBounds());
    if (view == QLatin1String("top"))
        renderer.camera().top();
    else
        renderer.camera().home();
    const QImage image = renderer.grab();
    if (image.isNull())
        return fail(QStringLiteral("Offscreen rendering produced no image"));
    if (status)
        *status = Status::success();
    return image;
}

} // namespace tt
