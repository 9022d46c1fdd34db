// SPDX-License-Identifier: MIT
#include "TrustRegionCuttingPlanes.h"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
struct Cut {
    std::vector<double> x, g;
    double value = 0.0;
};

struct Master {
    std::vector<double> x;
    double model = 0.0;  //!< the cuts' maximum at x
    bool solved = false;
};

// min θ  s.t.  θ ≥ fᵢ + gᵢ·(x − xᵢ) for every cut, a·x ≤ b, x in its bounds ∩ the trust region.
Master solveMaster(const std::vector<Cut> &cuts, const std::vector<double> &best, double radius,
                   const TrustRegionCuttingPlanes::Options &o)
{
    const int n = int(best.size()), theta = n;
    std::vector<double> colLower(n + 1), colUpper(n + 1), objective(n + 1, 0.0);
    for (int j = 0; j < n; ++j) {
        colLower[j] = std::max(o.lower[j], best[j] - radius * o.scale[j]);
        colUpper[j] = std::min(o.upper[j], best[j] + radius * o.scale[j]);
    }
    colLower[theta] = -COIN_DBL_MAX;
    colUpper[theta] = COIN_DBL_MAX;
    objective[theta] = 1.0;

    std::vector<int> rows, cols;
    std::vector<double> values, rowLower, rowUpper;
    const auto add = [&](int col, double v) {
        if (v == 0.0)
            return;
        rows.push_back(int(rowLower.size()));
        cols.push_back(col);
        values.push_back(v);
    };
    for (const Cut &c : cuts) {
        double rhs = c.value;
        for (int j = 0; j < n; ++j) {
            add(j, -c.g[j]);
            rhs -= c.g[j] * c.x[j];
        }
        add(theta, 1.0);
        rowLower.push_back(rhs);
        rowUpper.push_back(COIN_DBL_MAX);
    }
    for (size_t r = 0; r < o.constraintRows.size(); ++r) {
        for (int j = 0; j < n; ++j)
            add(j, o.constraintRows[r][j]);
        rowLower.push_back(-COIN_DBL_MAX);
        rowUpper.push_back(o.constraintUpper[r]);
    }

    ClpSimplex lp;
    lp.setLogLevel(0);
    const CoinPackedMatrix matrix(true, rows.data(), cols.data(), values.data(), CoinBigIndex(values.size()));
    lp.loadProblem(matrix, colLower.data(), colUpper.data(), objective.data(), rowLower.data(), rowUpper.data());
    lp.dual();
    if (!lp.isProvenOptimal())
        lp.primal();
    Master out;
    out.solved = lp.isProvenOptimal();
    const double *x = lp.primalColumnSolution();
    out.x.assign(x, x + n);
    // Clamp what the solver's tolerances left just outside the bounds.
    for (int j = 0; j < n; ++j)
        out.x[j] = std::clamp(out.x[j], colLower[j], std::max(colLower[j], colUpper[j]));
    out.model = -INFINITY;
    for (const Cut &c : cuts) {
        double v = c.value;
        for (int j = 0; j < n; ++j)
            v += c.g[j] * (out.x[j] - c.x[j]);
        out.model = std::max(out.model, v);
    }
    return out;
}
} // namespace

TrustRegionCuttingPlanes::Result TrustRegionCuttingPlanes::minimise(const std::vector<double> &start, const Oracle &f,
                                                                    const Options &o) const
{
    // Linderoth & Wright's constants: a step is taken when it gains ξ of the prediction.
    constexpr double kXi = 1e-4;
    Result r;
    std::vector<Cut> cuts;
    const auto evaluate = [&](const std::vector<double> &x) {
        Evaluation e = f(x);
        ++r.evaluations;
        if (!e.stop)
            cuts.push_back({x, e.subgradient, e.value});
        return e;
    };

    const Evaluation first = evaluate(start);
    r.x = start;
    r.value = first.value;
    if (first.stop) {
        r.stopped = true;
        return r;
    }
    double radius = o.initialRadius;
    int nullSteps = 0;
    while (r.evaluations < o.maxEvaluations) {
        const Master m = solveMaster(cuts, r.x, radius, o);
        if (!m.solved)
            break;
        r.predictedGap = r.value - m.model;
        if (r.predictedGap <= o.tolerance * (1.0 + std::abs(r.value))) {
            r.converged = true;
            break;
        }
        const Evaluation e = evaluate(m.x);
        if (e.stop) {
            r.stopped = true;
            break;
        }
        if (e.value <= r.value - kXi * r.predictedGap) {
            // Serious step; a long one that gained well widens the region.
            double step = 0.0;
            for (size_t j = 0; j < m.x.size(); ++j)
                if (o.scale[j] > 0.0)
                    step = std::max(step, std::abs(m.x[j] - r.x[j]) / o.scale[j]);
            const bool onBoundary = step >= radius * (1.0 - 1e-6);
            if (r.value - e.value >= 0.5 * r.predictedGap && onBoundary)
                radius = std::min(o.maxRadius, 2.0 * radius);
            r.x = m.x;
            r.value = e.value;
            ++r.seriousSteps;
            nullSteps = 0;
        } else {
            // Null step: the cut is kept; a model that was far off narrows the region.
            const double rho = std::min(1.0, radius) * (e.value - r.value) / r.predictedGap;
            if (rho > 0.0)
                ++nullSteps;
            if (rho > 3.0 || (nullSteps >= 3 && rho > 1.0)) {
                radius = std::max(o.minRadius, radius / std::min(rho, 4.0));
                nullSteps = 0;
            }
        }
    }
    return r;
}

} // namespace tt
