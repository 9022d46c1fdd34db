// SPDX-License-Identifier: MIT
// TownImporter on broken input: every class of bad file gets a failure kind or a
// skip/repair/warning entry naming the file, the feature and the problem, and
// nothing crashes. Inputs are tiny files written here, or cut-down real ones.
#include "TestData.h"
#include "TownImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>

using namespace tt;

namespace {

QString data(const char *rel)
{
    return testdata::path(QString::fromLatin1(rel));
}

// A GeoJSON FeatureCollection from feature bodies, without a crs member (so lon/lat by RFC 7946).
QByteArray featureCollection(const QList<QByteArray> &features)
{
    QByteArray text = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < features.size(); ++i)
        text += (i ? "," : "") + features[i];
    return text + "]}";
}

QByteArray polygonFeature(const QByteArray &id, const QByteArray &ring)
{
    return R"({"type":"Feature","properties":{"id":")" + id + R"("},"geometry":{"type":"Polygon","coordinates":[[)"
        + ring + "]]}}";
}

const ImportIssue *issueFor(const QVector<ImportIssue> &issues, const QString &feature)
{
    for (const ImportIssue &issue : issues)
        if (issue.feature == feature)
            return &issue;
    return nullptr;
}

} // namespace

class TestImportBadInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return QString();
        return path;
    }

    // A copy of the zone.shp set, without the files named in `without`.
    QString copyZone(const QString &name, const QStringList &without = {})
    {
        for (const char *ext : {"shp", "shx", "dbf", "prj", "cpg"}) {
            const QString suffix = QString::fromLatin1(ext);
            if (without.contains(suffix))
                continue;
            QFile::copy(data("zug-cea/zone.") + suffix, m_dir.filePath(name + QLatin1Char('.') + suffix));
        }
        return m_dir.filePath(name + QStringLiteral(".shp"));
    }

    // A constant-elevation GeoTIFF in UTM 32S (the zug-cea CRS) with its north-west corner at (e, n).
    QString writeDem(const QString &name, double e, double n, int cols, int rows, double cell, float value)
    {
        const QString path = m_dir.filePath(name);
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), cols, rows, 1, GDT_Float32,
                                     nullptr);
        double gt[6] = {e, cell, 0, n, 0, -cell};
        GDALSetGeoTransform(ds, gt);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 32732);
        GDALSetSpatialRef(ds, srs);
        OSRDestroySpatialReference(srs);
        GDALFillRaster(GDALGetRasterBand(ds, 1), value, 0);
        GDALClose(ds);
        return path;
    }

    static ImportReport import(const QString &buildings, const QString &assumeCrs = {})
    {
        ImportOptions options;
        options.buildingsPath = buildings;
        options.assumeCrs = assumeCrs;
        return TownImporter().run(options);
    }

private slots:
    void initTestCase()
    {
        GDALAllRegister();
        QVERIFY(m_dir.isValid());
        TT_REQUIRE_TEST_DATA(QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("saltriver/dem.tif"),
                             QStringLiteral("zug-cea/zone.shp"), QStringLiteral("zug-cea/terrain.tif"),
                             QStringLiteral("zug-cea/typology.dbf"), QStringLiteral("zug-cea/surroundings.shp"));
    }

    void missingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("nowhere.geojson"));
        const ImportReport r = import(path);
        QCOMPARE(r.status.code, ErrorCode::CannotOpen);
        QVERIFY(r.status.message.contains(path));
    }

    void emptyLayer()
    {
        const QString path = write(QStringLiteral("empty.geojson"), featureCollection({}));
        const ImportReport r = import(path);
        QCOMPARE(r.status.code, ErrorCode::EmptyLayer);
        QVERIFY2(r.status.message.contains(path), qPrintable(r.status.message));
    }

    void truncatedGeoJson()
    {
        QFile source(data("saltriver/buildings.geojson"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray all = source.readAll();
        const QString path = write(QStringLiteral("truncated.geojson"), all.left(all.size() / 2));
        const ImportReport r = import(path);
        QVERIFY(!r.status.ok);
        QCOMPARE(r.status.code, ErrorCode::CannotOpen);
        QVERIFY2(r.status.message.contains(path), qPrintable(r.status.message));
    }

    void truncatedShapefile()
    {
        // The .shp cut in the middle of its records while .shx and .dbf still promise all 184.
        for (const char *ext : {"shx", "dbf", "prj"})
            QFile::copy(data("zug-cea/surroundings.") + QLatin1String(ext), m_dir.filePath(QStringLiteral("cut.") + QLatin1String(ext)));
        QFile shp(data("zug-cea/surroundings.shp"));
        QVERIFY(shp.open(QIODevice::ReadOnly));
        const QByteArray all = shp.readAll();
        const QString path = write(QStringLiteral("cut.shp"), all.left(all.size() * 6 / 10));
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QVERIFY(r.town.buildings.size() > 50 && r.town.buildings.size() < 184);
        // Every feature is accounted for: imported, or skipped with the file named.
        int skippedFeatures = 0;
        for (const ImportIssue &issue : r.skipped) {
            QCOMPARE(issue.file, path);
            QVERIFY(!issue.feature.isEmpty());
            QVERIFY(!issue.reason.isEmpty());
            const QStringList range = issue.feature.mid(issue.feature.indexOf(' ') + 1).split(QStringLiteral(".."));
            skippedFeatures += range.size() == 2 ? range[1].toInt() - range[0].toInt() + 1 : 1;
        }
        QCOMPARE(r.town.buildings.size() + skippedFeatures, 184);
    }

    void noCrs()
    {
        const QString path = copyZone(QStringLiteral("noprj"), {QStringLiteral("prj")});
        const ImportReport refused = import(path);
        QCOMPARE(refused.status.code, ErrorCode::NoCrs);
        QVERIFY(refused.status.message.contains(path));
        QVERIFY(refused.status.message.contains(QLatin1String("--assume-crs")));

        const ImportReport assumed = import(path, QStringLiteral("EPSG:32732"));
        QVERIFY2(assumed.status.ok, qPrintable(assumed.status.message));
        QCOMPARE(assumed.town.buildings.size(), 15);
        QCOMPARE(assumed.town.site.crsName, QStringLiteral("EPSG:32732"));

        const ImportReport nonsense = import(path, QStringLiteral("EPSG:nonsense"));
        QVERIFY(!nonsense.status.ok);
        QVERIFY(nonsense.status.message.contains(QLatin1String("EPSG:nonsense")));
    }

    void impossibleCrs()
    {
        // Projected metres in a GeoJSON without a crs member: "longitudes" of 500 km cannot be.
        const QString path = write(QStringLiteral("metres.geojson"),
                                   featureCollection({polygonFeature("m1", "[500000,4000000],[500020,4000000],[500020,4000010],[500000,4000010],[500000,4000000]"),
                                                      polygonFeature("m2", "[500100,4000000],[500110,4000000],[500110,4000010],[500100,4000010],[500100,4000000]")}));
        const ImportReport refused = import(path);
        QCOMPARE(refused.status.code, ErrorCode::ImpossibleCrs);
        QVERIFY(refused.status.message.contains(path));
        QVERIFY(refused.status.message.contains(QLatin1String("--assume-crs EPSG:")));

        // The same override reaches a road layer with the same flaw: 30-40-50 m, one road of 50 m.
        ImportOptions options;
        options.buildingsPath = path;
        options.roadsPath = write(QStringLiteral("metre_roads.geojson"),
                                  featureCollection({R"({"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[500000,4000000],[500030,4000040]]}})"}));
        options.assumeCrs = QStringLiteral("EPSG:32633");
        const ImportReport assumed = TownImporter().run(options);
        QVERIFY2(assumed.status.ok, qPrintable(assumed.status.message));
        QCOMPARE(assumed.town.site.crsName, QStringLiteral("EPSG:32633"));
        QCOMPARE(assumed.town.buildings.size(), 2);
        QCOMPARE(assumed.town.buildings[0].footprintArea(), 200.0);
        QCOMPARE(assumed.town.roads.size(), 1);
        QCOMPARE(assumed.town.roads[0].lengthM(), 50.0);
        QCOMPARE(assumed.town.roads[0].widthM, 12.0);  // primary
    }

    void wrongGeometry()
    {
        const QByteArray point1 = R"({"type":"Feature","properties":{"id":"p1"},"geometry":{"type":"Point","coordinates":[8.51,47.17]}})";
        const QByteArray point2 = R"({"type":"Feature","properties":{"id":"p2"},"geometry":{"type":"LineString","coordinates":[[8.51,47.17],[8.52,47.17]]}})";
        const ImportReport onlyPoints = import(write(QStringLiteral("points.geojson"), featureCollection({point1, point2})));
        QCOMPARE(onlyPoints.status.code, ErrorCode::WrongGeometry);
        QVERIFY(onlyPoints.status.message.contains(QLatin1String("points.geojson")));

        const QString mixed = write(QStringLiteral("mixed.geojson"),
                                    featureCollection({point1, point2,
                                                       polygonFeature("ok", "[8.51,47.17],[8.5102,47.17],[8.5102,47.1702],[8.51,47.1702],[8.51,47.17]")}));
        const ImportReport r = import(mixed);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 1);
        QCOMPARE(r.skipped.size(), 2);
        const ImportIssue *p1 = issueFor(r.skipped, QStringLiteral("p1"));
        const ImportIssue *p2 = issueFor(r.skipped, QStringLiteral("p2"));
        QVERIFY(p1 && p2);
        QCOMPARE(p1->file, mixed);
        QVERIFY2(p1->reason.contains(QLatin1String("Point")), qPrintable(p1->reason));
        QVERIFY2(p2->reason.contains(QLatin1String("Line String")), qPrintable(p2->reason));
    }

    void bowTieRepaired()
    {
        // (0,0) (10,10) (10,0) (0,10): two triangles of 25 m² meeting at (5,5).
        const QString path = write(QStringLiteral("bowtie.geojson"),
                                   featureCollection({polygonFeature("bow", "[500000,4000000],[500010,4000010],[500010,4000000],[500000,4000010],[500000,4000000]"),
                                                      polygonFeature("square", "[500020,4000000],[500030,4000000],[500030,4000010],[500020,4000010],[500020,4000000]")}));
        const ImportReport r = import(path, QStringLiteral("EPSG:32633"));
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.repaired.size(), 1);
        QCOMPARE(r.repaired[0].file, path);
        QCOMPARE(r.repaired[0].feature, QStringLiteral("bow"));
        QVERIFY(r.repaired[0].reason.contains(QLatin1String("MakeValid")));
        QCOMPARE(r.town.buildings.size(), 3);
        double bowArea = 0.0;
        for (const Building &b : r.town.buildings) {
            QVERIFY(!geometry::selfIntersects(b.footprint.outer));
            if (b.sourceId.startsWith(QLatin1String("bow"))) {
                QVERIFY(std::abs(b.footprintArea() - 25.0) < 1e-6);
                bowArea += b.footprintArea();
            }
        }
        QVERIFY(std::abs(bowArea - 50.0) < 1e-6);
        QVERIFY(r.summaryJson().value(QStringLiteral("repaired")).toArray().size() == 1);
    }

    void nanAndAbsurdCoordinates()
    {
        // GeoPackage stores raw doubles, so NaN survives into the file as real exports produce it.
        const QString path = m_dir.filePath(QStringLiteral("nan.gpkg"));
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 32633);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, "buildings", srs, wkbPolygon, nullptr);
        OSRDestroySpatialReference(srs);
        OGRFieldDefnH idField = OGR_Fld_Create("id", OFTString);
        OGR_L_CreateField(layer, idField, TRUE);
        OGR_Fld_Destroy(idField);
        const auto add = [layer](const char *id, double x0, double y0) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGR_F_SetFieldString(f, 0, id);
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            const double xs[] = {x0, 500010, 500010, 500000, x0}, ys[] = {y0, 4000000, 4000010, 4000010, y0};
            for (int i = 0; i < 5; ++i)
                OGR_G_AddPoint_2D(ring, xs[i], ys[i]);
            OGRGeometryH polygon = OGR_G_CreateGeometry(wkbPolygon);
            OGR_G_AddGeometryDirectly(polygon, ring);
            OGR_F_SetGeometryDirectly(f, polygon);
            QCOMPARE(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
            OGR_F_Destroy(f);
        };
        add("good", 500000, 4000000);
        add("nan", NAN, 4000000);
        add("absurd", 1e15, 4000000);
        GDALClose(ds);

        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 1);
        QCOMPARE(r.town.buildings[0].sourceId, QStringLiteral("good"));
        const ImportIssue *nan = issueFor(r.skipped, QStringLiteral("nan"));
        const ImportIssue *absurd = issueFor(r.skipped, QStringLiteral("absurd"));
        QVERIFY(nan && absurd);
        QCOMPARE(nan->file, path);
        QVERIFY2(nan->reason.contains(QLatin1String("not a number")), qPrintable(nan->reason));
        QVERIFY2(absurd->reason.contains(QLatin1String("absurd")), qPrintable(absurd->reason));
    }

    void demFarAway()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.demPath = writeDem(QStringLiteral("far.tif"), 300000, 15000000, 10, 10, 30, 400.0f);
        const ImportReport r = TownImporter().run(options);
        QCOMPARE(r.status.code, ErrorCode::BadDem);
        // The DEM, its extent and the buildings' extent, so the user sees which one is off.
        QVERIFY2(r.status.message.contains(options.demPath) && r.status.message.contains(QLatin1String("covers none"))
                     && r.status.message.contains(QLatin1String("300000..300300 E, 14999700..15000000 N"))
                     && r.status.message.contains(QLatin1String("463113..463276 E")),
                 qPrintable(r.status.message));
    }

    // Issue 16, item 6: a DEM of one 500 m pixel is a flat square, not "no DEM" (every ground was 0 m).
    void demOfOnePixel()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.demPath = writeDem(QStringLiteral("one.tif"), 463000, 15225200, 1, 1, 500, 432.0f);
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 15);
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.value(0).reason));
        for (const Building &b : r.town.buildings) {
            QVERIFY2(std::abs(b.groundM - 432.0) < 1e-4, qPrintable(QStringLiteral("%1: %2").arg(b.sourceId).arg(b.groundM)));
            for (Vec2 v : b.footprint.outer)
                QVERIFY(std::abs(r.town.terrain.elevationAt(v) - 432.0) < 1e-4);  // editable: the terrain is under it
        }
        QVERIFY(!r.summaryJson().contains(QStringLiteral("join")));
    }

    // Issue 16, item 6: four 250 m pixels; the zone's buildings stand between the pixel centres and in
    // the western and southern outer half pixels, where GDAL reads the edge value: all on the DEM, at its
    // bilinear surface (the terrain used to end at the outer pixel centres).
    void coarseDemIsSampledLikeGdal()
    {
        const double west = 463000, north = 15225200, cell = 250;
        const float values[2][2] = {{100.0f, 200.0f}, {300.0f, 400.0f}};  // [row from north][column]
        const QString path = writeDem(QStringLiteral("coarse.tif"), west, north, 2, 2, cell, 0.0f);
        {
            GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_Update);
            QVERIFY(ds);
            QCOMPARE(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 2, 2, const_cast<float *>(&values[0][0]), 2, 2,
                                  GDT_Float32, 0, 0),
                     CE_None);
            GDALClose(ds);
        }
        // The DEM's own surface: bilinear between pixel centres, the edge value beyond them.
        const auto surface = [&](double x, double y) {
            const double u = std::clamp((x - west) / cell - 0.5, 0.0, 1.0), v = std::clamp((north - y) / cell - 0.5, 0.0, 1.0);
            return (1 - u) * (1 - v) * values[0][0] + u * (1 - v) * values[0][1] + (1 - u) * v * values[1][0]
                + u * v * values[1][1];
        };
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.demPath = path;
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.value(0).reason));
        const Site &site = r.town.site;
        for (const Building &b : r.town.buildings) {
            double expected = surface(geometry::centroid(b.footprint).x + site.originE, geometry::centroid(b.footprint).y + site.originN);
            for (Vec2 v : b.footprint.outer)
                expected = std::min(expected, surface(v.x + site.originE, v.y + site.originN));
            // The terrain samples this DEM every 500/64 m, which rounds the surface's kinks at the pixel
            // centres over one sample: at most the change of slope × 7.8 m / 4, 0.8 × 7.8 / 4 ≈ 1.6 m here.
            QVERIFY2(std::abs(b.groundM - expected) < 1.6,
                     qPrintable(QStringLiteral("%1: ground %2, the DEM says %3").arg(b.sourceId).arg(b.groundM).arg(expected)));
        }
    }

    void demCoversSome()
    {
        // zone.shp spans about 463113..463276 E: a DEM reaching only to 463190 E leaves the eastern buildings out.
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.demPath = writeDem(QStringLiteral("west.tif"), 463000, 15225200, 19, 50, 10, 5.0f);
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 15);
        int outside = 0, partly = 0;
        const ImportIssue *count = nullptr;
        for (const ImportIssue &w : r.warnings) {
            if (w.file == options.demPath) {
                count = &w;
                continue;
            }
            QCOMPARE(w.file, options.buildingsPath);
            QVERIFY(w.feature.startsWith(QLatin1String("B10")));
            if (w.reason.startsWith(QLatin1String("outside the DEM")) && w.reason.contains(QLatin1String("nearest valid")))
                ++outside;
            else if (w.reason.startsWith(QLatin1String("partly outside the DEM")))
                ++partly;
            else
                QFAIL(qPrintable(w.reason));
        }
        QVERIFY(outside > 0 && partly > 0 && outside + partly < 15);
        // Counted in one place, with both extents.
        QVERIFY(count);
        QVERIFY2(count->reason.startsWith(QStringLiteral("%1 of the 15 buildings stand outside the DEM and %2 partly").arg(outside).arg(partly))
                     && count->reason.contains(QLatin1String("463000..463190 E")),
                 qPrintable(count->reason));
        // The DEM is 5 m everywhere it exists: covered and uncovered buildings alike stand at 5 m.
        for (const Building &b : r.town.buildings)
            QVERIFY(std::abs(b.groundM - 5.0) < 1e-4);
    }

    void duplicateIds()
    {
        const QString path = write(QStringLiteral("dupes.geojson"),
                                   featureCollection({polygonFeature("same", "[8.51,47.17],[8.5102,47.17],[8.5102,47.1702],[8.51,47.1702],[8.51,47.17]"),
                                                      polygonFeature("same", "[8.52,47.17],[8.5202,47.17],[8.5202,47.1702],[8.52,47.1702],[8.52,47.17]")}));
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 2);
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].feature, QStringLiteral("same"));
        QVERIFY(r.warnings[0].reason.contains(QLatin1String("duplicate")));
    }

    void joinWithoutRow()
    {
        const QString table = write(QStringLiteral("uses.csv"), "Name,1ST_USE,YEAR\nB1000,HOTEL,1990\nB1001,SCHOOL,1975\n");
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.joinPath = table;
        options.joinKey = QStringLiteral("Name");
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.buildings.size(), 15);
        QCOMPARE(r.warnings.size(), 13);
        const QJsonObject counts = r.summaryJson().value(QStringLiteral("join")).toObject();
        QCOMPARE(counts.value(QStringLiteral("matched")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("unmatched")).toInt(), 13);
        QCOMPARE(counts.value(QStringLiteral("table_rows_unused")).toInt(), 0);
        const ImportIssue *missing = issueFor(r.warnings, QStringLiteral("B1014"));
        QVERIFY(missing);
        QVERIFY2(missing->reason.contains(QLatin1String("no row")) && missing->reason.contains(QLatin1String("uses.csv")),
                 qPrintable(missing->reason));
        for (const Building &b : r.town.buildings) {
            if (b.sourceId == QLatin1String("B1000")) {
                QCOMPARE(b.use, BuildingUse::Hotel);
                QCOMPARE(b.year, 1990);
            }
        }

        options.joinKey = QStringLiteral("NoSuchField");
        const ImportReport badKey = TownImporter().run(options);
        QVERIFY(!badKey.status.ok);
        QVERIFY(badKey.status.message.contains(QLatin1String("NoSuchField")));
    }

    // Issue 16, item 7: a join that matches nothing is a wrong table or key, not 15 buildings of use "other".
    void joinMatchingNothingIsRefused()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.joinPath = write(QStringLiteral("elsewhere.csv"), "Name,1ST_USE,YEAR\nX1,HOTEL,1990\nX2,SCHOOL,1975\n");
        options.joinKey = QStringLiteral("Name");
        const ImportReport r = TownImporter().run(options);
        QVERIFY(!r.status.ok);
        // The table, the key and example keys from both sides.
        QVERIFY2(r.status.message.contains(options.joinPath) && r.status.message.contains(QLatin1String("Name"))
                     && r.status.message.contains(QLatin1String("'X1', 'X2'")) && r.status.message.contains(QLatin1String("'B1000'")),
                 qPrintable(r.status.message));
    }

    // Issue 16, item 7: a typology in CEA's layout with a repeated key, shares of 1.7, a use we do not know and a stray row.
    void joinProblemsAreNamed()
    {
        const QString table = write(QStringLiteral("typology.csv"),
                                    "Name,1ST_USE,1ST_USE_R,2ND_USE,2ND_USE_R,YEAR\n"
                                    "B1000,OFFICE,0.9,HOTEL,0.8,2000\n"
                                    "B1001,FOODSTORE,1,NONE,0,1990\n"
                                    "B1001,HOTEL,1,NONE,0,1991\n"
                                    "B1002,OFFICE,0.33,RETAIL,0.33,1980\n"  // 0.66: not a whole building either
                                    "B1003,OFFICE,0.5,RETAIL,0.495,1980\n"  // within 0.01 of 1: rounding
                                    "B9999,OFFICE,1,NONE,0,2000\n");
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.joinPath = table;
        options.joinKey = QStringLiteral("Name");
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        const QJsonObject counts = r.summaryJson().value(QStringLiteral("join")).toObject();
        QCOMPARE(counts.keys(), (QStringList{"matched", "table_rows_unused", "unmatched"}));
        QCOMPARE(counts.value(QStringLiteral("matched")).toInt(), 4);
        QCOMPARE(counts.value(QStringLiteral("unmatched")).toInt(), 11);
        QCOMPARE(counts.value(QStringLiteral("table_rows_unused")).toInt(), 1);

        const auto warning = [&r](const QString &file, const QString &feature, const QString &text) -> const ImportIssue * {
            for (const ImportIssue &w : r.warnings)
                if (w.file == file && w.feature == feature && w.reason.contains(text))
                    return &w;
            return nullptr;
        };
        QVERIFY(warning(table, QStringLiteral("Name = B1001"), QStringLiteral("on 2 rows (2, 3): only row 2 is joined")));
        QVERIFY(warning(options.buildingsPath, QStringLiteral("B1000"), QStringLiteral("use shares sum to 1.7, not 1")));
        QVERIFY(warning(options.buildingsPath, QStringLiteral("B1002"), QStringLiteral("use shares sum to 0.66, not 1")));
        QVERIFY(!warning(options.buildingsPath, QStringLiteral("B1003"), QStringLiteral("use shares")));
        QVERIFY(warning(options.buildingsPath, QStringLiteral("B1001"),
                        QStringLiteral("1ST_USE 'FOODSTORE' in typology.csv is not a use TownTwin knows")));
        QVERIFY(warning(table, QString(), QStringLiteral("1 of its 6 rows match no building on Name: 'B9999'")));
        for (const Building &b : r.town.buildings) {
            if (b.sourceId == QLatin1String("B1000")) {
                QCOMPARE(b.mix.size(), 2);
                QVERIFY(std::abs(b.mix[0].share + b.mix[1].share - 1.0) < 1e-12);
            }
        }
    }

    // Issue 16, item 8: OSM units honoured, impossible values replaced by name, on the real Salt River buildings.
    void heightsInUnitsAndImplausibleValues()
    {
        QFile source(data("saltriver/buildings.geojson"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject collection = QJsonDocument::fromJson(source.readAll()).object();
        QJsonArray features = collection.value(QStringLiteral("features")).toArray();
        QVERIFY(features.size() > 20);
        // osm_id -> new height (or levels when it starts with "L:")
        const QList<QPair<QString, QString>> edits = {
            {"45ft", "45ft"}, {"feetinches", "12'6\""}, {"metres", "12 m"}, {"apartment", "1000"},
            {"negative", "-12"}, {"zero", "0"}, {"huge", "1e9"}, {"furlongs", "3 furlongs"}, {"levels", "L:-3"}};
        QStringList ids;
        for (int i = 0; i < edits.size(); ++i) {
            QJsonObject feature = features[i].toObject();
            QJsonObject properties = feature.value(QStringLiteral("properties")).toObject();
            properties[QStringLiteral("osm_id")] = edits[i].first;
            properties[QStringLiteral("building")] = QStringLiteral("apartments");
            if (edits[i].second.startsWith(QLatin1String("L:"))) {
                properties.remove(QStringLiteral("height"));
                properties[QStringLiteral("building:levels")] = edits[i].second.mid(2);
            } else {
                properties.remove(QStringLiteral("building:levels"));
                properties[QStringLiteral("height")] = edits[i].second;
            }
            feature[QStringLiteral("properties")] = properties;
            features[i] = feature;
        }
        collection[QStringLiteral("features")] = features;
        const QString path = write(QStringLiteral("heights.geojson"), QJsonDocument(collection).toJson());
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        const auto building = [&r](const QString &id) -> const Building * {
            for (const Building &b : r.town.buildings)
                if (b.sourceId == id)
                    return &b;
            return nullptr;
        };
        QVERIFY(building("45ft") && std::abs(building("45ft")->heightM - 13.716) < 1e-9);
        QVERIFY(building("feetinches") && std::abs(building("feetinches")->heightM - 3.81) < 1e-9);
        QCOMPARE(building("metres")->heightM, 12.0);
        for (const QString &id : QStringList{"45ft", "feetinches", "metres"})
            QVERIFY2(!issueFor(r.warnings, id), qPrintable(id));
        // Each replaced value: the feature, the raw value, why, and what it got.
        const QList<QPair<QString, QString>> replaced = {
            {"apartment", "height '1000' is taller than any building on Earth"},
            {"negative", "height '-12' is negative"},
            {"zero", "height '0' is zero"},
            {"huge", "height '1e9' is taller than any building on Earth"},
            {"furlongs", "height '3 furlongs' is in a unit TownTwin does not read"},
            {"levels", "building:levels '-3' is negative"}};
        for (const auto &[id, why] : replaced) {
            const ImportIssue *w = issueFor(r.warnings, id);
            QVERIFY2(w, qPrintable(id));
            QCOMPARE(w->file, path);
            QVERIFY2(w->reason.startsWith(why) && w->reason.contains(QLatin1String("used 9 m and 3 storeys (guessed")),
                     qPrintable(w->reason));
            const Building *b = building(id);
            QVERIFY(b && b->heightGuessed && b->heightM == 9.0);
        }
        // heights_guessed still counts every guess, the replaced ones among them.
        int guessed = 0;
        for (const Building &b : r.town.buildings)
            guessed += b.heightGuessed ? 1 : 0;
        QCOMPARE(r.heightsGuessed, guessed);
        QVERIFY(guessed >= replaced.size());
    }

    void unknownZoneClass()
    {
        const QByteArray residential = R"({"type":"Feature","properties":{"id":"z1","landuse":"residential"},"geometry":{"type":"Polygon","coordinates":[[[8.51,47.17],[8.52,47.17],[8.52,47.18],[8.51,47.17]]]}})";
        const QByteArray moon = R"({"type":"Feature","properties":{"id":"z2","landuse":"moonbase"},"geometry":{"type":"Polygon","coordinates":[[[8.51,47.17],[8.52,47.17],[8.52,47.18],[8.51,47.17]]]}})";
        ImportOptions options;
        options.buildingsPath = write(QStringLiteral("one.geojson"),
                                      featureCollection({polygonFeature("b", "[8.51,47.17],[8.5102,47.17],[8.5102,47.1702],[8.51,47.1702],[8.51,47.17]")}));
        options.zonesPath = write(QStringLiteral("zones.geojson"), featureCollection({residential, moon}));
        const ImportReport r = TownImporter().run(options);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.town.zones.size(), 1);
        QCOMPARE(r.town.zones[0].zoneClass, ZoneClass::Residential);
        const ImportIssue *z2 = issueFor(r.skipped, QStringLiteral("z2"));
        QVERIFY(z2);
        QCOMPARE(z2->file, options.zonesPath);
        QVERIFY(z2->reason.contains(QLatin1String("moonbase")));
        const QJsonObject skipped = r.summaryJson().value(QStringLiteral("skipped")).toArray().first().toObject();
        QCOMPARE(skipped.keys(), (QStringList{"feature", "file", "reason"}));
    }

    // Issue 16, item 11: a .prj GDAL cannot read is named as such, not "declares no CRS".
    void garbagePrj()
    {
        const QString path = copyZone(QStringLiteral("garbled"), {QStringLiteral("prj")});
        const QString prj = write(QStringLiteral("garbled.prj"), "this is not a CRS\n");
        const ImportReport refused = import(path);
        QCOMPARE(refused.status.code, ErrorCode::NoCrs);
        QVERIFY2(refused.status.message.startsWith(path) && refused.status.message.contains(prj)
                     && refused.status.message.contains(QLatin1String("cannot be read as a CRS"))
                     && refused.status.message.contains(QLatin1String("--assume-crs")),
                 qPrintable(refused.status.message));

        const ImportReport assumed = import(path, QStringLiteral("EPSG:32732"));
        QVERIFY2(assumed.status.ok, qPrintable(assumed.status.message));
        QCOMPARE(assumed.warnings.size(), 1);
        QCOMPARE(assumed.warnings[0].file, path);
        QVERIFY(assumed.warnings[0].reason.contains(prj) && assumed.warnings[0].reason.contains(QLatin1String("EPSG:32732")));
    }

    // Issue 16, item 11: without its .dbf a shapefile has no heights at all; say so.
    void missingDbf()
    {
        const QString path = copyZone(QStringLiteral("nodbf"), {QStringLiteral("dbf")});
        const ImportReport r = import(path);
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        QCOMPARE(r.heightsGuessed, 15);
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].file, path);
        QVERIFY2(r.warnings[0].reason.contains(m_dir.filePath(QStringLiteral("nodbf.dbf")))
                     && r.warnings[0].reason.contains(QLatin1String("missing")),
                 qPrintable(r.warnings[0].reason));
    }

    // Issue 16, item 12: several layers and no --layer: name the one read and list them all.
    void multiLayerSourceNamesTheChoice()
    {
        const QString path = m_dir.filePath(QStringLiteral("layers.gpkg"));
        for (const char *layer : {"streets", "zone", "surroundings"}) {
            GDALDatasetH src = GDALOpenEx((data("zug-cea/") + QLatin1String(layer) + QStringLiteral(".shp")).toUtf8().constData(),
                                          GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
            QVERIFY(src);
            const QByteArray name = layer;
            const char *args[] = {"-f", "GPKG", "-nln", name.constData(), QFile::exists(path) ? "-update" : nullptr, nullptr};
            GDALVectorTranslateOptions *opts = GDALVectorTranslateOptionsNew(const_cast<char **>(args), nullptr);
            GDALDatasetH out = GDALVectorTranslate(path.toUtf8().constData(), nullptr, 1, &src, opts, nullptr);
            GDALVectorTranslateOptionsFree(opts);
            GDALClose(src);
            QVERIFY(out);
            GDALClose(out);
        }
        const ImportReport guessed = import(path);
        QVERIFY2(guessed.status.ok, qPrintable(guessed.status.message));
        QCOMPARE(guessed.town.buildings.size(), 15);  // zone: the first layer with polygons
        QCOMPARE(guessed.warnings.size(), 1);
        QCOMPARE(guessed.warnings[0].file, path);
        QVERIFY2(guessed.warnings[0].reason.contains(QLatin1String("3 layers (streets, zone, surroundings)"))
                     && guessed.warnings[0].reason.contains(QLatin1String("read 'zone'"))
                     && guessed.warnings[0].reason.contains(QLatin1String("--layer")),
                 qPrintable(guessed.warnings[0].reason));

        ImportOptions chosen;
        chosen.buildingsPath = path;
        chosen.layerName = QStringLiteral("surroundings");
        const ImportReport named = TownImporter().run(chosen);
        QVERIFY2(named.status.ok, qPrintable(named.status.message));
        QVERIFY(named.town.buildings.size() > 150);
        QVERIFY(named.warnings.isEmpty());
    }

    // Issue 16, item 12: the same file as buildings and surroundings would put every building there twice.
    void sameFileAsBuildingsAndContext()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.contextPath = m_dir.filePath(QStringLiteral("link-to-zone.shp"));
        QVERIFY(QFile::link(options.buildingsPath, options.contextPath));
        const ImportReport r = TownImporter().run(options);
        QVERIFY(!r.status.ok);
        QVERIFY2(r.status.message.contains(options.contextPath) && r.status.message.contains(QLatin1String("both")),
                 qPrintable(r.status.message));
    }

    // Issue 16, item 12: a valid ring of many tiny edges is valid, however many: not "repaired".
    void hugeValidRingIsNotRepaired()
    {
        // 200,000 vertices on a 100 m circle in lon/lat: edges of 3 mm, far below a degree's resolution of our tolerance.
        const int n = 200000;
        const double lon0 = 8.51, lat0 = 47.17, r = 100.0;
        const auto ring = [&](int count, bool crossed) {
            QByteArray text;
            text.reserve(count * 40);
            for (int i = 0; i <= count; ++i) {
                int k = i % count;
                if (crossed && (k == 10 || k == 11))
                    k = 21 - k;  // two neighbours swapped: their edges cross
                const double a = 2 * M_PI * k / count;
                text += (i ? "," : "") + QByteArray("[") + QByteArray::number(lon0 + r * std::cos(a) / (111320 * std::cos(lat0 * M_PI / 180)), 'g', 17)
                    + "," + QByteArray::number(lat0 + r * std::sin(a) / 111130, 'g', 17) + "]";
            }
            return text;
        };
        const ImportReport circle = import(write(QStringLiteral("circle.geojson"), featureCollection({polygonFeature("circle", ring(n, false))})));
        QVERIFY2(circle.status.ok, qPrintable(circle.status.message));
        QVERIFY2(circle.repaired.isEmpty(), qPrintable(circle.repaired.value(0).reason));
        QCOMPARE(circle.town.buildings.size(), 1);
        QCOMPARE(circle.town.buildings[0].footprint.outer.size(), n);
        QVERIFY(std::abs(circle.town.buildings[0].footprintArea() - M_PI * r * r) < 0.01 * M_PI * r * r);

        // Too big for our own pair test, still checked: a real crossing is repaired.
        const QString crossedPath = write(QStringLiteral("crossed.geojson"), featureCollection({polygonFeature("crossed", ring(5000, true))}));
        const ImportReport crossed = import(crossedPath);
        QVERIFY2(crossed.status.ok, qPrintable(crossed.status.message));
        QCOMPARE(crossed.repaired.size(), 1);
        QCOMPARE(crossed.repaired[0].file, crossedPath);
        QCOMPARE(crossed.repaired[0].feature, QStringLiteral("crossed"));
    }
};

QTEST_GUILESS_MAIN(TestImportBadInput)
#include "tst_importbadinput.moc"
