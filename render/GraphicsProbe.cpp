// SPDX-License-Identifier: MIT
#include "GraphicsProbe.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>

namespace tt::GraphicsProbe {

QString rendererName()
{
    static const QString name = [] {
        QOffscreenSurface surface;
        surface.create();
        QOpenGLContext context;
        if (!context.create() || !context.makeCurrent(&surface))
            return QString();
        const auto *text = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
        QString renderer = text ? QString::fromLatin1(text) : QString();
        context.doneCurrent();
        return renderer;
    }();
    return name;
}

bool isSoftware(const QString &renderer)
{
    for (const char *marker : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer", "SwiftShader", "GDI Generic"})
        if (renderer.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    return false;
}

int viewportSamples()
{
    bool set = false;
    const int forced = qEnvironmentVariableIntValue("TOWNTWIN_SAMPLES", &set);
    if (set)
        return std::max(0, forced);
    return isSoftware(rendererName()) ? 0 : 4;
}

int stillSamples()
{
    if (qEnvironmentVariableIsSet("TOWNTWIN_SAMPLES"))
        return 0;
    return isSoftware(rendererName()) ? 4 : 0;
}

} // namespace tt::GraphicsProbe
