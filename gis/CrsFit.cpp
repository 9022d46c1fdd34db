// SPDX-License-Identifier: MIT
#include "CrsFit_p.h"

#include <cpl_conv.h>

#include <cmath>

namespace tt {

namespace {

constexpr double kDegree = M_PI / 180.0;
// Step for the numerical scale factors: about a metre on the ground, far above double
// rounding of coordinates in the millions and far below any curvature of the map.
constexpr double kStepDeg = 1e-5;

// Area of use from the CRS, else from the EPSG entry PROJ identifies it with (shapefile
// .prj files carry ESRI WKT without one).
bool readAreaOfUse(const OGRSpatialReference &srs, double *w, double *s, double *e, double *n)
{
    const char *areaName = nullptr;
    if (srs.GetAreaOfUse(w, s, e, n, &areaName))
        return true;
    int matches = 0;
    int *confidence = nullptr;
    OGRSpatialReferenceH *found = srs.FindMatches(nullptr, &matches, &confidence);
    bool ok = false;
    if (matches > 0 && confidence[0] >= 90)
        ok = OGRSpatialReference::FromHandle(found[0])->GetAreaOfUse(w, s, e, n, &areaName);
    OSRFreeSRSArray(found);
    CPLFree(confidence);
    return ok;
}

QString degrees(double value, char positive, char negative)
{
    return QStringLiteral("%1°%2").arg(std::abs(value), 0, 'g', 6).arg(QLatin1Char(value < 0 ? negative : positive));
}

} // namespace

CrsFit::CrsFit(const OGRSpatialReference &srs)
    : m_srs(crs::traditional(srs))
{
    m_isGeographic = m_srs->IsGeographic();
    m_geographic.reset(m_srs->CloneGeogCS());
    if (m_geographic)
        m_geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!m_isGeographic && m_geographic) {
        m_inverse = crs::transformation(*m_srs, *m_geographic);
        m_forward = crs::transformation(*m_geographic, *m_srs);
    }
    m_metresPerUnit = m_srs->IsProjected() ? m_srs->GetLinearUnits() : 1.0;
    OGRErr err = OGRERR_NONE;
    const double a = m_srs->GetSemiMajor(&err);
    const double inverseFlattening = m_srs->GetInvFlattening(&err);
    if (a > 0)
        m_semiMajor = a;
    const double f = inverseFlattening > 0 ? 1.0 / inverseFlattening : 0.0;
    m_eccentricity2 = f * (2.0 - f);
    m_hasArea = readAreaOfUse(*m_srs, &m_west, &m_south, &m_east, &m_north);
}

bool CrsFit::toLonLat(Vec2 p, Vec2 *lonLat) const
{
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return false;
    if (m_isGeographic) {
        *lonLat = p;
        return std::abs(p.x) <= 180.0 && std::abs(p.y) <= 90.0;
    }
    if (!m_inverse || !m_forward)
        return false;
    double x = p.x, y = p.y;
    if (!m_inverse->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y) || std::abs(y) > 90.0)
        return false;
    // Far outside its domain a projection's inverse returns a place that does not map back.
    double bx = x, by = y;
    if (!m_forward->Transform(1, &bx, &by) || std::hypot(bx - p.x, by - p.y) * m_metresPerUnit > 0.01)
        return false;
    *lonLat = Vec2{x, y};
    return true;
}

double CrsFit::distortion(Vec2 p) const
{
    Vec2 ll;
    if (m_isGeographic || !toLonLat(p, &ll) || std::abs(ll.y) > 89.0)
        return INFINITY;
    double xs[3] = {ll.x, ll.x + kStepDeg, ll.x};
    double ys[3] = {ll.y, ll.y, ll.y + kStepDeg};
    int ok[3] = {0, 0, 0};
    if (!m_forward->Transform(3, xs, ys, nullptr, ok) || !ok[0] || !ok[1] || !ok[2])
        return INFINITY;
    // Ground lengths of the two steps on the ellipsoid: the parallel's and the meridian's radii.
    const double s = std::sin(ll.y * kDegree);
    const double w = std::sqrt(1.0 - m_eccentricity2 * s * s);
    const double primeVertical = m_semiMajor / w;
    const double meridional = m_semiMajor * (1.0 - m_eccentricity2) / (w * w * w);
    const double east = primeVertical * std::cos(ll.y * kDegree) * kStepDeg * kDegree;
    const double north = meridional * kStepDeg * kDegree;
    const Vec2 e{(xs[1] - xs[0]) * m_metresPerUnit, (ys[1] - ys[0]) * m_metresPerUnit};
    const Vec2 n{(xs[2] - xs[0]) * m_metresPerUnit, (ys[2] - ys[0]) * m_metresPerUnit};
    const double k = std::hypot(e.x, e.y) / east;
    const double h = std::hypot(n.x, n.y) / north;
    const double shear = std::abs(e.x * n.x + e.y * n.y) / (std::hypot(e.x, e.y) * std::hypot(n.x, n.y));
    const double d = std::max({std::abs(k - 1.0), std::abs(h - 1.0), shear});
    return std::isfinite(d) ? d : INFINITY;
}

bool CrsFit::inAreaOfUse(Vec2 lonLat) const
{
    if (!m_hasArea)
        return false;
    if (lonLat.y < m_south || lonLat.y > m_north)
        return false;
    // An area crossing the antimeridian has west > east.
    return m_west <= m_east ? lonLat.x >= m_west && lonLat.x <= m_east : lonLat.x >= m_west || lonLat.x <= m_east;
}

bool CrsFit::fits(Vec2 p) const
{
    Vec2 ll;
    if (!toLonLat(p, &ll))
        return false;
    if (m_isGeographic)
        return !m_hasArea || inAreaOfUse(ll);
    return inAreaOfUse(ll) || distortion(p) <= kMaxDistortion;
}

QString CrsFit::areaOfUse() const
{
    if (!m_hasArea)
        return QString();
    return QStringLiteral("%1–%2, %3–%4")
        .arg(degrees(m_west, 'E', 'W'), degrees(m_east, 'E', 'W'), degrees(m_south, 'N', 'S'), degrees(m_north, 'N', 'S'));
}

} // namespace tt
