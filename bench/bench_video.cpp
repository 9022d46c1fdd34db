// SPDX-License-Identifier: MIT
// Tour video benchmark: the sample town's Overview tour stretched to 30 s, filmed at
// 1280x720 and 25 frames a second (750 frames drawn off-screen with llvmpipe, the
// overlay laid over each, encoded as H.264 into MP4). Target: at most 60 s.
#include "GridTown.h"

#include "generate/TownGenerator.h"
#include "video/TourVideo.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace tt;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    Town town = TownGenerator::generate(1);
    Tour &tour = town.presentation.tours.first();
    // Four stops: a 3 s flight and a 4.5 s hold each after the first, which holds 7.5 s: 30 s.
    for (int i = 0; i < tour.stops.size(); ++i) {
        tour.stops[i].flightSeconds = 3.0;
        tour.stops[i].holdSeconds = i == 0 ? 7.5 : 4.5;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("overview.mp4"));
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        QElapsedTimer clock;
        clock.start();
        int frames = 0;
        bench::require(TourVideo::record(town, tour.name, file, size, 25, [&frames](int frame, int) {
            frames = frame;
            return true;
        }));
        const double seconds = clock.elapsed() / 1000.0;
        std::printf("bench_video: %d frames (%.0f s of tour) at %dx%d, 25 fps: %.1f s (%.1f ms a frame, %.2fx real time), %.1f MB\n",
                    frames, frames / 25.0, size.width(), size.height(), seconds, seconds * 1000.0 / frames,
                    frames / 25.0 / seconds, QFileInfo(file).size() / 1e6);
    }
    return 0;
}
