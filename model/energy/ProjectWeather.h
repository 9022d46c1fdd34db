// SPDX-License-Identifier: MIT
#pragma once

#include "core/Site.h"

#include <QString>
#include <QStringList>

namespace tt {

struct Town;

//! Which weather file a project simulates with. A project names it in its
//! settings under kSettingKey: "bundled:NAME" for a file TownTwin ships in
//! resources/weather, or a path (absolute, or relative to the project's
//! folder). A project that names none uses the bundled file whose station is
//! nearest to the site, if that lies within WeatherYear::kFarStationKm.
namespace ProjectWeather {

inline const QString kSettingKey = QStringLiteral("weather_file");
inline const QString kBundledPrefix = QStringLiteral("bundled:");
//! The weather of the sample town and of sites near Shanghai.
inline const QString kShanghai = QStringLiteral("bundled:CHN_Shanghai-Hongqiao_TMYx.epw");

//! How the weather in use was chosen, for kpis.json and the Energy dock.
enum class Origin { None, Project, BundledNearSite };

struct Choice {
    QString reference;  //!< as a project stores it ("bundled:NAME" or a path); empty for none
    QString path;       //!< what EpwReader opens (a ":/" resource for bundled files)
    Origin origin = Origin::None;
};

//! Names of the bundled EPW files, as "bundled:NAME".
QStringList bundled();
//! The readable path of a reference: a ":/" resource for a bundled one, a path
//! as it is or against projectPath's folder when relative. An absolute path that
//! no longer exists falls back to a file of that name in the project's folder,
//! so a project folder moved with its weather file keeps it.
QString resolve(const QString &reference, const QString &projectPath);
//! The project's weather, else the bundled file near its site; Origin::None when neither.
Choice choose(const Town &town, const QString &projectPath);
//! The bundled file nearest to `site` within WeatherYear::kFarStationKm; empty when none is.
QString bundledNear(const Site &site);
//! What a project stores for the EPW at `path` (a path, or a bundled file by
//! its ":/" path or its "bundled:NAME"): the bundled reference for a bundled
//! file, else the absolute path.
QString referenceFor(const QString &path);
//! "CHN_Shanghai-Hongqiao_TMYx.epw (bundled)" or the file name.
QString displayName(const QString &reference);

} // namespace ProjectWeather

} // namespace tt
