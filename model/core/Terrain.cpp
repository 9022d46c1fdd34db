// SPDX-License-Identifier: MIT
#include "Terrain.h"

#include <algorithm>
#include <cmath>

namespace tt {

Terrain::Terrain(int columns, int rows, double originX, double originY, double cellSize, float fill)
    : m_columns(columns), m_rows(rows), m_originX(originX), m_originY(originY), m_cellSize(cellSize),
      m_heights(columns * rows, fill)
{
}

Terrain Terrain::flat(const Bounds2 &b, double elevation, double cellSize)
{
    const double margin = cellSize;
    const int cols = std::max(2, int(std::ceil((b.width() + 2 * margin) / cellSize)) + 1);
    const int rows = std::max(2, int(std::ceil((b.height() + 2 * margin) / cellSize)) + 1);
    return Terrain(cols, rows, b.minX - margin, b.minY - margin, cellSize, float(elevation));
}

Bounds2 Terrain::bounds() const
{
    Bounds2 b;
    if (isEmpty())
        return b;
    b.add(Vec2{m_originX, m_originY});
    b.add(Vec2{m_originX + (m_columns - 1) * m_cellSize, m_originY + (m_rows - 1) * m_cellSize});
    return b;
}

bool Terrain::covers(Vec2 p) const
{
    return !isEmpty() && bounds().contains(p);
}

double Terrain::groundUnder(const Polygon &footprint) const
{
    double ground = elevationAt(geometry::centroid(footprint));
    for (const Vec2 &v : footprint.outer) {
        const double h = elevationAt(v);
        if (!std::isnan(h) && (std::isnan(ground) || h < ground))
            ground = h;  // samples over NoData are ignored, not taken as 0
    }
    return ground;
}

double Terrain::elevationAt(Vec2 p) const
{
    if (!covers(p))
        return NAN;
    const double fx = (p.x - m_originX) / m_cellSize;
    const double fy = (p.y - m_originY) / m_cellSize;
    const int c0 = std::clamp(int(std::floor(fx)), 0, m_columns - 2);
    const int r0 = std::clamp(int(std::floor(fy)), 0, m_rows - 2);
    const float h[4] = {sample(c0, r0), sample(c0 + 1, r0), sample(c0, r0 + 1), sample(c0 + 1, r0 + 1)};
    const double blended = blend(h, fx - c0, fy - r0);
    if (std::isnan(blended)) {
        // The point sits on a NoData corner: fall back to any valid neighbour.
        for (float v : h)
            if (!std::isnan(v))
                return v;
    }
    return blended;
}

double Terrain::blend(const float h[4], double tx, double ty)
{
    const double w[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
    double sum = 0.0, weight = 0.0;
    for (int i = 0; i < 4; ++i) {
        if (std::isnan(h[i]))
            continue;
        sum += w[i] * h[i];
        weight += w[i];
    }
    return weight > 1e-9 ? sum / weight : NAN;
}

double Terrain::minElevation() const
{
    double m = NAN;
    for (float h : m_heights)
        if (!std::isnan(h) && (std::isnan(m) || h < m))
            m = h;
    return m;
}

double Terrain::maxElevation() const
{
    double m = NAN;
    for (float h : m_heights)
        if (!std::isnan(h) && (std::isnan(m) || h > m))
            m = h;
    return m;
}

int Terrain::noDataCount() const
{
    return int(std::count_if(m_heights.begin(), m_heights.end(), [](float h) { return std::isnan(h); }));
}

bool Terrain::operator==(const Terrain &o) const
{
    if (m_columns != o.m_columns || m_rows != o.m_rows || m_originX != o.m_originX || m_originY != o.m_originY
        || m_cellSize != o.m_cellSize)
        return false;
    for (int i = 0; i < m_heights.size(); ++i) {
        const float a = m_heights[i], b = o.m_heights[i];
        if (a != b && !(std::isnan(a) && std::isnan(b)))
            return false;
    }
    return true;
}

} // namespace tt
