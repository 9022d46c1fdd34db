// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "core/Town.h"

#include <QStringList>

namespace tt {

//! The project file: one GeoPackage with every entity as a vector layer, the
//! terrain as a raster table, settings and rules in attribute tables. Opens in
//! QGIS as a plain GeoPackage.
namespace ProjectFile {
//! Writes atomically: a temporary file beside `path`, then a rename; on any
//! failure the old file is untouched and no temporary file is left behind,
//! also when SIGINT, SIGTERM or SIGHUP ends the process during the save
//! (unless the program ignores or handles that signal itself).
Status save(const Town &town, const QString &path);
//! Reads a project written by save(); the town is unchanged on failure. What the
//! importer would not accept (core/Plausibility: a NULL footprint, a 1e9 m height,
//! 0 m² per resident, ...) is left out, replaced the way the importer replaces it or,
//! for a setting, removed so its default applies; *warnings (when given) gets one
//! message per change, naming the file, the layer, the entity id and the problem.
Status load(const QString &path, Town *town, QStringList *warnings = nullptr);
//! Test hook: later saves fail right after writing this layer or table ("terrain", "towntwin_meta", ...);
//! an empty name turns the failure off.
void setFailAfterLayerForTesting(const QString &layerName);
} // namespace ProjectFile

} // namespace tt
