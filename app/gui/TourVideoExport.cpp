// SPDX-License-Identifier: MIT
#include "TourVideoExport.h"

#include "core/Town.h"
#include "video/TourVideo.h"

#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QProgressDialog>

namespace tt::TourVideoExport {

Status exportTo(QWidget *parent, const Town &town, const QString &tour, const QString &path, QSize size, int fps)
{
    QProgressDialog progress(QApplication::translate("TourVideoExport", "Filming the tour '%1'…").arg(tour),
                             QApplication::translate("TourVideoExport", "Cancel"), 0, 100, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    return TourVideo::record(town, tour, path, size, fps, [&progress](int frame, int frames) {
        progress.setMaximum(frames);
        progress.setValue(frame);  // a modal dialog processes events here, Cancel too
        return !progress.wasCanceled();
    });
}

Status exportWithDialog(QWidget *parent, const Town &town, const QString &tour)
{
    if (!town.presentation.tour(tour))
        return Status::error(QApplication::translate("TourVideoExport", "Pick a tour in the Views dock to film first."));
    QString path = QFileDialog::getSaveFileName(parent, QApplication::translate("TourVideoExport", "Export tour video"),
                                                tour + QStringLiteral(".mp4"),
                                                QApplication::translate("TourVideoExport", "MP4 video (*.mp4)"));
    if (path.isEmpty())
        return Status::success();
    if (!path.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive))
        path += QStringLiteral(".mp4");
    const QStringList sizes{QStringLiteral("1280x720"), QStringLiteral("1920x1080"), QStringLiteral("3840x2160")};
    bool ok = false;
    const QString size = QInputDialog::getItem(parent, QApplication::translate("TourVideoExport", "Export tour video"),
                                               QApplication::translate("TourVideoExport", "Frame size (25 frames a second)"),
                                               sizes, 0, false, &ok);
    if (!ok)
        return Status::success();
    const QStringList wh = size.split(QLatin1Char('x'));
    if (Status s = exportTo(parent, town, tour, path, QSize(wh[0].toInt(), wh[1].toInt()), 25); !s)
        return s;
    return Status{true, QApplication::translate("TourVideoExport", "Tour '%1' filmed at %2 into %3").arg(tour, size, path)};
}

} // namespace tt::TourVideoExport
