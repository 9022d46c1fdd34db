// SPDX-License-Identifier: MIT
#include "ProjectFile.h"

#include "Crs_p.h"
#include "GdalSession_p.h"
#include "ProjectValidator_p.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace tt::ProjectFile {

namespace {

//! 2: network_nodes and network_links (version 1 files have no networks).
constexpr int kFormatVersion = 2;
// The gridded coverage table cannot record NaN as its NoData value, so NaN samples are
// stored as the lowest float, which no elevation takes.
constexpr float kTerrainNoData = -std::numeric_limits<float>::max();
const char *const kGpkgOnly[] = {"GPKG", nullptr};

QString &failAfterLayer()
{
    static QString name;
    return name;
}

// GdalSession keeps GDAL quiet; CPLGetLastError* still hold the failure to report.
QString gdalMessage()
{
    const QString message = QString::fromUtf8(CPLGetLastErrorMsg());
    return message.isEmpty() ? QStringLiteral("unknown GDAL error") : message;
}

bool gdalFailed()
{
    return CPLGetLastErrorType() >= CE_Failure;
}

//! Shortest text that parses back to the same double.
QString exactText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// --- Geometry ----------------------------------------------------------------

OGRLinearRing makeRing(const Ring &ring, Vec2 offset)
{
    OGRLinearRing r;
    for (const Vec2 &v : ring)
        r.addPoint(v.x + offset.x, v.y + offset.y);
    // Rings are closed implicitly in the model; always repeat the first vertex so reading can drop it.
    r.addPoint(ring.first().x + offset.x, ring.first().y + offset.y);
    return r;
}

std::unique_ptr<OGRGeometry> makePolygon(const Polygon &polygon, Vec2 offset)
{
    if (polygon.isEmpty())
        return nullptr;
    auto p = std::make_unique<OGRPolygon>();
    OGRLinearRing outer = makeRing(polygon.outer, offset);
    p->addRing(&outer);
    for (const Ring &hole : polygon.holes) {
        if (hole.isEmpty())
            continue;
        OGRLinearRing inner = makeRing(hole, offset);
        p->addRing(&inner);
    }
    return p;
}

std::unique_ptr<OGRGeometry> makeLine(const QVector<Vec2> &line, Vec2 offset)
{
    if (line.isEmpty())
        return nullptr;
    auto l = std::make_unique<OGRLineString>();
    for (const Vec2 &v : line)
        l->addPoint(v.x + offset.x, v.y + offset.y);
    return l;
}

std::unique_ptr<OGRGeometry> makePoint(Vec2 p, Vec2 offset)
{
    return std::make_unique<OGRPoint>(p.x + offset.x, p.y + offset.y);
}

Ring readRing(const OGRLinearRing *r)
{
    Ring ring;
    const int n = r->getNumPoints();
    ring.reserve(std::max(0, n - 1));
    for (int i = 0; i + 1 < n; ++i)
        ring.append(Vec2{r->getX(i), r->getY(i)});
    return ring;
}

//! Polygon or single-part multipolygon (QGIS may save edits as multi); null gives an empty polygon.
bool readPolygon(const OGRGeometry *g, Polygon *out)
{
    *out = Polygon{};
    if (!g || g->IsEmpty())
        return true;
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (type == wkbMultiPolygon && g->toMultiPolygon()->getNumGeometries() == 1)
        return readPolygon(g->toMultiPolygon()->getGeometryRef(0), out);
    if (type != wkbPolygon)
        return false;
    const OGRPolygon *p = g->toPolygon();
    out->outer = readRing(p->getExteriorRing());
    for (int i = 0; i < p->getNumInteriorRings(); ++i)
        out->holes.append(readRing(p->getInteriorRing(i)));
    return true;
}

bool readLine(const OGRGeometry *g, QVector<Vec2> *out)
{
    out->clear();
    if (!g || g->IsEmpty())
        return true;
    if (wkbFlatten(g->getGeometryType()) != wkbLineString)
        return false;
    const OGRLineString *l = g->toLineString();
    for (int i = 0; i < l->getNumPoints(); ++i)
        out->append(Vec2{l->getX(i), l->getY(i)});
    return true;
}

bool readPoint(const OGRGeometry *g, Vec2 *out)
{
    *out = Vec2{};
    if (!g || g->IsEmpty())
        return true;
    if (wkbFlatten(g->getGeometryType()) != wkbPoint)
        return false;
    *out = Vec2{g->toPoint()->getX(), g->toPoint()->getY()};
    return true;
}

QVector<Vec2> vertices(const Polygon &p)
{
    QVector<Vec2> v = p.outer;
    for (const Ring &h : p.holes)
        v += h;
    return v;
}
QVector<Vec2> vertices(const QVector<Vec2> &line)
{
    return line;
}
QVector<Vec2> vertices(Vec2 p)
{
    return {p};
}

Polygon shifted(const Polygon &p, Vec2 delta)
{
    return geometry::translated(p, delta);
}
QVector<Vec2> shifted(QVector<Vec2> line, Vec2 delta)
{
    for (Vec2 &v : line)
        v = v + delta;
    return line;
}
Vec2 shifted(Vec2 p, Vec2 delta)
{
    return p + delta;
}

// Every geometry is written twice: in absolute project-CRS coordinates in the geometry
// column, so QGIS places it, and in exact local coordinates as WKB in `local_geom`,
// because (local + origin) - origin is not the same double at northings like
// 15,224,800 m. The local copy is used only while it still matches the geometry
// column exactly, so a feature moved in QGIS is read from the geometry column.
const char *const kLocalGeomField = "local_geom";

void setLocalGeometry(OGRFeature *f, const OGRGeometry *local)
{
    if (!local)
        return;
    std::vector<unsigned char> wkb(local->WkbSize());
    local->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    f->SetField(f->GetFieldIndex(kLocalGeomField), int(wkb.size()), wkb.data());
}

template <typename T>
bool readExactGeometry(const OGRFeature *f, Vec2 origin, bool (*reader)(const OGRGeometry *, T *), T *out)
{
    T absolute;
    if (!reader(f->GetGeometryRef(), &absolute))
        return false;
    *out = shifted(absolute, Vec2{-origin.x, -origin.y});
    const int field = f->GetFieldIndex(kLocalGeomField);
    if (field < 0 || !f->IsFieldSetAndNotNull(field))
        return true;
    int size = 0;
    const GByte *wkb = f->GetFieldAsBinary(field, &size);
    OGRGeometry *raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb, nullptr, &raw, size) != OGRERR_NONE)
        return true;
    const std::unique_ptr<OGRGeometry> localGeometry(raw);
    T local;
    if (!reader(localGeometry.get(), &local))
        return true;
    const QVector<Vec2> a = vertices(absolute), l = vertices(local);
    if (a.size() != l.size())
        return true;
    for (int i = 0; i < a.size(); ++i)
        if (l[i].x + origin.x != a[i].x || l[i].y + origin.y != a[i].y)
            return true;
    *out = local;
    return true;
}

// --- Writing -----------------------------------------------------------------

struct FieldSpec {
    const char *name;
    OGRFieldType type;
    OGRFieldSubType subType = OFSTNone;
};

class Writer {
public:
    //! `prefix` starts the name of every layer written (an inactive scenario's "scenario2_").
    Writer(GDALDataset *ds, const Town &town, OGRSpatialReference *srs, const QString &path,
           const QByteArray &prefix = {})
        : m_ds(ds), m_town(town), m_srs(srs), m_path(path), m_origin{town.site.originE, town.site.originN},
          m_prefix(prefix)
    {
    }

    Status writeAll();
    //! What a scenario consists of: buildings, zones, roads, assets, networks and settings.
    Status writePlan();

private:
    OGRLayer *createLayer(const char *name, OGRwkbGeometryType type, const char *fid,
                          std::initializer_list<FieldSpec> fields);
    //! Sets both geometries from the local one (nullptr = no geometry) and inserts the feature.
    Status insert(OGRLayer *layer, OGRFeature *f, std::unique_ptr<OGRGeometry> absolute,
                  std::unique_ptr<OGRGeometry> local);
    Status finishLayer(OGRLayer *layer);
    //! `layer` without the prefix: it is added here.
    Status layerError(const char *layer, const QString &what) const
    {
        return Status::error(QStringLiteral("Cannot save project %1: layer '%2%3': %4: %5")
                                 .arg(m_path, QString::fromLatin1(m_prefix), QString::fromLatin1(layer), what,
                                      gdalMessage()));
    }
    //! The name of `layer` without the prefix.
    const char *baseName(OGRLayer *layer) const { return layer->GetName() + m_prefix.size(); }
    Status writeScenarios();

    Status writeSite();
    Status writeBuildings();
    Status writeZones();
    Status writeRoads();
    Status writeAssets();
    Status writeNetworks();
    Status writeSettings();
    Status writeMeta();

    GDALDataset *m_ds;
    const Town &m_town;
    OGRSpatialReference *m_srs;  // GDAL 3.6 CreateLayer wants it non-const
    QString m_path;
    Vec2 m_origin;
    QByteArray m_prefix;
};

//! Where an inactive scenario's layers are: "scenario2_buildings", ... (1-based, in the list's order).
QByteArray scenarioPrefix(int index)
{
    return "scenario" + QByteArray::number(index + 1) + "_";
}

OGRLayer *Writer::createLayer(const char *name, OGRwkbGeometryType type, const char *fid,
                              std::initializer_list<FieldSpec> fields)
{
    const QByteArray fidOption = QByteArray("FID=") + fid;
    const char *options[] = {fidOption.constData(), "GEOMETRY_NAME=geom", nullptr};
    OGRLayer *layer = m_ds->CreateLayer((m_prefix + name).constData(), type == wkbNone ? nullptr : m_srs, type,
                                        const_cast<char **>(options));
    if (!layer)
        return nullptr;
    for (const FieldSpec &spec : fields) {
        OGRFieldDefn defn(spec.name, spec.type);
        defn.SetSubType(spec.subType);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            return nullptr;
    }
    if (type != wkbNone) {
        OGRFieldDefn local(kLocalGeomField, OFTBinary);
        if (layer->CreateField(&local) != OGRERR_NONE)
            return nullptr;
    }
    return layer->StartTransaction() == OGRERR_NONE ? layer : nullptr;
}

Status Writer::insert(OGRLayer *layer, OGRFeature *f, std::unique_ptr<OGRGeometry> absolute,
                      std::unique_ptr<OGRGeometry> local)
{
    if (absolute) {
        absolute->assignSpatialReference(layer->GetSpatialRef());
        f->SetGeometryDirectly(absolute.release());
    }
    setLocalGeometry(f, local.get());
    if (layer->CreateFeature(f) != OGRERR_NONE)
        return layerError(baseName(layer), QStringLiteral("cannot write row id %1").arg(f->GetFID()));
    return Status::success();
}

Status Writer::finishLayer(OGRLayer *layer)
{
    const QString name = QString::fromUtf8(layer->GetName());
    if (layer->CommitTransaction() != OGRERR_NONE)
        return layerError(baseName(layer), QStringLiteral("cannot commit"));
    if (!failAfterLayer().isEmpty() && failAfterLayer() == name)
        return Status::error(
            QStringLiteral("Cannot save project %1: simulated failure after layer '%2'").arg(m_path, name));
    return Status::success();
}

Status Writer::writeSite()
{
    OGRLayer *layer = createLayer("site", wkbPolygon, "fid",
                                  {{"name", OFTString},
                                   {"crs_name", OFTString},
                                   {"crs_wkt", OFTString},
                                   {"origin_e", OFTReal},
                                   {"origin_n", OFTReal},
                                   {"latitude", OFTReal},
                                   {"longitude", OFTReal},
                                   {"utc_offset_h", OFTReal},
                                   {"next_id", OFTInteger64}});
    if (!layer)
        return layerError("site", QStringLiteral("cannot create"));
    const Site &site = m_town.site;
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("name", site.name.toUtf8().constData());
    f.SetField("crs_name", site.crsName.toUtf8().constData());
    f.SetField("crs_wkt", site.crsWkt.toUtf8().constData());
    f.SetField("origin_e", site.originE);
    f.SetField("origin_n", site.originN);
    f.SetField("latitude", site.latitude);
    f.SetField("longitude", site.longitude);
    f.SetField("utc_offset_h", site.utcOffsetHours);
    f.SetField("next_id", GIntBig(m_town.nextId));
    if (Status s = insert(layer, &f, makePolygon(site.boundary, m_origin), makePolygon(site.boundary, {})); !s)
        return s;
    return finishLayer(layer);
}

QString useMixText(const QVector<UseShare> &mix)
{
    QStringList parts;
    for (const UseShare &s : mix)
        parts.append(buildinguse::key(s.use) + QLatin1Char(':') + exactText(s.share));
    return parts.join(QLatin1Char(';'));
}

Status Writer::writeBuildings()
{
    OGRLayer *layer = createLayer("buildings", wkbPolygon, "id",
                                  {{"source_id", OFTString},
                                   {"name", OFTString},
                                   {"use", OFTString},
                                   {"use_mix", OFTString},
                                   {"levels", OFTReal},
                                   {"basement_levels", OFTReal},
                                   {"height_m", OFTReal},
                                   {"ground_m", OFTReal},
                                   {"height_guessed", OFTInteger, OFSTBoolean},
                                   {"year", OFTInteger},
                                   {"context", OFTInteger, OFSTBoolean}});
    if (!layer)
        return layerError("buildings", QStringLiteral("cannot create"));
    for (const Building &b : m_town.buildings) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetFID(GIntBig(b.id));
        f.SetField("source_id", b.sourceId.toUtf8().constData());
        f.SetField("name", b.name.toUtf8().constData());
        f.SetField("use", buildinguse::key(b.use).toUtf8().constData());
        f.SetField("use_mix", useMixText(b.mix).toUtf8().constData());
        f.SetField("levels", b.levels);
        f.SetField("basement_levels", b.basementLevels);
        f.SetField("height_m", b.heightM);
        f.SetField("ground_m", b.groundM);
        f.SetField("height_guessed", b.heightGuessed ? 1 : 0);
        f.SetField("year", b.year);
        f.SetField("context", b.context ? 1 : 0);
        if (Status s = insert(layer, &f, makePolygon(b.footprint, m_origin), makePolygon(b.footprint, {})); !s)
            return s;
    }
    return finishLayer(layer);
}

Status Writer::writeZones()
{
    OGRLayer *layer
        = createLayer("zones", wkbPolygon, "id", {{"source_id", OFTString}, {"name", OFTString}, {"class", OFTString}});
    if (!layer)
        return layerError("zones", QStringLiteral("cannot create"));
    for (const Zone &z : m_town.zones) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetFID(GIntBig(z.id));
        f.SetField("source_id", z.sourceId.toUtf8().constData());
        f.SetField("name", z.name.toUtf8().constData());
        f.SetField("class", zoneclass::key(z.zoneClass).toUtf8().constData());
        if (Status s = insert(layer, &f, makePolygon(z.area, m_origin), makePolygon(z.area, {})); !s)
            return s;
    }
    return finishLayer(layer);
}

Status Writer::writeRoads()
{
    OGRLayer *layer
        = createLayer("roads", wkbLineString, "id",
                      {{"source_id", OFTString}, {"name", OFTString}, {"road_class", OFTString}, {"width_m", OFTReal}});
    if (!layer)
        return layerError("roads", QStringLiteral("cannot create"));
    for (const Road &r : m_town.roads) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetFID(GIntBig(r.id));
        f.SetField("source_id", r.sourceId.toUtf8().constData());
        f.SetField("name", r.name.toUtf8().constData());
        f.SetField("road_class", r.roadClass.toUtf8().constData());
        f.SetField("width_m", r.widthM);
        if (Status s = insert(layer, &f, makeLine(r.line, m_origin), makeLine(r.line, {})); !s)
            return s;
    }
    return finishLayer(layer);
}

Status Writer::writeAssets()
{
    OGRLayer *layer = createLayer("energy_assets", wkbPoint, "id",
                                  {{"name", OFTString},
                                   {"type", OFTString},
                                   {"host_building", OFTInteger64},
                                   {"parameters", OFTString, OFSTJSON}});
    if (!layer)
        return layerError("energy_assets", QStringLiteral("cannot create"));
    for (const EnergyAsset &a : m_town.assets) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetFID(GIntBig(a.id));
        f.SetField("name", a.name.toUtf8().constData());
        f.SetField("type", energyassettype::key(a.type).toUtf8().constData());
        f.SetField("host_building", GIntBig(a.hostBuilding));
        f.SetField("parameters",
                   QJsonDocument(QJsonObject::fromVariantMap(a.parameters)).toJson(QJsonDocument::Compact).constData());
        if (Status s = insert(layer, &f, makePoint(a.position, m_origin), makePoint(a.position, {})); !s)
            return s;
    }
    if (Status s = finishLayer(layer); !s)
        return s;

    // Fields of ground PV are polygons of their own, so QGIS can draw them.
    OGRLayer *areas = createLayer("energy_asset_areas", wkbPolygon, "fid", {{"asset_id", OFTInteger64}});
    if (!areas)
        return layerError("energy_asset_areas", QStringLiteral("cannot create"));
    for (const EnergyAsset &a : m_town.assets) {
        if (a.area.isEmpty())
            continue;
        OGRFeature f(areas->GetLayerDefn());
        f.SetField("asset_id", GIntBig(a.id));
        if (Status s = insert(areas, &f, makePolygon(a.area, m_origin), makePolygon(a.area, {})); !s)
            return s;
    }
    return finishLayer(areas);
}

Status Writer::writeNetworks()
{
    OGRLayer *nodes = createLayer("network_nodes", wkbPoint, "id",
                                  {{"source_id", OFTString},
                                   {"carrier", OFTString},
                                   {"kind", OFTString},
                                   {"building", OFTInteger64},
                                   {"kv", OFTReal},
                                   {"p_kw", OFTReal},
                                   {"q_kvar", OFTReal}});
    if (!nodes)
        return layerError("network_nodes", QStringLiteral("cannot create"));
    for (const NetworkNode &n : m_town.networkNodes) {
        OGRFeature f(nodes->GetLayerDefn());
        f.SetFID(GIntBig(n.id));
        f.SetField("source_id", n.sourceId.toUtf8().constData());
        f.SetField("carrier", networkcarrier::key(n.carrier).toUtf8().constData());
        f.SetField("kind", networknodekind::key(n.kind).toUtf8().constData());
        f.SetField("building", GIntBig(n.building));
        f.SetField("kv", n.kv);
        f.SetField("p_kw", n.pKw);
        f.SetField("q_kvar", n.qKvar);
        if (Status s = insert(nodes, &f, makePoint(n.position, m_origin), makePoint(n.position, {})); !s)
            return s;
    }
    if (Status s = finishLayer(nodes); !s)
        return s;

    // Field names as utilities and the feeder import use them, so the layer reads back in
    // `import --feeder-lines`; the pipe fields stay empty on cables and the reverse.
    OGRLayer *links = createLayer("network_links", wkbLineString, "id",
                                  {{"source_id", OFTString},
                                   {"carrier", OFTString},
                                   {"from_node", OFTInteger64},
                                   {"to_node", OFTInteger64},
                                   {"status", OFTString},
                                   {"type", OFTString},
                                   {"circuits", OFTInteger},
                                   {"r_ohm", OFTReal},
                                   {"x_ohm", OFTReal},
                                   {"kv", OFTReal},
                                   {"ampacity_a", OFTReal},
                                   {"inner_diameter_mm", OFTReal},
                                   {"loss_w_per_mk", OFTReal},
                                   {"supply_c", OFTReal},
                                   {"return_c", OFTReal}});
    if (!links)
        return layerError("network_links", QStringLiteral("cannot create"));
    for (const NetworkLink &l : m_town.networkLinks) {
        OGRFeature f(links->GetLayerDefn());
        f.SetFID(GIntBig(l.id));
        f.SetField("source_id", l.sourceId.toUtf8().constData());
        f.SetField("carrier", networkcarrier::key(l.carrier).toUtf8().constData());
        f.SetField("from_node", GIntBig(l.from));
        f.SetField("to_node", GIntBig(l.to));
        f.SetField("status", l.closed ? "closed" : "open");
        f.SetField("type", l.type.toUtf8().constData());
        f.SetField("circuits", l.circuits);
        f.SetField("r_ohm", l.rOhm);
        f.SetField("x_ohm", l.xOhm);
        f.SetField("kv", l.kv);
        f.SetField("ampacity_a", l.ampacityA);
        f.SetField("inner_diameter_mm", l.innerDiameterMm);
        f.SetField("loss_w_per_mk", l.lossWPerMK);
        f.SetField("supply_c", l.supplyC);
        f.SetField("return_c", l.returnC);
        if (Status s = insert(links, &f, makeLine(l.route, m_origin), makeLine(l.route, {})); !s)
            return s;
    }
    return finishLayer(links);
}

Status Writer::writeSettings()
{
    OGRLayer *layer = createLayer("towntwin_settings", wkbNone, "fid",
                                  {{"key", OFTString}, {"value", OFTString, OFSTJSON}, {"type", OFTString}});
    if (!layer)
        return layerError("towntwin_settings", QStringLiteral("cannot create"));
    for (auto it = m_town.settings.constBegin(); it != m_town.settings.constEnd(); ++it) {
        // JSON has one number type and no dates; the Qt type name restores the QVariant's own type.
        const QByteArray json = QJsonDocument(QJsonArray{QJsonValue::fromVariant(*it)}).toJson(QJsonDocument::Compact);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("key", it.key().toUtf8().constData());
        f.SetField("value", json.mid(1, json.size() - 2).constData());
        f.SetField("type", it->metaType().name());
        if (Status s = insert(layer, &f, nullptr, nullptr); !s)
            return s;
    }
    return finishLayer(layer);
}

Status Writer::writeMeta()
{
    OGRLayer *layer = createLayer("towntwin_meta", wkbNone, "fid", {{"key", OFTString}, {"value", OFTString}});
    if (!layer)
        return layerError("towntwin_meta", QStringLiteral("cannot create"));
    QVector<QPair<QString, QString>> rows = {
        {QStringLiteral("format_version"), QString::number(kFormatVersion)},
        {QStringLiteral("app_version"), QStringLiteral(TOWNTWIN_VERSION)},
        {QStringLiteral("rules_json"), m_town.rulesJson},
        {QStringLiteral("presentation_json"), m_town.presentation.toJson()},
    };
    if (!m_town.scenarios.isEmpty()) {
        QJsonArray list;
        for (int i = 0; i < m_town.scenarios.size(); ++i) {
            const bool active = i == m_town.activeScenario;
            list.append(QJsonObject{{"name", m_town.scenarios[i].name},
                                    {"layer_prefix", active ? QString() : QString::fromLatin1(scenarioPrefix(i))},
                                    {"rules_json", active ? m_town.rulesJson : m_town.scenarios[i].rulesJson}});
        }
        rows.append({QStringLiteral("scenarios_json"),
                     QString::fromUtf8(QJsonDocument(QJsonObject{{"active", m_town.activeScenario}, {"scenarios", list}})
                                           .toJson(QJsonDocument::Compact))});
    }
    // The raster's geotransform is rounded through absolute coordinates; the exact grid is kept here.
    const Terrain &t = m_town.terrain;
    if (!t.isEmpty()) {
        rows += {{QStringLiteral("terrain_columns"), QString::number(t.columns())},
                 {QStringLiteral("terrain_rows"), QString::number(t.rows())},
                 {QStringLiteral("terrain_origin_x"), exactText(t.originX())},
                 {QStringLiteral("terrain_origin_y"), exactText(t.originY())},
                 {QStringLiteral("terrain_cell_size"), exactText(t.cellSize())}};
    }
    for (const auto &[key, value] : rows) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("key", key.toUtf8().constData());
        f.SetField("value", value.toUtf8().constData());
        if (Status s = insert(layer, &f, nullptr, nullptr); !s)
            return s;
    }
    return finishLayer(layer);
}

Status Writer::writePlan()
{
    for (Status (Writer::*step)() : {&Writer::writeBuildings, &Writer::writeZones, &Writer::writeRoads,
                                     &Writer::writeAssets, &Writer::writeNetworks, &Writer::writeSettings})
        if (Status s = (this->*step)(); !s)
            return s;
    return Status::success();
}

//! Each inactive scenario in layers of its own, so that a GIS shows every variant.
Status Writer::writeScenarios()
{
    for (int i = 0; i < m_town.scenarios.size(); ++i) {
        if (i == m_town.activeScenario)
            continue;
        const Scenario &scenario = m_town.scenarios[i];
        Town plan;
        plan.site = m_town.site;
        plan.buildings = scenario.buildings;
        plan.zones = scenario.zones;
        plan.roads = scenario.roads;
        plan.assets = scenario.assets;
        plan.networkNodes = scenario.networkNodes;
        plan.networkLinks = scenario.networkLinks;
        plan.settings = scenario.settings;
        if (Status s = Writer(m_ds, plan, m_srs, m_path, scenarioPrefix(i)).writePlan(); !s)
            return s;
    }
    return Status::success();
}

Status Writer::writeAll()
{
    for (Status (Writer::*step)() : {&Writer::writeSite, &Writer::writePlan, &Writer::writeScenarios,
                                     &Writer::writeMeta})
        if (Status s = (this->*step)(); !s)
            return s;
    return Status::success();
}

//! The terrain as a Float32 2D gridded coverage tile table, appended to the closed vector file.
//! TIFF tiles keep Float32 samples bit for bit (PNG tiles would quantise them to 16 bits).
Status writeTerrain(const Town &town, const OGRSpatialReference *srs, const QString &file, const QString &path)
{
    const Terrain &t = town.terrain;
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr grid(mem->Create("", t.columns(), t.rows(), 1, GDT_Float32, nullptr));
    if (!grid)
        return Status::error(QStringLiteral("Cannot save project %1: terrain: %2").arg(path, gdalMessage()));
    // Terrain row 0 is the south edge; raster row 0 is the north edge. Samples are pixel centres.
    const double cell = t.cellSize();
    double transform[6] = {town.site.originE + t.originX() - cell / 2,
                           cell,
                           0.0,
                           town.site.originN + t.originY() + (t.rows() - 1) * cell + cell / 2,
                           0.0,
                           -cell};
    grid->SetGeoTransform(transform);
    if (srs)
        grid->SetSpatialRef(srs);
    GDALRasterBand *band = grid->GetRasterBand(1);
    band->SetNoDataValue(kTerrainNoData);
    std::vector<float> row(t.columns());
    for (int r = 0; r < t.rows(); ++r) {
        for (int c = 0; c < t.columns(); ++c) {
            const float h = t.sample(c, t.rows() - 1 - r);
            row[c] = std::isnan(h) ? kTerrainNoData : h;
        }
        if (band->RasterIO(GF_Write, 0, r, t.columns(), 1, row.data(), t.columns(), 1, GDT_Float32, 0, 0, nullptr)
            != CE_None)
            return Status::error(QStringLiteral("Cannot save project %1: terrain: %2").arg(path, gdalMessage()));
    }
    const char *options[] = {"APPEND_SUBDATASET=YES", "RASTER_TABLE=terrain", "TILE_FORMAT=TIFF", nullptr};
    GDALDatasetUniquePtr out(gpkg->CreateCopy(QFile::encodeName(file).constData(), grid.get(), TRUE,
                                              const_cast<char **>(options), nullptr, nullptr));
    if (!out)
        return Status::error(QStringLiteral("Cannot save project %1: terrain raster: %2").arg(path, gdalMessage()));
    CPLErrorReset();
    out.reset();
    if (gdalFailed())
        return Status::error(QStringLiteral("Cannot save project %1: terrain raster: %2").arg(path, gdalMessage()));
    if (failAfterLayer() == QLatin1String("terrain"))
        return Status::error(
            QStringLiteral("Cannot save project %1: simulated failure after layer 'terrain'").arg(path));
    return Status::success();
}

Status writeProject(const Town &town, const QString &file, const QString &path)
{
    crs::SrsPtr srs;
    if (!town.site.crsWkt.isEmpty() || !town.site.crsName.isEmpty()) {
        srs = crs::fromUserInput(town.site.crsWkt.isEmpty() ? town.site.crsName : town.site.crsWkt);
        if (!srs)
            return Status::error(QStringLiteral("Cannot save project %1: the site CRS '%2' is not understood: %3")
                                     .arg(path, town.site.crsName, gdalMessage()));
    }
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!gpkg)
        return Status::error(QStringLiteral("Cannot save project %1: GDAL has no GeoPackage driver").arg(path));
    GDALDatasetUniquePtr ds(gpkg->Create(QFile::encodeName(file).constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return Status::error(
            QStringLiteral("Cannot save project %1: cannot create %2: %3").arg(path, file, gdalMessage()));
    if (Status s = Writer(ds.get(), town, srs.get(), path).writeAll(); !s)
        return s;
    CPLErrorReset();
    ds.reset();
    if (gdalFailed())
        return Status::error(QStringLiteral("Cannot save project %1: closing: %2").arg(path, gdalMessage()));
    if (town.terrain.isEmpty())
        return Status::success();
    return writeTerrain(town, srs.get(), file, path);
}

// --- Reading -----------------------------------------------------------------

class Reader {
public:
    Reader(GDALDataset *ds, const QString &path) : m_ds(ds), m_path(path), m_validator(path) {}

    Status readAll(Town *town);
    //! After readAll(): leaves out or repairs what breaks the import's limits, one message each,
    //! in every scenario.
    QStringList validate(Town *town) const;

private:
    Status error(const QString &what) const
    {
        return Status::error(QStringLiteral("Cannot open project %1: %2").arg(m_path, what));
    }
    //! `layer` without the prefix, as in layer().
    Status rowError(const char *layer, GIntBig id, const QString &what) const
    {
        return error(QStringLiteral("layer '%1%2', row id %3: %4")
                         .arg(QString::fromLatin1(m_prefix), QString::fromLatin1(layer))
                         .arg(id)
                         .arg(what));
    }
    //! The layer with all these fields, or an error naming what is missing; `name` without the prefix.
    Status layer(const char *name, std::initializer_list<const char *> fields, OGRLayer **out) const;
    //! Iterates every feature; GDAL reports read errors (a damaged file) only through CPLGetLastError.
    template <typename Fn> Status forEach(OGRLayer *layer, Fn fn) const;
    Status allocateId(const char *layer, GIntBig fid, EntityId *id);

    Status readMeta(QHash<QString, QString> *meta);
    Status readSite(Town *town);
    Status readBuildings(Town *town);
    Status readZones(Town *town);
    Status readRoads(Town *town);
    Status readAssets(Town *town);
    Status readNetworks(Town *town);
    Status readSettings(Town *town);
    Status readTerrain(const QHash<QString, QString> &meta, Town *town);
    //! What writePlan wrote, from the layers starting with m_prefix.
    Status readPlan(Town *town);
    //! The inactive scenarios scenarios_json lists, each from its own layers.
    Status readScenarios(const QHash<QString, QString> &meta, Town *town);

    GDALDataset *m_ds;
    QString m_path;
    Vec2 m_origin;
    int m_formatVersion = kFormatVersion;
    std::unordered_set<EntityId> m_ids;
    ProjectValidator m_validator;
    QByteArray m_prefix;
    //! What validate() changed in the inactive scenarios, read before the active plan is validated.
    QStringList m_scenarioWarnings;
};

Status Reader::layer(const char *name, std::initializer_list<const char *> fields, OGRLayer **out) const
{
    const QString fullName = QString::fromLatin1(m_prefix + name);
    *out = m_ds->GetLayerByName((m_prefix + name).constData());
    if (!*out)
        return error(QStringLiteral("missing layer '%1'").arg(fullName));
    for (const char *field : fields)
        if ((*out)->GetLayerDefn()->GetFieldIndex(field) < 0)
            return error(QStringLiteral("layer '%1' has no field '%2'").arg(fullName, QString::fromLatin1(field)));
    return Status::success();
}

template <typename Fn> Status Reader::forEach(OGRLayer *layer, Fn fn) const
{
    CPLErrorReset();
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        if (Status s = fn(*f); !s)
            return s;
    if (gdalFailed())
        return error(
            QStringLiteral("cannot read layer '%1': %2").arg(QString::fromUtf8(layer->GetName()), gdalMessage()));
    return Status::success();
}

Status Reader::allocateId(const char *layer, GIntBig fid, EntityId *id)
{
    if (fid <= 0)
        return rowError(layer, fid, QStringLiteral("bad id (ids are positive)"));
    if (!m_ids.insert(EntityId(fid)).second)
        return rowError(layer, fid, QStringLiteral("bad id: already used by another entity"));
    *id = EntityId(fid);
    return Status::success();
}

QString text(const OGRFeature &f, const char *field)
{
    return QString::fromUtf8(f.GetFieldAsString(field));
}

Status Reader::readMeta(QHash<QString, QString> *meta)
{
    OGRLayer *l = m_ds->GetLayerByName("towntwin_meta");
    if (!l)
        return error(QStringLiteral("not a TownTwin project: the GeoPackage has no towntwin_meta table "
                                    "(was it written by another program?)"));
    if (Status s = layer("towntwin_meta", {"key", "value"}, &l); !s)
        return s;
    if (Status s = forEach(l,
                           [&](const OGRFeature &f) {
                               meta->insert(text(f, "key"), text(f, "value"));
                               return Status::success();
                           });
        !s)
        return s;
    bool ok = false;
    const int version = meta->value(QStringLiteral("format_version")).toInt(&ok);
    if (!ok)
        return error(QStringLiteral("towntwin_meta has no valid format_version"));
    if (version > kFormatVersion)
        return error(QStringLiteral("written by a newer TownTwin (format %1, this version reads up to %2)")
                         .arg(version)
                         .arg(kFormatVersion));
    m_formatVersion = version;
    return Status::success();
}

Status Reader::readSite(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer(
            "site",
            {"name", "crs_name", "crs_wkt", "origin_e", "origin_n", "latitude", "longitude", "utc_offset_h", "next_id"},
            &l);
        !s)
        return s;
    int count = 0;
    Status s = forEach(l, [&](const OGRFeature &f) {
        if (++count > 1)
            return error(QStringLiteral("layer 'site' has more than one row"));
        Site &site = town->site;
        site.name = text(f, "name");
        site.crsName = text(f, "crs_name");
        site.crsWkt = text(f, "crs_wkt");
        site.originE = f.GetFieldAsDouble("origin_e");
        site.originN = f.GetFieldAsDouble("origin_n");
        site.latitude = f.GetFieldAsDouble("latitude");
        site.longitude = f.GetFieldAsDouble("longitude");
        site.utcOffsetHours = f.GetFieldAsDouble("utc_offset_h");
        town->nextId = EntityId(std::max<GIntBig>(1, f.GetFieldAsInteger64("next_id")));
        // Every coordinate is relative to the origin: without a usable one nothing can be placed.
        if (!std::isfinite(site.originE) || !std::isfinite(site.originN))
            return rowError("site", f.GetFID(), QStringLiteral("the origin (%1, %2) is not a number")
                                                    .arg(site.originE)
                                                    .arg(site.originN));
        m_origin = Vec2{site.originE, site.originN};
        if (!readExactGeometry(&f, m_origin, &readPolygon, &site.boundary))
            return rowError("site", f.GetFID(), QStringLiteral("the boundary is not a polygon"));
        return Status::success();
    });
    if (!s)
        return s;
    return count == 1 ? Status::success() : error(QStringLiteral("layer 'site' is empty"));
}

bool parseUseMix(const QString &textValue, QVector<UseShare> *mix)
{
    mix->clear();
    if (textValue.isEmpty())
        return true;
    for (const QString &part : textValue.split(QLatin1Char(';'))) {
        const int colon = part.indexOf(QLatin1Char(':'));
        UseShare share;
        bool ok = false;
        if (colon < 0 || !buildinguse::fromKey(part.left(colon), &share.use))
            return false;
        share.share = part.mid(colon + 1).toDouble(&ok);
        if (!ok)
            return false;
        mix->append(share);
    }
    return true;
}

Status Reader::readBuildings(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer(
            "buildings",
            {"source_id", "name", "use", "use_mix", "levels", "height_m", "ground_m", "height_guessed", "year"}, &l);
        !s)
        return s;
    return forEach(l, [&](const OGRFeature &f) {
        Building b;
        if (Status s = allocateId("buildings", f.GetFID(), &b.id); !s)
            return s;
        b.sourceId = text(f, "source_id");
        b.name = text(f, "name");
        if (!buildinguse::fromKey(text(f, "use"), &b.use))
            return rowError("buildings", f.GetFID(), QStringLiteral("unknown use '%1'").arg(text(f, "use")));
        if (!parseUseMix(text(f, "use_mix"), &b.mix))
            return rowError("buildings", f.GetFID(), QStringLiteral("bad use_mix '%1'").arg(text(f, "use_mix")));
        b.levels = f.GetFieldAsDouble("levels");
        // Projects written before basements existed have none.
        b.basementLevels = f.GetFieldIndex("basement_levels") >= 0 ? f.GetFieldAsDouble("basement_levels") : 0.0;
        b.heightM = f.GetFieldAsDouble("height_m");
        b.groundM = f.GetFieldAsDouble("ground_m");
        b.heightGuessed = f.GetFieldAsInteger("height_guessed") != 0;
        b.year = f.GetFieldAsInteger("year");
        // Projects written before surroundings existed have no context field: all planned.
        b.context = f.GetFieldIndex("context") >= 0 && f.GetFieldAsInteger("context") != 0;
        if (!readExactGeometry(&f, m_origin, &readPolygon, &b.footprint))
            return rowError("buildings", f.GetFID(), QStringLiteral("the footprint is not a polygon"));
        town->buildings.put(b);
        return Status::success();
    });
}

Status Reader::readZones(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer("zones", {"source_id", "name", "class"}, &l); !s)
        return s;
    return forEach(l, [&](const OGRFeature &f) {
        Zone z;
        if (Status s = allocateId("zones", f.GetFID(), &z.id); !s)
            return s;
        z.sourceId = text(f, "source_id");
        z.name = text(f, "name");
        if (!zoneclass::fromKey(text(f, "class"), &z.zoneClass))
            return rowError("zones", f.GetFID(), QStringLiteral("unknown class '%1'").arg(text(f, "class")));
        if (!readExactGeometry(&f, m_origin, &readPolygon, &z.area))
            return rowError("zones", f.GetFID(), QStringLiteral("the area is not a polygon"));
        town->zones.put(z);
        return Status::success();
    });
}

Status Reader::readRoads(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer("roads", {"source_id", "name", "road_class", "width_m"}, &l); !s)
        return s;
    return forEach(l, [&](const OGRFeature &f) {
        Road r;
        if (Status s = allocateId("roads", f.GetFID(), &r.id); !s)
            return s;
        r.sourceId = text(f, "source_id");
        r.name = text(f, "name");
        r.roadClass = text(f, "road_class");
        r.widthM = f.GetFieldAsDouble("width_m");
        if (!readExactGeometry(&f, m_origin, &readLine, &r.line))
            return rowError("roads", f.GetFID(), QStringLiteral("the centre line is not a line string"));
        town->roads.put(r);
        return Status::success();
    });
}

Status Reader::readAssets(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer("energy_assets", {"name", "type", "host_building", "parameters"}, &l); !s)
        return s;
    Status s = forEach(l, [&](const OGRFeature &f) {
        EnergyAsset a;
        if (Status st = allocateId("energy_assets", f.GetFID(), &a.id); !st)
            return st;
        a.name = text(f, "name");
        if (!energyassettype::fromKey(text(f, "type"), &a.type))
            return rowError("energy_assets", f.GetFID(), QStringLiteral("unknown type '%1'").arg(text(f, "type")));
        a.hostBuilding = EntityId(std::max<GIntBig>(0, f.GetFieldAsInteger64("host_building")));
        QJsonParseError parseError;
        const QJsonDocument parameters = QJsonDocument::fromJson(f.GetFieldAsString("parameters"), &parseError);
        if (!parameters.isObject())
            return rowError("energy_assets", f.GetFID(),
                            QStringLiteral("parameters are not a JSON object (%1)").arg(parseError.errorString()));
        a.parameters = parameters.object().toVariantMap();
        // A NULL point would read as (0, 0) of the CRS; the validator leaves such an asset out by name.
        if (!f.GetGeometryRef() || f.GetGeometryRef()->IsEmpty())
            m_validator.addAssetWithoutPosition(a.id);
        if (!readExactGeometry(&f, m_origin, &readPoint, &a.position))
            return rowError("energy_assets", f.GetFID(), QStringLiteral("the position is not a point"));
        town->assets.put(a);
        return Status::success();
    });
    if (!s)
        return s;
    OGRLayer *areas = nullptr;
    if (Status st = layer("energy_asset_areas", {"asset_id"}, &areas); !st)
        return st;
    return forEach(areas, [&](const OGRFeature &f) {
        EnergyAsset *a = town->assets.find(EntityId(f.GetFieldAsInteger64("asset_id")));
        if (!a)
            return rowError("energy_asset_areas", f.GetFID(),
                            QStringLiteral("asset_id %1 names no energy asset").arg(f.GetFieldAsInteger64("asset_id")));
        if (!readExactGeometry(&f, m_origin, &readPolygon, &a->area))
            return rowError("energy_asset_areas", f.GetFID(), QStringLiteral("the area is not a polygon"));
        return Status::success();
    });
}

Status Reader::readNetworks(Town *town)
{
    if (m_formatVersion < 2)
        return Status::success();
    OGRLayer *nodes = nullptr;
    if (Status s = layer("network_nodes", {"source_id", "carrier", "kind", "building", "kv", "p_kw", "q_kvar"}, &nodes); !s)
        return s;
    Status s = forEach(nodes, [&](const OGRFeature &f) {
        NetworkNode n;
        if (Status st = allocateId("network_nodes", f.GetFID(), &n.id); !st)
            return st;
        n.sourceId = text(f, "source_id");
        if (!networkcarrier::fromKey(text(f, "carrier"), &n.carrier))
            return rowError("network_nodes", f.GetFID(), QStringLiteral("unknown carrier '%1'").arg(text(f, "carrier")));
        if (!networknodekind::fromKey(text(f, "kind"), &n.kind))
            return rowError("network_nodes", f.GetFID(), QStringLiteral("unknown kind '%1'").arg(text(f, "kind")));
        n.building = EntityId(std::max<GIntBig>(0, f.GetFieldAsInteger64("building")));
        n.kv = f.GetFieldAsDouble("kv");
        n.pKw = f.GetFieldAsDouble("p_kw");
        n.qKvar = f.GetFieldAsDouble("q_kvar");
        if (!readExactGeometry(&f, m_origin, &readPoint, &n.position))
            return rowError("network_nodes", f.GetFID(), QStringLiteral("the position is not a point"));
        town->networkNodes.put(n);
        return Status::success();
    });
    if (!s)
        return s;
    OGRLayer *links = nullptr;
    if (Status st = layer("network_links",
                          {"source_id", "carrier", "from_node", "to_node", "status", "type", "circuits", "r_ohm", "x_ohm", "kv",
                           "ampacity_a", "inner_diameter_mm", "loss_w_per_mk", "supply_c", "return_c"},
                          &links);
        !st)
        return st;
    return forEach(links, [&](const OGRFeature &f) {
        NetworkLink l;
        if (Status st = allocateId("network_links", f.GetFID(), &l.id); !st)
            return st;
        l.sourceId = text(f, "source_id");
        if (!networkcarrier::fromKey(text(f, "carrier"), &l.carrier))
            return rowError("network_links", f.GetFID(), QStringLiteral("unknown carrier '%1'").arg(text(f, "carrier")));
        l.from = EntityId(std::max<GIntBig>(0, f.GetFieldAsInteger64("from_node")));
        l.to = EntityId(std::max<GIntBig>(0, f.GetFieldAsInteger64("to_node")));
        const QString status = text(f, "status");
        if (status != QLatin1String("open") && status != QLatin1String("closed"))
            return rowError("network_links", f.GetFID(),
                            QStringLiteral("status '%1' is neither 'open' nor 'closed'").arg(status));
        l.closed = status == QLatin1String("closed");
        l.type = text(f, "type");
        l.circuits = f.GetFieldAsInteger("circuits");
        l.rOhm = f.GetFieldAsDouble("r_ohm");
        l.xOhm = f.GetFieldAsDouble("x_ohm");
        l.kv = f.GetFieldAsDouble("kv");
        l.ampacityA = f.GetFieldAsDouble("ampacity_a");
        l.innerDiameterMm = f.GetFieldAsDouble("inner_diameter_mm");
        l.lossWPerMK = f.GetFieldAsDouble("loss_w_per_mk");
        l.supplyC = f.GetFieldAsDouble("supply_c");
        l.returnC = f.GetFieldAsDouble("return_c");
        if (!readExactGeometry(&f, m_origin, &readLine, &l.route))
            return rowError("network_links", f.GetFID(), QStringLiteral("the route is not a line string"));
        town->networkLinks.put(l);
        return Status::success();
    });
}

Status Reader::readSettings(Town *town)
{
    OGRLayer *l = nullptr;
    if (Status s = layer("towntwin_settings", {"key", "value", "type"}, &l); !s)
        return s;
    return forEach(l, [&](const OGRFeature &f) {
        const QByteArray json = QByteArray("[") + f.GetFieldAsString("value") + "]";
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        if (!doc.isArray() || doc.array().size() != 1)
            return rowError("towntwin_settings", f.GetFID(),
                            QStringLiteral("value of '%1' is not JSON").arg(text(f, "key")));
        QVariant value = doc.array().first().toVariant();
        const QMetaType type = QMetaType::fromName(f.GetFieldAsString("type"));
        if (type.isValid() && value.metaType() != type && !value.convert(type))
            return rowError(
                "towntwin_settings", f.GetFID(),
                QStringLiteral("value of '%1' does not convert to %2").arg(text(f, "key"), text(f, "type")));
        town->settings.insert(text(f, "key"), value);
        return Status::success();
    });
}

Status Reader::readTerrain(const QHash<QString, QString> &meta, Town *town)
{
    if (!meta.contains(QStringLiteral("terrain_columns")))
        return Status::success();
    bool ok[5] = {};
    const int columns = meta.value(QStringLiteral("terrain_columns")).toInt(&ok[0]);
    const int rows = meta.value(QStringLiteral("terrain_rows")).toInt(&ok[1]);
    const double originX = meta.value(QStringLiteral("terrain_origin_x")).toDouble(&ok[2]);
    const double originY = meta.value(QStringLiteral("terrain_origin_y")).toDouble(&ok[3]);
    const double cellSize = meta.value(QStringLiteral("terrain_cell_size")).toDouble(&ok[4]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) || columns < 2 || rows < 2
        || !(cellSize > 0))
        return error(QStringLiteral("towntwin_meta describes no valid terrain grid"));
    const QByteArray name = "GPKG:" + QFile::encodeName(m_path) + ":terrain";
    GDALDatasetUniquePtr raster(GDALDataset::Open(name.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, kGpkgOnly));
    if (!raster)
        return error(QStringLiteral("missing raster table 'terrain': %1").arg(gdalMessage()));
    if (raster->GetRasterXSize() != columns || raster->GetRasterYSize() != rows || raster->GetRasterCount() < 1)
        return error(QStringLiteral("raster 'terrain' is %1 x %2, towntwin_meta says %3 x %4")
                         .arg(raster->GetRasterXSize())
                         .arg(raster->GetRasterYSize())
                         .arg(columns)
                         .arg(rows));
    Terrain terrain(columns, rows, originX, originY, cellSize);
    GDALRasterBand *band = raster->GetRasterBand(1);
    std::vector<float> row(columns);
    for (int r = 0; r < rows; ++r) {
        if (band->RasterIO(GF_Read, 0, r, columns, 1, row.data(), columns, 1, GDT_Float32, 0, 0, nullptr) != CE_None)
            return error(QStringLiteral("cannot read raster 'terrain' row %1: %2").arg(r).arg(gdalMessage()));
        for (int c = 0; c < columns; ++c)
            terrain.setSample(c, rows - 1 - r, row[c] == kTerrainNoData ? NAN : row[c]);
    }
    town->terrain = std::move(terrain);
    return Status::success();
}

Status Reader::readAll(Town *town)
{
    QHash<QString, QString> meta;
    if (Status s = readMeta(&meta); !s)
        return s;
    town->rulesJson = meta.value(QStringLiteral("rules_json"));
    if (Status s = Presentation::fromJson(meta.value(QStringLiteral("presentation_json")), &town->presentation); !s)
        return error(QStringLiteral("towntwin_meta, key presentation_json: %1").arg(s.message));
    for (Status (Reader::*step)(Town *) : {&Reader::readSite, &Reader::readPlan})
        if (Status s = (this->*step)(town); !s)
            return s;
    if (Status s = readTerrain(meta, town); !s)
        return s;
    if (Status s = readScenarios(meta, town); !s)
        return s;
    for (const SavedView &view : town->presentation.views)
        if (!view.scenario.isEmpty() && town->scenarioIndex(view.scenario) < 0)
            return error(QStringLiteral("towntwin_meta, key presentation_json: view '%1' shows scenario '%2', "
                                        "which the project does not have")
                             .arg(view.name, view.scenario));
    // Ids are never reused, even if next_id was edited by hand.
    for (EntityId id : m_ids)
        town->nextId = std::max(town->nextId, id + 1);
    return Status::success();
}

Status Reader::readPlan(Town *town)
{
    for (Status (Reader::*step)(Town *) : {&Reader::readBuildings, &Reader::readZones, &Reader::readRoads,
                                           &Reader::readAssets, &Reader::readNetworks, &Reader::readSettings})
        if (Status s = (this->*step)(town); !s)
            return s;
    return Status::success();
}

Status Reader::readScenarios(const QHash<QString, QString> &meta, Town *town)
{
    const QString text = meta.value(QStringLiteral("scenarios_json"));
    if (text.isEmpty())
        return Status::success();
    const QJsonObject root = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonArray list = root.value(QLatin1String("scenarios")).toArray();
    const int active = root.value(QLatin1String("active")).toInt(-1);
    if (list.isEmpty() || active < 0 || active >= list.size())
        return error(QStringLiteral("towntwin_meta, key scenarios_json: no scenario list with its active one"));
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject entry = list[i].toObject();
        Scenario scenario;
        scenario.name = entry.value(QLatin1String("name")).toString();
        const QString where = QStringLiteral("towntwin_meta, key scenarios_json, scenario %1").arg(i + 1);
        if (Status s = town->checkScenarioName(scenario.name); !s)
            return error(QStringLiteral("%1: %2").arg(where, s.message));
        if (i != active) {
            Reader plan(m_ds, m_path);
            plan.m_prefix = entry.value(QLatin1String("layer_prefix")).toString().toLatin1();
            if (plan.m_prefix.isEmpty())
                return error(QStringLiteral("%1 ('%2'): no layer_prefix").arg(where, scenario.name));
            plan.m_origin = m_origin;
            plan.m_formatVersion = m_formatVersion;
            Town variant;
            variant.site = town->site;
            if (Status s = plan.readPlan(&variant); !s)
                return s;
            for (const QString &w : plan.m_validator.apply(&variant))
                m_scenarioWarnings.append(QStringLiteral("scenario '%1': %2").arg(scenario.name, w));
            m_ids.insert(plan.m_ids.begin(), plan.m_ids.end());
            variant.rulesJson = entry.value(QLatin1String("rules_json")).toString();
            scenario = variant.planAsScenario(scenario.name);
        }
        town->scenarios.append(std::move(scenario));
    }
    town->activeScenario = active;
    return Status::success();
}

QStringList Reader::validate(Town *town) const
{
    return m_scenarioWarnings + m_validator.apply(town);
}

// --- Interrupted saves --------------------------------------------------------

//! What a save may leave beside its temporary file: SQLite's rollback journal, or
//! its write-ahead log and shared memory if GDAL was told to use WAL.
const char *const kSqliteSuffixes[] = {"", "-journal", "-wal", "-shm"};

//! Room for the temporary files of concurrent saves (GUI save, autosave, tests).
constexpr int kCleanupSlots = 8;
constexpr std::size_t kMaxNativePath = 4096;
constexpr std::size_t kMaxSuffix = 16;

enum SlotState : int { SlotFree, SlotFilling, SlotActive };

//! A temporary file a signal handler may have to delete. The handler may only read
//! memory that needs no allocation and no lock: a fixed buffer and a lock-free flag.
struct CleanupSlot {
    std::atomic<int> state{SlotFree};
    char path[kMaxNativePath] = {};
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slot state");

CleanupSlot g_cleanupSlots[kCleanupSlots];

//! The signals that end a process while it saves: Ctrl+C, kill, a closed terminal.
const int kInterruptSignals[] = {
    SIGINT, SIGTERM,
#ifdef Q_OS_UNIX
    SIGHUP,
#endif
};
constexpr int kInterruptSignalCount = int(sizeof(kInterruptSignals) / sizeof(kInterruptSignals[0]));

void removeNativeFile(const char *path)
{
#ifdef Q_OS_UNIX
    ::unlink(path);  // async-signal-safe
#else
    std::remove(path);
#endif
}

extern "C" void removeTempFilesAndDie(int sig)
{
    // Only async-signal-safe work here: no allocation, no Qt, no locks.
    for (CleanupSlot &slot : g_cleanupSlots) {
        if (slot.state.load(std::memory_order_acquire) != SlotActive)
            continue;
        for (const char *suffix : kSqliteSuffixes) {
            char file[kMaxNativePath + kMaxSuffix];
            std::size_t n = 0;
            for (const char *c = slot.path; *c != '\0'; ++c)
                file[n++] = *c;
            for (const char *c = suffix; *c != '\0'; ++c)
                file[n++] = *c;
            file[n] = '\0';
            removeNativeFile(file);
        }
    }
    // Die of the signal as the process would have without us (exit status, core rules).
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

//! For the duration of a save, makes SIGINT, SIGTERM and SIGHUP delete its temporary
//! file and journal before the process dies. Handlers are installed only for signals
//! at their default action (the process would die and leave the files behind); a
//! program that ignores or handles a signal itself keeps its own behaviour. Without a
//! free slot, or with a path too long for one, the save runs unprotected, as before.
class InterruptCleanup {
public:
    explicit InterruptCleanup(const QByteArray &nativePath)
    {
        if (std::size_t(nativePath.size()) < kMaxNativePath) {
            for (int i = 0; i < kCleanupSlots && m_slot < 0; ++i) {
                int expected = SlotFree;
                if (g_cleanupSlots[i].state.compare_exchange_strong(expected, SlotFilling)) {
                    std::memcpy(g_cleanupSlots[i].path, nativePath.constData(), std::size_t(nativePath.size()) + 1);
                    g_cleanupSlots[i].state.store(SlotActive, std::memory_order_release);
                    m_slot = i;
                }
            }
        }
        const std::lock_guard<std::mutex> lock(mutex());
        if (activeSaves()++ == 0)
            installHandlers();
    }

    ~InterruptCleanup()
    {
        if (m_slot >= 0)
            g_cleanupSlots[m_slot].state.store(SlotFree, std::memory_order_release);
        const std::lock_guard<std::mutex> lock(mutex());
        if (--activeSaves() == 0)
            restoreHandlers();
    }

    InterruptCleanup(const InterruptCleanup &) = delete;
    InterruptCleanup &operator=(const InterruptCleanup &) = delete;

private:
    static std::mutex &mutex()
    {
        static std::mutex m;
        return m;
    }
    static int &activeSaves()
    {
        static int n = 0;
        return n;
    }
    //! Which of kInterruptSignals carry our handler now.
    static bool *installed()
    {
        static bool flags[kInterruptSignalCount] = {};
        return flags;
    }

    static void installHandlers()
    {
        for (int i = 0; i < kInterruptSignalCount; ++i) {
            const int sig = kInterruptSignals[i];
#ifdef Q_OS_UNIX
            // sigaction can look without touching, so a program's own disposition is never replaced even briefly.
            struct sigaction current {};
            if (sigaction(sig, nullptr, &current) != 0 || (current.sa_flags & SA_SIGINFO) || current.sa_handler != SIG_DFL)
                continue;
            struct sigaction ours {};
            ours.sa_handler = removeTempFilesAndDie;
            sigemptyset(&ours.sa_mask);
            for (int other : kInterruptSignals)
                sigaddset(&ours.sa_mask, other);  // one cleanup at a time
            installed()[i] = sigaction(sig, &ours, nullptr) == 0;
#else
            const auto previous = std::signal(sig, removeTempFilesAndDie);
            if (previous != SIG_DFL && previous != SIG_ERR)
                std::signal(sig, previous);
            installed()[i] = previous == SIG_DFL;
#endif
        }
    }

    static void restoreHandlers()
    {
        for (int i = 0; i < kInterruptSignalCount; ++i) {
            if (!installed()[i])
                continue;
            installed()[i] = false;
            const int sig = kInterruptSignals[i];
            // Only our own handler goes: one the program installed meanwhile stays.
#ifdef Q_OS_UNIX
            struct sigaction current {};
            if (sigaction(sig, nullptr, &current) == 0 && !(current.sa_flags & SA_SIGINFO)
                && current.sa_handler == removeTempFilesAndDie)
                std::signal(sig, SIG_DFL);
#else
            const auto previous = std::signal(sig, SIG_DFL);
            if (previous != removeTempFilesAndDie && previous != SIG_ERR)
                std::signal(sig, previous);
#endif
        }
    }

    int m_slot = -1;
};

}  // namespace

void setFailAfterLayerForTesting(const QString &layerName)
{
    failAfterLayer() = layerName;
}

Status save(const Town &town, const QString &path)
{
    const GdalSession session;
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Status::error(QStringLiteral("Cannot save project %1: the folder does not exist").arg(path));
    const QString temp
        = info.absoluteDir().filePath(QStringLiteral(".%1.tmp-%2.gpkg")
                                          .arg(info.fileName())
                                          .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    const std::filesystem::path tempPath(QFile::encodeName(temp).toStdString());
    const InterruptCleanup interruptCleanup(QFile::encodeName(temp));
    Status status = writeProject(town, temp, path);
    if (status) {
        std::error_code ec;
        std::filesystem::rename(tempPath,
                                std::filesystem::path(QFile::encodeName(info.absoluteFilePath()).toStdString()), ec);
        if (ec)
            status = Status::error(QStringLiteral("Cannot save project %1: cannot replace it: %2")
                                       .arg(path, QString::fromStdString(ec.message())));
    }
    if (!status) {
        std::error_code ignored;
        for (const char *suffix : kSqliteSuffixes)
            std::filesystem::remove(tempPath.string() + suffix, ignored);
    }
    return status;
}

Status load(const QString &path, Town *town, QStringList *warnings)
{
    const GdalSession session;
    if (!QFileInfo(path).isFile())
        return Status::error(QStringLiteral("Cannot open project %1: no such file").arg(path));
    CPLErrorReset();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kGpkgOnly));
    if (!ds) {
        const QString detail = QString::fromUtf8(CPLGetLastErrorMsg());
        return Status::error(QStringLiteral("Cannot open project %1: not a GeoPackage, or a damaged one%2")
                                 .arg(path, detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail)));
    }
    Town loaded;
    Reader reader(ds.get(), path);
    if (Status s = reader.readAll(&loaded); !s)
        return s;
    const QStringList changes = reader.validate(&loaded);
    if (warnings)
        *warnings = changes;
    *town = std::move(loaded);
    return Status::success();
}

}  // namespace tt::ProjectFile
