// SPDX-License-Identifier: MIT
#pragma once
// Frame rate of a 3D view, for the benchmarks that run the main window.
#include "ViewportWidget.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace tt::bench {

//! Frames drawn in `ms` when each frame asks for the next as soon as it is on screen, the
//! way an animation runs: the event loop waits in between instead of spinning.
inline double framesPerSecond(ViewportWidget *viewport, int ms)
{
    const QMetaObject::Connection next =
        QObject::connect(viewport, &QOpenGLWidget::frameSwapped, viewport, qOverload<>(&QWidget::update));
    viewport->update();
    const quint64 first = viewport->frameCount();
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(next);
    return double(viewport->frameCount() - first) * 1000.0 / double(timer.elapsed());
}

} // namespace tt::bench
