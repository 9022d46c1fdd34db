// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVector>

namespace tt {

struct Town;

//! Which archetype set (resources/energy/archetypes/<key>.json) a town is
//! simulated with: the one its settings name under kSettingKey, else the first
//! set whose region (a lon/lat outline in resources/energy/regions) contains
//! the site, else kDefault. So a town in China gets the Chinese buildings and
//! one in Switzerland, or anywhere without a set of its own, the SIA/CEA ones.
namespace ArchetypeSets {

inline const QString kSettingKey = QStringLiteral("archetype_set");
inline const QString kDefault = QStringLiteral("ch");

struct Info {
    QString key;
    QString name;
};

//! The bundled sets, by key.
QVector<Info> bundled();
//! Whether `key` names a bundled set.
bool exists(const QString &key);
//! The set for `town`; `why` (optional) says how it was chosen ("the project's choice",
//! "the site lies in its region", "the default for sites elsewhere").
QString forTown(const Town &town, QString *why = nullptr);

} // namespace ArchetypeSets

} // namespace tt
