// SPDX-License-Identifier: MIT
// Real-world GIS correctness: data in Web Mercator (true ground areas after
// import), a declared CRS that the coordinates contradict (refused, then read
// with --assume-crs) on every kind of layer, and display names in any script.
// Expected values come from OSR transformations in the test, not from TownImporter.
#include "TestData.h"

#include "ImportReport.h"
#include "ProjectFile.h"
#include "TownImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>

using namespace tt;

namespace {

struct Ring2 {
    QVector<double> x, y;
};

// A w x h metre rectangle centred on (lon, lat), built in the given UTM zone and
// transformed into EPSG:target with OSR: its true ground area is w * h (to the
// UTM scale error at the spot, below 0.05 % near the central meridian).
Ring2 rectangle(double lon, double lat, int utmEpsg, int targetEpsg, double w, double h)
{
    OGRSpatialReferenceH wgs = OSRNewSpatialReference(nullptr), utm = OSRNewSpatialReference(nullptr),
                         target = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs, 4326);
    OSRImportFromEPSG(utm, utmEpsg);
    OSRImportFromEPSG(target, targetEpsg);
    for (OGRSpatialReferenceH s : {wgs, utm, target})
        OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH toUtm = OCTNewCoordinateTransformation(wgs, utm);
    OGRCoordinateTransformationH toTarget = OCTNewCoordinateTransformation(utm, target);
    double cx = lon, cy = lat;
    OCTTransform(toUtm, 1, &cx, &cy, nullptr);
    Ring2 ring;
    const double dx[] = {-w / 2, w / 2, w / 2, -w / 2, -w / 2}, dy[] = {-h / 2, -h / 2, h / 2, h / 2, -h / 2};
    for (int i = 0; i < 5; ++i) {
        double x = cx + dx[i], y = cy + dy[i];
        OCTTransform(toTarget, 1, &x, &y, nullptr);
        ring.x.append(x);
        ring.y.append(y);
    }
    OCTDestroyCoordinateTransformation(toUtm);
    OCTDestroyCoordinateTransformation(toTarget);
    for (OGRSpatialReferenceH s : {wgs, utm, target})
        OSRDestroySpatialReference(s);
    return ring;
}

QByteArray ringJson(const Ring2 &ring)
{
    QByteArray text = "[[";
    for (int i = 0; i < ring.x.size(); ++i)
        text += (i ? ",[" : "[") + QByteArray::number(ring.x[i], 'f', 4) + "," + QByteArray::number(ring.y[i], 'f', 4) + "]";
    return text + "]]";
}

// A GeoJSON FeatureCollection that declares EPSG:epsg (the old-style crs member GDAL reads).
QByteArray collection(int epsg, const QList<QByteArray> &features)
{
    QByteArray text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::)"
        + QByteArray::number(epsg) + R"("}},"features":[)";
    for (int i = 0; i < features.size(); ++i)
        text += (i ? "," : "") + features[i];
    return text + "]}";
}

QByteArray polygon(const QByteArray &properties, const Ring2 &ring)
{
    return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":{"type":"Polygon","coordinates":)"
        + ringJson(ring) + "}}";
}

const Building *bySourceId(const Town &town, const QString &id)
{
    for (const Building &b : town.buildings)
        if (b.sourceId == id)
            return &b;
    return nullptr;
}

double totalFootprint(const Town &town)
{
    double area = 0.0;
    for (const Building &b : town.buildings)
        area += b.footprintArea();
    return area;
}

} // namespace

class TestRealWorldGis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content) { return testdata::writeFile(m_dir.filePath(name), content); }

    static ImportReport import(const QString &buildings, const QString &assumeCrs = {})
    {
        ImportOptions options;
        options.buildingsPath = buildings;
        options.assumeCrs = assumeCrs;
        return TownImporter().run(options);
    }

    // A Float32 GeoTIFF of constant elevation declaring EPSG:epsg, north-west corner at (x, y).
    QString writeDem(const QString &name, int epsg, double x, double y, double cell, float value)
    {
        const QString path = m_dir.filePath(name);
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), 40, 40, 1, GDT_Float32, nullptr);
        double gt[6] = {x, cell, 0, y, 0, -cell};
        GDALSetGeoTransform(ds, gt);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
        GDALSetSpatialRef(ds, srs);
        OSRDestroySpatialReference(srs);
        GDALFillRaster(GDALGetRasterBand(ds, 1), value, 0);
        GDALClose(ds);
        return path;
    }

private slots:
    void initTestCase()
    {
        GDALAllRegister();
        QVERIFY(m_dir.isValid());
        TT_REQUIRE_TEST_DATA(QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("zug-cea/zone.shp"));
    }

    void webMercatorGivesTrueGroundAreas_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<int>("utm");
        QTest::newRow("30 N, near Shanghai") << 123.0 << 30.0 << 32651;
        QTest::newRow("33 S, Cape Town") << 21.0 << -33.0 << 32734;
    }

    void webMercatorGivesTrueGroundAreas()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(int, utm);
        // Web Mercator inflates areas by 1/cos²(lat): x1.33 at 30°, x1.42 at 33°.
        const QString path = write(QStringLiteral("mercator%1.geojson").arg(utm),
                                   collection(3857, {polygon(R"({"id":"a"})", rectangle(lon, lat, utm, 3857, 100, 100)),
                                                     polygon(R"({"id":"b"})", rectangle(lon + 0.003, lat, utm, 3857, 40, 25))}));
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.site.crsName, QStringLiteral("EPSG:%1").arg(utm));
        const Building *a = bySourceId(r.town, QStringLiteral("a"));
        const Building *b = bySourceId(r.town, QStringLiteral("b"));
        QVERIFY(a && b);
        QVERIFY2(std::abs(a->footprintArea() / 10000.0 - 1.0) < 0.005, qPrintable(QString::number(a->footprintArea())));
        QVERIFY2(std::abs(b->footprintArea() / 1000.0 - 1.0) < 0.005, qPrintable(QString::number(b->footprintArea())));
        // The summary says what was chosen and why.
        QVERIFY2(r.crsReason.contains(QLatin1String("EPSG:3857")) && r.crsReason.contains(QLatin1String("distorts"))
                     && r.crsReason.contains(QStringLiteral("EPSG:%1").arg(utm)),
                 qPrintable(r.crsReason));
        QCOMPARE(r.summaryJson().value(QStringLiteral("crs_reason")).toString(), r.crsReason);
    }

    void realBuildingsInWebMercatorKeepTheirAreas()
    {
        // The real Salt River buildings, reprojected to Web Mercator by GDAL, import with the
        // same ground areas as the lon/lat original (both land in UTM 34S).
        const QString source = testdata::path(QStringLiteral("saltriver/buildings.geojson"));
        const QString mercator = m_dir.filePath(QStringLiteral("saltriver-3857.gpkg"));
        GDALDatasetH src = GDALOpenEx(source.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(src);
        char *argv[] = {const_cast<char *>("-t_srs"), const_cast<char *>("EPSG:3857"), nullptr};
        GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew(argv, nullptr);
        GDALDatasetH out = GDALVectorTranslate(mercator.toUtf8().constData(), nullptr, 1, &src, options, nullptr);
        GDALVectorTranslateOptionsFree(options);
        QVERIFY(out);
        GDALClose(out);
        GDALClose(src);

        const ImportReport lonLat = import(source);
        const ImportReport projected = import(mercator);
        QVERIFY2(lonLat.status.ok, qPrintable(lonLat.status.message));
        QVERIFY2(projected.status.ok, qPrintable(projected.status.message));
        QCOMPARE(projected.town.site.crsName, QStringLiteral("EPSG:32734"));
        QCOMPARE(projected.town.buildings.size(), lonLat.town.buildings.size());
        const double a = totalFootprint(lonLat.town), b = totalFootprint(projected.town);
        QVERIFY2(std::abs(b / a - 1.0) < 0.001, qPrintable(QStringLiteral("%1 vs %2 m²").arg(b).arg(a)));
    }

    void metricLocalCrsIsKept()
    {
        // CEA's Zug layers: UTM 32S although north of the equator; PROJ maps them right and
        // the scale is true, so the CRS is kept and nothing is refused.
        const ImportReport r = import(testdata::path(QStringLiteral("zug-cea/zone.shp")));
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.site.crsName, QStringLiteral("EPSG:32732"));
        QVERIFY2(r.crsReason.startsWith(QLatin1String("kept")), qPrintable(r.crsReason));
        QVERIFY(r.skipped.isEmpty());
        QVERIFY(std::abs(r.town.site.latitude - 47.18) < 0.05);
    }

    void contradictedCrsIsRefusedThenAssumed()
    {
        // A WFS export that declares UTM 49N while its coordinates are Web Mercator (x ≈ 12.7 million).
        QList<QByteArray> features;
        for (int i = 0; i < 39; ++i)
            features.append(polygon("{\"id\":\"w" + QByteArray::number(i) + "\"}",
                                    rectangle(114.05 + 0.001 * i, 30.6, 32650, 3857, 20, 30)));
        const QString path = write(QStringLiteral("wfs.geojson"), collection(32649, features));
        const ImportReport refused = import(path);
        QVERIFY(!refused.status.ok);
        QCOMPARE(refused.status.code, ErrorCode::ImpossibleCrs);
        const QString &m = refused.status.message;
        QVERIFY2(m.contains(path) && m.contains(QLatin1String("EPSG:32649")) && m.contains(QLatin1String("--assume-crs"))
                     && m.contains(QLatin1String("(12")) && m.contains(QLatin1String("EPSG:3857")),
                 qPrintable(m));
        QVERIFY(refused.town.buildings.isEmpty());

        const ImportReport assumed = import(path, QStringLiteral("EPSG:3857"));
        QVERIFY2(assumed.status.ok, qPrintable(assumed.status.message));
        QCOMPARE(assumed.town.buildings.size(), 39);
        QCOMPARE(assumed.town.site.crsName, QStringLiteral("EPSG:32650"));
        QVERIFY(std::abs(assumed.town.buildings[0].footprintArea() / 600.0 - 1.0) < 0.005);

        // An --assume-crs that does not fit either is refused too, naming it.
        const ImportReport wrong = import(path, QStringLiteral("EPSG:32651"));
        QVERIFY(!wrong.status.ok);
        QVERIFY2(wrong.status.message.contains(QLatin1String("EPSG:32651")), qPrintable(wrong.status.message));
    }

    void lonLatLabelledAsMetresIsRefused()
    {
        // Issue 16 item 4: the real Salt River lon/lat in a file that says UTM 34S metres.
        QFile source(testdata::path(QStringLiteral("saltriver/buildings.geojson")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray text = source.readAll();
        const int brace = text.indexOf('{');
        text.insert(brace + 1, R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32734"}},)");
        const QString path = write(QStringLiteral("saltriver-says-utm.geojson"), text);
        const ImportReport refused = import(path);
        QVERIFY(!refused.status.ok);
        QCOMPARE(refused.status.code, ErrorCode::ImpossibleCrs);
        QVERIFY2(refused.status.message.contains(QLatin1String("EPSG:4326")), qPrintable(refused.status.message));
        const ImportReport assumed = import(path, QStringLiteral("EPSG:4326"));
        QVERIFY2(assumed.status.ok, qPrintable(assumed.status.message));
        QCOMPARE(assumed.town.buildings.size(), 1377);
        QCOMPARE(assumed.town.site.crsName, QStringLiteral("EPSG:32734"));
        QVERIFY(totalFootprint(assumed.town) > 100000.0);  // not 1377 buildings of 0 m²
    }

    void strayFeaturesAreLeftOutByName()
    {
        // Three buildings in UTM 51N and one pasted in Web Mercator: the layer's CRS holds,
        // the stray one is skipped with its coordinates named.
        const QString path = write(
            QStringLiteral("stray.geojson"),
            collection(32651, {polygon(R"({"id":"s1"})", rectangle(121.30, 31.00, 32651, 32651, 20, 20)),
                               polygon(R"({"id":"s2"})", rectangle(121.31, 31.00, 32651, 32651, 20, 20)),
                               polygon(R"({"id":"s3"})", rectangle(121.32, 31.00, 32651, 32651, 20, 20)),
                               polygon(R"({"id":"stray"})", rectangle(121.33, 31.00, 32651, 3857, 20, 20))}));
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 3);
        QCOMPARE(r.skipped.size(), 1);
        QCOMPARE(r.skipped[0].feature, QStringLiteral("stray"));
        QVERIFY2(r.skipped[0].reason.contains(QLatin1String("do not fit")), qPrintable(r.skipped[0].reason));
        QVERIFY(r.crsReason.startsWith(QLatin1String("kept")));
    }

    void everyLayerIsChecked()
    {
        const QString buildings = write(QStringLiteral("good.geojson"),
                                        collection(32650, {polygon(R"({"id":"g"})", rectangle(114.05, 30.6, 32650, 32650, 20, 20))}));
        // Zones and roads that declare UTM 49N with Web Mercator coordinates.
        const Ring2 zone = rectangle(114.05, 30.6, 32650, 3857, 300, 300);
        const QString zones = write(QStringLiteral("zones.geojson"),
                                    collection(32649, {polygon(R"({"class":"residential","name":"住宅区"})", zone)}));
        const QString roads = write(
            QStringLiteral("roads.geojson"),
            collection(32649, {R"({"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[)"
                               + QByteArray::number(zone.x[0], 'f', 3) + "," + QByteArray::number(zone.y[0], 'f', 3) + "],["
                               + QByteArray::number(zone.x[2], 'f', 3) + "," + QByteArray::number(zone.y[2], 'f', 3) + "]]}}"}));
        ImportOptions options;
        options.buildingsPath = buildings;
        options.zonesPath = zones;
        ImportReport r = TownImporter().run(options);
        QVERIFY(!r.status.ok);
        QVERIFY2(r.status.message.contains(zones) && r.status.message.contains(QLatin1String("EPSG:32649")),
                 qPrintable(r.status.message));
        options.zonesPath.clear();
        options.roadsPath = roads;
        r = TownImporter().run(options);
        QVERIFY(!r.status.ok);
        QVERIFY2(r.status.message.contains(roads), qPrintable(r.status.message));
        // --assume-crs fixes both; the buildings keep the CRS they declare (it fits).
        options.zonesPath = zones;
        options.assumeCrs = QStringLiteral("EPSG:3857");
        r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.site.crsName, QStringLiteral("EPSG:32650"));
        QCOMPARE(r.town.zones.size(), 1);
        QVERIFY2(std::abs(r.town.zones[0].areaM2() / 90000.0 - 1.0) < 0.005, qPrintable(QString::number(r.town.zones[0].areaM2())));
        QCOMPARE(r.town.zones[0].name, QStringLiteral("住宅区"));
        QCOMPARE(r.town.roads.size(), 1);
    }

    void contradictedDemIsRefusedThenAssumed()
    {
        const QString buildings = write(QStringLiteral("dem-site.geojson"),
                                        collection(32650, {polygon(R"({"id":"d"})", rectangle(114.05, 30.6, 32650, 32650, 20, 20))}));
        // A DEM around the same place in Web Mercator metres, but declaring UTM 49N.
        const Ring2 corner = rectangle(114.05, 30.6, 32650, 3857, 1000, 1000);
        const QString dem = writeDem(QStringLiteral("dem-says-utm49.tif"), 32649, corner.x[0], corner.y[2], 25.0, 42.0f);
        ImportOptions options;
        options.buildingsPath = buildings;
        options.demPath = dem;
        ImportReport r = TownImporter().run(options);
        QVERIFY(!r.status.ok);
        QVERIFY2(r.status.message.contains(dem) && r.status.message.contains(QLatin1String("EPSG:32649"))
                     && r.status.message.contains(QLatin1String("--assume-crs")),
                 qPrintable(r.status.message));
        options.assumeCrs = QStringLiteral("EPSG:3857");
        r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings[0].groundM, 42.0);
    }

    void namesInAnyScriptSurvive()
    {
        // An id and a Chinese name side by side (the WFS export that lost its names), an
        // English-only name, and a name only in name:zh.
        const QString path = write(
            QStringLiteral("names.geojson"),
            collection(32651, {polygon(R"({"id":"101","name":"人民医院","name:en":"Renmin Hospital"})",
                                       rectangle(121.30, 31.0, 32651, 32651, 30, 30)),
                               polygon(R"({"id":"102","name:en":"Town School"})", rectangle(121.31, 31.0, 32651, 32651, 30, 30)),
                               polygon(R"({"id":"103","名称":"阳光幼儿园"})", rectangle(121.32, 31.0, 32651, 32651, 30, 30))}));
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        const Building *hospital = bySourceId(r.town, QStringLiteral("101"));
        const Building *school = bySourceId(r.town, QStringLiteral("102"));
        const Building *kindergarten = bySourceId(r.town, QStringLiteral("103"));
        QVERIFY(hospital && school && kindergarten);
        QCOMPARE(hospital->name, QStringLiteral("人民医院"));
        QCOMPARE(school->name, QStringLiteral("Town School"));
        QCOMPARE(kindergarten->name, QStringLiteral("阳光幼儿园"));

        // Through the project file and back.
        const QString project = m_dir.filePath(QStringLiteral("names.gpkg"));
        QVERIFY(ProjectFile::save(r.town, project).ok);
        Town loaded;
        QVERIFY(ProjectFile::load(project, &loaded).ok);
        QCOMPARE(bySourceId(loaded, QStringLiteral("101"))->name, QStringLiteral("人民医院"));
        QCOMPARE(bySourceId(loaded, QStringLiteral("103"))->name, QStringLiteral("阳光幼儿园"));

        // --name-field chooses the field.
        ImportOptions options;
        options.buildingsPath = path;
        options.nameField = QStringLiteral("name:en");
        const ImportReport english = TownImporter().run(options);
        QVERIFY2(english.status.ok, qPrintable(english.status.message));
        QCOMPARE(bySourceId(english.town, QStringLiteral("101"))->name, QStringLiteral("Renmin Hospital"));
        QVERIFY(bySourceId(english.town, QStringLiteral("103"))->name.isEmpty());
        options.nameField = QStringLiteral("nom");
        const ImportReport missing = TownImporter().run(options);
        QVERIFY(!missing.status.ok);
        QVERIFY2(missing.status.message.contains(QLatin1String("'nom'")), qPrintable(missing.status.message));
    }

    void ceaNameIsAnIdNotALabel()
    {
        const ImportReport r = import(testdata::path(QStringLiteral("zug-cea/zone.shp")));
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QVERIFY(bySourceId(r.town, QStringLiteral("B1000")));
        for (const Building &b : r.town.buildings)
            QVERIFY2(b.name.isEmpty(), qPrintable(b.name));
    }
};

QTEST_GUILESS_MAIN(TestRealWorldGis)
#include "tst_realworldgis.moc"
