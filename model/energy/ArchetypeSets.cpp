// SPDX-License-Identifier: MIT
#include "ArchetypeSets.h"

#include "core/BundledResources.h"
#include "core/Geometry.h"
#include "core/Town.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tt::ArchetypeSets {

namespace {

struct Set {
    Info info;
    QVector<Polygon> region;  //!< lon/lat; empty: no region of its own
};

// A GeoJSON (Multi)Polygon's rings as lon/lat polygons.
QVector<Polygon> readRegion(const QString &file)
{
    QVector<Polygon> out;
    const QJsonObject root = QJsonDocument::fromJson(BundledResources::read(file)).object();
    for (const QJsonValue &feature : root.value(QLatin1String("features")).toArray()) {
        const QJsonObject geometry = feature.toObject().value(QLatin1String("geometry")).toObject();
        QJsonArray polygons = geometry.value(QLatin1String("coordinates")).toArray();
        if (geometry.value(QLatin1String("type")).toString() == QLatin1String("Polygon"))
            polygons = QJsonArray{polygons};
        for (const QJsonValue &polygon : polygons) {
            Polygon p;
            const QJsonArray rings = polygon.toArray();
            for (int r = 0; r < rings.size(); ++r) {
                Ring ring;
                for (const QJsonValue &point : rings[r].toArray())
                    ring.append({point.toArray().at(0).toDouble(), point.toArray().at(1).toDouble()});
                if (r == 0)
                    p.outer = ring;
                else
                    p.holes.append(ring);
            }
            out.append(p);
        }
    }
    return out;
}

const QVector<Set> &sets()
{
    static const QVector<Set> all = [] {
        BundledResources::ensureRegistered();
        QVector<Set> out;
        const QString folder = QStringLiteral(":/towntwin/energy/archetypes");
        for (const QString &name : QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QJsonObject root = QJsonDocument::fromJson(
                                         BundledResources::read(QStringLiteral("energy/archetypes/") + name))
                                         .object();
            Set s;
            s.info.key = QFileInfo(name).completeBaseName();
            s.info.name = root.value(QLatin1String("name")).toString(s.info.key);
            const QString region = root.value(QLatin1String("region")).toString();
            if (!region.isEmpty())
                s.region = readRegion(region);
            out.append(s);
        }
        return out;
    }();
    return all;
}

} // namespace

QVector<Info> bundled()
{
    QVector<Info> out;
    for (const Set &s : sets())
        out.append(s.info);
    return out;
}

bool exists(const QString &key)
{
    for (const Set &s : sets())
        if (s.info.key == key)
            return true;
    return false;
}

QString forTown(const Town &town, QString *why)
{
    const QString chosen = town.settings.value(kSettingKey).toString();
    if (exists(chosen)) {
        if (why)
            *why = QStringLiteral("the project's choice");
        return chosen;
    }
    // A set the project names but TownTwin does not have (a typo, a newer file) is said, not hidden.
    const QString unknown = chosen.isEmpty() ? QString()
                                             : QStringLiteral("the project's '%1' is no archetype set; ").arg(chosen);
    const Site &site = town.site;
    // Towns built in code without a location are at (0, 0): in no region.
    if (site.latitude != 0.0 || site.longitude != 0.0) {
        const Vec2 where{site.longitude, site.latitude};
        for (const Set &s : sets())
            for (const Polygon &p : s.region)
                if (geometry::contains(p, where)) {
                    if (why)
                        *why = unknown + QStringLiteral("the site lies in its region");
                    return s.info.key;
                }
    }
    if (why)
        *why = unknown + QStringLiteral("the default for sites elsewhere");
    return kDefault;
}

} // namespace tt::ArchetypeSets
