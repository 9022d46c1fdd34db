// SPDX-License-Identifier: MIT
#include "LayerCrsResolver_p.h"

#include "CrsFit_p.h"

#include <cmath>

namespace tt {

namespace {

struct FitCount {
    int outside = 0;
    Vec2 example;  // the first point that does not fit
};

FitCount countMisfits(const CrsFit &fit, const QVector<Vec2> &samples)
{
    FitCount count;
    for (Vec2 p : samples) {
        if (fit.fits(p))
            continue;
        if (count.outside++ == 0)
            count.example = p;
    }
    return count;
}

bool mostFit(const FitCount &count, const QVector<Vec2> &samples)
{
    return count.outside * 2 <= samples.size();
}

QString describe(const OGRSpatialReference &srs)
{
    const QString code = crs::shortName(srs);
    const QString name = QString::fromUtf8(srs.GetName() ? srs.GetName() : "");
    return name.isEmpty() || name == code ? code : QStringLiteral("%1 (%2)").arg(code, name);
}

// What the coordinates may be instead: a hint for the fix, never applied by itself.
QString guess(Vec2 example)
{
    const crs::SrsPtr lonLat = crs::wgs84();
    if (CrsFit(*lonLat).fits(example))
        return QStringLiteral("they look like longitude/latitude (EPSG:4326)");
    crs::SrsPtr webMercator = crs::fromUserInput(QStringLiteral("EPSG:3857"));
    if (webMercator && std::abs(example.x) > 1.0e6 && CrsFit(*webMercator).fits(example))
        return QStringLiteral("x in the millions suggests Web Mercator (EPSG:3857)");
    return QStringLiteral("they look like projected metres of another CRS (a UTM zone or a national grid)");
}

} // namespace

LayerCrsResolver::LayerCrsResolver(const OGRSpatialReference *assumed, const QString &assumedText)
    : m_assumed(assumed), m_assumedText(assumedText)
{
}

LayerCrsResolver::Result LayerCrsResolver::refuse(ErrorCode code, const QString &message) const
{
    Result result;
    result.status = Status::error(message, code);
    return result;
}

QString LayerCrsResolver::misfit(const QString &path, const QString &whose, const OGRSpatialReference &srs,
                                 Vec2 example, int outside, int total) const
{
    const QString area = CrsFit(srs).areaOfUse();
    return QStringLiteral("%1: coordinates such as (%2, %3) do not fit %4 %5%6: %7 of %8 sampled points lie outside "
                          "it, and %9")
        .arg(path)
        .arg(example.x, 0, 'f', 3)
        .arg(example.y, 0, 'f', 3)
        .arg(whose, describe(srs),
             area.isEmpty() ? QString() : QStringLiteral(", whose area of use is %1").arg(area))
        .arg(outside)
        .arg(total)
        .arg(guess(example));
}

LayerCrsResolver::Result LayerCrsResolver::resolve(const QString &path, const OGRSpatialReference *declared,
                                                   const QVector<Vec2> &samples) const
{
    const bool declares = declared && !declared->IsEmpty();
    if (!declares && !m_assumed)
        return refuse(ErrorCode::NoCrs, QStringLiteral("%1: the file declares no CRS (or one GDAL cannot read); "
                                                           "name it with --assume-crs EPSG:n")
                                                .arg(path));
    Result result;
    QString declaredMisfit;
    if (declares) {
        const FitCount count = countMisfits(CrsFit(*declared), samples);
        if (mostFit(count, samples)) {
            result.srs = crs::traditional(*declared);
            result.outside = count.outside;
            return result;
        }
        declaredMisfit = misfit(path, QStringLiteral("the declared CRS"), *declared, count.example, count.outside,
                                int(samples.size()));
        if (!m_assumed)
            return refuse(ErrorCode::ImpossibleCrs,
                          QStringLiteral("%1; name the data's real CRS with --assume-crs EPSG:n").arg(declaredMisfit));
    }
    // The file's own CRS is missing or cannot be right: --assume-crs overrides it.
    const FitCount count = countMisfits(CrsFit(*m_assumed), samples);
    if (!mostFit(count, samples)) {
        const QString assumedMisfit = misfit(path, QStringLiteral("--assume-crs"), *m_assumed, count.example,
                                             count.outside, int(samples.size()));
        return refuse(ErrorCode::ImpossibleCrs,
                      declares ? QStringLiteral("%1; %2").arg(declaredMisfit, assumedMisfit.section(QStringLiteral(": "), 1))
                               : assumedMisfit);
    }
    result.srs = crs::traditional(*m_assumed);
    result.assumed = true;
    result.outside = count.outside;
    return result;
}

} // namespace tt
