// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "OffscreenRenderer.h"
#include "core/Town.h"

#include <QImageWriter>
#include <QSaveFile>
#include <QTextStream>

namespace tt {

namespace {

//! Smaller pictures are a typo, not a request.
constexpr int kMinSide = 16;

int runRender(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("PNG file to write."), QStringLiteral("FILE.png"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Image size."), QStringLiteral("WxH"),
                                  QStringLiteral("1600x1000"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("Camera: %1.").arg(OffscreenRenderer::viewNames().join(QStringLiteral(", "))),
                                  QStringLiteral("NAME"), QStringLiteral("home"));
    VerbParser parser(verb, {output, sizeOption, view}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o FILE.png is required"));
    QSize size;
    if (!cli::parseSize(parser.value(QStringLiteral("size")), kMinSide, OffscreenRenderer::kMaxSide, &size))
        return parser.usageError(
            QStringLiteral("--size wants WIDTHxHEIGHT in pixels, from %1x%1 to %2x%2, e.g. 1600x1000, not '%3'")
                .arg(kMinSide)
                .arg(OffscreenRenderer::kMaxSide)
                .arg(parser.value(QStringLiteral("size"))));
    if (!OffscreenRenderer::viewNames().contains(parser.value(QStringLiteral("view"))))
        return parser.usageError(QStringLiteral("unknown view '%1' (views: %2)")
                                     .arg(parser.value(QStringLiteral("view")),
                                          OffscreenRenderer::viewNames().join(QStringLiteral(", "))));
    Town town;
    if (const int code = cli::loadForDrawing(parser, verb.name, QStringLiteral(".png"), QStringLiteral("picture"), &town))
        return code;
    QImage image;
    if (const Status drawn = OffscreenRenderer::render(town, size, parser.value(QStringLiteral("view")), &image); !drawn) {
        cli::printError(verb.name, drawn.message);
        return ExitFailure;
    }
    // QSaveFile: an interrupted write never leaves a truncated picture behind.
    const QString path = parser.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !QImageWriter(&file, "png").write(image) || !file.commit()) {
        cli::printError(verb.name, QStringLiteral("%1: cannot write the picture: %2").arg(path, file.errorString()));
        return ExitFailure;
    }
    QTextStream(stderr) << "render: " << image.width() << "x" << image.height() << " -> " << path << "\n";
    return ExitOk;
}

} // namespace

CliVerb renderVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("render");
    verb.summary = QStringLiteral("Draw a project to a PNG without a window (needs OpenGL, e.g. under xvfb-run).");
    verb.usage = QStringLiteral("render PROJECT.gpkg -o FILE.png [--size WxH] [--view home|top]");
    verb.needsDisplay = true;
    verb.run = [verb](const QStringList &args) { return runRender(verb, args); };
    return verb;
}

} // namespace tt
