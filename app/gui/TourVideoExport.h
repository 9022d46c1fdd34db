// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QSize>

class QWidget;

namespace tt {

struct Town;

//! File ▸ Export tour video…: the tour filmed as TourVideo does, with a progress
//! dialog whose Cancel stops it and leaves no file.
namespace TourVideoExport {
//! Asks for the file and the size, then films. On success the message says where the
//! video went; it is empty when the presenter closed a dialog instead.
Status exportWithDialog(QWidget *parent, const Town &town, const QString &tour);
//! Films with a progress dialog over `parent`.
Status exportTo(QWidget *parent, const Town &town, const QString &tour, const QString &path, QSize size, int fps);
} // namespace TourVideoExport

} // namespace tt
