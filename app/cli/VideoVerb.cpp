// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "core/Town.h"
#include "video/TourVideo.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace tt {

namespace {

int runVideo(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption tour(QStringLiteral("tour"), QStringLiteral("The tour to film."), QStringLiteral("NAME"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("MP4 file to write."), QStringLiteral("FILE.mp4"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Frame size, even sides."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption fpsOption(QStringLiteral("fps"), QStringLiteral("Frames per second, 1 to 120."),
                                       QStringLiteral("N"), QStringLiteral("25"));
    VerbParser parser(verb, {tour, output, sizeOption, fpsOption}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("tour")))
        return parser.usageError(QStringLiteral("--tour NAME is required"));
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o FILE.mp4 is required"));
    QSize size;
    if (!cli::parseSize(parser.value(QStringLiteral("size")), 16, 7680, &size) || size.width() % 2 || size.height() % 2)
        return parser.usageError(QStringLiteral("--size wants even WIDTHxHEIGHT from 16x16 to 7680x7680, e.g. "
                                                "1280x720, not '%1'")
                                     .arg(parser.value(QStringLiteral("size"))));
    bool fpsOk = false;
    const int fps = parser.value(QStringLiteral("fps")).toInt(&fpsOk);
    if (!fpsOk || fps < 1 || fps > 120)
        return parser.usageError(QStringLiteral("--fps wants 1 to 120, not '%1'").arg(parser.value(QStringLiteral("fps"))));
    Town town;
    if (const int code = cli::loadForDrawing(parser, verb.name, QStringLiteral(".mp4"), QStringLiteral("video"), &town))
        return code;
    const QString path = parser.value(QStringLiteral("output"));
    QElapsedTimer clock;
    clock.start();
    int lastPercent = -1, frameCount = 0;
    const Status made = TourVideo::record(town, parser.value(QStringLiteral("tour")), path, size, fps,
                                          [&](int frame, int frames) {
                                              frameCount = frames;
                                              const int percent = frame * 100 / frames;
                                              if (percent / 10 != lastPercent / 10)
                                                  QTextStream(stderr) << "video: " << percent << "%\n";
                                              lastPercent = percent;
                                              return true;
                                          });
    if (!made) {
        cli::printError(verb.name, made.message);
        return ExitFailure;
    }
    const double seconds = clock.elapsed() / 1000.0;
    QTextStream(stderr) << "video: " << frameCount << " frames (" << double(frameCount) / fps << " s) at " << size.width()
                        << "x" << size.height() << ", " << fps << " fps in " << seconds << " s -> " << path << "\n";
    return ExitOk;
}

} // namespace

CliVerb videoVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("video");
    verb.summary = QStringLiteral("Film a tour of the project as an H.264 MP4 video (needs OpenGL, e.g. under xvfb-run).");
    verb.usage = QStringLiteral("video PROJECT.gpkg --tour NAME -o FILE.mp4 [--size WxH] [--fps N]");
    verb.needsDisplay = true;
    verb.run = [verb](const QStringList &args) { return runVideo(verb, args); };
    return verb;
}

} // namespace tt
