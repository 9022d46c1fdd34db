// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityTable.h"
#include "core/Road.h"

#include <QVector>

#include <unordered_map>
#include <utility>
#include <vector>

namespace tt {

//! Where a point joins the road network: the nearest point on the nearest edge.
struct RoadAccess {
    int edge = -1;         //!< edge index; -1 when the network is empty
    double offsetM = 0.0;  //!< distance along the edge from its first node
    double accessM = 0.0;  //!< straight distance from the point to the edge

    bool isValid() const { return edge >= 0; }
};

//! The walkable graph of the town's road centre lines. Nodes are polyline
//! vertices, with vertices closer than kSnapM merged, roads split where they
//! cross and where one ends on another (T-junctions); edges weigh their length.
class RoadNetwork {
public:
    //! Vertices and crossings closer than this (m) are one node: digitised roads rarely meet exactly.
    static constexpr double kSnapM = 1.0;

    //! Shortest road distance from the nearest of a set of sources, per node and along the sources' own edges.
    struct DistanceField {
        std::vector<double> nodeM;
        //! Sources per edge as (offset, access) so a point on the same edge can walk straight to them.
        std::unordered_map<int, std::vector<std::pair<double, double>>> edgeSources;
    };

    void build(const EntityTable<Road> &roads);
    bool isEmpty() const { return m_edges.empty(); }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    //! Total length of the edges (m): the roads' length less pieces shorter than the snap distance.
    double lengthM() const;

    //! The graph itself, for routing along the roads (network layout).
    Vec2 nodePosition(int node) const { return m_nodes[size_t(node)]; }
    int edgeFrom(int edge) const { return m_edges[size_t(edge)].from; }
    int edgeTo(int edge) const { return m_edges[size_t(edge)].to; }
    double edgeLengthM(int edge) const { return m_edges[size_t(edge)].lengthM; }
    //! (neighbour, edge) pairs of a node.
    const std::vector<std::pair<int, int>> &neighbours(int node) const { return m_adjacency[size_t(node)]; }
    //! The point `offsetM` along an edge from its `from` node.
    Vec2 pointOn(int edge, double offsetM) const;

    //! Nearest point of the network to p.
    RoadAccess locate(Vec2 p) const;
    //! Multi-source Dijkstra: sources join the network at their access point after walking their access distance.
    DistanceField distancesFrom(const QVector<RoadAccess> &sources) const;
    //! Walking distance from a point (its access) to the nearest source of the field: access +
    //! along the roads + the source's access. Infinite when no source is connected to it.
    double distance(const DistanceField &field, const RoadAccess &access) const;

private:
    struct Edge {
        int from;
        int to;
        Vec2 a;  // geometry of the piece, from the `from` end
        Vec2 b;
        double lengthM;
    };
    void indexEdges();

    std::vector<Vec2> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<std::vector<std::pair<int, int>>> m_adjacency;  // node -> (neighbour, edge)
    // Uniform grid of edges for nearest-edge queries.
    Bounds2 m_bounds;
    double m_cellSize = 1.0;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<std::vector<int>> m_cells;
};

} // namespace tt
