// SPDX-License-Identifier: MIT
#include "RoadNetwork.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_set>

namespace tt {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
// Grids aim at about one edge per cell; the axis cap bounds memory for sparse networks.
constexpr int kMaxCellsPerAxis = 512;

struct Segment {
    Vec2 a;
    Vec2 b;
    std::vector<double> splits;  // parameters along a->b where the segment is cut
};

//! Parameter of the foot of p on ab, clamped to the segment.
double footParameter(Vec2 p, Vec2 a, Vec2 b)
{
    const Vec2 d = b - a;
    const double len2 = d.dot(d);
    return len2 > 0.0 ? std::clamp((p - a).dot(d) / len2, 0.0, 1.0) : 0.0;
}

//! Records where two segments meet: a proper crossing cuts both, an end lying
//! within the snap distance of the other segment cuts the other (T-junctions).
void cutAtContacts(Segment &s, Segment &o)
{
    const Vec2 r = s.b - s.a;
    const Vec2 q = o.b - o.a;
    const double denom = r.cross(q);
    if (std::abs(denom) > 1e-12 * r.length() * q.length()) {
        const double t = (o.a - s.a).cross(q) / denom;
        const double u = (o.a - s.a).cross(r) / denom;
        if (t >= 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0) {
            s.splits.push_back(t);
            o.splits.push_back(u);
        }
    }
    const auto touch = [](Vec2 end, Segment &other) {
        const double t = footParameter(end, other.a, other.b);
        if ((other.a + (other.b - other.a) * t - end).length() <= RoadNetwork::kSnapM)
            other.splits.push_back(t);
    };
    touch(s.a, o);
    touch(s.b, o);
    touch(o.a, s);
    touch(o.b, s);
}

//! Cells of a uniform grid covered by a bounding box, clamped to the grid.
void forCells(const Bounds2 &grid, double cell, int columns, int rows, const Bounds2 &box,
              const std::function<void(int)> &visit)
{
    const int x0 = std::clamp(int(std::floor((box.minX - grid.minX) / cell)), 0, columns - 1);
    const int x1 = std::clamp(int(std::floor((box.maxX - grid.minX) / cell)), 0, columns - 1);
    const int y0 = std::clamp(int(std::floor((box.minY - grid.minY) / cell)), 0, rows - 1);
    const int y1 = std::clamp(int(std::floor((box.maxY - grid.minY) / cell)), 0, rows - 1);
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            visit(y * columns + x);
}

double gridCellSize(const Bounds2 &b, size_t items)
{
    const double w = std::max(b.width(), 1.0);
    const double h = std::max(b.height(), 1.0);
    return std::max({std::sqrt(w * h / double(std::max<size_t>(items, 1))), std::max(w, h) / kMaxCellsPerAxis, 1.0});
}
} // namespace

void RoadNetwork::build(const EntityTable<Road> &roads)
{
    m_nodes.clear();
    m_edges.clear();
    m_adjacency.clear();

    // Roads in id order: the same roads give the same graph whatever the
    // table's storage order, so equidistant ties resolve the same way.
    std::vector<const Road *> sorted;
    for (const Road &road : roads)
        sorted.push_back(&road);
    std::sort(sorted.begin(), sorted.end(), [](const Road *a, const Road *b) { return a->id < b->id; });
    std::vector<Segment> segments;
    Bounds2 extent;
    for (const Road *road : sorted) {
        for (int i = 0; i + 1 < road->line.size(); ++i) {
            if (road->line[i] == road->line[i + 1])
                continue;
            segments.push_back(Segment{road->line[i], road->line[i + 1], {0.0, 1.0}});
            extent.add(road->line[i]);
            extent.add(road->line[i + 1]);
        }
    }
    if (segments.empty()) {
        indexEdges();
        return;
    }

    // Candidate pairs share a grid cell of their snap-expanded bounds.
    const double cell = gridCellSize(extent, segments.size());
    const int columns = std::max(1, int(std::ceil(extent.width() / cell)) + 1);
    const int rows = std::max(1, int(std::ceil(extent.height() / cell)) + 1);
    std::vector<std::vector<int>> cells(size_t(columns) * size_t(rows));
    for (int i = 0; i < int(segments.size()); ++i) {
        Bounds2 box;
        box.add(segments[i].a);
        box.add(segments[i].b);
        box.add(Vec2{box.minX - kSnapM, box.minY - kSnapM});
        box.add(Vec2{box.maxX + kSnapM, box.maxY + kSnapM});
        forCells(extent, cell, columns, rows, box, [&](int c) { cells[c].push_back(i); });
    }
    std::unordered_set<quint64> seen;
    for (const std::vector<int> &bucket : cells) {
        for (size_t i = 0; i < bucket.size(); ++i) {
            for (size_t j = i + 1; j < bucket.size(); ++j) {
                const auto [lo, hi] = std::minmax(bucket[i], bucket[j]);
                if (seen.insert((quint64(lo) << 32) | quint64(hi)).second)
                    cutAtContacts(segments[lo], segments[hi]);
            }
        }
    }

    // Nodes: cut points merged within the snap distance through a hash of snap-sized cells.
    std::unordered_map<quint64, std::vector<int>> nodeCells;
    const auto cellKey = [](qint64 x, qint64 y) { return (quint64(x) << 32) ^ quint64(quint32(y)); };
    const auto nodeAt = [&](Vec2 p) {
        const qint64 cx = qint64(std::floor(p.x / kSnapM));
        const qint64 cy = qint64(std::floor(p.y / kSnapM));
        int best = -1;
        double bestD = kSnapM;
        for (qint64 y = cy - 1; y <= cy + 1; ++y) {
            for (qint64 x = cx - 1; x <= cx + 1; ++x) {
                const auto it = nodeCells.find(cellKey(x, y));
                if (it == nodeCells.end())
                    continue;
                for (int n : it->second) {
                    const double d = (m_nodes[n] - p).length();
                    if (d <= bestD) {
                        bestD = d;
                        best = n;
                    }
                }
            }
        }
        if (best >= 0)
            return best;
        m_nodes.push_back(p);
        nodeCells[cellKey(cx, cy)].push_back(int(m_nodes.size()) - 1);
        return int(m_nodes.size()) - 1;
    };
    for (Segment &s : segments) {
        std::sort(s.splits.begin(), s.splits.end());
        int previous = nodeAt(s.a);
        Vec2 previousPoint = s.a;
        for (double t : s.splits) {
            const Vec2 p = s.a + (s.b - s.a) * t;
            const int node = nodeAt(p);
            if (node == previous)
                continue;
            m_edges.push_back(Edge{previous, node, previousPoint, p, (p - previousPoint).length()});
            previous = node;
            previousPoint = p;
        }
    }
    m_adjacency.resize(m_nodes.size());
    for (int e = 0; e < int(m_edges.size()); ++e) {
        m_adjacency[m_edges[e].from].emplace_back(m_edges[e].to, e);
        m_adjacency[m_edges[e].to].emplace_back(m_edges[e].from, e);
    }
    indexEdges();
}

void RoadNetwork::indexEdges()
{
    m_cells.clear();
    m_bounds = Bounds2{};
    m_columns = m_rows = 0;
    if (m_edges.empty())
        return;
    for (const Edge &e : m_edges) {
        m_bounds.add(e.a);
        m_bounds.add(e.b);
    }
    m_cellSize = gridCellSize(m_bounds, m_edges.size());
    m_columns = std::max(1, int(std::ceil(m_bounds.width() / m_cellSize)) + 1);
    m_rows = std::max(1, int(std::ceil(m_bounds.height() / m_cellSize)) + 1);
    m_cells.resize(size_t(m_columns) * size_t(m_rows));
    for (int i = 0; i < int(m_edges.size()); ++i) {
        Bounds2 box;
        box.add(m_edges[i].a);
        box.add(m_edges[i].b);
        forCells(m_bounds, m_cellSize, m_columns, m_rows, box, [&](int c) { m_cells[c].push_back(i); });
    }
}

double RoadNetwork::lengthM() const
{
    double total = 0.0;
    for (const Edge &e : m_edges)
        total += e.lengthM;
    return total;
}

Vec2 RoadNetwork::pointOn(int edge, double offsetM) const
{
    const Edge &e = m_edges[size_t(edge)];
    return e.lengthM > 0.0 ? e.a + (e.b - e.a) * std::clamp(offsetM / e.lengthM, 0.0, 1.0) : e.a;
}

RoadAccess RoadNetwork::locate(Vec2 p) const
{
    RoadAccess best;
    if (m_edges.empty())
        return best;
    best.accessM = kInf;
    const int cx = std::clamp(int(std::floor((p.x - m_bounds.minX) / m_cellSize)), 0, m_columns - 1);
    const int cy = std::clamp(int(std::floor((p.y - m_bounds.minY) / m_cellSize)), 0, m_rows - 1);
    const auto scan = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= m_columns || y >= m_rows)
            return;
        for (int e : m_cells[y * m_columns + x]) {
            const Edge &edge = m_edges[e];
            const double t = footParameter(p, edge.a, edge.b);
            const double d = (edge.a + (edge.b - edge.a) * t - p).length();
            if (d < best.accessM || (d == best.accessM && e < best.edge))
                best = RoadAccess{e, t * edge.lengthM, d};
        }
    };
    // Rings of cells around p's cell: once the best edge is closer than the
    // nearest unscanned ring can be, no other edge can beat it.
    const int maxRing = std::max(m_columns, m_rows);
    for (int r = 0; r <= maxRing; ++r) {
        for (int dy = -r; dy <= r; ++dy) {
            if (dy == -r || dy == r) {
                for (int dx = -r; dx <= r; ++dx)
                    scan(cx + dx, cy + dy);
            } else {
                scan(cx - r, cy + dy);
                if (r > 0)
                    scan(cx + r, cy + dy);
            }
        }
        if (best.edge >= 0 && best.accessM <= r * m_cellSize)
            break;
    }
    return best;
}

RoadNetwork::DistanceField RoadNetwork::distancesFrom(const QVector<RoadAccess> &sources) const
{
    DistanceField field;
    field.nodeM.assign(m_nodes.size(), kInf);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    const auto relax = [&](int node, double d) {
        if (d < field.nodeM[node]) {
            field.nodeM[node] = d;
            queue.emplace(d, node);
        }
    };
    for (const RoadAccess &s : sources) {
        if (!s.isValid())
            continue;
        const Edge &e = m_edges[s.edge];
        relax(e.from, s.accessM + s.offsetM);
        relax(e.to, s.accessM + e.lengthM - s.offsetM);
        field.edgeSources[s.edge].emplace_back(s.offsetM, s.accessM);
    }
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > field.nodeM[node])
            continue;
        for (const auto &[next, edge] : m_adjacency[node])
            relax(next, d + m_edges[edge].lengthM);
    }
    return field;
}

double RoadNetwork::distance(const DistanceField &field, const RoadAccess &access) const
{
    if (!access.isValid() || field.nodeM.size() != m_nodes.size())
        return kInf;
    const Edge &e = m_edges[access.edge];
    double along = std::min(field.nodeM[e.from] + access.offsetM, field.nodeM[e.to] + e.lengthM - access.offsetM);
    const auto it = field.edgeSources.find(access.edge);
    if (it != field.edgeSources.end())
        for (const auto &[offset, sourceAccess] : it->second)
            along = std::min(along, std::abs(access.offsetM - offset) + sourceAccess);
    return access.accessM + along;
}

} // namespace tt
