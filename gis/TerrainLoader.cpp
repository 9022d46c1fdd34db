// SPDX-License-Identifier: MIT
#include "TerrainLoader_p.h"

#include "Crs_p.h"
#include "GdalSession_p.h"
#include "LayerCrsResolver_p.h"
#include "core/Plausibility.h"

#include <QScopeGuard>

#include <gdal_alg.h>
#include <gdal_utils.h>
#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace tt {

namespace {
// A DEM too big to keep whole is cut this far beyond the site on every side (a quarter
// of the site, at least 500 m), so the site keeps the DEM's own resolution.
constexpr double kSiteMarginFraction = 0.25;
constexpr double kMinSiteMarginM = 500.0;
// A coarse DEM (a few pixels over its whole area, down to one) is warped onto a finer
// grid with at least this many samples per side, so its squares of constant or bilinear
// elevation keep their shape and place instead of being rounded to whole output cells.
constexpr int kMinSide = 64;

struct WarpProgress {
    const Progress &progress;
    bool cancelled = false;
};

int CPL_STDCALL warpProgress(double fraction, const char *, void *data)
{
    auto *state = static_cast<WarpProgress *>(data);
    state->cancelled = state->progress && !state->progress(fraction, QStringLiteral("Reprojecting terrain"));
    return state->cancelled ? FALSE : TRUE;
}

//! The raster's surface at pixel coordinates (u east, v south; (0, 0) is the north-west
//! pixel centre): bilinear between pixel centres, and in the outer half pixel the edge
//! value, as GDAL samples it. NoData neighbours are skipped; a point on a NoData centre
//! stays NoData.
float centreBilinear(const std::vector<float> &raster, int cols, int rows, double u, double v)
{
    u = std::clamp(u, 0.0, double(cols - 1));
    v = std::clamp(v, 0.0, double(rows - 1));
    const int c0 = std::min(int(u), std::max(cols - 2, 0)), r0 = std::min(int(v), std::max(rows - 2, 0));
    const int c1 = std::min(c0 + 1, cols - 1), r1 = std::min(r0 + 1, rows - 1);
    const double tx = u - c0, ty = v - r0;
    const auto at = [&](int c, int r) { return raster[size_t(r) * size_t(cols) + size_t(c)]; };
    const float h[4] = {at(c0, r0), at(c1, r0), at(c0, r1), at(c1, r1)};
    return float(Terrain::blend(h, tx, ty));
}
} // namespace

TerrainLoader::~TerrainLoader()
{
    if (m_source)
        GDALClose(m_source);
}

Status TerrainLoader::fail(ErrorCode code, const QString &message)
{
    m_terrain = Terrain();
    return Status::error(message, code);
}

Status TerrainLoader::open(const QString &path, const OGRSpatialReference &project, double originE, double originN,
                           const LayerCrsResolver &resolver)
{
    GdalSession session;
    m_path = path;
    m_originE = originE;
    m_originN = originN;
    if (m_source)
        GDALClose(m_source);
    m_source = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!m_source)
        return fail(ErrorCode::CannotOpen,
                    QStringLiteral("%1: cannot be read as a raster DEM (%2)").arg(path, session.lastError()));
    double gt[6];
    if (GDALGetRasterCount(m_source) < 1 || GDALGetGeoTransform(m_source, gt) != CE_None)
        return fail(ErrorCode::BadDem, QStringLiteral("%1: the DEM has no georeferenced elevation band").arg(path));
    // The corners, edge midpoints and centre of the grid tell whether its CRS can be right.
    QVector<Vec2> samples;
    const double sourceWidth = GDALGetRasterXSize(m_source), sourceHeight = GDALGetRasterYSize(m_source);
    for (double fy : {0.0, 0.5, 1.0})
        for (double fx : {0.0, 0.5, 1.0})
            samples.append(Vec2{gt[0] + fx * sourceWidth * gt[1] + fy * sourceHeight * gt[2], gt[3] + fx * sourceWidth * gt[4] + fy * sourceHeight * gt[5]});
    const auto *declared = OGRSpatialReference::FromHandle(GDALGetSpatialRef(m_source));
    const LayerCrsResolver::Result sourceCrs = resolver.resolve(path, declared, samples);
    if (!sourceCrs.status)
        return fail(sourceCrs.status.code, sourceCrs.status.message);
    m_sourceWkt = crs::wkt2(*sourceCrs.srs).toUtf8();
    m_projectWkt = crs::wkt2(project).toUtf8();

    // Let GDAL find the DEM's extent in the project CRS and a square cell that keeps its resolution.
    char **transformOptions = CSLSetNameValue(nullptr, "SRC_SRS", m_sourceWkt.constData());
    transformOptions = CSLSetNameValue(transformOptions, "DST_SRS", m_projectWkt.constData());
    void *transformer = GDALCreateGenImgProjTransformer2(m_source, nullptr, transformOptions);
    CSLDestroy(transformOptions);
    if (!transformer)
        return fail(ErrorCode::BadDem,
                    QStringLiteral("%1: the DEM cannot be transformed into the project CRS (%2)").arg(path, session.lastError()));
    double outGt[6];
    int width = 0, height = 0;
    double extent[4];
    const CPLErr suggested = GDALSuggestedWarpOutput2(m_source, GDALGenImgProjTransform, transformer, outGt, &width, &height,
                                                      extent, 0);
    GDALDestroyGenImgProjTransformer(transformer);
    if (suggested != CE_None || width < 1 || height < 1 || !(outGt[1] > 0.0))
        return fail(ErrorCode::BadDem,
                    QStringLiteral("%1: the DEM cannot be placed in the project CRS (%2)").arg(path, session.lastError()));
    m_cell = outGt[1];
    // GDAL's suggested extent is rounded to whole output cells, which for a DEM of a few
    // big pixels is off by most of a pixel: the DEM's own corners, transformed with the
    // edges densified, say where it really lies.
    Bounds2 sourceBounds;
    for (double fy : {0.0, 1.0})
        for (double fx : {0.0, 1.0})
            sourceBounds.add(Vec2{gt[0] + fx * sourceWidth * gt[1] + fy * sourceHeight * gt[2],
                                  gt[3] + fx * sourceWidth * gt[4] + fy * sourceHeight * gt[5]});
    const crs::TransformPtr toProject = crs::transformation(*sourceCrs.srs, project);
    double bounds[4];
    if (toProject
        && toProject->TransformBounds(sourceBounds.minX, sourceBounds.minY, sourceBounds.maxX, sourceBounds.maxY,
                                      &bounds[0], &bounds[1], &bounds[2], &bounds[3], 21))
        std::copy(std::begin(bounds), std::end(bounds), std::begin(extent));
    m_extent = Bounds2{extent[0] - originE, extent[1] - originN, extent[2] - originE, extent[3] - originN};
    return Status::success();
}

Status TerrainLoader::load(const Bounds2 &area, const Progress &progress)
{
    GdalSession session;
    if (!m_source)
        return fail(ErrorCode::BadDem, QStringLiteral("%1: the DEM is not open").arg(m_path));
    Bounds2 cut = m_extent;
    double cell = m_cell;
    if (std::max(cut.width(), cut.height()) / cell > kMaxSide && !area.isEmpty()) {
        // Along the DEM's own grid lines, so every sample keeps its place.
        const double margin = std::max(kMinSiteMarginM, kSiteMarginFraction * std::max(area.width(), area.height()));
        const auto down = [&](double v, double from) { return from + std::floor((v - from) / cell) * cell; };
        const auto up = [&](double v, double from) { return from + std::ceil((v - from) / cell) * cell; };
        const Bounds2 site{std::max(m_extent.minX, down(area.minX - margin, m_extent.minX)),
                           std::max(m_extent.minY, down(area.minY - margin, m_extent.minY)),
                           std::min(m_extent.maxX, up(area.maxX + margin, m_extent.minX)),
                           std::min(m_extent.maxY, up(area.maxY + margin, m_extent.minY))};
        if (site.width() > 0.0 && site.height() > 0.0)
            cut = site;
    }
    const double side = std::max(cut.width(), cut.height());
    if (side / cell < kMinSide)
        cell = side / kMinSide;
    // Whole square cells (as Terrain needs) from the south-west corner, enough to cover
    // the DEM; any part of the last row or column beyond it is NoData.
    const auto cells = [&cell](double length) { return std::max(1, int(std::ceil(length / cell - 1e-6))); };
    int cols = cells(cut.width()), rows = cells(cut.height());
    if (std::max(cols, rows) > kMaxSide) {
        cell *= double(std::max(cols, rows)) / kMaxSide;
        cols = std::min(kMaxSide, cells(cut.width()));
        rows = std::min(kMaxSide, cells(cut.height()));
    }
    const double west = cut.minX + m_originE, south = cut.minY + m_originN;
    const QByteArray te[4] = {QByteArray::number(west, 'f', 6), QByteArray::number(south, 'f', 6),
                              QByteArray::number(west + cols * cell, 'f', 6), QByteArray::number(south + rows * cell, 'f', 6)};
    const QByteArray tr = QByteArray::number(cell, 'g', 17);
    const char *args[] = {"-of", "MEM", "-s_srs", m_sourceWkt.constData(), "-t_srs", m_projectWkt.constData(),
                          "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan",
                          "-te", te[0].constData(), te[1].constData(), te[2].constData(), te[3].constData(),
                          "-tr", tr.constData(), tr.constData(), nullptr};
    GDALWarpAppOptions *options = GDALWarpAppOptionsNew(const_cast<char **>(args), nullptr);
    WarpProgress warpState{progress};
    GDALWarpAppOptionsSetProgress(options, warpProgress, &warpState);
    int usageError = FALSE;
    GDALDatasetH warped = GDALWarp("", nullptr, 1, &m_source, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (!warped) {
        if (warpState.cancelled)
            return fail(ErrorCode::Cancelled, QStringLiteral("import cancelled"));
        return fail(ErrorCode::BadDem,
                    QStringLiteral("%1: reprojecting the DEM failed (%2)").arg(m_path, session.lastError()));
    }
    const auto closeWarped = qScopeGuard([warped] { GDALClose(warped); });
    cols = GDALGetRasterXSize(warped);
    rows = GDALGetRasterYSize(warped);
    double outGt[6];
    GDALGetGeoTransform(warped, outGt);
    std::vector<float> raster(size_t(cols) * size_t(rows));
    if (GDALRasterIO(GDALGetRasterBand(warped, 1), GF_Read, 0, 0, cols, rows, raster.data(), cols, rows, GDT_Float32, 0, 0)
        != CE_None)
        return fail(ErrorCode::BadDem, QStringLiteral("%1: reading the DEM failed (%2)").arg(m_path, session.lastError()));
    for (float &h : raster)
        if (!plausibility::elevationProblem(h).isEmpty())
            h = NAN;  // a NoData code the DEM did not declare (-9999, -32768, 3.4e38), or one smeared by resampling

    // The terrain's samples sit on the pixels' corners, so it spans the DEM's whole area
    // rather than stopping half a pixel short of every edge; row 0 is the south edge.
    Terrain terrain(cols + 1, rows + 1, outGt[0] - m_originE, outGt[3] + rows * outGt[5] - m_originN, outGt[1]);
    for (int r = 0; r <= rows; ++r)
        for (int c = 0; c <= cols; ++c)
            terrain.setSample(c, r, centreBilinear(raster, cols, rows, c - 0.5, rows - r - 0.5));
    if (terrain.noDataCount() == terrain.samples().size())
        return fail(ErrorCode::BadDem, QStringLiteral("%1: the DEM holds no valid elevation").arg(m_path));
    m_terrain = std::move(terrain);
    return Status::success();
}

} // namespace tt
