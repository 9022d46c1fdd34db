// SPDX-License-Identifier: MIT
#include "TerrainLoader_p.h"

#include "Crs_p.h"
#include "GdalSession_p.h"
#include "LayerCrsResolver_p.h"

#include <QScopeGuard>

#include <gdal_alg.h>
#include <gdal_utils.h>
#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace tt {

namespace {
// Below any dry land (the Dead Sea shore is -430 m): a NoData code the DEM did not
// declare (-9999, -32768), or such a code smeared by resampling.
constexpr float kLowestPlausibleElevation = -1000.0f;

struct WarpProgress {
    const TerrainLoader::Progress &progress;
    bool cancelled = false;
};

int CPL_STDCALL warpProgress(double fraction, const char *, void *data)
{
    auto *state = static_cast<WarpProgress *>(data);
    state->cancelled = state->progress && !state->progress(fraction);
    return state->cancelled ? FALSE : TRUE;
}
} // namespace

Status TerrainLoader::fail(ImportFailure failure, const QString &message)
{
    m_failure = failure;
    m_terrain = Terrain();
    return Status::error(message);
}

Status TerrainLoader::load(const QString &path, const OGRSpatialReference &project, double originE, double originN,
                           const LayerCrsResolver &resolver, const Progress &progress)
{
    GdalSession session;
    m_failure = ImportFailure::None;
    GDALDatasetH src = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!src)
        return fail(ImportFailure::CannotOpen,
                    QStringLiteral("%1: cannot be read as a raster DEM (%2)").arg(path, session.lastError()));
    const auto closeSource = qScopeGuard([src] { GDALClose(src); });
    double gt[6];
    if (GDALGetRasterCount(src) < 1 || GDALGetGeoTransform(src, gt) != CE_None)
        return fail(ImportFailure::BadDem, QStringLiteral("%1: the DEM has no georeferenced elevation band").arg(path));
    // The corners, edge midpoints and centre of the grid tell whether its CRS can be right.
    QVector<Vec2> samples;
    const double sourceWidth = GDALGetRasterXSize(src), sourceHeight = GDALGetRasterYSize(src);
    for (double fy : {0.0, 0.5, 1.0})
        for (double fx : {0.0, 0.5, 1.0})
            samples.append(Vec2{gt[0] + fx * sourceWidth * gt[1] + fy * sourceHeight * gt[2], gt[3] + fx * sourceWidth * gt[4] + fy * sourceHeight * gt[5]});
    const auto *declared = OGRSpatialReference::FromHandle(GDALGetSpatialRef(src));
    const LayerCrsResolver::Result sourceCrs = resolver.resolve(path, declared, samples);
    if (!sourceCrs.status)
        return fail(sourceCrs.failure, sourceCrs.status.message);
    const QByteArray srcWkt = crs::wkt2(*sourceCrs.srs).toUtf8();
    const QByteArray dstWkt = crs::wkt2(project).toUtf8();

    // Let GDAL choose the extent and a square cell that keeps the source resolution.
    char **transformOptions = CSLSetNameValue(nullptr, "SRC_SRS", srcWkt.constData());
    transformOptions = CSLSetNameValue(transformOptions, "DST_SRS", dstWkt.constData());
    void *transformer = GDALCreateGenImgProjTransformer2(src, nullptr, transformOptions);
    CSLDestroy(transformOptions);
    if (!transformer)
        return fail(ImportFailure::BadDem,
                    QStringLiteral("%1: the DEM cannot be transformed into the project CRS (%2)").arg(path, session.lastError()));
    double outGt[6];
    int width = 0, height = 0;
    double extent[4];
    const CPLErr suggested = GDALSuggestedWarpOutput2(src, GDALGenImgProjTransform, transformer, outGt, &width, &height,
                                                      extent, 0);
    GDALDestroyGenImgProjTransformer(transformer);
    if (suggested != CE_None || width < 1 || height < 1)
        return fail(ImportFailure::BadDem,
                    QStringLiteral("%1: the DEM cannot be placed in the project CRS (%2)").arg(path, session.lastError()));
    double cell = outGt[1];
    const int side = std::max(width, height);
    if (side > kMaxSide)
        cell *= double(side) / kMaxSide;

    const QByteArray te[4] = {QByteArray::number(extent[0], 'f', 6), QByteArray::number(extent[1], 'f', 6),
                              QByteArray::number(extent[2], 'f', 6), QByteArray::number(extent[3], 'f', 6)};
    const QByteArray tr = QByteArray::number(cell, 'g', 17);
    const char *args[] = {"-of", "MEM", "-s_srs", srcWkt.constData(), "-t_srs", dstWkt.constData(),
                          "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan",
                          "-te", te[0].constData(), te[1].constData(), te[2].constData(), te[3].constData(),
                          "-tr", tr.constData(), tr.constData(), nullptr};
    GDALWarpAppOptions *options = GDALWarpAppOptionsNew(const_cast<char **>(args), nullptr);
    WarpProgress warpState{progress};
    GDALWarpAppOptionsSetProgress(options, warpProgress, &warpState);
    int usageError = FALSE;
    GDALDatasetH warped = GDALWarp("", nullptr, 1, &src, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (!warped) {
        if (warpState.cancelled)
            return fail(ImportFailure::Cancelled, QStringLiteral("import cancelled"));
        return fail(ImportFailure::BadDem,
                    QStringLiteral("%1: reprojecting the DEM failed (%2)").arg(path, session.lastError()));
    }
    const auto closeWarped = qScopeGuard([warped] { GDALClose(warped); });

    const int cols = GDALGetRasterXSize(warped), rows = GDALGetRasterYSize(warped);
    GDALGetGeoTransform(warped, outGt);
    std::vector<float> raster(size_t(cols) * rows);
    if (GDALRasterIO(GDALGetRasterBand(warped, 1), GF_Read, 0, 0, cols, rows, raster.data(), cols, rows, GDT_Float32, 0, 0)
        != CE_None)
        return fail(ImportFailure::BadDem, QStringLiteral("%1: reading the DEM failed (%2)").arg(path, session.lastError()));

    // Sample centres, and raster row 0 (north) becomes the last terrain row.
    Terrain terrain(cols, rows, outGt[0] + 0.5 * outGt[1] - originE, outGt[3] + (rows - 0.5) * outGt[5] - originN,
                    outGt[1]);
    QVector<float> &heights = terrain.samples();
    for (int r = 0; r < rows; ++r) {
        const float *src = raster.data() + size_t(rows - 1 - r) * cols;
        float *dst = heights.data() + size_t(r) * cols;
        for (int c = 0; c < cols; ++c)
            dst[c] = src[c] < kLowestPlausibleElevation ? NAN : src[c];
    }
    if (terrain.noDataCount() == heights.size())
        return fail(ImportFailure::BadDem, QStringLiteral("%1: the DEM holds no valid elevation").arg(path));
    m_terrain = std::move(terrain);
    return Status::success();
}

} // namespace tt
