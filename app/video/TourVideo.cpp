// SPDX-License-Identifier: MIT
#include "TourVideo.h"

#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "VideoWriter.h"
#include "core/Document.h"
#include "gui/PresentationOverlay.h"
#include "present/TourTimeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace tt::TourVideo {

Status record(const Town &town, const QString &tour, const QString &path, QSize size, int fps,
              const std::function<bool(int, int)> &progress)
{
    // The timeline points into the presentation it was built from: the document's copy.
    Document document;
    document.resetTown(town);
    const Presentation &presentation = document.town().presentation;
    TourTimeline timeline;
    if (Status s = TourTimeline::build(presentation, tour, &timeline); !s)
        return s;
    OffscreenRenderer renderer;
    if (Status s = renderer.initialize(size); !s)
        return s;
    SceneController scene(&document);
    renderer.setSceneData(scene.root());
    renderer.camera().setSceneBounds(scene.dataBounds());
    VideoWriter writer;
    if (Status s = writer.open(path, size.width(), size.height(), fps); !s)
        return s;
    const int frames = std::max(1, int(std::ceil(timeline.duration() * fps)));
    const int stops = presentation.tour(tour)->stops.size();
    PresentationOverlay::Content overlay;
    overlay.title = presentation.title.isEmpty() ? town.site.name : presentation.title;
    int shownStop = -1;
    // The overlay changes only from stop to stop: painted once each, laid over every frame.
    QImage overlayImage(size, QImage::Format_ARGB32_Premultiplied);
    for (int f = 0; f < frames; ++f) {
        const TourTimeline::Frame frame = timeline.at(double(f) / fps);
        if (frame.stop != shownStop) {
            shownStop = frame.stop;
            scene.showView(*frame.view);
            overlay.caption = frame.caption;
            overlay.progress = QStringLiteral("%1 / %2").arg(frame.stop + 1).arg(stops);
            overlay.when = QLocale().toString(viewLocalTime(frame.view->hour),
                                              QCoreApplication::translate("TourVideo", "d MMMM, HH:mm"));
            overlayImage.fill(Qt::transparent);
            QPainter painter(&overlayImage);
            PresentationOverlay::paint(painter, size, overlay);
        }
        renderer.camera().setPose(CameraController::poseOf(frame.camera));
        QImage image = renderer.grab();
        if (image.isNull()) {
            writer.cancel();
            return Status::error(QStringLiteral("%1: OpenGL failed to draw frame %2").arg(path).arg(f));
        }
        QPainter painter(&image);
        painter.drawImage(0, 0, overlayImage);
        painter.end();
        if (Status s = writer.write(image); !s)
            return s;
        if (progress && !progress(f + 1, frames)) {
            writer.cancel();
            return Status::error(QStringLiteral("%1: cancelled at frame %2 of %3; no video written").arg(path).arg(f + 1).arg(frames));
        }
    }
    return writer.finish();
}

} // namespace tt::TourVideo
