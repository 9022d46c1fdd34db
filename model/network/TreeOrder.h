// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace tt {

//! A breadth-first walk from a root over an undirected graph given by its edges: the
//! nodes in the order reached (root first, each after its parent), each one's parent
//! and the edge to it. On a tree (a radial network) that is the order sweeps run in;
//! on any graph, which nodes the root reaches.
struct TreeOrder {
    std::vector<int> order;       //!< nodes reached, root first
    std::vector<int> parent;      //!< per node; -1 for the root and nodes not reached
    std::vector<int> parentEdge;  //!< per node, index into the edges; -1 likewise

    //! `edges[i]` joins nodes (first, second); edges with a negative end are skipped
    //! (open switches, left out by the caller).
    static TreeOrder walk(int nodes, const std::vector<std::pair<int, int>> &edges, int root);
    bool reached(int node) const { return parent[size_t(node)] >= 0 || (!order.empty() && order.front() == node); }
};

} // namespace tt
