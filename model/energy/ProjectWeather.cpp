// SPDX-License-Identifier: MIT
#include "ProjectWeather.h"

#include "WeatherYear.h"
#include "core/BundledResources.h"
#include "core/Town.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <limits>

namespace tt::ProjectWeather {

namespace {

const QString kBundledFolder = QStringLiteral(":/towntwin/weather/");

struct Station {
    QString reference;
    double latitudeDeg = 0.0;
    double longitudeDeg = 0.0;
};

//! The bundled stations from their LOCATION lines (the first line: reading the whole year is not needed).
const QVector<Station> &bundledStations()
{
    static const QVector<Station> stations = [] {
        QVector<Station> out;
        for (const QString &reference : bundled()) {
            QFile file(resolve(reference, QString()));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QList<QByteArray> location = file.readLine().split(',');
            if (location.size() > 7)
                out.append({reference, location[6].toDouble(), location[7].toDouble()});
        }
        return out;
    }();
    return stations;
}

} // namespace

QStringList bundled()
{
    BundledResources::ensureRegistered();
    QStringList references;
    for (const QString &name : QDir(kBundledFolder).entryList({QStringLiteral("*.epw")}, QDir::Files, QDir::Name))
        references.append(kBundledPrefix + name);
    return references;
}

QString resolve(const QString &reference, const QString &projectPath)
{
    if (reference.isEmpty())
        return {};
    if (reference.startsWith(kBundledPrefix)) {
        BundledResources::ensureRegistered();
        return kBundledFolder + reference.mid(kBundledPrefix.size());
    }
    const QFileInfo file(reference);
    if (projectPath.isEmpty())
        return QDir::cleanPath(reference);
    const QDir folder = QFileInfo(projectPath).absoluteDir();
    if (!file.isAbsolute())
        return QDir::cleanPath(folder.filePath(reference));
    if (!file.exists() && folder.exists(file.fileName()))
        return folder.filePath(file.fileName());
    return QDir::cleanPath(reference);
}

QString bundledNear(const Site &site)
{
    if (!WeatherYear::siteHasLocation(site))
        return {};
    QString nearest;
    double nearestKm = std::numeric_limits<double>::infinity();
    for (const Station &s : bundledStations()) {
        const double km = WeatherYear::distanceKm(site.latitude, site.longitude, s.latitudeDeg, s.longitudeDeg);
        if (km < nearestKm) {
            nearestKm = km;
            nearest = s.reference;
        }
    }
    return nearestKm <= WeatherYear::kFarStationKm ? nearest : QString();
}

Choice choose(const Town &town, const QString &projectPath)
{
    const QString named = town.settings.value(kSettingKey).toString();
    if (!named.isEmpty())
        return {named, resolve(named, projectPath), Origin::Project};
    const QString near = bundledNear(town.site);
    if (!near.isEmpty())
        return {near, resolve(near, projectPath), Origin::BundledNearSite};
    return {};
}

QString referenceFor(const QString &path)
{
    if (path.startsWith(kBundledPrefix))
        return path;
    if (path.startsWith(kBundledFolder))
        return kBundledPrefix + path.mid(kBundledFolder.size());
    return QFileInfo(path).absoluteFilePath();
}

QString displayName(const QString &reference)
{
    if (reference.startsWith(kBundledPrefix))
        return QStringLiteral("%1 (bundled)").arg(reference.mid(kBundledPrefix.size()));
    return QFileInfo(reference).fileName();
}

} // namespace tt::ProjectWeather
