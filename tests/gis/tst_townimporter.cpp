// SPDX-License-Identifier: MIT
// TownImporter on real data (saltriver, zug-cea) against expectations read
// straight from the sources with GDAL/OGR, plus the OSM and CSV+WKT routes.
#include "TestData.h"
#include "TownImporter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <vector>

using namespace tt;

namespace {

QString data(const char *rel)
{
    return testdata::path(QString::fromLatin1(rel));
}

OGRSpatialReferenceH srsFromEpsg(int code)
{
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, code);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

//! A DEM read whole with GDAL, sampled bilinearly at raster coordinates of its own CRS.
struct Dem {
    int cols = 0, rows = 0;
    double gt[6] = {};
    std::vector<float> z;
    OGRSpatialReferenceH srs = nullptr;

    bool read(const QString &path)
    {
        GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_ReadOnly);
        if (!ds)
            return false;
        cols = GDALGetRasterXSize(ds);
        rows = GDALGetRasterYSize(ds);
        GDALGetGeoTransform(ds, gt);
        z.resize(size_t(cols) * rows);
        const bool ok = GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, cols, rows, z.data(), cols, rows,
                                     GDT_Float32, 0, 0) == CE_None;
        srs = OSRClone(GDALGetSpatialRef(ds));
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        GDALClose(ds);
        return ok;
    }
    // Pixel-centre coordinates of a map point.
    void pixel(double x, double y, double *px, double *py) const
    {
        *px = (x - gt[0]) / gt[1] - 0.5;
        *py = (y - gt[3]) / gt[5] - 0.5;
    }
    float at(int c, int r) const { return z[size_t(std::clamp(r, 0, rows - 1)) * cols + std::clamp(c, 0, cols - 1)]; }
    double bilinear(double x, double y) const
    {
        double px, py;
        pixel(x, y, &px, &py);
        const int c = int(std::floor(px)), r = int(std::floor(py));
        const double tx = px - c, ty = py - r;
        return (1 - tx) * (1 - ty) * at(c, r) + tx * (1 - ty) * at(c + 1, r) + (1 - tx) * ty * at(c, r + 1)
            + tx * ty * at(c + 1, r + 1);
    }
    // Lowest and highest sample within `radius` cells of a map point.
    void range(double x, double y, int radius, double *lo, double *hi) const
    {
        double px, py;
        pixel(x, y, &px, &py);
        *lo = INFINITY;
        *hi = -INFINITY;
        for (int r = int(std::floor(py)) - radius + 1; r <= int(std::floor(py)) + radius; ++r)
            for (int c = int(std::floor(px)) - radius + 1; c <= int(std::floor(px)) + radius; ++c) {
                *lo = std::min<double>(*lo, at(c, r));
                *hi = std::max<double>(*hi, at(c, r));
            }
    }
};

QString fieldString(OGRFeatureH f, const char *name)
{
    const int i = OGR_F_GetFieldIndex(f, name);
    return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? QString::fromUtf8(OGR_F_GetFieldAsString(f, i)) : QString();
}

const Building *bySourceId(const Town &town, const QString &id)
{
    for (const Building &b : town.buildings)
        if (b.sourceId == id)
            return &b;
    return nullptr;
}

} // namespace

class TestTownImporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        GDALAllRegister();
        TT_REQUIRE_TEST_DATA(QStringLiteral("saltriver/buildings.geojson"), QStringLiteral("saltriver/dem.tif"),
                             QStringLiteral("zug-cea/zone.shp"), QStringLiteral("zug-cea/terrain.tif"),
                             QStringLiteral("zug-cea/typology.dbf"), QStringLiteral("zug-cea/surroundings.shp"),
                             QStringLiteral("zug-cea/streets.shp"));
    }

    void saltRiver()
    {
        ImportOptions options;
        options.buildingsPath = data("saltriver/buildings.geojson");
        options.demPath = data("saltriver/dem.tif");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        const Town &town = report.town;
        QCOMPARE(town.site.crsName, QStringLiteral("EPSG:32734"));

        // Independent expectations, feature by feature, with OGR and GEOS.
        GDALDatasetH ds = GDALOpenEx(options.buildingsPath.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(ds);
        OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
        const qint64 features = OGR_L_GetFeatureCount(layer, TRUE);
        QCOMPARE(features, 1377);
        OGRSpatialReferenceH utm = srsFromEpsg(32734);
        OGRSpatialReferenceH lonLat = srsFromEpsg(4326);
        Dem dem;
        QVERIFY(dem.read(options.demPath));
        OGRCoordinateTransformationH toUtm = OCTNewCoordinateTransformation(lonLat, utm);
        OGRCoordinateTransformationH toDem = OCTNewCoordinateTransformation(lonLat, dem.srs);

        int expectedBuildings = 0, lackingHeight = 0, areaChecked = 0, groundChecked = 0;
        double groundErrorSum = 0.0;
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            const bool valid = g && OGR_G_IsValid(g);
            if (valid) {
                ++expectedBuildings;
            } else if (g) {
                OGRGeometryH fixed = OGR_G_MakeValid(g);
                expectedBuildings += fixed ? std::max(1, OGR_G_GetGeometryCount(fixed)) : 0;
                OGR_G_DestroyGeometry(fixed);
            }
            const QString height = fieldString(f, "height");
            const QString levels = fieldString(f, "building:levels");
            bool heightOk = false, levelsOk = false;
            const double h = height.toDouble(&heightOk);
            levels.toDouble(&levelsOk);
            lackingHeight += !heightOk && !levelsOk ? 1 : 0;

            const Building *b = bySourceId(town, fieldString(f, "osm_id"));
            if (valid && b) {
                if (heightOk && h > 0) {
                    QCOMPARE(b->heightM, h);
                    QVERIFY(!b->heightGuessed);
                }
                // Footprint area: OGR transforms the source polygon, GEOS measures it.
                OGRGeometryH projected = OGR_G_Clone(g);
                QCOMPARE(OGR_G_Transform(projected, toUtm), OGRERR_NONE);
                const double expectedArea = OGR_G_Area(projected);
                OGR_G_DestroyGeometry(projected);
                QVERIFY2(std::abs(b->footprintArea() - expectedArea) <= 0.005 * expectedArea,
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(b->sourceId).arg(b->footprintArea()).arg(expectedArea)));
                ++areaChecked;

                // Ground: the lowest DEM value under the source vertices and centroid, sampled
                // in the DEM's own CRS. The importer samples a warped copy (bilinear again), so
                // each of its values is a blend of source cells within two cells of the point:
                // its minimum must lie within the lowest..highest such cells of the lowest point.
                OGRGeometryH ring = OGR_G_GetGeometryRef(g, 0);
                std::vector<double> xs, ys;
                for (int i = 0; i < OGR_G_GetPointCount(ring); ++i) {
                    xs.push_back(OGR_G_GetX(ring, i));
                    ys.push_back(OGR_G_GetY(ring, i));
                }
                OGRGeometryH centroid = OGR_G_CreateGeometry(wkbPoint);
                OGR_G_Centroid(g, centroid);
                xs.push_back(OGR_G_GetX(centroid, 0));
                ys.push_back(OGR_G_GetY(centroid, 0));
                OGR_G_DestroyGeometry(centroid);
                QVERIFY(OCTTransform(toDem, int(xs.size()), xs.data(), ys.data(), nullptr));
                double direct = INFINITY, lo = INFINITY, hi = INFINITY;
                for (size_t i = 0; i < xs.size(); ++i) {
                    direct = std::min(direct, dem.bilinear(xs[i], ys[i]));
                    double l, u;
                    dem.range(xs[i], ys[i], 2, &l, &u);
                    lo = std::min(lo, l);
                    hi = std::min(hi, u);
                }
                QVERIFY2(b->groundM >= lo - 1e-3 && b->groundM <= hi + 1e-3,
                         qPrintable(QStringLiteral("%1: ground %2 outside %3..%4 (direct %5)")
                                        .arg(b->sourceId).arg(b->groundM).arg(lo).arg(hi).arg(direct)));
                groundErrorSum += std::abs(b->groundM - direct);
                ++groundChecked;
            }
            OGR_F_Destroy(f);
        }
        OCTDestroyCoordinateTransformation(toUtm);
        OCTDestroyCoordinateTransformation(toDem);
        GDALClose(ds);

        QCOMPARE(town.buildings.size(), expectedBuildings);
        // Every feature is either imported (as one building, or several parts "#2"...) or skipped by name.
        const int importedFeatures = int(std::count_if(town.buildings.begin(), town.buildings.end(),
                                                       [](const Building &b) { return !b.sourceId.contains('#'); }));
        QCOMPARE(importedFeatures + report.skipped.size(), int(features));
        QCOMPARE(report.heightsGuessed, lackingHeight);
        QVERIFY(areaChecked > 1300);
        QVERIFY(groundChecked > 1300);
        // On average the two bilinear samplings agree far better than the cell-range bound.
        QVERIFY2(groundErrorSum / groundChecked < 1.0, qPrintable(QString::number(groundErrorSum / groundChecked)));

        // The site: origin in whole metres, WGS 84 position as OGR computes it.
        const Site &site = town.site;
        QCOMPARE(site.originE, std::round(site.originE));
        QCOMPARE(site.originN, std::round(site.originN));
        double lon = site.originE, lat = site.originN;
        OGRCoordinateTransformationH back = OCTNewCoordinateTransformation(utm, lonLat);
        QVERIFY(OCTTransform(back, 1, &lon, &lat, nullptr));
        OCTDestroyCoordinateTransformation(back);
        QVERIFY(std::abs(site.longitude - lon) < 1e-7 && std::abs(site.latitude - lat) < 1e-7);
        QCOMPARE(site.utcOffsetHours, std::round(lon / 15.0));
        QVERIFY(!site.crsWkt.isEmpty());
        OSRDestroySpatialReference(utm);
        OSRDestroySpatialReference(lonLat);

        // Terrain: the full DEM warped into the local frame, around the buildings.
        QVERIFY(!town.terrain.isEmpty());
        QVERIFY(town.terrain.cellSize() > 20 && town.terrain.cellSize() < 30);
        for (const Building &b : town.buildings)
            QVERIFY(town.terrain.covers(geometry::centroid(b.footprint)));

        const QJsonObject summary = report.summaryJson();
        QCOMPARE(summary.keys(), (QStringList{"buildings", "context_buildings", "crs", "crs_reason", "heights_guessed",
                                              "network_links", "network_nodes", "repaired", "roads", "skipped", "warnings",
                                              "zones"}));
        QCOMPARE(summary.value("network_nodes").toInt(), 0);
        // Lon/lat buildings: the site's UTM zone, and the summary says why.
        QVERIFY2(summary.value("crs_reason").toString().contains(QLatin1String("longitude/latitude")),
                 qPrintable(summary.value("crs_reason").toString()));
        QCOMPARE(summary.value("warnings").toArray().size(), report.warnings.size());
        QCOMPARE(summary.value("context_buildings").toInt(), 0);
        QCOMPARE(summary.value("buildings").toInt(), town.buildings.size());
        QCOMPARE(summary.value("crs").toString(), QStringLiteral("EPSG:32734"));
        QCOMPARE(summary.value("skipped").toArray().size(), report.skipped.size());
    }

    void zugCea()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.demPath = data("zug-cea/terrain.tif");
        options.roadsPath = data("zug-cea/streets.shp");
        options.joinPath = data("zug-cea/typology.dbf");
        options.joinKey = QStringLiteral("Name");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        const Town &town = report.town;
        QCOMPARE(town.buildings.size(), 15);
        QVERIFY2(town.site.crsName.contains(QLatin1String("32732")) || town.site.crsName.contains(QLatin1String("32S")),
                 qPrintable(town.site.crsName));
        QVERIFY(town.site.originN > 15.2e6 && town.site.originN < 15.3e6);
        QVERIFY(report.warnings.isEmpty());

        // Uses, shares and years from the typology table as OGR reads it.
        GDALDatasetH typology = GDALOpenEx(options.joinPath.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(typology);
        int checkedUses = 0, mixed = 0;
        OGRLayerH tl = GDALDatasetGetLayer(typology, 0);
        while (OGRFeatureH f = OGR_L_GetNextFeature(tl)) {
            const Building *b = bySourceId(town, fieldString(f, "Name"));
            QVERIFY(b);
            QCOMPARE(b->year, int(OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "YEAR"))));
            const double r1 = OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "1ST_USE_R"));
            const double r2 = OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "2ND_USE_R"));
            const double r3 = OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "3RD_USE_R"));
            const char *main = r1 >= r2 && r1 >= r3 ? "1ST_USE" : r2 >= r3 ? "2ND_USE" : "3RD_USE";
            QCOMPARE(b->use, buildinguse::fromSourceValue(fieldString(f, main)));
            if (r2 > 0) {
                ++mixed;
                QVERIFY(b->mix.size() >= 2);
                double sum = 0.0;
                for (const UseShare &s : b->mix)
                    sum += s.share;
                QVERIFY(std::abs(sum - 1.0) < 1e-9);
                const auto first = std::find_if(b->mix.begin(), b->mix.end(), [&](const UseShare &s) {
                    return s.use == buildinguse::fromSourceValue(fieldString(f, "1ST_USE"));
                });
                QVERIFY(first != b->mix.end());
                QVERIFY(std::abs(first->share - r1 / (r1 + r2 + r3)) < 1e-9);
            }
            ++checkedUses;
            OGR_F_Destroy(f);
        }
        GDALClose(typology);
        QCOMPARE(checkedUses, 15);
        QVERIFY(mixed > 0);  // the 2ND_USE/3RD_USE branch was exercised

        // Heights, levels and centimetre-exact vertices against the raw shapefile.
        GDALDatasetH zone = GDALOpenEx(options.buildingsPath.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        OGRLayerH zl = GDALDatasetGetLayer(zone, 0);
        while (OGRFeatureH f = OGR_L_GetNextFeature(zl)) {
            const Building *b = bySourceId(town, fieldString(f, "Name"));
            QVERIFY(b);
            QCOMPARE(b->heightM, OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "height_ag")));
            QCOMPARE(b->levels, OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "floors_ag")));
            QCOMPARE(b->basementLevels, OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "floors_bg")));
            QVERIFY(!b->heightGuessed);
            QVERIFY(std::abs(b->groundM - 1.0) < 1e-4);  // terrain.tif is 1 m everywhere
            OGRGeometryH ring = OGR_G_GetGeometryRef(OGR_F_GetGeometryRef(f), 0);
            const double rawE = OGR_G_GetX(ring, 0), rawN = OGR_G_GetY(ring, 0);
            bool found = false;
            for (Vec2 p : b->footprint.outer) {
                QVERIFY(std::abs(p.x) < 5000 && std::abs(p.y) < 5000);
                found = found || (std::abs(p.x + town.site.originE - rawE) < 1e-6 && std::abs(p.y + town.site.originN - rawN) < 1e-6);
            }
            QVERIFY2(found, qPrintable(b->sourceId));
            OGR_F_Destroy(f);
        }
        GDALClose(zone);

        // Streets: every line a road, or a named skip.
        GDALDatasetH streets = GDALOpenEx(options.roadsPath.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        const qint64 lines = OGR_L_GetFeatureCount(GDALDatasetGetLayer(streets, 0), TRUE);
        GDALClose(streets);
        QCOMPARE(lines, 1001);
        QCOMPARE(town.roads.size() + report.skipped.size(), 1001);
        QVERIFY(town.roads.size() > 990);
        for (const Road &road : town.roads) {
            QVERIFY(road.line.size() >= 2);
            QVERIFY(road.widthM >= 2.0 && road.widthM <= 20.0);
        }
    }

    void zugSurroundings()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/surroundings.shp");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        GDALDatasetH ds = GDALOpenEx(options.buildingsPath.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        const int features = int(OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds, 0), TRUE));
        GDALClose(ds);
        QCOMPARE(features, 184);
        QCOMPARE(report.town.buildings.size() + report.skipped.size(), features);
        QVERIFY(report.town.buildings.size() >= 180);
        // Without a DEM the ground is a flat 0 m placeholder under all the data.
        QVERIFY(!report.town.terrain.isEmpty());
        QCOMPARE(report.town.terrain.maxElevation(), 0.0);
        for (const Building &b : report.town.buildings) {
            QCOMPARE(b.groundM, 0.0);
            QVERIFY(report.town.terrain.covers(geometry::centroid(b.footprint)));
        }
    }

    void zugWithSurroundingsAsContext()
    {
        ImportOptions options;
        options.buildingsPath = data("zug-cea/zone.shp");
        options.contextPath = data("zug-cea/surroundings.shp");
        options.demPath = data("zug-cea/terrain.tif");
        options.joinPath = data("zug-cea/typology.dbf");
        options.joinKey = QStringLiteral("Name");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        int planned = 0, context = 0;
        for (const Building &b : report.town.buildings) {
            (b.context ? context : planned) += 1;
            QVERIFY(std::abs(b.groundM - 1.0) < 1e-4);  // both layers stand on the same 1 m terrain
            QVERIFY(b.heightM > 0.0);
        }
        QCOMPARE(planned, 15);
        QCOMPARE(context + int(report.skipped.size()), 184);
        QVERIFY(context >= 180);
        // Both layers share the CRS: a zone building and its neighbours stay within a few hundred metres.
        QVERIFY(report.town.dataBounds().width() < 2000.0 && report.town.dataBounds().height() < 2000.0);
        const QJsonObject summary = report.summaryJson();
        QCOMPARE(summary.value(QStringLiteral("buildings")).toInt(), 15);
        QCOMPARE(summary.value(QStringLiteral("context_buildings")).toInt(), context);
    }

    void osmXml()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("block.osm"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="47.1700" lon="8.5100" version="1"/>
  <node id="2" lat="47.1700" lon="8.5102" version="1"/>
  <node id="3" lat="47.1702" lon="8.5102" version="1"/>
  <node id="4" lat="47.1702" lon="8.5100" version="1"/>
  <way id="100" version="1">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="building" v="apartments"/>
    <tag k="building:levels" v="5"/>
    <tag k="building:levels:underground" v="2"/>
  </way>
</osm>
)");
        file.close();
        ImportOptions options;
        options.buildingsPath = path;
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        QCOMPARE(report.town.buildings.size(), 1);
        const Building &b = report.town.buildings[0];
        QCOMPARE(b.use, BuildingUse::Residential);
        QCOMPARE(b.levels, 5.0);
        QCOMPARE(b.basementLevels, 2.0);
        QCOMPARE(b.heightM, 15.0);
        QVERIFY(!b.heightGuessed);
        QCOMPARE(b.sourceId, QStringLiteral("100"));
        QCOMPARE(report.town.site.crsName, QStringLiteral("EPSG:32632"));
        // 0.0002° x 0.0002° at 47.17 N: about 15.2 m x 22.2 m.
        QVERIFY(b.footprintArea() > 320 && b.footprintArea() < 355);
    }

    void csvWithWkt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blocks.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,height,building,WKT\n"
                   "a1,\"12,5\",office,\"POLYGON((500000 4000000,500020 4000000,500020 4000010,500000 4000010,500000 4000000))\"\n"
                   "a2,7 m,house,\"POLYGON((500100 4000000,500110 4000000,500110 4000030,500100 4000030,500100 4000000))\"\n");
        file.close();
        ImportOptions options;
        options.buildingsPath = path;
        options.assumeCrs = QStringLiteral("EPSG:32633");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        QCOMPARE(report.town.buildings.size(), 2);
        const Building *a1 = bySourceId(report.town, QStringLiteral("a1"));
        const Building *a2 = bySourceId(report.town, QStringLiteral("a2"));
        QVERIFY(a1 && a2);
        QCOMPARE(a1->footprintArea(), 200.0);
        QCOMPARE(a2->footprintArea(), 300.0);
        QCOMPARE(a1->heightM, 12.5);
        QCOMPARE(a2->heightM, 7.0);
        QCOMPARE(a1->use, BuildingUse::Office);
        QCOMPARE(report.town.site.crsName, QStringLiteral("EPSG:32633"));
        QCOMPARE(report.town.site.originE, 500055.0);
        QCOMPARE(report.town.site.originN, 4000015.0);
        // Rings are counter-clockwise in the local frame.
        QVERIFY(geometry::signedArea(a1->footprint.outer) > 0);
    }

    void cancel()
    {
        ImportOptions options;
        options.buildingsPath = data("saltriver/buildings.geojson");
        options.demPath = data("saltriver/dem.tif");
        const ImportReport atOnce = TownImporter().run(options, [](double, const QString &) { return false; });
        QCOMPARE(atOnce.status.code, ErrorCode::Cancelled);
        QVERIFY(!atOnce.status.ok);
        QVERIFY(atOnce.town.buildings.isEmpty());

        // Cancel midway: no more callbacks once it returned false, and progress is monotonic with stages.
        int callsAfterCancel = 0, calls = 0;
        bool cancelled = false;
        double last = -1.0;
        bool monotonic = true;
        const ImportReport midway = TownImporter().run(options, [&](double f, const QString &stage) {
            callsAfterCancel += cancelled ? 1 : 0;
            monotonic = monotonic && f >= last && !stage.isEmpty();
            last = f;
            ++calls;
            cancelled = f > 0.3;
            return !cancelled;
        });
        QCOMPARE(midway.status.code, ErrorCode::Cancelled);
        QCOMPARE(callsAfterCancel, 0);
        QVERIFY(monotonic);
        QVERIFY(calls > 20);  // ~1% steps while reading 1377 buildings

        // Cancelling inside the DEM warp stops it too.
        QString stageAtCancel;
        const ImportReport inWarp = TownImporter().run(options, [&](double f, const QString &stage) {
            if (f > 0.8 && stageAtCancel.isEmpty())
                stageAtCancel = stage;
            return f <= 0.8;
        });
        QCOMPARE(inWarp.status.code, ErrorCode::Cancelled);
        QVERIFY2(stageAtCancel.contains(QLatin1String("terrain")), qPrintable(stageAtCancel));
    }
};

QTEST_GUILESS_MAIN(TestTownImporter)
#include "tst_townimporter.moc"
