// SPDX-License-Identifier: MIT
#include "PolygonTriangulator.h"

#include <vtkCellArray.h>
#include <vtkContourTriangulator.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

namespace tt::PolygonTriangulator {

namespace {

bool isConvex(const Ring &ring)
{
    int sign = 0;
    const int n = ring.size();
    for (int i = 0; i < n; ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % n], c = ring[(i + 2) % n];
        const double turn = (b - a).cross(c - b);
        if (turn == 0.0)
            continue;
        const int s = turn > 0 ? 1 : -1;
        if (sign != 0 && s != sign)
            return false;
        sign = s;
    }
    return sign != 0;
}

std::vector<quint32> fan(const Ring &ring)
{
    const bool ccw = geometry::signedArea(ring) > 0.0;
    std::vector<quint32> out;
    out.reserve(size_t(ring.size() - 2) * 3);
    for (int i = 1; i + 1 < ring.size(); ++i) {
        out.push_back(0);
        out.push_back(quint32(ccw ? i : i + 1));
        out.push_back(quint32(ccw ? i + 1 : i));
    }
    return out;
}

std::vector<quint32> viaVtk(const Polygon &polygon)
{
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> lines;
    // The triangulator wants single-segment lines; it finds loops and nesting itself.
    auto addRing = [&](const Ring &ring) {
        const vtkIdType first = points->GetNumberOfPoints();
        for (const Vec2 &p : ring)
            points->InsertNextPoint(p.x, p.y, 0.0);
        // Degenerate holes keep their points so the numbering matches the caller's.
        for (int i = 0; ring.size() >= 3 && i < ring.size(); ++i) {
            const vtkIdType segment[2] = {first + i, first + (i + 1) % ring.size()};
            lines->InsertNextCell(2, segment);
        }
    };
    addRing(polygon.outer);
    for (const Ring &hole : polygon.holes)
        addRing(hole);
    vtkNew<vtkPolyData> data;
    data->SetPoints(points);
    data->SetLines(lines);
    vtkNew<vtkCellArray> triangles;
    const double up[3] = {0.0, 0.0, 1.0};
    vtkContourTriangulator::TriangulateContours(data, 0, lines->GetNumberOfCells(), triangles, up);

    std::vector<quint32> out;
    vtkNew<vtkIdList> cell;
    triangles->InitTraversal();
    while (triangles->GetNextCell(cell)) {
        if (cell->GetNumberOfIds() != 3)
            continue;
        quint32 t[3] = {quint32(cell->GetId(0)), quint32(cell->GetId(1)), quint32(cell->GetId(2))};
        double a[3], b[3], c[3];
        points->GetPoint(t[0], a);
        points->GetPoint(t[1], b);
        points->GetPoint(t[2], c);
        if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) < 0.0)
            std::swap(t[1], t[2]);
        out.insert(out.end(), t, t + 3);
    }
    return out;
}

} // namespace

std::vector<quint32> triangulate(const Polygon &polygon)
{
    if (polygon.isEmpty())
        return {};
    if (polygon.holes.isEmpty() && isConvex(polygon.outer))
        return fan(polygon.outer);
    return viaVtk(polygon);
}

} // namespace tt::PolygonTriangulator
