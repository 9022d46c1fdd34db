// SPDX-License-Identifier: MIT
// Presentation mode's frame rate: the generated sample town full screen (1600x1000
// under Xvfb, llvmpipe) with the overlay, while the Overview tour flies from stop to
// stop, each frame asking for the next as soon as it is on screen; then how long the
// multisampled redraw of a still picture takes where frames are drawn plain (llvmpipe).
#include "FrameRate.h"
#include "GridTown.h"

#include "GraphicsProbe.h"
#include "ProjectFile.h"
#include "ViewportWidget.h"
#include "generate/TownGenerator.h"
#include "gui/GuiLauncher.h"
#include "gui/MainWindow.h"
#include "gui/PresentationMode.h"
#include "gui/ProjectSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tt;

int main(int argc, char **argv)
{
    GuiLauncher::setSurfaceFormat();
    QApplication app(argc, argv);
    if (QGuiApplication::platformName() == QLatin1String("offscreen") || qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::printf("bench_present: skipped (no display; run under xvfb-run)\n");
        return 0;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("town.gpkg"));
    bench::require(ProjectFile::save(TownGenerator::generate(1), path));
    MainWindow window;
    window.resize(1600, 1000);
    bool loaded = false;
    QObject::connect(&window, &MainWindow::projectLoadFinished, &window, [&loaded] { loaded = true; });
    bench::require(Status{window.session()->open(path), QStringLiteral("cannot open the project")});
    while (!loaded)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    window.show();
    window.presentation()->enter(QStringLiteral("Overview"));
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 8000)  // the energy simulation and the first frames
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    ViewportWidget *viewport = window.viewport();
    const double fps = bench::framesPerSecond(viewport, 20000);  // two stops: flights and holds
    std::printf("bench_present: %.1f frames/s full screen, 3D view %dx%d, %s, %d samples, tour at stop %d\n", fps,
                viewport->width(), viewport->height(), qPrintable(GraphicsProbe::rendererName()), viewport->format().samples(),
                window.presentation()->stop() + 1);

    // A stop's hold: wait until the view has drawn nothing for a while, then ask for a frame.
    QElapsedTimer sinceFrame;
    sinceFrame.start();
    QObject::connect(viewport, &ViewportWidget::frameDrawn, viewport, [&sinceFrame] { sinceFrame.restart(); });
    std::vector<double> stillMs;
    QElapsedTimer budget;
    budget.start();
    while (stillMs.size() < 5 && budget.elapsed() < 60000) {
        while (sinceFrame.elapsed() < 3 * ViewportWidget::kRestMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QElapsedTimer frame;
        QEventLoop drawn;
        const QMetaObject::Connection done =
            QObject::connect(viewport, &ViewportWidget::frameDrawn, &drawn, &QEventLoop::quit);
        frame.start();
        viewport->update();
        drawn.exec();
        QObject::disconnect(done);
        if (viewport->lastFrameSmoothed())
            stillMs.push_back(double(frame.nsecsElapsed()) / 1e6);
    }
    if (stillMs.empty()) {
        std::printf("bench_present: still pictures are not redrawn (every frame has %d samples)\n",
                    viewport->format().samples());
    } else {
        std::sort(stillMs.begin(), stillMs.end());
        std::printf("bench_present: still picture redrawn multisampled in %.0f ms (median of %zu)\n",
                    stillMs[stillMs.size() / 2], stillMs.size());
    }
    return 0;
}
