// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace tt {

//! Land-use class of a zone polygon, as the brief's zoning plan uses them.
enum class ZoneClass : quint8 {
    Agricultural,
    Residential,
    Commercial,
    Industrial,
    PublicService,
    Green,
    Water,
    Energy,
    Road,
};

constexpr int kZoneClassCount = int(ZoneClass::Road) + 1;

namespace zoneclass {
//! Stable key used in files, rule sets and the CLI ("public_service").
QString key(ZoneClass zoneClass);
QString label(ZoneClass zoneClass);
bool fromKey(const QString &key, ZoneClass *zoneClass);
//! Maps common land-use vocabularies (OSM landuse=*, planning codes, free text) onto a class.
//! Returns false when the value names nothing it knows.
bool fromSourceValue(const QString &value, ZoneClass *zoneClass);
//! Overlay colour, the conventional planning palette (yellow homes, red commerce, purple industry...).
QColor color(ZoneClass zoneClass);
//! True for classes counted as built-up land (the brief's "1 km² built up").
bool isBuiltUp(ZoneClass zoneClass);
QStringList allKeys();
} // namespace zoneclass

} // namespace tt
