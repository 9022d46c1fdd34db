// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QSize>
#include <QString>

#include <functional>

namespace tt {

struct Town;

//! A tour of a town as an MP4 video: each frame drawn off-screen at its instant of
//! the tour (camera, layers, colouring and the sun of the stop's hour), with the
//! presentation's title, caption and date painted over it, then encoded. Needs a
//! QGuiApplication with OpenGL (works under Xvfb). `cli video` and the GUI's export
//! both run it.
namespace TourVideo {
//! `progress(frame, frames)` after every frame; returning false cancels (no file is
//! left). Errors name the tour, the file or the frame.
Status record(const Town &town, const QString &tour, const QString &path, QSize size, int fps,
              const std::function<bool(int, int)> &progress = {});
} // namespace TourVideo

} // namespace tt
