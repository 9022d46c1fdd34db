// SPDX-License-Identifier: MIT
// Import throughput: synthetic towns of 10k, 100k and 1M rectangular buildings in
// a GeoPackage (UTM 33N), read (a) by a bare GDAL loop over every feature's
// geometry and fields and (b) by TownImporter::run. Prints buildings/s for both,
// their ratio, and the peak RSS per building of the 1M import.
#include "TownImporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <cstdio>
#include <vector>

using namespace tt;

namespace {

//! A row-major grid of 12 x 8 m rectangles 20 m apart with OSM-style attributes;
//! one in five has no height (so the importer guesses it from the use).
bool generate(const QString &path, int count)
{
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 32633);
    const char *layerOptions[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "buildings", srs, wkbPolygon, const_cast<char **>(layerOptions));
    OSRDestroySpatialReference(srs);
    const struct {
        const char *name;
        OGRFieldType type;
    } fields[] = {{"osm_id", OFTString}, {"building", OFTString}, {"height", OFTReal}, {"building:levels", OFTInteger},
                  {"start_date", OFTInteger}};
    for (const auto &field : fields) {
        OGRFieldDefnH defn = OGR_Fld_Create(field.name, field.type);
        OGR_L_CreateField(layer, defn, TRUE);
        OGR_Fld_Destroy(defn);
    }
    const char *uses[] = {"house", "apartments", "office", "retail", "industrial"};
    const int side = int(std::ceil(std::sqrt(double(count))));
    bool ok = GDALDatasetStartTransaction(ds, FALSE) == OGRERR_NONE;
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    for (int i = 0; i < count && ok; ++i) {
        const double x = 400000.0 + (i % side) * 20.0, y = 5000000.0 + (i / side) * 20.0;
        OGR_F_SetFID(f, OGRNullFID);
        OGR_F_SetFieldString(f, 0, QByteArray::number(1000000 + i).constData());
        OGR_F_SetFieldString(f, 1, uses[i % 5]);
        if (i % 5 == 4) {
            OGR_F_SetFieldNull(f, 2);
            OGR_F_SetFieldNull(f, 3);
        } else {
            OGR_F_SetFieldDouble(f, 2, 3.0 + (i % 7) * 3.0);
            OGR_F_SetFieldInteger(f, 3, 1 + i % 7);
        }
        OGR_F_SetFieldInteger(f, 4, 1900 + i % 120);
        OGRPolygon polygon;
        auto *ring = new OGRLinearRing;
        ring->setNumPoints(5);
        ring->setPoint(0, x, y);
        ring->setPoint(1, x + 12.0, y);
        ring->setPoint(2, x + 12.0, y + 8.0);
        ring->setPoint(3, x, y + 8.0);
        ring->setPoint(4, x, y);
        polygon.addRingDirectly(ring);
        OGR_F_SetGeometry(f, OGRGeometry::ToHandle(&polygon));
        ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
    }
    OGR_F_Destroy(f);
    ok = ok && GDALDatasetCommitTransaction(ds) == OGRERR_NONE;
    GDALClose(ds);
    return ok;
}

//! The floor any importer stands on: GDAL hands over each feature's vertices and field values.
qint64 bareGdalLoop(const QString &path, double *checksum)
{
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!ds)
        return 0;
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    const int fieldCount = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer));
    std::vector<double> xs, ys;
    qint64 features = 0;
    double sum = 0.0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        const OGRGeometry *g = OGRGeometry::FromHandle(OGR_F_GetGeometryRef(f));
        if (g && wkbFlatten(g->getGeometryType()) == wkbPolygon) {
            const OGRLinearRing *ring = g->toPolygon()->getExteriorRing();
            xs.resize(size_t(ring->getNumPoints()));
            ys.resize(xs.size());
            ring->getPoints(xs.data(), sizeof(double), ys.data(), sizeof(double));
            sum += xs.empty() ? 0.0 : xs[0] + ys[0];
        }
        for (int i = 0; i < fieldCount; ++i)
            if (OGR_F_IsFieldSetAndNotNull(f, i))
                sum += double(*OGR_F_GetFieldAsString(f, i));
        OGR_F_Destroy(f);
        ++features;
    }
    GDALClose(ds);
    *checksum = sum;
    return features;
}

qint64 statusKb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    return -1;
}

//! Makes VmHWM start again from the current RSS (Linux >= 4.0), so the peak is the import's own.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    GDALAllRegister();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    out << "bench_import: GeoPackage of 12 x 8 m rectangles (EPSG:32633), 5 attributes, single thread\n";
    for (const int count : {10000, 100000, 1000000}) {
        const QString path = dir.filePath(QStringLiteral("town_%1.gpkg").arg(count));
        QElapsedTimer timer;
        timer.start();
        if (!generate(path, count)) {
            out << "cannot write " << path << "\n";
            return 1;
        }
        out << QStringLiteral("%1 buildings: generated in %2 s\n").arg(count).arg(timer.elapsed() / 1000.0, 0, 'f', 2);
        out.flush();

        double checksum = 0.0;
        timer.restart();
        const qint64 read = bareGdalLoop(path, &checksum);
        const double bareSeconds = timer.nsecsElapsed() * 1e-9;

        ImportOptions options;
        options.buildingsPath = path;
        const qint64 rssBefore = statusKb("VmRSS:");
        resetPeakRss();
        timer.restart();
        const ImportReport report = TownImporter().run(options);
        const double importSeconds = timer.nsecsElapsed() * 1e-9;
        const qint64 peakKb = statusKb("VmHWM:");
        if (!report.status.ok || report.town.buildings.size() != count || read != count) {
            out << "import failed: " << report.status.message << " (" << report.town.buildings.size() << " of " << count
                << ", bare loop read " << read << ", checksum " << checksum << ")\n";
            return 1;
        }
        out << QStringLiteral("  bare GDAL loop : %1 s, %2 buildings/s\n")
                   .arg(bareSeconds, 0, 'f', 3)
                   .arg(count / bareSeconds, 0, 'f', 0);
        out << QStringLiteral("  TownImporter   : %1 s, %2 buildings/s (%3 heights guessed)\n")
                   .arg(importSeconds, 0, 'f', 3)
                   .arg(count / importSeconds, 0, 'f', 0)
                   .arg(report.heightsGuessed);
        out << QStringLiteral("  ratio importer/bare: %1 (target <= 1.5; importer target >= 250000 buildings/s)\n")
                   .arg(importSeconds / bareSeconds, 0, 'f', 2);
        out << QStringLiteral("  peak RSS during import: %1 MB, %2 bytes per building (process), %3 bytes per building "
                              "above the RSS before the import\n")
                   .arg(peakKb / 1024.0, 0, 'f', 1)
                   .arg(peakKb * 1024.0 / count, 0, 'f', 0)
                   .arg((peakKb - rssBefore) * 1024.0 / count, 0, 'f', 0);
        out.flush();
    }
    return 0;
}
