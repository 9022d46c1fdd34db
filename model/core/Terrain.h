// SPDX-License-Identifier: MIT
#pragma once

#include "Geometry.h"

#include <QVector>

namespace tt {

//! A regular elevation grid in the site's local frame. Sample (col,row) lies at
//! x = originX + col*cellSize, y = originY + row*cellSize: row 0 is the southern
//! edge and rows grow northwards, whatever the source raster's orientation.
//! Missing samples (NoData) are NaN.
class Terrain {
public:
    Terrain() = default;
    Terrain(int columns, int rows, double originX, double originY, double cellSize, float fill = 0.0f);

    //! A flat placeholder covering bounds (used when no DEM is given).
    static Terrain flat(const Bounds2 &bounds, double elevation, double cellSize = 50.0);
    //! Bilinear blend of four samples (h: x0y0, x1y0, x0y1, x1y1) at fractions tx, ty,
    //! skipping NoData (NaN) ones; NaN when every sample with weight is NoData.
    static double blend(const float h[4], double tx, double ty);

    bool isEmpty() const { return m_columns < 2 || m_rows < 2; }
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    double originX() const { return m_originX; }
    double originY() const { return m_originY; }
    double cellSize() const { return m_cellSize; }
    Bounds2 bounds() const;

    float sample(int col, int row) const { return m_heights[row * m_columns + col]; }
    void setSample(int col, int row, float h) { m_heights[row * m_columns + col] = h; }
    const QVector<float> &samples() const { return m_heights; }
    QVector<float> &samples() { return m_heights; }

    //! Bilinear elevation at a local point; NaN outside the grid or where all
    //! neighbouring samples are NoData (missing neighbours are skipped, not treated as 0).
    double elevationAt(Vec2 p) const;
    bool covers(Vec2 p) const;
    //! Where a footprint stands: the lowest valid elevation under its outer-ring
    //! vertices and centroid, so on a slope the uphill walls reach into the ground
    //! instead of the downhill side floating. NaN when none of them is on the grid.
    double groundUnder(const Polygon &footprint) const;
    //! Lowest and highest valid sample; NaN for an empty or all-NoData grid.
    double minElevation() const;
    double maxElevation() const;
    int noDataCount() const;

    bool operator==(const Terrain &o) const;
    bool operator!=(const Terrain &o) const { return !(*this == o); }

private:
    int m_columns = 0;
    int m_rows = 0;
    double m_originX = 0.0;
    double m_originY = 0.0;
    double m_cellSize = 1.0;
    QVector<float> m_heights;
};

} // namespace tt
