// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

//! What the machine's OpenGL is, asked once on a throwaway context, so the 3D view
//! spends on smooth edges only where a GPU makes them cheap.
namespace tt::GraphicsProbe {
//! GL_RENDERER of the default OpenGL implementation; empty when there is none.
//! Needs a QGuiApplication.
QString rendererName();
//! Whether a renderer of that name rasterises on the CPU: Mesa's llvmpipe, softpipe
//! and swrast, SwiftShader, Windows' GDI Generic.
bool isSoftware(const QString &renderer);
//! Multisamples for the interactive 3D view: 4 on a GPU; none on a software
//! rasteriser, where they halve the frame rate. TOWNTWIN_SAMPLES overrides.
int viewportSamples();
//! Multisamples for still pictures of a view that does not multisample every frame:
//! 4 on a software rasteriser; none when TOWNTWIN_SAMPLES says how to draw.
int stillSamples();
} // namespace tt::GraphicsProbe
