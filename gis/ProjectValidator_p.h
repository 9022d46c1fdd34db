// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

#include <QSet>
#include <QStringList>

namespace tt {

//! What opening a project checks beyond the file format: the limits the importer
//! applies (core/Plausibility), since a project edited in QGIS or by a script can hold
//! what no import would write. Nothing unusable is kept and nothing is changed in
//! silence: an entity without a usable shape is left out, an implausible value is
//! replaced as the importer would replace it, an implausible setting is removed so its
//! default applies, and each of them gets one message naming the file, the layer, the
//! row id (= entity id) and the source id.
class ProjectValidator {
public:
    explicit ProjectValidator(const QString &path) : m_path(path) {}

    //! Asset rows whose position is NULL: the reader cannot tell them from (0, 0) afterwards.
    void addAssetWithoutPosition(EntityId id) { m_assetsWithoutPosition.insert(id); }

    //! Leaves out, repairs or resets what breaks the limits; one message per change.
    QStringList apply(Town *town) const;

private:
    QString where(const char *layer, EntityId id, const QString &sourceId = QString()) const;
    void checkBuildings(Town *town, QStringList *messages) const;
    void checkZonesAndRoads(Town *town, QStringList *messages) const;
    void checkAssets(Town *town, QStringList *messages) const;
    //! Nodes without a position or with a missing building; links to missing nodes or
    //! nodes of another carrier, or without a route.
    void checkNetworks(Town *town, QStringList *messages) const;
    void checkTerrain(Town *town, QStringList *messages) const;
    void checkSettings(Town *town, QStringList *messages) const;

    QString m_path;
    QSet<EntityId> m_assetsWithoutPosition;
};

} // namespace tt
