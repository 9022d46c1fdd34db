// SPDX-License-Identifier: MIT
#include "TestData.h"
#include "ProjectFile.h"

#include "core/BundledResources.h"
#include "generate/TownGenerator.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tt;

namespace {

const QString kZug = testdata::path(QStringLiteral("zug-cea"));
constexpr double kOriginE = 463100.0;
constexpr double kOriginN = 15224800.0;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Ring square(double x, double y, double size)
{
    return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}};
}

//! Every row of every layer as text (fields and geometry WKT), read through OGR: the
//! content QGIS would show, independent of ProjectFile's own reader.
QStringList ogrContent(const QString &path)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QStringList rows;
    if (!ds)
        return rows;
    for (OGRLayer *layer : ds->GetLayers()) {
        for (const auto &f : *layer) {
            QString row = QString::fromUtf8(layer->GetName()) + QLatin1Char('|') + QString::number(f->GetFID());
            for (int i = 0; i < f->GetFieldCount(); ++i)
                row += QLatin1Char('|') + QString::fromUtf8(f->GetFieldAsString(i));
            if (const OGRGeometry *g = f->GetGeometryRef()) {
                QByteArray wkb(int(g->WkbSize()), '\0');
                g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()), wkbVariantIso);
                row += QLatin1Char('|') + QString::fromLatin1(wkb.toHex());
            }
            rows.append(row);
        }
    }
    rows.sort();
    return rows;
}

QStringList directoryEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

}  // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { ProjectFile::setFailAfterLayerForTesting(QString()); }
    void roundTripIsLossless();
    void doublesAreBitExactAtLargeNorthings();
    void saveLoadSaveLoadGivesSameContent();
    void fileIsPlainGeoPackage();
    void emptyTerrainWritesNoRaster();
    void sampleTownRoundTrips();
    void scenariosRoundTripInTheirOwnLayers();
    void featureMovedInQgisIsReadFromItsGeometry();
    void failedSaveLeavesOldFile_data();
    void failedSaveLeavesOldFile();
    void loadErrorsAreClearAndKeepTown_data();
    void loadErrorsAreClearAndKeepTown();
    void implausibleContentIsNamedOnOpen();
    void formatOneProjectOpensWithoutNetworks();
    void implausibleSettingIsReset_data();
    void implausibleSettingIsReset();

private:
    Town m_town;
    Polygon m_realFootprint;  // absolute coordinates of zug building B1000..., as read by OGR
};

void TestProjectFile::initTestCase()
{
    GDALAllRegister();
    TT_REQUIRE_TEST_DATA(QStringLiteral("zug-cea/zone.prj"), QStringLiteral("zug-cea/zone.shp"));
    Town &t = m_town;
    t.site.name = QStringLiteral("Zug Süd – 测试镇");
    t.site.crsWkt = QString::fromUtf8(readAll(kZug + QStringLiteral("/zone.prj")));
    QVERIFY(t.site.crsWkt.startsWith(QLatin1String("PROJCS")));
    t.site.crsName = QStringLiteral("WGS 84 / UTM zone 32S");
    t.site.originE = kOriginE;
    t.site.originN = kOriginN;
    t.site.latitude = 47.1758;
    t.site.longitude = 8.5107;
    t.site.utcOffsetHours = 1.0;
    t.site.boundary.outer = {{-20.01, -10.07}, {210.33, -10.07}, {210.33, 270.29}, {-20.01, 270.29}};

    // A real footprint from the zug data, made local exactly the way an importer would.
    GDALDatasetUniquePtr zone(
        GDALDataset::Open((kZug + QStringLiteral("/zone.shp")).toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(zone);
    OGRFeatureUniquePtr feature(zone->GetLayer(0)->GetNextFeature());
    QVERIFY(feature && feature->GetGeometryRef());
    const OGRPolygon *ring = feature->GetGeometryRef()->getGeometryType() == wkbPolygon
                                 ? feature->GetGeometryRef()->toPolygon()
                                 : feature->GetGeometryRef()->toMultiPolygon()->getGeometryRef(0);
    Building real;
    real.id = 1;
    real.sourceId = QString::fromUtf8(feature->GetFieldAsString("Name"));
    real.name = QStringLiteral("Bürohaus");
    real.use = BuildingUse::Office;
    real.mix = {{BuildingUse::Office, 0.7}, {BuildingUse::Retail, 0.3}};
    real.levels = 4.5;
    real.basementLevels = 2.0;
    real.heightM = 15.75;
    real.groundM = 431.37;
    real.year = 1987;
    const OGRLinearRing *outer = ring->getExteriorRing();
    for (int i = 0; i + 1 < outer->getNumPoints(); ++i) {
        real.footprint.outer.append(t.site.toLocal(outer->getX(i), outer->getY(i)));
        m_realFootprint.outer.append(Vec2{outer->getX(i), outer->getY(i)});
    }
    t.buildings.put(real);

    Building court;
    court.id = 2;
    court.sourceId = QStringLiteral("osm-way/123");
    court.name = QStringLiteral("住宅 Hof «Nord»");
    court.use = BuildingUse::Residential;
    court.levels = 3;
    court.heightM = 9.0;
    court.groundM = -0.01;
    court.heightGuessed = true;
    court.context = true;  // surroundings survive the round trip too
    court.footprint.outer = square(100.01, 100.02, 30.03);
    court.footprint.holes = {square(110.11, 110.12, 5.55), square(120.21, 120.22, 4.44)};
    t.buildings.put(court);

    const ZoneClass classes[] = {ZoneClass::Agricultural, ZoneClass::Residential,   ZoneClass::Commercial,
                                 ZoneClass::Industrial,   ZoneClass::PublicService, ZoneClass::Green,
                                 ZoneClass::Water,        ZoneClass::Energy,        ZoneClass::Road};
    EntityId id = 10;
    for (ZoneClass c : classes) {
        Zone z;
        z.id = id++;
        z.sourceId = QStringLiteral("Z-%1").arg(z.id);
        z.name = zoneclass::label(c) + QStringLiteral(" – Zone");
        z.zoneClass = c;
        z.area.outer = square(double(z.id) * 20.37, -5.01, 19.99);
        t.zones.put(z);
    }
    t.zones.find(11)->area.holes = {square(225.0, 0.0, 2.5)};

    Road road;
    road.id = 30;
    road.sourceId = QStringLiteral("street-7");
    road.name = QStringLiteral("Baarerstraße");
    road.roadClass = QStringLiteral("secondary");
    road.widthM = 7.25;
    road.line = {{-5.01, 0.33}, {50.07, 12.19}, {199.99, 250.01}};
    t.roads.put(road);

    EnergyAsset pv;
    pv.id = 40;
    pv.name = QStringLiteral("PV Dach");
    pv.type = EnergyAssetType::RooftopPv;
    pv.position = geometry::centroid(real.footprint);
    pv.hostBuilding = 1;
    pv.parameters = {{QStringLiteral("peak_kw"), 48.3}, {QStringLiteral("tilt_deg"), 15}};
    t.assets.put(pv);
    EnergyAsset field;
    field.id = 41;
    field.name = QStringLiteral("Agri-PV Feld");
    field.type = EnergyAssetType::GroundPv;
    field.position = {150.05, 150.06};
    field.area.outer = square(140.01, 140.02, 20.03);
    field.parameters = {{QStringLiteral("peak_kw"), 800.0}, {QStringLiteral("note"), QStringLiteral("über Reben")}};
    t.assets.put(field);
    EnergyAsset battery;
    battery.id = 42;
    battery.name = QStringLiteral("Quartierspeicher");
    battery.type = EnergyAssetType::Battery;
    battery.position = {12.34, 56.78};
    t.assets.put(battery);

    // A feeder with an open tie and a heating pipe pair, every field set.
    const auto node = [&t](EntityId nodeId, NetworkCarrier carrier, NetworkNode::Kind kind, Vec2 at) {
        NetworkNode n;
        n.id = nodeId;
        n.sourceId = QStringLiteral("N%1").arg(nodeId);
        n.carrier = carrier;
        n.kind = kind;
        n.position = at;
        t.networkNodes.put(n);
        return n;
    };
    node(50, NetworkCarrier::Electricity, NetworkNode::Kind::Source, {-3.21, 1.23});
    NetworkNode load = node(51, NetworkCarrier::Electricity, NetworkNode::Kind::Load, {48.01, 10.99});
    load.building = 1;
    load.kv = 0.4;
    load.pKw = 61.7;
    load.qKvar = -12.25;
    t.networkNodes.put(load);
    node(52, NetworkCarrier::Electricity, NetworkNode::Kind::Junction, {199.99, 250.01});
    node(53, NetworkCarrier::Heating, NetworkNode::Kind::Source, {-3.21, 1.23});
    node(54, NetworkCarrier::Heating, NetworkNode::Kind::Load, {48.01, 10.99});
    const auto link = [&t](EntityId linkId, NetworkCarrier carrier, EntityId from, EntityId to, QVector<Vec2> route) {
        NetworkLink l;
        l.id = linkId;
        l.sourceId = QStringLiteral("L%1").arg(linkId);
        l.carrier = carrier;
        l.from = from;
        l.to = to;
        l.route = route;
        l.type = QStringLiteral("YJV22-8.7/15 3×70");
        l.rOhm = 0.0153;
        l.xOhm = 0.0061;
        l.ampacityA = 245.0;
        t.networkLinks.put(l);
    };
    link(60, NetworkCarrier::Electricity, 50, 51, {{-3.21, 1.23}, {20.5, 5.5}, {48.01, 10.99}});
    link(61, NetworkCarrier::Electricity, 51, 52, {{48.01, 10.99}, {199.99, 250.01}});
    t.networkLinks.find(61)->closed = false;
    NetworkLink pipe;
    pipe.id = 62;
    pipe.carrier = NetworkCarrier::Heating;
    pipe.from = 53;
    pipe.to = 54;
    pipe.route = {{-3.21, 1.23}, {48.01, 10.99}};
    pipe.type = QStringLiteral("DN80");
    pipe.innerDiameterMm = 82.5;
    pipe.lossWPerMK = 0.2213;
    pipe.supplyC = 75.0;
    pipe.returnC = 45.5;
    t.networkLinks.put(pipe);

    Terrain terrain(7, 5, -30.25, -20.5, 2.5, 431.0f);
    for (int r = 0; r < terrain.rows(); ++r)
        for (int c = 0; c < terrain.columns(); ++c)
            terrain.setSample(c, r, 431.0f + 0.37f * float(c) + 1.13f * float(r * r));
    terrain.setSample(0, 0, NAN);
    terrain.setSample(3, 2, NAN);
    terrain.setSample(6, 4, NAN);
    t.terrain = terrain;

    t.settings = {{QStringLiteral("residential_m2_per_person"), 40},
                  {QStringLiteral("walk.primary_school_m"), 512.25},
                  {QStringLiteral("use_roads"), true},
                  {QStringLiteral("scenario"), QStringLiteral("Basisfall – 基准")},
                  {QStringLiteral("services"), QStringList{QStringLiteral("school"), QStringLiteral("clinic")}},
                  {QStringLiteral("big"), qlonglong(9007199254740993LL)},
                  {QStringLiteral("tariff"),
                   QVariantMap{{QStringLiteral("peak"), 0.31}, {QStringLiteral("name"), QStringLiteral("HT")}}}};
    t.rulesJson = QString::fromUtf8(BundledResources::read(QStringLiteral("rules/plan-rules.json")));
    QVERIFY(!t.rulesJson.isEmpty());
    SavedView overview;
    overview.name = QStringLiteral("Übersicht – 全景");
    overview.camera = {-3.21, 1.23, 431.5, 812.125, 227.5, 38.0};
    overview.layers = QStringList{QStringLiteral("terrain"), QStringLiteral("buildings")};
    overview.colouring = QStringLiteral("pv_yield");
    overview.hour = 4114;
    t.presentation.views << overview;
    t.presentation.tours << Tour{QStringLiteral("Overview"), {TourStop{overview.name, 2.5, 6.0, QStringLiteral("The site")}}};
    t.presentation.title = QStringLiteral("Demo town");
    t.nextId = 1000;
}

void TestProjectFile::roundTripIsLossless()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.gpkg"));
    const Status saved = ProjectFile::save(m_town, path);
    QVERIFY2(saved.ok, qPrintable(saved.message));
    Town loaded;
    const Status s = ProjectFile::load(path, &loaded);
    QVERIFY2(s.ok, qPrintable(s.message));
    QVERIFY(loaded == m_town);
    QCOMPARE(loaded.nextId, m_town.nextId);
    // Spot checks that == looks at what we think it does.
    QCOMPARE(loaded.buildings.find(2)->footprint.holes.size(), 2);
    QCOMPARE(loaded.buildings.find(1)->mix.size(), 2);
    QCOMPARE(loaded.buildings.find(1)->basementLevels, 2.0);
    QCOMPARE(loaded.settings.value(QStringLiteral("big")).toLongLong(), 9007199254740993LL);
    QCOMPARE(loaded.settings.value(QStringLiteral("residential_m2_per_person")).metaType(), QMetaType::fromType<int>());
    QCOMPARE(loaded.terrain.noDataCount(), 3);
    QVERIFY(std::isnan(loaded.terrain.sample(3, 2)));
    QCOMPARE(loaded.site.name, m_town.site.name);
    QCOMPARE(loaded.networkLinks.find(61)->closed, false);
    QCOMPARE(loaded.networkLinks.find(62)->route.size(), 2);
    QCOMPARE(loaded.networkNodes.find(51)->building, EntityId(1));
    QCOMPARE(loaded.presentation.tours.at(0).stops.at(0).view, QStringLiteral("Übersicht – 全景"));
    QCOMPARE(loaded.presentation.views.at(0).camera.distance, 812.125);
    QCOMPARE(directoryEntries(dir.path()), QStringList{QStringLiteral("plan.gpkg")});
}

void TestProjectFile::doublesAreBitExactAtLargeNorthings()
{
    // Precondition: the naive absolute round trip really loses bits for the hand-made
    // centimetre coordinates (the real footprint, made local from absolute values, does not).
    const Building &real = *m_town.buildings.find(1);
    const Building &court = *m_town.buildings.find(2);
    int lossy = 0;
    for (const Vec2 &v : court.footprint.outer + court.footprint.holes.first())
        lossy += ((v.y + kOriginN) - kOriginN != v.y) || ((v.x + kOriginE) - kOriginE != v.x);
    QVERIFY((56.78 + kOriginN) - kOriginN != 56.78);
    QVERIFY(lossy > 4);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zug.gpkg"));
    QVERIFY(ProjectFile::save(m_town, path).ok);
    Town loaded;
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    const Building &back = *loaded.buildings.find(1);
    QCOMPARE(back.footprint.outer.size(), real.footprint.outer.size());
    for (int i = 0; i < real.footprint.outer.size(); ++i) {
        QVERIFY(back.footprint.outer[i] == real.footprint.outer[i]);  // bit-exact, not fuzzy
        // The real data's absolute coordinates are what QGIS sees, to the rounding of one addition.
        QVERIFY(std::abs(back.footprint.outer[i].x + kOriginE - m_realFootprint.outer[i].x) < 1e-8);
        QVERIFY(std::abs(back.footprint.outer[i].y + kOriginN - m_realFootprint.outer[i].y) < 1e-8);
    }
    QVERIFY(loaded.assets.find(42)->position == (Vec2{12.34, 56.78}));
    QVERIFY(loaded.buildings.find(2)->footprint == court.footprint);

    // The geometry column holds absolute coordinates (so QGIS puts the building in Zug).
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    OGRFeatureUniquePtr f(ds->GetLayerByName("buildings")->GetFeature(1));
    QVERIFY(f);
    OGREnvelope env;
    f->GetGeometryRef()->getEnvelope(&env);
    QVERIFY(env.MinY > 15224790.0 && env.MaxY < 15225060.0);
    QVERIFY(env.MinX > 463110.0 && env.MaxX < 463280.0);
}

void TestProjectFile::saveLoadSaveLoadGivesSameContent()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("a.gpkg"));
    const QString second = dir.filePath(QStringLiteral("b.gpkg"));
    QVERIFY(ProjectFile::save(m_town, first).ok);
    Town once;
    QVERIFY(ProjectFile::load(first, &once).ok);
    QVERIFY(ProjectFile::save(once, second).ok);
    Town twice;
    QVERIFY(ProjectFile::load(second, &twice).ok);
    QVERIFY(twice == once);
    QVERIFY(twice == m_town);
    QCOMPARE(twice.nextId, m_town.nextId);

    const QStringList a = ogrContent(first), b = ogrContent(second);
    QVERIFY(a.size() > 20);
    QCOMPARE(a, b);

    // Saving over an existing project replaces it.
    Town smaller = m_town;
    smaller.buildings.remove(2);
    QVERIFY(ProjectFile::save(smaller, first).ok);
    Town reread;
    QVERIFY(ProjectFile::load(first, &reread).ok);
    QCOMPARE(reread.buildings.size(), 1);
}

void TestProjectFile::fileIsPlainGeoPackage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.gpkg"));
    QVERIFY(ProjectFile::save(m_town, path).ok);

    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_RASTER));
    QVERIFY(ds);
    QCOMPARE(QString::fromLatin1(ds->GetDriver()->GetDescription()), QStringLiteral("GPKG"));
    const struct {
        const char *name;
        GIntBig count;
        OGRwkbGeometryType type;
    } expected[]
        = {{"site", 1, wkbPolygon},           {"buildings", 2, wkbPolygon},   {"zones", 9, wkbPolygon},
           {"roads", 1, wkbLineString},       {"energy_assets", 3, wkbPoint}, {"energy_asset_areas", 1, wkbPolygon},
           {"network_nodes", 5, wkbPoint},    {"network_links", 3, wkbLineString},
           {"towntwin_settings", 7, wkbNone}, {"towntwin_meta", 9, wkbNone}};
    OGRSpatialReference zug;
    QCOMPARE(zug.SetFromUserInput(m_town.site.crsWkt.toUtf8().constData()), OGRERR_NONE);
    for (const auto &e : expected) {
        OGRLayer *layer = ds->GetLayerByName(e.name);
        QVERIFY2(layer, e.name);
        QCOMPARE(layer->GetFeatureCount(), e.count);
        QCOMPARE(wkbFlatten(layer->GetGeomType()), e.type);
        if (e.type != wkbNone) {
            QVERIFY2(layer->GetSpatialRef() && layer->GetSpatialRef()->IsSame(&zug), e.name);
        }
    }
    OGRFeatureUniquePtr b(ds->GetLayerByName("buildings")->GetFeature(1));
    QCOMPARE(QString::fromUtf8(b->GetFieldAsString("use")), QStringLiteral("office"));
    QCOMPARE(QString::fromUtf8(b->GetFieldAsString("use_mix")), QStringLiteral("office:0.7;retail:0.3"));
    QCOMPARE(b->GetFieldAsDouble("levels"), 4.5);
    OGRFeatureUniquePtr hof(ds->GetLayerByName("buildings")->GetFeature(2));
    QCOMPARE(hof->GetFieldAsInteger("height_guessed"), 1);
    // The feeder's fields are the ones `import --feeder-lines` reads.
    OGRFeatureUniquePtr tie(ds->GetLayerByName("network_links")->GetFeature(61));
    QCOMPARE(QString::fromUtf8(tie->GetFieldAsString("status")), QStringLiteral("open"));
    QCOMPARE(tie->GetFieldAsDouble("r_ohm"), 0.0153);
    QCOMPARE(QString::fromUtf8(tie->GetFieldAsString("carrier")), QStringLiteral("electricity"));
    QCOMPARE(QString::fromUtf8(hof->GetFieldAsString("name")), m_town.buildings.find(2)->name);

    // The terrain is a Float32 raster table in the same file, north row first.
    GDALDatasetUniquePtr raster(GDALDataset::Open(("GPKG:" + path + ":terrain").toUtf8().constData(), GDAL_OF_RASTER));
    QVERIFY(raster);
    QCOMPARE(raster->GetRasterXSize(), 7);
    QCOMPARE(raster->GetRasterYSize(), 5);
    QCOMPARE(raster->GetRasterBand(1)->GetRasterDataType(), GDT_Float32);
    double gt[6];
    QCOMPARE(raster->GetGeoTransform(gt), CE_None);
    QVERIFY(std::abs(gt[0] - (kOriginE - 30.25 - 1.25)) < 1e-6);
    QVERIFY(std::abs(gt[3] - (kOriginN - 20.5 + 4 * 2.5 + 1.25)) < 1e-6);
    QCOMPARE(gt[1], 2.5);
    QCOMPARE(gt[5], -2.5);
    float pixels[35];
    QCOMPARE(raster->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 7, 5, pixels, 7, 5, GDT_Float32, 0, 0, nullptr),
             CE_None);
    // Raster (col 1, row 0) is the northern row: terrain row 4.
    QCOMPARE(pixels[1], 431.0f + 0.37f + 1.13f * 16.0f);
    int hasNoData = 0;
    const double noData = raster->GetRasterBand(1)->GetNoDataValue(&hasNoData);
    QVERIFY(hasNoData);
    QCOMPARE(pixels[6], float(noData));          // terrain (6,4)
    QCOMPARE(pixels[4 * 7], float(noData));      // terrain (0,0)
    QCOMPARE(pixels[2 * 7 + 3], float(noData));  // terrain (3,2)
    QCOMPARE(int(std::count(std::begin(pixels), std::end(pixels), float(noData))), 3);
}

void TestProjectFile::emptyTerrainWritesNoRaster()
{
    Town t = m_town;
    t.terrain = Terrain();
    t.site.crsWkt.clear();
    t.site.crsName = QStringLiteral("EPSG:32651");
    t.site.boundary = Polygon();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flat.gpkg"));
    const Status s = ProjectFile::save(t, path);
    QVERIFY2(s.ok, qPrintable(s.message));
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr raster(GDALDataset::Open(("GPKG:" + path + ":terrain").toUtf8().constData(), GDAL_OF_RASTER));
    CPLPopErrorHandler();
    QVERIFY(!raster);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    OGRSpatialReference utm;
    utm.importFromEPSG(32651);
    QVERIFY(ds->GetLayerByName("zones")->GetSpatialRef()->IsSame(&utm));
    Town loaded;
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    QVERIFY(loaded.terrain.isEmpty());
    QVERIFY(loaded.site.boundary.isEmpty());
    QVERIFY(loaded == t);
}

void TestProjectFile::sampleTownRoundTrips()
{
    const Town town = TownGenerator::generate(1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lianhu.gpkg"));
    QElapsedTimer timer;
    timer.start();
    const Status saved = ProjectFile::save(town, path);
    const qint64 saveMs = timer.restart();
    QVERIFY2(saved.ok, qPrintable(saved.message));
    Town loaded;
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    qInfo("sample town: save %lld ms, load %lld ms, %lld bytes", saveMs, timer.elapsed(), QFileInfo(path).size());
    QVERIFY(loaded == town);
    QCOMPARE(loaded.nextId, town.nextId);

    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    QCOMPARE(ds->GetLayerByName("buildings")->GetFeatureCount(), GIntBig(town.buildings.size()));
    QCOMPARE(ds->GetLayerByName("zones")->GetFeatureCount(), GIntBig(town.zones.size()));
    QCOMPARE(ds->GetLayerByName("roads")->GetFeatureCount(), GIntBig(town.roads.size()));
    QCOMPARE(ds->GetLayerByName("energy_assets")->GetFeatureCount(), GIntBig(0));
    // In UTM 51N near Zhujiajiao, so QGIS puts it 40 km west of Shanghai.
    OGREnvelope env;
    QCOMPARE(ds->GetLayerByName("zones")->GetExtent(&env), OGRERR_NONE);
    QVERIFY(env.MinX > 312000 && env.MaxX < 316000 && env.MinY > 3440000 && env.MaxY < 3444500);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toWgs84(
        OGRCreateCoordinateTransformation(ds->GetLayerByName("zones")->GetSpatialRef(), &wgs84));
    QVERIFY(toWgs84);
    double x = (env.MinX + env.MaxX) / 2, y = (env.MinY + env.MaxY) / 2;
    QVERIFY(toWgs84->Transform(1, &x, &y));
    QVERIFY(std::abs(x - 121.05) < 0.01 && std::abs(y - 31.10) < 0.01);
}

void TestProjectFile::featureMovedInQgisIsReadFromItsGeometry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.gpkg"));
    QVERIFY(ProjectFile::save(m_town, path).ok);
    {
        // What a QGIS user does: move the road 10 m east, leaving the other columns alone.
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        QVERIFY(ds);
        OGRLayer *roads = ds->GetLayerByName("roads");
        OGRFeatureUniquePtr f(roads->GetFeature(30));
        QVERIFY(f);
        OGRLineString *line = f->GetGeometryRef()->toLineString();
        for (int i = 0; i < line->getNumPoints(); ++i)
            line->setPoint(i, line->getX(i) + 10.0, line->getY(i));
        QCOMPARE(roads->SetFeature(f.get()), OGRERR_NONE);
    }
    Town loaded;
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    const QVector<Vec2> &before = m_town.roads.find(30)->line, &after = loaded.roads.find(30)->line;
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QVERIFY(std::abs(after[i].x - (before[i].x + 10.0)) < 1e-6);
        QVERIFY(std::abs(after[i].y - before[i].y) < 1e-6);
    }
    // Untouched features keep their exact local coordinates.
    QVERIFY(loaded.buildings.find(2)->footprint == m_town.buildings.find(2)->footprint);
}

void TestProjectFile::failedSaveLeavesOldFile_data()
{
    QTest::addColumn<QString>("layer");
    for (const char *layer : {"site", "buildings", "energy_asset_areas", "towntwin_meta", "terrain"})
        QTest::newRow(layer) << QString::fromLatin1(layer);
}

void TestProjectFile::failedSaveLeavesOldFile()
{
    QFETCH(QString, layer);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.gpkg"));
    Town old = m_town;
    old.buildings.remove(2);
    QVERIFY(ProjectFile::save(old, path).ok);
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());

    ProjectFile::setFailAfterLayerForTesting(layer);
    const Status s = ProjectFile::save(m_town, path);
    QVERIFY(!s.ok);
    QVERIFY2(s.message.contains(path) && s.message.contains(layer), qPrintable(s.message));
    QCOMPARE(readAll(path), before);
    QCOMPARE(directoryEntries(dir.path()), QStringList{QStringLiteral("keep.gpkg")});

    ProjectFile::setFailAfterLayerForTesting(QString());
    Town loaded;
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    QVERIFY(loaded == old);
}

// Issue 15: each inactive scenario is written to layers of its own, so QGIS shows every variant.
void TestProjectFile::scenariosRoundTripInTheirOwnLayers()
{
    Town town = TownGenerator::generate(1);
    Scenario base;
    base.name = QStringLiteral("Base");
    Scenario dense = town.planAsScenario(QStringLiteral("高密度 – B"));
    dense.settings.insert(QStringLiteral("reach_radius_m_park"), 350.0);
    dense.rulesJson = QStringLiteral("{\"rules\": []}");
    Building raised = town.buildings[0];
    raised.levels += 3;
    dense.buildings.put(raised);
    QVERIFY(dense.buildings.remove(town.buildings[1].id));
    town.scenarios << base << dense;
    town.activeScenario = 0;
    town.presentation.views[0].scenario = dense.name;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scenarios.gpkg"));
    QVERIFY(ProjectFile::save(town, path).ok);
    Town loaded;
    const Status s = ProjectFile::load(path, &loaded);
    QVERIFY2(s.ok, qPrintable(s.message));
    QVERIFY(loaded == town);
    QCOMPARE(loaded.activeScenarioName(), QStringLiteral("Base"));
    QCOMPARE(loaded.scenarios[1].rulesJson, dense.rulesJson);
    QCOMPARE(loaded.scenarios[1].settings.value(QStringLiteral("reach_radius_m_park")).toDouble(), 350.0);
    QCOMPARE(loaded.presentation.views[0].scenario, dense.name);
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
        QCOMPARE(ds->GetLayerByName("buildings")->GetFeatureCount(), GIntBig(town.buildings.size()));
        OGRLayer *variant = ds->GetLayerByName("scenario2_buildings");
        QVERIFY(variant);
        QCOMPARE(variant->GetFeatureCount(), GIntBig(dense.buildings.size()));
        QCOMPARE(OGRFeatureUniquePtr(variant->GetFeature(GIntBig(raised.id)))->GetFieldAsDouble("levels"), raised.levels);
        QVERIFY(ds->GetLayerByName("scenario2_zones") && ds->GetLayerByName("scenario2_network_links"));
        QVERIFY(!ds->GetLayerByName("scenario1_buildings"));
    }

    // Saved with the variant active, the variant is in the main layers and the base in its own.
    const Town variantActive = town.withScenario(1);
    QVERIFY(ProjectFile::save(variantActive, path).ok);
    QVERIFY(ProjectFile::load(path, &loaded).ok);
    QVERIFY(loaded == variantActive);
    QCOMPARE(loaded.buildings.find(raised.id)->levels, raised.levels);
    loaded.activateScenario(0);
    QVERIFY(loaded.buildings.sameContent(town.buildings));

    // A view of a scenario the file does not have is refused by name.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ds->ExecuteSQL("UPDATE towntwin_meta SET value = replace(value, '\"scenario\":\"高密度 – B\"', "
                       "'\"scenario\":\"Gone\"') WHERE key = 'presentation_json'",
                       nullptr, "SQLITE");
    }
    const Status refused = ProjectFile::load(path, &loaded);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(QStringLiteral("shows scenario 'Gone'")), qPrintable(refused.message));
}

void TestProjectFile::loadErrorsAreClearAndKeepTown_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing"
                             << "no such file";
    QTest::newRow("text file") << "text"
                               << "not a GeoPackage";
    QTest::newRow("truncated") << "truncated"
                               << "";
    QTest::newRow("foreign GeoPackage") << "foreign"
                                        << "towntwin_meta";
    QTest::newRow("missing layer") << "nolayer"
                                   << "missing layer 'roads'";
    QTest::newRow("bad id") << "badid"
                            << "row id 2";
    QTest::newRow("infinite origin") << "badorigin"
                                     << "layer 'site', row id 1: the origin (inf";
    QTest::newRow("tour through a missing view") << "badtour"
                                                 << "presentation_json: presentation: tour 'Overview', stop 1: there is no view 'Gone'";
}

void TestProjectFile::loadErrorsAreClearAndKeepTown()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.gpkg"));
    if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database\n");
    } else if (kind == QLatin1String("truncated")) {
        QVERIFY(ProjectFile::save(m_town, path).ok);
        const QByteArray bytes = readAll(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.left(bytes.size() / 3));
    } else if (kind == QLatin1String("foreign") || kind == QLatin1String("nolayer") || kind == QLatin1String("badid")
               || kind == QLatin1String("badorigin") || kind == QLatin1String("badtour")) {
        if (kind == QLatin1String("foreign")) {
            // A GeoPackage as another tool writes it: one layer of the zug buildings.
            GDALDatasetUniquePtr src(
                GDALDataset::Open((kZug + QStringLiteral("/zone.shp")).toUtf8().constData(), GDAL_OF_VECTOR));
            const char *options[] = {"-f", "GPKG", nullptr};
            GDALVectorTranslateOptions *opts = GDALVectorTranslateOptionsNew(const_cast<char **>(options), nullptr);
            GDALDatasetH h = src.get();
            GDALDatasetH out = GDALVectorTranslate(path.toUtf8().constData(), nullptr, 1, &h, opts, nullptr);
            GDALVectorTranslateOptionsFree(opts);
            QVERIFY(out);
            GDALClose(out);
        } else {
            QVERIFY(ProjectFile::save(m_town, path).ok);
            GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            QVERIFY(ds);
            if (kind == QLatin1String("nolayer")) {
                for (int i = 0; i < ds->GetLayerCount(); ++i)
                    if (QByteArray(ds->GetLayer(i)->GetName()) == "roads")
                        QCOMPARE(ds->DeleteLayer(i), OGRERR_NONE);
            } else if (kind == QLatin1String("badtour")) {
                ds->ExecuteSQL("UPDATE towntwin_meta SET value = replace(value, '\"view\":\"Übersicht – 全景\"', "
                               "'\"view\":\"Gone\"') WHERE key = 'presentation_json'",
                               nullptr, "SQLITE");
            } else if (kind == QLatin1String("badorigin")) {
                // Every coordinate is relative to the origin: the file is unusable without one.
                ds->ExecuteSQL("UPDATE site SET origin_e = 1e999", nullptr, "SQLITE");
            } else {
                // A zone reusing building 2's id: ids are unique across entity kinds.
                ds->ExecuteSQL("UPDATE zones SET id = 2 WHERE id = 10", nullptr, nullptr);
            }
        }
    }
    Town town = m_town;
    town.nextId = 4242;
    const Status s = ProjectFile::load(path, &town);
    QVERIFY(!s.ok);
    QVERIFY2(s.message.contains(path), qPrintable(s.message));
    QVERIFY2(s.message.contains(expected), qPrintable(s.message));
    qInfo("%s", qPrintable(s.message));
    QVERIFY(town == m_town);
    QCOMPARE(town.nextId, EntityId(4242));
}

// Issue 16, item 9: what import rejects, opening rejects too, by name and without touching the file.
void TestProjectFile::implausibleContentIsNamedOnOpen()
{
    Town t = m_town;
    t.buildings.find(1)->heightM = 1e9;  // levels 4.5 stay: the height follows them
    Building &low = *t.buildings.find(2);
    low.heightM = -5.0;
    low.levels = 0.0;
    low.context = false;
    Building null = low;
    null.id = 3;
    null.sourceId = QStringLiteral("no-shape");
    null.footprint = Polygon();  // written as a NULL geometry
    t.buildings.put(null);
    Building old = *t.buildings.find(1);
    old.id = 4;
    old.sourceId = QStringLiteral("old");
    old.heightM = 12.0;
    old.year = 3000;
    old.groundM = 1e12;
    old.mix = {{BuildingUse::Office, 0.9}, {BuildingUse::Retail, 0.8}};
    t.buildings.put(old);
    t.roads.find(30)->widthM = -3.0;
    t.zones.find(12)->area = Polygon();
    t.terrain.setSample(1, 1, 1e9f);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited-elsewhere.gpkg"));
    QVERIFY(ProjectFile::save(t, path).ok);
    {
        // A battery whose point was deleted in QGIS; without a check it would stand at (0, 0) of the CRS.
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        QVERIFY(ds);
        ds->ExecuteSQL("UPDATE energy_assets SET geom = NULL WHERE id = 42", nullptr, "SQLITE");
        // A cable whose end node was deleted in QGIS, and a pipe drawn to a cable's node.
        ds->ExecuteSQL("DELETE FROM network_nodes WHERE id = 52", nullptr, "SQLITE");
        ds->ExecuteSQL("UPDATE network_links SET to_node = 51 WHERE id = 62", nullptr, "SQLITE");
    }
    const QByteArray before = readAll(path);

    Town loaded;
    QStringList warnings;
    const Status s = ProjectFile::load(path, &loaded, &warnings);
    QVERIFY2(s.ok, qPrintable(s.message));
    for (const QString &w : warnings)
        qInfo("%s", qPrintable(w));
    QCOMPARE(readAll(path), before);  // opening never writes
    const auto named = [&warnings, &path](const QString &where, const QString &problem) {
        for (const QString &w : warnings)
            if (w.startsWith(path) && w.contains(where) && w.contains(problem))
                return true;
        return false;
    };

    const Building *tall = loaded.buildings.find(1);
    QVERIFY(tall);
    QVERIFY(tall->heightM > 10.0 && tall->heightM < 20.0);
    QCOMPARE(tall->levels, 4.5);
    QVERIFY(named(QStringLiteral("layer 'buildings', id 1 (source id '%1')").arg(tall->sourceId),
                  QStringLiteral("height 1e+09 m is taller than any building")));
    const Building *sunk = loaded.buildings.find(2);
    QVERIFY(sunk && sunk->heightM > 0.0 && sunk->levels > 0.0 && sunk->heightGuessed);
    QVERIFY(named(QStringLiteral("id 2 (source id 'osm-way/123')"), QStringLiteral("height -5 m is negative")));
    QVERIFY(!loaded.buildings.contains(3));
    QVERIFY(named(QStringLiteral("id 3 (source id 'no-shape')"), QStringLiteral("no geometry")));
    const Building *fixed = loaded.buildings.find(4);
    QVERIFY(fixed);
    QCOMPARE(fixed->year, 0);
    QVERIFY(named(QStringLiteral("id 4"), QStringLiteral("year 3000")));
    QVERIFY(std::isfinite(fixed->groundM) && std::abs(fixed->groundM) < 9000.0);
    QVERIFY(named(QStringLiteral("id 4"), QStringLiteral("ground 1e+12 m")));
    QVERIFY(std::abs(fixed->mix[0].share + fixed->mix[1].share - 1.0) < 1e-9);
    QVERIFY(named(QStringLiteral("id 4"), QStringLiteral("sum to 1.7")));
    QCOMPARE(loaded.roads.find(30)->widthM, 10.0);  // secondary
    QVERIFY(named(QStringLiteral("layer 'roads', id 30"), QStringLiteral("width -3 m")));
    QVERIFY(!loaded.zones.contains(12));
    QVERIFY(named(QStringLiteral("layer 'zones', id 12"), QStringLiteral("no geometry")));
    QVERIFY(!loaded.assets.contains(42));
    QVERIFY(named(QStringLiteral("layer 'energy_assets', id 42"), QStringLiteral("no position")));
    QVERIFY(std::isnan(loaded.terrain.sample(1, 1)));
    QVERIFY(named(QStringLiteral("raster 'terrain'"), QStringLiteral("1e+09 m")));
    QVERIFY(!loaded.networkLinks.contains(61) && loaded.networkLinks.contains(60));
    QVERIFY(named(QStringLiteral("layer 'network_links', id 61 (source id 'L61')"),
                  QStringLiteral("node 52 is not in the project")));
    QVERIFY(!loaded.networkLinks.contains(62));
    QVERIFY(named(QStringLiteral("layer 'network_links', id 62"),
                  QStringLiteral("node 51 is on the electricity network, the link on the heating network")));
    QCOMPARE(warnings.size(), 12);  // buildings 1, 2, 3, 4 (ground, year, shares), road, zone, asset, terrain, 2 links

    // The same town whether or not the caller asks for the messages.
    Town quiet;
    QVERIFY(ProjectFile::load(path, &quiet).ok);
    QVERIFY(quiet == loaded);
}

void TestProjectFile::formatOneProjectOpensWithoutNetworks()
{
    // What TownTwin wrote before networks existed: no network layers, format_version 1.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.gpkg"));
    QVERIFY(ProjectFile::save(m_town, path).ok);
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        QVERIFY(ds);
        for (int i = ds->GetLayerCount() - 1; i >= 0; --i)
            if (QByteArray(ds->GetLayer(i)->GetName()).startsWith("network_"))
                QCOMPARE(ds->DeleteLayer(i), OGRERR_NONE);
        ds->ExecuteSQL("UPDATE towntwin_meta SET value = '1' WHERE key = 'format_version'", nullptr, "SQLITE");
    }
    Town loaded;
    const Status s = ProjectFile::load(path, &loaded);
    QVERIFY2(s.ok, qPrintable(s.message));
    QVERIFY(loaded.networkNodes.isEmpty() && loaded.networkLinks.isEmpty());
    QVERIFY(loaded.buildings.sameContent(m_town.buildings));

    // The same file claiming format 2 is missing a layer, and says which.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ds->ExecuteSQL("UPDATE towntwin_meta SET value = '2' WHERE key = 'format_version'", nullptr, "SQLITE");
    }
    const Status missing = ProjectFile::load(path, &loaded);
    QVERIFY(!missing.ok);
    QVERIFY2(missing.message.contains(QStringLiteral("missing layer 'network_nodes'")), qPrintable(missing.message));
}

void TestProjectFile::implausibleSettingIsReset_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("zero") << QVariant(0.0);
    QTest::newRow("negative") << QVariant(-40);
    QTest::newRow("tiny") << QVariant(1e-300);
    QTest::newRow("text") << QVariant(QStringLiteral("forty"));
}

void TestProjectFile::implausibleSettingIsReset()
{
    QFETCH(QVariant, value);
    Town t = m_town;
    t.settings.insert(QStringLiteral("residential_m2_per_person"), value);
    t.settings.insert(QStringLiteral("m2_per_job_office"), 0.0);  // 0 = no jobs: plausible
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.gpkg"));
    QVERIFY(ProjectFile::save(t, path).ok);
    Town loaded;
    QStringList warnings;
    QVERIFY(ProjectFile::load(path, &loaded, &warnings).ok);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings[0].startsWith(path) && warnings[0].contains(QLatin1String("'residential_m2_per_person'"))
                 && warnings[0].contains(QLatin1String("5 to 500")) && warnings[0].contains(QLatin1String("default")),
             qPrintable(warnings[0]));
    QVERIFY(!loaded.settings.contains(QStringLiteral("residential_m2_per_person")));
    QCOMPARE(loaded.settings.value(QStringLiteral("m2_per_job_office")).toDouble(), 0.0);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
