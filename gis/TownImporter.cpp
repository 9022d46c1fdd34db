// SPDX-License-Identifier: MIT
#include "TownImporter.h"

#include "AttributeJoin_p.h"
#include "BuildingAttributes_p.h"
#include "Crs_p.h"
#include "FeatureGeometry_p.h"
#include "GdalSession_p.h"
#include "RoadClass.h"
#include "TerrainLoader_p.h"
#include "VectorLayerReader_p.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace tt {

namespace {

// Share of the overall progress bar each stage ends at.
constexpr double kBuildingsReadEnd = 0.55;
constexpr double kBuildingsPlacedEnd = 0.60;
constexpr double kZonesEnd = 0.68;
constexpr double kRoadsEnd = 0.76;
constexpr double kTerrainEnd = 0.90;

// OGR features carry no id of their own in most formats; the FID names them in messages.
QString fidLabel(OGRFeatureH feature)
{
    return QStringLiteral("FID %1").arg(OGR_F_GetFID(feature));
}

QString partId(const QString &id, int part)
{
    return part == 0 ? id : QStringLiteral("%1#%2").arg(id).arg(part + 1);
}

bool outsideLonLat(const Polygon &polygon)
{
    return std::any_of(polygon.outer.begin(), polygon.outer.end(),
                       [](Vec2 p) { return std::abs(p.x) > 180.0 || std::abs(p.y) > 90.0; });
}

// Footprints counter-clockwise, holes clockwise, whatever the source's convention
// (shapefiles are the other way round; the Lo19 axes point west and south).
void orient(Polygon *polygon)
{
    if (geometry::signedArea(polygon->outer) < 0)
        std::reverse(polygon->outer.begin(), polygon->outer.end());
    for (Ring &hole : polygon->holes)
        if (geometry::signedArea(hole) > 0)
            std::reverse(hole.begin(), hole.end());
}

// The closest valid terrain sample to p, searched in growing squares around the
// nearest grid cell; NaN only for an all-NoData grid.
double nearestValidElevation(const Terrain &terrain, Vec2 p)
{
    const int cols = terrain.columns(), rows = terrain.rows();
    const int c0 = std::clamp(int(std::lround((p.x - terrain.originX()) / terrain.cellSize())), 0, cols - 1);
    const int r0 = std::clamp(int(std::lround((p.y - terrain.originY()) / terrain.cellSize())), 0, rows - 1);
    for (int radius = 0; radius < std::max(cols, rows); ++radius) {
        double best = NAN, bestDistance = INFINITY;
        for (int r = std::max(0, r0 - radius); r <= std::min(rows - 1, r0 + radius); ++r) {
            for (int c = std::max(0, c0 - radius); c <= std::min(cols - 1, c0 + radius); ++c) {
                if (std::max(std::abs(r - r0), std::abs(c - c0)) != radius)
                    continue;
                const float h = terrain.sample(c, r);
                const double d = std::hypot(c - c0, r - r0);
                if (!std::isnan(h) && d < bestDistance) {
                    best = h;
                    bestDistance = d;
                }
            }
        }
        if (!std::isnan(best))
            return best;
    }
    return NAN;
}

//! One import: the state shared by its stages, which run in order and stop at the first failure.
class ImportRun {
public:
    ImportRun(const ImportOptions &options, const TownImporter::Progress &progress)
        : m_options(options), m_progress(progress)
    {
    }

    ImportReport run()
    {
        if (readBuildings() && chooseProjectCrs() && placeBuildings() && readContext() && readZones() && readRoads()
            && loadTerrain()
            && setGround())
            finish();
        if (!m_report.status)
            m_report.town = Town();
        return std::move(m_report);
    }

private:
    bool fail(ImportFailure failure, const QString &message)
    {
        m_report.failure = failure;
        m_report.status = Status::error(message);
        return false;
    }

    //! Reports progress every ~1% of count items; false (and a Cancelled failure) when the user cancels.
    bool tick(qint64 index, qint64 count, double from, double to, const QString &stage)
    {
        const qint64 step = count > 0 ? std::max<qint64>(1, count / 100) : 1024;
        if (index % step != 0)
            return true;
        const double fraction = count > 0 ? from + (to - from) * double(index) / double(count) : from;
        return report(fraction, stage);
    }

    bool report(double fraction, const QString &stage)
    {
        if (m_progress && !m_progress(std::clamp(fraction, 0.0, 1.0), stage))
            return fail(ImportFailure::Cancelled, QStringLiteral("import cancelled"));
        return true;
    }

    //! The CRS a layer's coordinates are in: the declared one, else --assume-crs, else a NoCrs failure.
    bool sourceCrs(const VectorLayerReader &reader, const QString &path, crs::SrsPtr *srs, bool *assumed)
    {
        const OGRSpatialReference *declared = reader.spatialRef();
        *assumed = !declared || declared->IsEmpty();
        if (!*assumed) {
            *srs = crs::traditional(*declared);
            return true;
        }
        if (!m_assumedCrs)
            return fail(ImportFailure::NoCrs,
                        QStringLiteral("%1: the layer declares no CRS; name it with --assume-crs EPSG:n").arg(path));
        *srs = crs::traditional(*m_assumedCrs);
        return true;
    }

    //! Transforms points in place into the project CRS; false if any point fails.
    bool transform(OGRCoordinateTransformation *transformation, QVector<Vec2> *points)
    {
        if (!transformation)
            return true;
        const int n = int(points->size());
        m_xs.resize(n);
        m_ys.resize(n);
        m_ok.resize(n);
        for (int i = 0; i < n; ++i) {
            m_xs[i] = (*points)[i].x;
            m_ys[i] = (*points)[i].y;
        }
        if (!transformation->Transform(n, m_xs.data(), m_ys.data(), nullptr, m_ok.data()))
            return false;
        for (int i = 0; i < n; ++i) {
            if (!m_ok[i] || !std::isfinite(m_xs[i]) || !std::isfinite(m_ys[i]))
                return false;
            (*points)[i] = Vec2{m_xs[i], m_ys[i]};
        }
        return true;
    }

    bool transformPolygon(OGRCoordinateTransformation *transformation, Polygon *polygon)
    {
        if (!transform(transformation, &polygon->outer))
            return false;
        for (Ring &hole : polygon->holes)
            if (!transform(transformation, &hole))
                return false;
        return true;
    }

    void toLocal(QVector<Vec2> *points) const
    {
        for (Vec2 &p : *points)
            p = m_report.town.site.toLocal(p.x, p.y);
    }

    void toLocal(Polygon *polygon) const
    {
        toLocal(&polygon->outer);
        for (Ring &hole : polygon->holes)
            toLocal(&hole);
    }

    bool readBuildings()
    {
        const QString &path = m_options.buildingsPath;
        if (!report(0.0, QStringLiteral("Reading buildings")))
            return false;
        if (!m_options.assumeCrs.isEmpty()) {
            m_assumedCrs = crs::fromUserInput(m_options.assumeCrs);
            if (!m_assumedCrs)
                return fail(ImportFailure::Other,
                            QStringLiteral("--assume-crs '%1' is not a CRS GDAL knows (try EPSG:n)").arg(m_options.assumeCrs));
        }
        VectorLayerReader reader;
        const Status opened = reader.open(path, m_options.layerName, VectorLayerReader::Kind::Polygons);
        if (!opened)
            return fail(ImportFailure::CannotOpen, opened.message);
        if (!sourceCrs(reader, path, &m_buildingsCrs, &m_buildingsCrsAssumed))
            return false;

        AttributeJoin join;
        if (!m_options.joinPath.isEmpty()) {
            const Status loaded = join.load(m_options.joinPath, m_options.joinKey);
            if (!loaded)
                return fail(ImportFailure::CannotOpen, loaded.message);
        }
        BuildingAttributes attributes;
        const Status ready = attributes.init(reader.definition(), m_options, m_options.joinPath.isEmpty() ? nullptr : &join);
        if (!ready)
            return fail(ImportFailure::Other, ready.message);

        const qint64 count = reader.featureCount();
        m_buildings.reserve(size_t(std::max<qint64>(0, count)));
        m_idFromFid.reserve(size_t(std::max<qint64>(0, count)));
        const QString joinFile = QFileInfo(m_options.joinPath).fileName();
        qint64 features = 0;
        int wrongGeometry = 0;
        OGRLayerH layer = reader.layer();
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            if (!tick(features, count, 0.0, kBuildingsReadEnd, QStringLiteral("Reading buildings"))) {
                OGR_F_Destroy(feature);
                return false;
            }
            ++features;
            Building building;
            const BuildingAttributes::Outcome outcome = attributes.read(feature, &building);
            // Built only when a message needs it: no string work per feature otherwise.
            const auto featureLabel = [&] { return outcome.idFromFid ? fidLabel(feature) : building.sourceId; };
            const featuregeometry::Polygons shape =
                featuregeometry::polygons(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)));
            if (shape.parts.isEmpty()) {
                wrongGeometry += shape.wrongType ? 1 : 0;
                m_report.skipped.append({path, featureLabel(), withGdalError(shape.problem)});
            } else {
                if (!shape.repair.isEmpty())
                    m_report.repaired.append({path, featureLabel(), shape.repair});
                if (outcome.joinMissing)
                    m_report.warnings.append(
                        {path, featureLabel(),
                         QStringLiteral("no row with %1 = '%2' in %3: use and year come from the buildings layer only")
                             .arg(m_options.joinKey, QString::fromUtf8(attributes.joinKeyOf(feature)), joinFile)});
                // A multipolygon becomes one building per part: OSM and cadastre multipolygons
                // are usually detached blocks, each standing on its own ground.
                for (int part = 1; part < shape.parts.size(); ++part) {
                    Building b = building;
                    b.sourceId = partId(building.sourceId, part);
                    b.footprint = shape.parts[part];
                    m_buildings.push_back(std::move(b));
                    m_idFromFid.push_back(outcome.idFromFid);
                }
                building.footprint = shape.parts[0];
                m_buildings.push_back(std::move(building));
                m_idFromFid.push_back(outcome.idFromFid);
            }
            OGR_F_Destroy(feature);
        }
        if (count > features) {
            m_report.skipped.append({path, QStringLiteral("features %1..%2").arg(features + 1).arg(count),
                                     QStringLiteral("could not be read: the file ends early or is corrupt%1")
                                         .arg(m_session.lastError().isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" (%1)").arg(m_session.lastError()))});
        }
        if (features == 0)
            return fail(ImportFailure::EmptyLayer, QStringLiteral("%1: the buildings layer has no features").arg(path));
        if (m_buildings.empty() && wrongGeometry > 0)
            return fail(ImportFailure::WrongGeometry,
                        QStringLiteral("%1: none of the %2 features is a polygon (%3): is this the buildings layer?")
                            .arg(path)
                            .arg(features)
                            .arg(m_report.skipped.first().reason));
        if (m_buildings.empty())
            return fail(ImportFailure::EmptyLayer,
                        QStringLiteral("%1: none of the %2 features is a usable building (%3)")
                            .arg(path)
                            .arg(features)
                            .arg(m_report.skipped.first().reason));
        return rejectImpossibleLonLat();
    }

    //! Adds what GDAL said while reading the feature (a corrupt record, say) to a reason.
    QString withGdalError(const QString &reason)
    {
        const QString gdal = m_session.lastError();
        if (gdal.isEmpty())
            return reason;
        m_session.clearError();
        return QStringLiteral("%1 (GDAL: %2)").arg(reason, gdal);
    }

    //! A "lon/lat" layer whose coordinates are mostly beyond ±180/±90 is in projected
    //! metres that the file mislabels (typically a GeoJSON without a crs member).
    bool rejectImpossibleLonLat()
    {
        if (!m_buildingsCrs->IsGeographic())
            return true;
        std::vector<char> outside(m_buildings.size());
        size_t outsideCount = 0;
        for (size_t i = 0; i < m_buildings.size(); ++i) {
            outside[i] = outsideLonLat(m_buildings[i].footprint);
            outsideCount += outside[i];
        }
        if (outsideCount == 0)
            return true;
        if (outsideCount * 2 > m_buildings.size() && m_assumedCrs && !m_buildingsCrsAssumed) {
            // The file's own CRS cannot be right: --assume-crs overrides it.
            m_buildingsCrs = crs::traditional(*m_assumedCrs);
            m_buildingsCrsAssumed = true;
            return rejectImpossibleLonLat();
        }
        if (outsideCount * 2 > m_buildings.size()) {
            const Vec2 p = m_buildings[size_t(std::find(outside.begin(), outside.end(), 1) - outside.begin())].footprint.outer.first();
            const QString hint = m_buildingsCrsAssumed
                ? QStringLiteral("--assume-crs %1 is geographic but the coordinates are not").arg(m_options.assumeCrs)
                : QStringLiteral("the file says longitude/latitude (%1)").arg(crs::shortName(*m_buildingsCrs));
            return fail(ImportFailure::ImpossibleCrs,
                        QStringLiteral("%1: coordinates such as (%2, %3) cannot be longitude/latitude although %4; "
                                       "they look like projected metres: name their CRS with --assume-crs EPSG:n")
                            .arg(m_options.buildingsPath)
                            .arg(p.x, 0, 'f', 1)
                            .arg(p.y, 0, 'f', 1)
                            .arg(hint));
        }
        std::vector<char> keep(outside.size());
        for (size_t i = 0; i < outside.size(); ++i) {
            keep[i] = !outside[i];
            if (outside[i])
                m_report.skipped.append({m_options.buildingsPath, label(i),
                                         QStringLiteral("coordinates outside the longitude/latitude range")});
        }
        compact(keep);
        return true;
    }

    //! How messages name building i: its source id, or "FID n" when the source has no id.
    QString label(size_t i) const
    {
        return m_idFromFid[i] ? QStringLiteral("FID ") + m_buildings[i].sourceId : m_buildings[i].sourceId;
    }

    //! Drops the buildings whose keep flag is 0, keeping the FID flags in step.
    void compact(const std::vector<char> &keep)
    {
        size_t kept = 0;
        for (size_t i = 0; i < m_buildings.size(); ++i) {
            if (!keep[i])
                continue;
            if (kept != i) {
                m_buildings[kept] = std::move(m_buildings[i]);
                m_idFromFid[kept] = m_idFromFid[i];
            }
            ++kept;
        }
        m_buildings.resize(kept);
        m_idFromFid.resize(kept);
    }

    bool chooseProjectCrs()
    {
        if (crs::isMetricProjected(*m_buildingsCrs)) {
            m_project = crs::traditional(*m_buildingsCrs);
            return true;
        }
        // Geographic (or projected in feet): the UTM zone of the data's centre.
        Bounds2 bounds;
        for (const Building &b : m_buildings)
            bounds.add(geometry::bounds(b.footprint.outer));
        Vec2 centre = bounds.center();
        const crs::SrsPtr lonLat = crs::wgs84();
        if (!m_buildingsCrs->IsSame(lonLat.get())) {
            const crs::TransformPtr toLonLat = crs::transformation(*m_buildingsCrs, *lonLat);
            if (!toLonLat || !toLonLat->Transform(1, &centre.x, &centre.y))
                return fail(ImportFailure::Other, QStringLiteral("%1: cannot locate the data on Earth from its CRS (%2)")
                                                      .arg(m_options.buildingsPath, crs::shortName(*m_buildingsCrs)));
        }
        m_project = crs::utmZoneFor(centre.x, centre.y);
        return true;
    }

    bool placeBuildings()
    {
        const QString stage = QStringLiteral("Projecting buildings");
        crs::TransformPtr transformation;
        if (!m_buildingsCrs->IsSame(m_project.get())) {
            transformation = crs::transformation(*m_buildingsCrs, *m_project);
            if (!transformation)
                return fail(ImportFailure::Other, QStringLiteral("%1: no transformation from %2 to %3")
                                                      .arg(m_options.buildingsPath, crs::shortName(*m_buildingsCrs),
                                                           crs::shortName(*m_project)));
        }
        const size_t n = m_buildings.size();
        std::vector<char> keep(n, 1);
        bool dropped = false;
        Bounds2 bounds;
        for (size_t i = 0; i < n; ++i) {
            if (!tick(qint64(i), qint64(n), kBuildingsReadEnd, kBuildingsPlacedEnd, stage))
                return false;
            Polygon &footprint = m_buildings[i].footprint;
            if (!transformPolygon(transformation.get(), &footprint)) {
                keep[i] = 0;
                dropped = true;
                m_report.skipped.append({m_options.buildingsPath, label(i),
                                         QStringLiteral("cannot be transformed into %1").arg(crs::shortName(*m_project))});
                continue;
            }
            bounds.add(geometry::bounds(footprint.outer));
        }
        if (dropped)
            compact(keep);
        if (m_buildings.empty())
            return fail(ImportFailure::Other,
                        QStringLiteral("%1: no building can be placed in %2").arg(m_options.buildingsPath, crs::shortName(*m_project)));

        Site &site = m_report.town.site;
        site.name = QFileInfo(m_options.buildingsPath).absoluteDir().dirName();
        site.crsWkt = crs::wkt2(*m_project);
        site.crsName = crs::shortName(*m_project);
        // Whole metres: the origin is a round number a planner can read, and local
        // coordinates stay small enough for float scenes to be exact to the millimetre.
        site.originE = std::round(bounds.center().x);
        site.originN = std::round(bounds.center().y);
        double lon = site.originE, lat = site.originN;
        const crs::SrsPtr lonLat = crs::wgs84();
        const crs::TransformPtr toLonLat = crs::transformation(*m_project, *lonLat);
        if (toLonLat && toLonLat->Transform(1, &lon, &lat)) {
            site.longitude = lon;
            site.latitude = lat;
            // Approximation: the solar time zone. Political zones (and daylight saving)
            // can differ by an hour or more; the user may correct it in the site settings.
            site.utcOffsetHours = std::round(lon / 15.0);
        }
        for (Building &b : m_buildings) {
            toLocal(&b.footprint);
            orient(&b.footprint);
        }
        return true;
    }

    //! Opens an optional zones or roads layer and its transformation into the project CRS.
    bool openLayer(const QString &path, VectorLayerReader::Kind kind, VectorLayerReader *reader,
                   crs::TransformPtr *transformation)
    {
        const Status opened = reader->open(path, QString(), kind);
        if (!opened)
            return fail(ImportFailure::CannotOpen, opened.message);
        crs::SrsPtr srs;
        bool assumed = false;
        if (!sourceCrs(*reader, path, &srs, &assumed))
            return false;
        OGREnvelope extent;
        if (srs->IsGeographic() && OGR_L_GetExtent(reader->layer(), &extent, TRUE) == OGRERR_NONE
            && (std::abs(extent.MinX) > 180.0 || std::abs(extent.MaxX) > 180.0 || std::abs(extent.MinY) > 90.0
                || std::abs(extent.MaxY) > 90.0)) {
            // Same rule as for buildings: a "lon/lat" layer in metres needs --assume-crs.
            if (!m_assumedCrs || assumed)
                return fail(ImportFailure::ImpossibleCrs,
                            QStringLiteral("%1: coordinates up to (%2, %3) cannot be longitude/latitude; they look like "
                                           "projected metres: name their CRS with --assume-crs EPSG:n")
                                .arg(path)
                                .arg(extent.MaxX, 0, 'f', 1)
                                .arg(extent.MaxY, 0, 'f', 1));
            srs = crs::traditional(*m_assumedCrs);
        }
        if (srs->IsSame(m_project.get()))
            return true;
        *transformation = crs::transformation(*srs, *m_project);
        if (!*transformation)
            return fail(ImportFailure::Other, QStringLiteral("%1: no transformation from %2 to %3")
                                                  .arg(path, crs::shortName(*srs), crs::shortName(*m_project)));
        return true;
    }

    static QString fieldText(OGRFeatureH feature, int field)
    {
        return field >= 0 && OGR_F_IsFieldSetAndNotNull(feature, field)
            ? QString::fromUtf8(OGR_F_GetFieldAsString(feature, field)).trimmed()
            : QString();
    }

    static QString featureId(OGRFeatureH feature, int idField)
    {
        const QString id = fieldText(feature, idField);
        return id.isEmpty() ? QString::number(OGR_F_GetFID(feature)) : id;
    }

    //! The surroundings layer: read like buildings (heights, uses), placed in the
    //! project CRS and flagged as context; no join (attribute tables describe the plan).
    bool readContext()
    {
        const QString &path = m_options.contextPath;
        if (path.isEmpty())
            return true;
        VectorLayerReader reader;
        crs::TransformPtr transformation;
        if (!report(kBuildingsPlacedEnd, QStringLiteral("Reading surroundings"))
            || !openLayer(path, VectorLayerReader::Kind::Polygons, &reader, &transformation))
            return false;
        ImportOptions withoutJoin = m_options;
        withoutJoin.joinPath.clear();
        BuildingAttributes attributes;
        if (const Status ready = attributes.init(reader.definition(), withoutJoin, nullptr); !ready)
            return fail(ImportFailure::Other, QStringLiteral("%1: %2").arg(path, ready.message));
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            Building building;
            const BuildingAttributes::Outcome outcome = attributes.read(feature, &building);
            const QString id = outcome.idFromFid ? fidLabel(feature) : building.sourceId;
            const featuregeometry::Polygons shape =
                featuregeometry::polygons(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)));
            if (shape.parts.isEmpty()) {
                m_report.skipped.append({path, id, withGdalError(shape.problem)});
                continue;
            }
            if (!shape.repair.isEmpty())
                m_report.repaired.append({path, id, shape.repair});
            building.context = true;
            for (int part = 0; part < shape.parts.size(); ++part) {
                Building b = building;
                b.sourceId = part == 0 ? building.sourceId : partId(building.sourceId, part);
                b.footprint = shape.parts[part];
                if (!transformPolygon(transformation.get(), &b.footprint)) {
                    m_report.skipped.append({path, id, QStringLiteral("cannot be transformed into %1").arg(crs::shortName(*m_project))});
                    continue;
                }
                toLocal(&b.footprint);
                orient(&b.footprint);
                m_buildings.push_back(std::move(b));
                m_idFromFid.push_back(outcome.idFromFid);
            }
        }
        return true;
    }

    //! The file a building came from, for messages.
    const QString &sourceOf(size_t i) const
    {
        return m_buildings[i].context ? m_options.contextPath : m_options.buildingsPath;
    }

    bool readZones()
    {
        const QString &path = m_options.zonesPath;
        if (path.isEmpty())
            return true;
        const QString stage = QStringLiteral("Reading zones");
        VectorLayerReader reader;
        crs::TransformPtr transformation;
        if (!report(kBuildingsPlacedEnd, stage) || !openLayer(path, VectorLayerReader::Kind::Polygons, &reader, &transformation))
            return false;
        const QStringList classFields = m_options.zoneClassField.isEmpty()
            ? QStringList{QStringLiteral("class"), QStringLiteral("landuse"), QStringLiteral("zone"), QStringLiteral("use"),
                          QStringLiteral("type"), QStringLiteral("category")}
            : QStringList{m_options.zoneClassField};
        const int classField = reader.fieldIndex(classFields);
        if (classField < 0)
            return fail(ImportFailure::Other, QStringLiteral("%1: no zone class field (looked for %2); name it with --zone-field")
                                                  .arg(path, classFields.join(QStringLiteral(", "))));
        const int idField = reader.fieldIndex({QStringLiteral("osm_id"), QStringLiteral("@id"), QStringLiteral("id")});
        const int nameField = reader.fieldIndex({QStringLiteral("name")});
        const qint64 count = reader.featureCount();
        qint64 index = 0;
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            if (!tick(index++, count, kBuildingsPlacedEnd, kZonesEnd, stage))
                return false;
            const QString id = featureId(feature, idField);
            const QString value = fieldText(feature, classField);
            ZoneClass zoneClass;
            if (!zoneclass::fromSourceValue(value, &zoneClass)) {
                m_report.skipped.append({path, id, QStringLiteral("unknown zone class '%1'").arg(value)});
                continue;
            }
            const featuregeometry::Polygons shape =
                featuregeometry::polygons(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)));
            if (shape.parts.isEmpty()) {
                m_report.skipped.append({path, id, shape.problem});
                continue;
            }
            if (!shape.repair.isEmpty())
                m_report.repaired.append({path, id, shape.repair});
            for (int part = 0; part < shape.parts.size(); ++part) {
                Zone zone;
                zone.sourceId = partId(id, part);
                zone.name = fieldText(feature, nameField);
                zone.zoneClass = zoneClass;
                zone.area = shape.parts[part];
                if (!transformPolygon(transformation.get(), &zone.area)) {
                    m_report.skipped.append({path, zone.sourceId, QStringLiteral("cannot be transformed into %1")
                                                                      .arg(crs::shortName(*m_project))});
                    continue;
                }
                toLocal(&zone.area);
                orient(&zone.area);
                zone.id = m_report.town.takeId();
                m_report.town.zones.put(zone);
            }
        }
        return true;
    }

    bool readRoads()
    {
        const QString &path = m_options.roadsPath;
        if (path.isEmpty())
            return true;
        const QString stage = QStringLiteral("Reading roads");
        VectorLayerReader reader;
        crs::TransformPtr transformation;
        if (!report(kZonesEnd, stage) || !openLayer(path, VectorLayerReader::Kind::Lines, &reader, &transformation))
            return false;
        const int classField = reader.fieldIndex({QStringLiteral("highway"), QStringLiteral("class"), QStringLiteral("type"),
                                                  QStringLiteral("fclass")});
        const int idField = reader.fieldIndex({QStringLiteral("osm_id"), QStringLiteral("@id"), QStringLiteral("id")});
        const int nameField = reader.fieldIndex({QStringLiteral("name")});
        const qint64 count = reader.featureCount();
        qint64 index = 0;
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            if (!tick(index++, count, kZonesEnd, kRoadsEnd, stage))
                return false;
            const QString id = featureId(feature, idField);
            const featuregeometry::Lines shape = featuregeometry::lines(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)));
            if (shape.parts.isEmpty()) {
                m_report.skipped.append({path, id, shape.problem});
                continue;
            }
            const QString roadClass = fieldText(feature, classField);
            for (int part = 0; part < shape.parts.size(); ++part) {
                Road road;
                road.sourceId = partId(id, part);
                road.name = fieldText(feature, nameField);
                road.roadClass = roadClass;
                road.widthM = roadclass::widthM(roadClass);
                road.line = shape.parts[part];
                if (!transform(transformation.get(), &road.line)) {
                    m_report.skipped.append({path, road.sourceId, QStringLiteral("cannot be transformed into %1")
                                                                      .arg(crs::shortName(*m_project))});
                    continue;
                }
                toLocal(&road.line);
                road.id = m_report.town.takeId();
                m_report.town.roads.put(road);
            }
        }
        return true;
    }

    bool loadTerrain()
    {
        const QString stage = QStringLiteral("Reprojecting terrain");
        if (!report(kRoadsEnd, stage))
            return false;
        if (m_options.demPath.isEmpty())
            return true;  // flat ground is laid over the final data extent in finish()
        TerrainLoader loader;
        const Site &site = m_report.town.site;
        const Status loaded = loader.load(m_options.demPath, *m_project, site.originE, site.originN, m_assumedCrs.get(),
                                          [this, &stage](double f) {
                                              return !m_progress || m_progress(kRoadsEnd + (kTerrainEnd - kRoadsEnd) * f, stage);
                                          });
        if (!loaded)
            return fail(loader.failure(), loaded.message);
        m_report.town.terrain = loader.terrain();
        return true;
    }

    bool setGround()
    {
        const Terrain &terrain = m_report.town.terrain;
        if (terrain.isEmpty())
            return true;
        const QString stage = QStringLiteral("Placing buildings on the ground");
        const size_t n = m_buildings.size();
        std::vector<size_t> outside;
        for (size_t i = 0; i < n; ++i) {
            if (!tick(qint64(i), qint64(n), kTerrainEnd, 1.0, stage))
                return false;
            Building &b = m_buildings[i];
            const double ground = terrain.groundUnder(b.footprint);
            if (std::isnan(ground))
                outside.push_back(i);
            else
                b.groundM = ground;
        }
        if (outside.size() == n)
            return fail(ImportFailure::BadDem,
                        QStringLiteral("%1: the DEM does not cover any of the %2 buildings (DEM extent %3, buildings around "
                                       "%4 in %5): is it the right DEM, in the right CRS?")
                            .arg(m_options.demPath)
                            .arg(n)
                            .arg(describe(terrain.bounds()))
                            .arg(QStringLiteral("(%1, %2)").arg(m_report.town.site.originE, 0, 'f', 0).arg(m_report.town.site.originN, 0, 'f', 0))
                            .arg(m_report.town.site.crsName));
        for (size_t i : outside) {
            Building &b = m_buildings[i];
            b.groundM = nearestValidElevation(terrain, geometry::centroid(b.footprint));
            m_report.warnings.append({sourceOf(i), label(i),
                                      QStringLiteral("outside the DEM (or on NoData): ground set to the nearest valid DEM "
                                                     "sample, %1 m")
                                          .arg(b.groundM, 0, 'f', 1)});
        }
        return true;
    }

    QString describe(const Bounds2 &local) const
    {
        const Site &site = m_report.town.site;
        return QStringLiteral("%1..%2 E, %3..%4 N")
            .arg(local.minX + site.originE, 0, 'f', 0)
            .arg(local.maxX + site.originE, 0, 'f', 0)
            .arg(local.minY + site.originN, 0, 'f', 0)
            .arg(local.maxY + site.originN, 0, 'f', 0);
    }

    void finish()
    {
        Town &town = m_report.town;
        // Duplicate source ids are kept (two buildings are two buildings) but flagged,
        // since joins and edits by source id would be ambiguous. Sorting hashes is far
        // cheaper than a QHash of a million strings.
        std::vector<std::pair<size_t, size_t>> hashes(m_buildings.size());
        for (size_t i = 0; i < m_buildings.size(); ++i)
            hashes[i] = {qHash(m_buildings[i].sourceId), i};
        std::sort(hashes.begin(), hashes.end());
        for (size_t i = 1; i < hashes.size(); ++i) {
            for (size_t j = i; j-- > 0 && hashes[j].first == hashes[i].first;) {
                const size_t a = hashes[j].second, b = hashes[i].second;
                if (m_buildings[a].sourceId == m_buildings[b].sourceId) {
                    m_report.warnings.append({sourceOf(b), label(b),
                                              QStringLiteral("duplicate source id '%1' (also %2); both kept")
                                                  .arg(m_buildings[b].sourceId, label(a))});
                    break;
                }
            }
        }
        town.buildings.reserve(int(m_buildings.size()));
        for (Building &b : m_buildings) {
            b.id = town.takeId();
            m_report.heightsGuessed += b.heightGuessed ? 1 : 0;
            town.buildings.put(b);
        }
        m_buildings = {};
        if (town.terrain.isEmpty())
            town.terrain = Terrain::flat(town.dataBounds(), 0.0);
        report(1.0, QStringLiteral("Done"));
    }

    const ImportOptions &m_options;
    const TownImporter::Progress &m_progress;
    GdalSession m_session;
    ImportReport m_report;
    crs::SrsPtr m_assumedCrs;
    crs::SrsPtr m_buildingsCrs;
    bool m_buildingsCrsAssumed = false;
    crs::SrsPtr m_project;
    std::vector<Building> m_buildings;  // source CRS, then project CRS, then local coordinates
    std::vector<char> m_idFromFid;      // per building: its sourceId is the FID, so messages say "FID n"
    std::vector<double> m_xs, m_ys;
    std::vector<int> m_ok;
};

} // namespace

ImportReport TownImporter::run(const ImportOptions &options, const Progress &progress) const
{
    if (options.buildingsPath.isEmpty()) {
        ImportReport report;
        report.failure = ImportFailure::CannotOpen;
        report.status = Status::error(QStringLiteral("no buildings file given"));
        return report;
    }
    return ImportRun(options, progress).run();
}

} // namespace tt
