// SPDX-License-Identifier: MIT
#include "Crs_p.h"

#include <cpl_conv.h>

#include <algorithm>
#include <cmath>

namespace tt::crs {

SrsPtr traditional(const OGRSpatialReference &srs)
{
    SrsPtr copy(srs.Clone());
    copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return copy;
}

SrsPtr fromUserInput(const QString &text)
{
    auto srs = std::make_unique<OGRSpatialReference>();
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (text.trimmed().isEmpty() || srs->SetFromUserInput(text.trimmed().toUtf8().constData()) != OGRERR_NONE)
        return nullptr;
    return srs;
}

SrsPtr wgs84()
{
    auto srs = std::make_unique<OGRSpatialReference>();
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs->SetWellKnownGeogCS("WGS84");
    return srs;
}

bool isMetricProjected(const OGRSpatialReference &srs)
{
    return srs.IsProjected() && std::abs(srs.GetLinearUnits() - 1.0) < 1e-9;
}

SrsPtr utmZoneFor(double longitude, double latitude)
{
    const int zone = std::clamp(int(std::floor((longitude + 180.0) / 6.0)) + 1, 1, 60);
    auto srs = std::make_unique<OGRSpatialReference>();
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs->importFromEPSG((latitude >= 0 ? 32600 : 32700) + zone);
    return srs;
}

QString shortName(const OGRSpatialReference &srs)
{
    const char *authority = srs.GetAuthorityName(nullptr);
    const char *code = srs.GetAuthorityCode(nullptr);
    if (authority && code)
        return QStringLiteral("%1:%2").arg(QString::fromUtf8(authority), QString::fromUtf8(code));
    // Shapefile .prj files carry ESRI WKT without codes; ask PROJ for a confident match.
    int matches = 0;
    int *confidence = nullptr;
    OGRSpatialReferenceH *found = srs.FindMatches(nullptr, &matches, &confidence);
    QString name;
    if (matches > 0 && confidence[0] >= 90) {
        const auto *best = OGRSpatialReference::FromHandle(found[0]);
        if (best->GetAuthorityName(nullptr) && best->GetAuthorityCode(nullptr))
            name = QStringLiteral("%1:%2").arg(QString::fromUtf8(best->GetAuthorityName(nullptr)),
                                               QString::fromUtf8(best->GetAuthorityCode(nullptr)));
    }
    OSRFreeSRSArray(found);
    CPLFree(confidence);
    if (name.isEmpty() && srs.GetName())
        name = QString::fromUtf8(srs.GetName());
    return name;
}

QString wkt2(const OGRSpatialReference &srs)
{
    char *text = nullptr;
    const char *const options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&text, options);
    const QString wkt = QString::fromUtf8(text ? text : "");
    CPLFree(text);
    return wkt;
}

TransformPtr transformation(const OGRSpatialReference &from, const OGRSpatialReference &to)
{
    return TransformPtr(OGRCreateCoordinateTransformation(&from, &to));
}

} // namespace tt::crs
