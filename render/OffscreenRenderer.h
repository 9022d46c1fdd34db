// SPDX-License-Identifier: MIT
#pragma once

#include "CameraController.h"
#include "core/EntityId.h"
#include "core/Status.h"

#include <QImage>
#include <QSize>
#include <QStringList>
#include <osg/ref_ptr>

#include <functional>
#include <memory>

class QOffscreenSurface;
class QOpenGLContext;
class QOpenGLFramebufferObject;

namespace osg {
class Camera;
class Node;
} // namespace osg
namespace osgViewer {
class Viewer;
class GraphicsWindowEmbedded;
} // namespace osgViewer

namespace tt {

class SceneController;
struct SavedView;
struct Town;

//! Draws a scene without a window: an OSG viewer rendering into a Qt
//! framebuffer object of an offscreen GL context. Needs a QGuiApplication
//! (any platform with GL, e.g. xcb under Xvfb). Used by `towntwin-cli render`,
//! tests and the scene benchmark.
class OffscreenRenderer {
public:
    //! Largest picture render() draws: 16384 px a side (a 1 GiB image).
    static constexpr int kMaxSide = 16384;
    //! Pictures above this side are drawn in tiles: one framebuffer of this size
    //! fits every OpenGL's limits and a few hundred MB, whatever the picture's size.
    static constexpr int kTileSide = 4096;

    OffscreenRenderer();
    ~OffscreenRenderer();
    OffscreenRenderer(const OffscreenRenderer &) = delete;
    OffscreenRenderer &operator=(const OffscreenRenderer &) = delete;

    //! Creates the context and framebuffer; an error when GL is unavailable or the
    //! size exceeds what this OpenGL can draw into (its limit is named).
    Status initialize(QSize size, int samples = 4);
    QSize size() const { return m_size; }
    void setSceneData(osg::Node *scene);
    CameraController &camera() { return m_camera; }
    //! Draws one frame and waits until the GPU has finished it; an error when OpenGL reports one.
    Status drawFrame();
    //! Makes the next frames one tile of a larger picture: `tile` (in the picture's
    //! pixels, origin top-left, as large as this renderer) of a `picture`-sized view.
    void setTile(QSize picture, QPoint tileOrigin);
    //! Draws a frame and reads it back.
    QImage grab();
    //! The entity under an image pixel (origin top-left), with the camera of the last frame.
    EntityId pick(double x, double y);

    //! The views render() knows.
    static QStringList viewNames();
    //! One picture of a town from a named view ("home": oblique from the
    //! south-west framing the data; "top": straight down, north up), drawn in
    //! tiles above tileSide. An error (and *image untouched) when GL is
    //! unavailable, the view is unknown or the size is beyond kMaxSide.
    static Status render(const Town &town, QSize size, const QString &view, QImage *image, int tileSide = kTileSide);
    //! The same from a saved view: its camera, layers, building colouring and sun.
    static Status render(const Town &town, QSize size, const SavedView &view, QImage *image, int tileSide = kTileSide);

private:
    //! Draws the picture in tiles after `setUp` has arranged the scene and its camera.
    static Status renderWith(const Town &town, QSize size, int tileSide, QImage *image,
                             const std::function<void(SceneController &, CameraController &)> &setUp);
    void applyCamera();

    QSize m_size;
    QSize m_picture;      // the whole picture when drawing tiles, else m_size
    QPoint m_tileOrigin;  // this frame's tile in the picture
    std::unique_ptr<QOffscreenSurface> m_surface;
    std::unique_ptr<QOpenGLContext> m_context;
    std::unique_ptr<QOpenGLFramebufferObject> m_fbo;
    osg::ref_ptr<osgViewer::Viewer> m_viewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> m_window;
    CameraController m_camera;
};

} // namespace tt
