// SPDX-License-Identifier: MIT
#include "TreeOrder.h"

namespace tt {

TreeOrder TreeOrder::walk(int nodes, const std::vector<std::pair<int, int>> &edges, int root)
{
    std::vector<std::vector<std::pair<int, int>>> adjacent(static_cast<size_t>(nodes));  // (neighbour, edge)
    for (size_t e = 0; e < edges.size(); ++e) {
        const auto [a, b] = edges[e];
        if (a < 0 || b < 0)
            continue;
        adjacent[size_t(a)].push_back({b, int(e)});
        adjacent[size_t(b)].push_back({a, int(e)});
    }
    TreeOrder t;
    t.parent.assign(size_t(nodes), -1);
    t.parentEdge.assign(size_t(nodes), -1);
    std::vector<bool> seen(size_t(nodes), false);
    t.order = {root};
    seen[size_t(root)] = true;
    for (size_t i = 0; i < t.order.size(); ++i)
        for (const auto &[m, e] : adjacent[size_t(t.order[i])])
            if (!seen[size_t(m)]) {
                seen[size_t(m)] = true;
                t.parent[size_t(m)] = t.order[i];
                t.parentEdge[size_t(m)] = e;
                t.order.push_back(m);
            }
    return t;
}

} // namespace tt
