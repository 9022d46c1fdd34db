// SPDX-License-Identifier: MIT
#include "TownImporter.h"

#include "AttributeJoin_p.h"
#include "BuildingAttributes_p.h"
#include "CrsFit_p.h"
#include "Crs_p.h"
#include "FeatureNames_p.h"
#include "FeatureGeometry_p.h"
#include "FeederGeometry_p.h"
#include "FeederReader.h"
#include "GdalSession_p.h"
#include "LayerCrsResolver_p.h"
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
#include <memory>
#include <vector>

namespace tt {

namespace {

// Share of the overall progress bar each stage ends at.
constexpr double kBuildingsReadEnd = 0.55;
constexpr double kBuildingsPlacedEnd = 0.60;
constexpr double kContextEnd = 0.64;
constexpr double kZonesEnd = 0.68;
constexpr double kRoadsEnd = 0.76;
constexpr double kTerrainEnd = 0.90;
// Buildings tested against their layer's CRS before reading all of them: enough to tell
// a wrong CRS from a few stray features, cheap beside a million-building import.
constexpr size_t kCrsSamples = 1000;

// OGR features carry no id of their own in most formats; the FID names them in messages.
QString fidLabel(OGRFeatureH feature)
{
    return QStringLiteral("FID %1").arg(OGR_F_GetFID(feature));
}

QString partId(const QString &id, int part)
{
    return part == 0 ? id : QStringLiteral("%1#%2").arg(id).arg(part + 1);
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
    ImportRun(const ImportOptions &options, const Progress &progress)
        : m_options(options), m_progress(progress)
    {
    }

    ImportReport run()
    {
        if (readPrimary() && chooseProjectCrs() && placeSite() && readContext() && readZones() && readRoads()
            && placeFeeder() && loadTerrain() && setGround())
            finish();
        if (!m_report.status)
            m_report.town = Town();
        return std::move(m_report);
    }

private:
    bool fail(ErrorCode code, const QString &message)
    {
        m_report.status = Status::error(message, code);
        return false;
    }

    bool fail(const Status &status)
    {
        m_report.status = status;
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
            return fail(ErrorCode::Cancelled, QStringLiteral("import cancelled"));
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

    //! Parses --assume-crs once; every layer's CRS is then decided by m_resolver.
    bool parseAssumedCrs()
    {
        if (!m_options.assumeCrs.isEmpty()) {
            m_assumedCrs = crs::fromUserInput(m_options.assumeCrs);
            if (!m_assumedCrs)
                return fail(ErrorCode::Other,
                            QStringLiteral("--assume-crs '%1' is not a CRS GDAL knows (try EPSG:n)").arg(m_options.assumeCrs));
        }
        m_resolver = std::make_unique<LayerCrsResolver>(m_assumedCrs.get(), m_options.assumeCrs);
        return true;
    }

    //! The layers the site is placed by: the buildings, else the feeder's nodes.
    bool readPrimary()
    {
        if (!report(0.0, QStringLiteral("Reading buildings")) || !parseAssumedCrs())
            return false;
        if (!m_options.buildingsPath.isEmpty()) {
            m_primaryPath = m_options.buildingsPath;
            m_primaryNoun = QStringLiteral("buildings");
            if (!readBuildingLayer(m_options.buildingsPath, false, &m_primaryCrs))
                return false;
        }
        if (m_options.feederLinesPath.isEmpty())
            return true;
        if (!readFeeder())
            return false;
        if (m_primaryCrs)
            return true;
        m_primaryPath = m_options.feederNodesPath;
        m_primaryNoun = QStringLiteral("feeder nodes");
        m_primaryCrs = crs::traditional(*m_feederNodesCrs);
        return true;
    }

    //! The feeder's lines and nodes with their attributes, and the CRS of each layer.
    bool readFeeder()
    {
        if (!report(0.0, QStringLiteral("Reading the feeder")))
            return false;
        const Status read = FeederReader::read(m_options.feederLinesPath, m_options.feederNodesPath, &m_feeder,
                                               &m_feederGeometry);
        if (!read)
            return fail(ErrorCode::Other, read.message);
        for (size_t i = 0; i < m_feeder.nodes.size(); ++i) {
            const Vec2 p = m_feederGeometry.nodePositions[int(i)];
            if (!std::isfinite(p.x) || !std::isfinite(p.y))
                return fail(ErrorCode::WrongGeometry,
                            QStringLiteral("%1, node '%2': no point: every node of a feeder needs its position")
                                .arg(m_options.feederNodesPath, m_feeder.nodes[i].id));
        }
        QVector<Vec2> lineSamples;
        for (const QVector<Vec2> &route : m_feederGeometry.linkRoutes)
            if (!route.isEmpty())
                lineSamples.append(route.first());
        return resolveFeederCrs(m_options.feederNodesPath, m_feederGeometry.nodesCrs.get(),
                                m_feederGeometry.nodePositions, &m_feederNodesCrs)
            && (lineSamples.isEmpty()
                || resolveFeederCrs(m_options.feederLinesPath, m_feederGeometry.linesCrs.get(), lineSamples,
                                    &m_feederLinesCrs));
    }

    //! A feeder is one network: a node that does not fit its layer's CRS is refused, not left out.
    bool resolveFeederCrs(const QString &path, const OGRSpatialReference *declared, const QVector<Vec2> &samples,
                          crs::SrsPtr *srs)
    {
        LayerCrsResolver::Result resolved = m_resolver->resolve(path, declared, samples);
        if (!resolved.status)
            return fail(resolved.status);
        if (resolved.outside > 0)
            return fail(ErrorCode::Other, QStringLiteral("%1: %2 of its %3 features do not fit its CRS %4; a feeder "
                                                         "is read whole or not at all")
                                              .arg(path)
                                              .arg(resolved.outside)
                                              .arg(samples.size())
                                              .arg(crs::shortName(*resolved.srs)));
        *srs = std::move(resolved.srs);
        return true;
    }

    //! The feeder's geometry from its layers' CRS into the project CRS.
    bool projectFeeder()
    {
        if (!m_feederNodesCrs)
            return true;
        const auto toProject = [this](const OGRSpatialReference &srs, const QString &path, QVector<Vec2> *points) {
            if (srs.IsSame(m_project.get()))
                return true;
            const crs::TransformPtr t = crs::transformation(srs, *m_project);
            if (t && transform(t.get(), points))
                return true;
            return fail(ErrorCode::Other, QStringLiteral("%1: cannot be transformed from %2 into %3")
                                              .arg(path, crs::shortName(srs), crs::shortName(*m_project)));
        };
        if (!toProject(*m_feederNodesCrs, m_options.feederNodesPath, &m_feederGeometry.nodePositions))
            return false;
        for (QVector<Vec2> &route : m_feederGeometry.linkRoutes)
            if (!route.isEmpty() && !toProject(*m_feederLinesCrs, m_options.feederLinesPath, &route))
                return false;
        return true;
    }

    //! The feeder as the town's electricity network: its nodes where they stand, each
    //! line along its drawn route (or straight when it has none) from its `from` node to
    //! its `to` node.
    bool placeFeeder()
    {
        if (!m_feederNodesCrs)
            return true;
        Town &town = m_report.town;
        toLocal(&m_feederGeometry.nodePositions);
        QHash<QString, NetworkNode> nodesById;
        for (size_t i = 0; i < m_feeder.nodes.size(); ++i) {
            const ElectricNode &source = m_feeder.nodes[i];
            NetworkNode node;
            node.id = town.allocateId();
            node.sourceId = source.id;
            node.carrier = NetworkCarrier::Electricity;
            node.kind = source.kind == ElectricNode::Kind::Source ? NetworkNode::Kind::Source : NetworkNode::Kind::Load;
            node.position = m_feederGeometry.nodePositions[int(i)];
            node.kv = source.kv;
            node.pKw = source.pKw;
            node.qKvar = source.qKvar;
            town.networkNodes.put(node);
            nodesById.insert(source.id, node);
        }
        for (size_t i = 0; i < m_feeder.links.size(); ++i) {
            const ElectricLink &source = m_feeder.links[i];
            const NetworkNode from = nodesById.value(source.from), to = nodesById.value(source.to);
            NetworkLink link;
            link.id = town.allocateId();
            link.sourceId = source.id;
            link.carrier = NetworkCarrier::Electricity;
            link.from = from.id;
            link.to = to.id;
            link.closed = source.closed;
            link.rOhm = source.rOhm;
            link.xOhm = source.xOhm;
            link.kv = source.kv;
            link.ampacityA = source.ampacityA;
            link.route = m_feederGeometry.linkRoutes[int(i)];
            toLocal(&link.route);
            link.route = routeBetween(link.route, from.position, to.position);
            town.networkLinks.put(link);
        }
        return true;
    }

    //! A drawn route made to run from `from` to `to`: turned round when digitised the other
    //! way, its ends joined to the nodes when drawn short of them.
    static QVector<Vec2> routeBetween(QVector<Vec2> route, Vec2 from, Vec2 to)
    {
        if (route.isEmpty())
            return {from, to};
        if ((route.first() - to).length() + (route.last() - from).length()
            < (route.first() - from).length() + (route.last() - to).length())
            std::reverse(route.begin(), route.end());
        constexpr double kJoinedM = 0.01;
        if ((route.first() - from).length() > kJoinedM)
            route.prepend(from);
        if ((route.last() - to).length() > kJoinedM)
            route.append(to);
        return route;
    }

    //! Reads a layer of footprints, the plan's buildings or (context) the surroundings,
    //! onto the end of m_buildings, still in the layer's CRS, which it decides into *srs.
    //! The plan's layer takes --layer and the join; surroundings have neither.
    bool readBuildingLayer(const QString &path, bool context, crs::SrsPtr *srs)
    {
        const QString stage = context ? QStringLiteral("Reading surroundings") : QStringLiteral("Reading buildings");
        const double from = context ? kBuildingsPlacedEnd : 0.0;
        const double to = context ? kContextEnd : kBuildingsReadEnd;
        VectorLayerReader reader;
        const Status opened = reader.open(path, context ? QString() : m_options.layerName, VectorLayerReader::Kind::Polygons);
        if (!opened)
            return fail(ErrorCode::CannotOpen, opened.message);
        if (!noteSource(reader, path, VectorLayerReader::Kind::Polygons, !context))
            return false;
        const OGRSpatialReference *declared = reader.spatialRef();
        if ((!declared || declared->IsEmpty()) && !m_assumedCrs)  // before reading a million features for nothing
            return fail(ErrorCode::NoCrs, m_resolver->resolve(path, declared, {}).status.message);

        AttributeJoin join;
        const bool joined = !context && !m_options.joinPath.isEmpty();
        if (joined) {
            const Status loaded = join.load(m_options.joinPath, m_options.joinKey);
            if (!loaded)
                return fail(ErrorCode::CannotOpen, loaded.message);
            noteDuplicateKeys(join);
        }
        JoinTally tally;
        tally.rowUsed.assign(size_t(join.rowCount()), 0);
        ImportOptions layerOptions = m_options;
        layerOptions.buildingsPath = path;
        if (!joined)
            layerOptions.joinPath.clear();
        BuildingAttributes attributes;
        const Status ready = attributes.init(reader.definition(), layerOptions, joined ? &join : nullptr);
        if (!ready)
            return fail(ErrorCode::Other, ready.message);

        const size_t first = m_buildings.size();
        const qint64 count = reader.featureCount();
        m_buildings.reserve(first + size_t(std::max<qint64>(0, count)));
        m_idFromFid.reserve(first + size_t(std::max<qint64>(0, count)));
        const QString joinFile = QFileInfo(m_options.joinPath).fileName();
        qint64 features = 0;
        int wrongGeometry = 0;
        const int skippedBefore = m_report.skipped.size();
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            if (!tick(features, count, from, to, stage))
                return false;
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
                continue;
            }
            if (!shape.repair.isEmpty())
                m_report.repaired.append({path, featureLabel(), shape.repair});
            if (joined)
                tally.add(outcome, attributes.joinKeyOf(feature));
            if (outcome.joinMissing)
                m_report.warnings.append(
                    {path, featureLabel(),
                     QStringLiteral("no row with %1 = '%2' in %3: use and year come from the buildings layer only")
                         .arg(m_options.joinKey, QString::fromUtf8(attributes.joinKeyOf(feature)), joinFile)});
            for (const QString &problem : outcome.problems)
                m_report.warnings.append({path, featureLabel(), problem});
            building.context = context;
            // A multipolygon becomes one building per part: OSM and cadastre multipolygons
            // are usually detached blocks, each standing on its own ground.
            for (int part = 0; part < shape.parts.size(); ++part) {
                Building b = building;
                b.sourceId = partId(b.sourceId, part);
                b.footprint = shape.parts[part];
                m_buildings.push_back(std::move(b));
                m_idFromFid.push_back(outcome.idFromFid);
            }
        }
        if (count > features) {
            m_report.skipped.append({path, QStringLiteral("features %1..%2").arg(features + 1).arg(count),
                                     QStringLiteral("could not be read: the file ends early or is corrupt%1")
                                         .arg(m_session.lastError().isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" (%1)").arg(m_session.lastError()))});
        }
        const QString what = context ? QStringLiteral("surroundings") : QStringLiteral("buildings");
        if (features == 0)
            return fail(ErrorCode::EmptyLayer, QStringLiteral("%1: the %2 layer has no features").arg(path, what));
        if (m_buildings.size() == first)
            return fail(wrongGeometry > 0 ? ErrorCode::WrongGeometry : ErrorCode::EmptyLayer,
                        QStringLiteral("%1: none of the %2 features is a usable building (%3)%4")
                            .arg(path)
                            .arg(features)
                            .arg(m_report.skipped[skippedBefore].reason,
                                 wrongGeometry > 0 ? QStringLiteral(": is this the %1 layer?").arg(what) : QString()));
        if (joined && !checkJoin(join, tally))
            return false;
        return resolveBuildingCrs(path, declared, first, srs);
    }

    //! What opening a source decided on the user's behalf, as warnings: which of several
    //! layers it read, a shapefile's missing .dbf. A .prj GDAL cannot read fails the import
    //! unless --assume-crs names the CRS. layerOption: --layer applies to this source.
    bool noteSource(const VectorLayerReader &reader, const QString &path, VectorLayerReader::Kind kind, bool layerOption)
    {
        if (reader.layerGuessed())
            m_report.warnings.append(
                {path, QString(),
                 QStringLiteral("has %1 layers (%2): read '%3', the first with %4%5")
                     .arg(reader.layerNames().size())
                     .arg(reader.layerNames().join(QStringLiteral(", ")), reader.layerName(),
                          kind == VectorLayerReader::Kind::Polygons ? QStringLiteral("polygons") : QStringLiteral("lines"),
                          layerOption ? QStringLiteral("; choose another with --layer NAME") : QString())});
        if (const QString dbf = reader.missingAttributeFile(); !dbf.isEmpty())
            m_report.warnings.append({path, QString(),
                                      QStringLiteral("its attribute table %1 is missing: the features are read without "
                                                     "attributes (no ids, names, uses, heights or years)")
                                          .arg(dbf)});
        if (const QString prj = reader.unreadableCrsFile(); !prj.isEmpty()) {
            if (!m_assumedCrs)
                return fail(ErrorCode::NoCrs, QStringLiteral("%1: its CRS file %2 cannot be read as a CRS; correct it, "
                                                                 "or name the CRS with --assume-crs EPSG:n")
                                                      .arg(path, prj));
            m_report.warnings.append({path, QString(), QStringLiteral("its CRS file %1 cannot be read as a CRS: read in "
                                                                      "--assume-crs %2")
                                                           .arg(prj, m_options.assumeCrs)});
        }
        return true;
    }

    //! How the buildings met the join table, counted while reading them.
    struct JoinTally {
        int matched = 0;
        int unmatched = 0;
        std::vector<char> rowUsed;  // per table row
        QStringList unmatchedKeys;  // a few, for messages

        void add(const BuildingAttributes::Outcome &outcome, const QByteArray &key)
        {
            if (outcome.joinRow >= 0) {
                ++matched;
                rowUsed[size_t(outcome.joinRow)] = 1;
            } else {
                ++unmatched;
                if (unmatchedKeys.size() < kExampleKeys && !unmatchedKeys.contains(QString::fromUtf8(key)))
                    unmatchedKeys.append(QString::fromUtf8(key));
            }
        }
    };
    static constexpr int kExampleKeys = 5;

    //! "'a', 'b', 'c' and 12 more" for messages about many keys.
    static QString keyList(const QStringList &keys, int total)
    {
        QStringList quoted;
        for (const QString &k : keys)
            quoted.append(QStringLiteral("'%1'").arg(k));
        const QString list = quoted.join(QStringLiteral(", "));
        return total > keys.size() ? QStringLiteral("%1 and %2 more").arg(list).arg(total - keys.size()) : list;
    }

    void noteDuplicateKeys(const AttributeJoin &join)
    {
        for (const AttributeJoin::Duplicate &d : join.duplicates()) {
            QStringList rows;
            for (int row : d.rows)
                rows.append(QString::number(row + 1));
            m_report.warnings.append({m_options.joinPath, QStringLiteral("%1 = %2").arg(m_options.joinKey, QString::fromUtf8(d.key)),
                                      QStringLiteral("the key '%1' is on %2 rows (%3): only row %4 is joined")
                                          .arg(QString::fromUtf8(d.key))
                                          .arg(d.rows.size())
                                          .arg(rows.join(QStringLiteral(", ")), rows.first())});
        }
    }

    //! Refuses a join that matched no building (a wrong key or table, not data to import
    //! as "other"); counts the rest and names the table rows nothing used.
    bool checkJoin(const AttributeJoin &join, const JoinTally &tally)
    {
        QStringList unusedKeys;
        int unused = 0;
        for (int row = 0; row < join.rowCount(); ++row) {
            // A repeated key is named as such; here only keys no building has.
            const int first = join.rowOf(join.keyOf(row).constData());
            if (tally.rowUsed[size_t(row)] || (first >= 0 && tally.rowUsed[size_t(first)]))
                continue;
            if (unused++ < kExampleKeys)
                unusedKeys.append(QString::fromUtf8(join.keyOf(row)));
        }
        m_report.join = JoinCounts{true, tally.matched, tally.unmatched, unused};
        if (tally.matched == 0)
            return fail(ErrorCode::Other,
                        QStringLiteral("%1: the join on %2 matches none of the %3 buildings of %4: the table's keys "
                                       "are like %5, the buildings' like %6; is it the right table and key field?")
                            .arg(m_options.joinPath, m_options.joinKey)
                            .arg(tally.unmatched)
                            .arg(m_options.buildingsPath,
                                 join.rowCount() > 0 ? keyList(unusedKeys, unusedKeys.size()) : QStringLiteral("(none: the table is empty)"),
                                 keyList(tally.unmatchedKeys, tally.unmatchedKeys.size())));
        if (unused > 0)
            m_report.warnings.append({m_options.joinPath, QString(),
                                      QStringLiteral("%1 of its %2 rows match no building on %3: %4")
                                          .arg(unused)
                                          .arg(join.rowCount())
                                          .arg(m_options.joinKey, keyList(unusedKeys, unused))});
        return true;
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

    //! Decides the CRS of buildings [first, end) from their coordinates and leaves out the
    //! few that do not fit it. At most kCrsSamples are tested unless some of them fail.
    bool resolveBuildingCrs(const QString &path, const OGRSpatialReference *declared, size_t first, crs::SrsPtr *srs)
    {
        const size_t n = m_buildings.size() - first;
        const size_t stride = std::max<size_t>(1, n / kCrsSamples);
        QVector<Vec2> samples;
        for (size_t i = first; i < m_buildings.size(); i += stride)
            samples.append(m_buildings[i].footprint.outer.first());
        LayerCrsResolver::Result resolved = m_resolver->resolve(path, declared, samples);
        if (!resolved.status)
            return fail(resolved.status);
        *srs = std::move(resolved.srs);
        if (resolved.outside == 0)
            return true;
        const CrsFit fit(**srs);
        std::vector<char> keep(m_buildings.size(), 1);
        for (size_t i = first; i < m_buildings.size(); ++i) {
            const Vec2 p = m_buildings[i].footprint.outer.first();
            if (fit.fits(p))
                continue;
            keep[i] = 0;
            m_report.skipped.append({path, label(i), misfitReason(p, **srs)});
        }
        compact(keep);
        return true;
    }

    static QString misfitReason(Vec2 p, const OGRSpatialReference &srs)
    {
        return QStringLiteral("coordinates (%1, %2) do not fit the layer's CRS %3: outside its area of use and "
                              "where it is not true to scale")
            .arg(p.x, 0, 'f', 3)
            .arg(p.y, 0, 'f', 3)
            .arg(crs::shortName(srs));
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

    //! The project CRS must be metric and true to the ground over the site, so areas, floor
    //! areas and everything computed from them are right: the buildings' own CRS when it is,
    //! else the UTM zone of the site (Web Mercator, lon/lat, feet, world projections).
    bool chooseProjectCrs()
    {
        Bounds2 bounds;
        for (const Building &b : m_buildings)
            bounds.add(geometry::bounds(b.footprint.outer));
        if (m_buildings.empty())
            bounds = geometry::bounds(m_feederGeometry.nodePositions, bounds);
        const QString source = describeCrs(*m_primaryCrs);
        QString why;
        if (crs::isMetricProjected(*m_primaryCrs)) {
            const CrsFit fit(*m_primaryCrs);
            double worst = 0.0;
            for (Vec2 p : {Vec2{bounds.minX, bounds.minY}, Vec2{bounds.maxX, bounds.minY}, Vec2{bounds.minX, bounds.maxY},
                           Vec2{bounds.maxX, bounds.maxY}, bounds.center()})
                worst = std::max(worst, fit.distortion(p));
            if (worst <= CrsFit::kMaxDistortion) {
                m_project = crs::traditional(*m_primaryCrs);
                m_report.crsReason = QStringLiteral("kept the %1' CRS %2: metric and true to scale within %3 % "
                                                    "over the site")
                                         .arg(m_primaryNoun, source)
                                         .arg(std::max(worst * 100.0, 0.001), 0, 'g', 2);
                return true;
            }
            why = std::isfinite(worst)
                ? QStringLiteral("the %1' CRS %2 distorts lengths by up to %3 % at this site").arg(m_primaryNoun, source).arg(worst * 100.0, 0, 'f', 1)
                : QStringLiteral("the %1' CRS %2 cannot measure lengths at this site").arg(m_primaryNoun, source);
        } else if (m_primaryCrs->IsGeographic()) {
            why = QStringLiteral("the %1' CRS %2 is longitude/latitude, not metres").arg(m_primaryNoun, source);
        } else {
            const char *unit = nullptr;
            m_primaryCrs->GetLinearUnits(&unit);
            why = QStringLiteral("the %1' CRS %2 is in %3, not metres").arg(m_primaryNoun, source, QString::fromUtf8(unit ? unit : "?"));
        }
        Vec2 centre = bounds.center();
        const crs::SrsPtr lonLat = crs::wgs84();
        if (!m_primaryCrs->IsSame(lonLat.get())) {
            const crs::TransformPtr toLonLat = crs::transformation(*m_primaryCrs, *lonLat);
            if (!toLonLat || !toLonLat->Transform(1, &centre.x, &centre.y))
                return fail(ErrorCode::Other, QStringLiteral("%1: cannot locate the data on Earth from its CRS (%2)")
                                                      .arg(m_primaryPath, crs::shortName(*m_primaryCrs)));
        }
        m_project = crs::utmZoneFor(centre.x, centre.y);
        m_report.crsReason = QStringLiteral("%1: projected to the site's UTM zone, %2").arg(why, describeCrs(*m_project));
        return true;
    }

    static QString describeCrs(const OGRSpatialReference &srs)
    {
        const QString code = crs::shortName(srs);
        const QString name = QString::fromUtf8(srs.GetName() ? srs.GetName() : "");
        return name.isEmpty() || name == code ? code : QStringLiteral("%1 (%2)").arg(code, name);
    }

    //! Transforms buildings [first, end) from srs into the project CRS, leaving out those that cannot be.
    bool projectBuildings(size_t first, const OGRSpatialReference &srs, const QString &path, double from, double to)
    {
        const QString stage = QStringLiteral("Projecting buildings");
        crs::TransformPtr transformation;
        if (!srs.IsSame(m_project.get())) {
            transformation = crs::transformation(srs, *m_project);
            if (!transformation)
                return fail(ErrorCode::Other, QStringLiteral("%1: no transformation from %2 to %3")
                                                      .arg(path, crs::shortName(srs), crs::shortName(*m_project)));
        }
        const size_t n = m_buildings.size();
        std::vector<char> keep(n, 1);
        bool dropped = false;
        for (size_t i = first; i < n; ++i) {
            if (!tick(qint64(i - first), qint64(n - first), from, to, stage))
                return false;
            if (!transformPolygon(transformation.get(), &m_buildings[i].footprint)) {
                keep[i] = 0;
                dropped = true;
                m_report.skipped.append({path, label(i), QStringLiteral("cannot be transformed into %1").arg(crs::shortName(*m_project))});
            }
        }
        if (dropped)
            compact(keep);
        if (m_buildings.size() == first)
            return fail(ErrorCode::Other,
                        QStringLiteral("%1: no building can be placed in %2").arg(path, crs::shortName(*m_project)));
        return true;
    }

    //! The site around the buildings (or the feeder without them), in the project CRS.
    bool placeSite()
    {
        if (!m_buildings.empty()
            && !projectBuildings(0, *m_primaryCrs, m_options.buildingsPath, kBuildingsReadEnd, kBuildingsPlacedEnd))
            return false;
        if (!projectFeeder())
            return false;
        Bounds2 bounds;
        for (const Building &b : m_buildings)
            bounds.add(geometry::bounds(b.footprint.outer));
        if (m_buildings.empty())
            bounds = geometry::bounds(m_feederGeometry.nodePositions, bounds);
        Site &site = m_report.town.site;
        site.name = QFileInfo(m_primaryPath).absoluteDir().dirName();
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
        placeLocally(0);
        return true;
    }

    //! Buildings [first, end), now in the project CRS, into the site's local frame.
    void placeLocally(size_t first)
    {
        for (size_t i = first; i < m_buildings.size(); ++i) {
            toLocal(&m_buildings[i].footprint);
            orient(&m_buildings[i].footprint);
        }
    }

    //! The surroundings layer: read like buildings (heights, uses), placed in the
    //! project CRS and flagged as context; no join (attribute tables describe the plan).
    bool readContext()
    {
        const QString &path = m_options.contextPath;
        if (path.isEmpty())
            return true;
        if (QFileInfo(path).canonicalFilePath() == QFileInfo(m_options.buildingsPath).canonicalFilePath())
            return fail(ErrorCode::Other, QStringLiteral("%1: given as both the buildings and the surroundings; "
                                                             "every building would be there twice")
                                                  .arg(path));
        const size_t first = m_buildings.size();
        crs::SrsPtr srs;
        if (!readBuildingLayer(path, true, &srs) || !projectBuildings(first, *srs, path, kContextEnd, kContextEnd))
            return false;
        placeLocally(first);
        return true;
    }

    //! A zones or roads layer, its transformation into the project CRS, and, when some of
    //! its features do not fit its CRS, the check that leaves them out.
    struct SourceLayer {
        VectorLayerReader reader;
        crs::TransformPtr toProject;
        std::unique_ptr<CrsFit> misfits;
        crs::SrsPtr srs;
    };

    bool openLayer(const QString &path, VectorLayerReader::Kind kind, SourceLayer *layer)
    {
        const Status opened = layer->reader.open(path, QString(), kind);
        if (!opened)
            return fail(ErrorCode::CannotOpen, opened.message);
        if (!noteSource(layer->reader, path, kind, false))
            return false;
        QVector<Vec2> samples;
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer->reader.layer())) {
            Vec2 p;
            if (featuregeometry::firstVertex(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)), &p))
                samples.append(p);
            OGR_F_Destroy(feature);
        }
        OGR_L_ResetReading(layer->reader.layer());
        LayerCrsResolver::Result resolved = m_resolver->resolve(path, layer->reader.spatialRef(), samples);
        if (!resolved.status)
            return fail(resolved.status);
        layer->srs = std::move(resolved.srs);
        if (resolved.outside > 0)
            layer->misfits = std::make_unique<CrsFit>(*layer->srs);
        if (layer->srs->IsSame(m_project.get()))
            return true;
        layer->toProject = crs::transformation(*layer->srs, *m_project);
        if (!layer->toProject)
            return fail(ErrorCode::Other, QStringLiteral("%1: no transformation from %2 to %3")
                                                  .arg(path, crs::shortName(*layer->srs), crs::shortName(*m_project)));
        return true;
    }

    //! True (and the feature reported as skipped) when its coordinates do not fit its layer's CRS.
    bool misfit(const SourceLayer &layer, OGRFeatureH feature, const QString &path, const QString &id)
    {
        Vec2 p;
        if (!layer.misfits || !featuregeometry::firstVertex(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)), &p)
            || layer.misfits->fits(p))
            return false;
        m_report.skipped.append({path, id, misfitReason(p, *layer.srs)});
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

    //! The name fields of a zones or roads layer, in the order they are tried.
    QVector<int> nameFields(const VectorLayerReader &reader, const QString &path)
    {
        QVector<int> fields;
        for (const QString &candidate : featurenames::candidates(m_options.nameField))
            if (const int field = reader.fieldIndex({candidate}); field >= 0 && !fields.contains(field))
                fields.append(field);
        if (fields.isEmpty() && !m_options.nameField.isEmpty())
            m_report.warnings.append({path, QString(), QStringLiteral("no field '%1' for names in this layer: features "
                                                                      "are left unnamed")
                                                           .arg(m_options.nameField)});
        return fields;
    }

    static QString nameOf(OGRFeatureH feature, const QVector<int> &fields)
    {
        for (int field : fields)
            if (QString name = fieldText(feature, field); !name.isEmpty())
                return name;
        return QString();
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
        SourceLayer layer;
        const VectorLayerReader &reader = layer.reader;
        if (!report(kContextEnd, stage) || !openLayer(path, VectorLayerReader::Kind::Polygons, &layer))
            return false;
        const QStringList classFields = m_options.zoneClassField.isEmpty()
            ? QStringList{QStringLiteral("class"), QStringLiteral("landuse"), QStringLiteral("zone"), QStringLiteral("use"),
                          QStringLiteral("type"), QStringLiteral("category")}
            : QStringList{m_options.zoneClassField};
        const int classField = reader.fieldIndex(classFields);
        if (classField < 0)
            return fail(ErrorCode::Other, QStringLiteral("%1: no zone class field (looked for %2); name it with --zone-field")
                                                  .arg(path, classFields.join(QStringLiteral(", "))));
        const int idField = reader.fieldIndex(featurenames::idFields());
        const QVector<int> nameFields = this->nameFields(reader, path);
        const qint64 count = reader.featureCount();
        qint64 index = 0;
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            if (!tick(index++, count, kContextEnd, kZonesEnd, stage))
                return false;
            const QString id = featureId(feature, idField);
            if (misfit(layer, feature, path, id))
                continue;
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
                zone.name = nameOf(feature, nameFields);
                zone.zoneClass = zoneClass;
                zone.area = shape.parts[part];
                if (!transformPolygon(layer.toProject.get(), &zone.area)) {
                    m_report.skipped.append({path, zone.sourceId, QStringLiteral("cannot be transformed into %1")
                                                                      .arg(crs::shortName(*m_project))});
                    continue;
                }
                toLocal(&zone.area);
                orient(&zone.area);
                zone.id = m_report.town.allocateId();
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
        SourceLayer layer;
        const VectorLayerReader &reader = layer.reader;
        if (!report(kZonesEnd, stage) || !openLayer(path, VectorLayerReader::Kind::Lines, &layer))
            return false;
        const int classField = reader.fieldIndex({QStringLiteral("highway"), QStringLiteral("class"), QStringLiteral("type"),
                                                  QStringLiteral("fclass")});
        const int idField = reader.fieldIndex(featurenames::idFields());
        const QVector<int> nameFields = this->nameFields(reader, path);
        const qint64 count = reader.featureCount();
        qint64 index = 0;
        while (OGRFeatureH feature = OGR_L_GetNextFeature(reader.layer())) {
            const auto destroy = qScopeGuard([feature] { OGR_F_Destroy(feature); });
            if (!tick(index++, count, kZonesEnd, kRoadsEnd, stage))
                return false;
            const QString id = featureId(feature, idField);
            if (misfit(layer, feature, path, id))
                continue;
            const featuregeometry::Lines shape = featuregeometry::lines(OGRGeometry::FromHandle(OGR_F_GetGeometryRef(feature)));
            if (shape.parts.isEmpty()) {
                m_report.skipped.append({path, id, shape.problem});
                continue;
            }
            const QString roadClass = fieldText(feature, classField);
            for (int part = 0; part < shape.parts.size(); ++part) {
                Road road;
                road.sourceId = partId(id, part);
                road.name = nameOf(feature, nameFields);
                road.roadClass = roadClass;
                road.widthM = roadclass::widthM(roadClass);
                road.line = shape.parts[part];
                if (!transform(layer.toProject.get(), &road.line)) {
                    m_report.skipped.append({path, road.sourceId, QStringLiteral("cannot be transformed into %1")
                                                                      .arg(crs::shortName(*m_project))});
                    continue;
                }
                toLocal(&road.line);
                road.id = m_report.town.allocateId();
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
        const Status opened = loader.open(m_options.demPath, *m_project, site.originE, site.originN, *m_resolver);
        if (!opened)
            return fail(opened);
        // A DEM of somewhere else is refused before warping it.
        if (!loader.extent().intersects(placedBounds()))
            return demMissesBuildings(loader.extent());
        Bounds2 area = m_report.town.dataBounds();
        area.add(placedBounds());
        const Status loaded = loader.load(area, progressSpan(m_progress, kRoadsEnd, kTerrainEnd));
        if (!loaded)
            return fail(loaded);
        m_report.town.terrain = loader.terrain();
        m_demExtent = loader.extent();
        return true;
    }

    //! Extent of the buildings read so far (plan and surroundings), local frame.
    Bounds2 buildingBounds() const
    {
        Bounds2 bounds;
        for (const Building &b : m_buildings)
            bounds = geometry::bounds(b.footprint.outer, bounds);
        return bounds;
    }

    //! What the DEM must cover: the buildings, or the whole feeder when there are none.
    Bounds2 placedBounds() const
    {
        return m_buildings.empty() ? m_report.town.dataBounds() : buildingBounds();
    }

    bool demMissesBuildings(const Bounds2 &demExtent)
    {
        const QString what = m_buildings.empty() ? QStringLiteral("the feeder")
                                                  : QStringLiteral("the %1 buildings").arg(m_buildings.size());
        return fail(ErrorCode::BadDem,
                    QStringLiteral("%1: the DEM covers none of %2: the DEM spans %3, the data %4 "
                                   "(%5); is it the DEM of this site, in the CRS it declares?")
                        .arg(m_options.demPath, what, describe(demExtent), describe(placedBounds()),
                             m_report.town.site.crsName));
    }

    //! Stands every building on the DEM: the lowest valid elevation under its corners and
    //! centroid. Buildings wholly or partly off the DEM (or on NoData) are counted and named.
    bool setGround()
    {
        const Terrain &terrain = m_report.town.terrain;
        if (terrain.isEmpty() || m_buildings.empty())
            return true;
        const QString stage = QStringLiteral("Placing buildings on the ground");
        const size_t n = m_buildings.size();
        std::vector<size_t> outside, partly;
        for (size_t i = 0; i < n; ++i) {
            if (!tick(qint64(i), qint64(n), kTerrainEnd, 1.0, stage))
                return false;
            Building &b = m_buildings[i];
            const double ground = terrain.groundUnder(b.footprint);
            if (std::isnan(ground)) {
                outside.push_back(i);
                continue;
            }
            b.groundM = ground;
            if (std::any_of(b.footprint.outer.begin(), b.footprint.outer.end(),
                            [&terrain](Vec2 v) { return std::isnan(terrain.elevationAt(v)); }))
                partly.push_back(i);
        }
        if (outside.size() == n)
            return demMissesBuildings(m_demExtent);
        for (size_t i : outside) {
            Building &b = m_buildings[i];
            b.groundM = nearestValidElevation(terrain, geometry::centroid(b.footprint));
            m_report.warnings.append({sourceOf(i), label(i),
                                      QStringLiteral("outside the DEM (or on NoData): ground set to the nearest valid DEM "
                                                     "sample, %1 m")
                                          .arg(b.groundM, 0, 'f', 1)});
        }
        for (size_t i : partly)
            m_report.warnings.append({sourceOf(i), label(i),
                                      QStringLiteral("partly outside the DEM (or on NoData): ground %1 m from the part "
                                                     "on it")
                                          .arg(m_buildings[i].groundM, 0, 'f', 1)});
        if (!outside.empty() || !partly.empty())
            m_report.warnings.append({m_options.demPath, QString(),
                                      QStringLiteral("%1 of the %2 buildings stand outside the DEM and %3 partly "
                                                     "(each is named): the DEM spans %4, the buildings %5")
                                          .arg(outside.size())
                                          .arg(n)
                                          .arg(partly.size())
                                          .arg(describe(m_demExtent), describe(buildingBounds()))});
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
            b.id = town.allocateId();
            m_report.heightsGuessed += b.heightGuessed ? 1 : 0;
            town.buildings.put(std::move(b));
        }
        m_buildings = {};
        if (town.terrain.isEmpty())
            town.terrain = Terrain::flat(town.dataBounds(), 0.0);
        report(1.0, QStringLiteral("Done"));
    }

    const ImportOptions &m_options;
    const Progress &m_progress;
    GdalSession m_session;
    ImportReport m_report;
    crs::SrsPtr m_assumedCrs;
    crs::SrsPtr m_primaryCrs;  // of the layer the site is placed by
    QString m_primaryPath;
    QString m_primaryNoun;     // how messages name that layer: "buildings", "feeder nodes"
    ElectricNetwork m_feeder;
    FeederGeometry m_feederGeometry;  // layer CRS, then project CRS, then local coordinates
    crs::SrsPtr m_feederNodesCrs, m_feederLinesCrs;
    std::unique_ptr<LayerCrsResolver> m_resolver;
    crs::SrsPtr m_project;
    Bounds2 m_demExtent;                // local frame
    std::vector<Building> m_buildings;  // source CRS, then project CRS, then local coordinates
    std::vector<char> m_idFromFid;      // per building: its sourceId is the FID, so messages say "FID n"
    std::vector<double> m_xs, m_ys;
    std::vector<int> m_ok;
};

} // namespace

ImportReport TownImporter::run(const ImportOptions &options, const Progress &progress) const
{
    ImportReport report;
    if (options.feederLinesPath.isEmpty() != options.feederNodesPath.isEmpty())
        report.status = Status::error(QStringLiteral("a feeder is read from two layers: give both its lines and its nodes"),
                                      ErrorCode::CannotOpen);
    else if (options.buildingsPath.isEmpty() && options.feederLinesPath.isEmpty())
        report.status = Status::error(QStringLiteral("no buildings file given (nor a feeder to import alone)"),
                                      ErrorCode::CannotOpen);
    if (!report.status)
        return report;
    return ImportRun(options, progress).run();
}

} // namespace tt
