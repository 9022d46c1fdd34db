// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <vector>

namespace tt {

//! Minimises a convex function of a few variables known only through an oracle that
//! gives its value and a subgradient at a point: Kelley's cutting planes in a box
//! trust region around the best point so far (the L-shaped method with the trust
//! region of Linderoth & Wright, Comput. Optim. Appl. 24 (2003) 207-250). Each
//! cut is f(x) ≥ f(xᵢ) + gᵢ·(x − xᵢ); the master programme (a small LP, COIN-OR CLP)
//! minimises their maximum within the variables' bounds, the linear constraints
//! and the trust region. The best point's value never rises, so the result is never
//! worse than the start.
class TrustRegionCuttingPlanes {
public:
    struct Evaluation {
        double value = 0.0;
        std::vector<double> subgradient;
        bool stop = false;  //!< the caller cancelled: minimise returns at once
    };
    using Oracle = std::function<Evaluation(const std::vector<double> &x)>;

    struct Options {
        std::vector<double> lower, upper;  //!< bounds; upper may be infinite
        //! Each variable's natural size: the trust region is radius × scale around the best point.
        std::vector<double> scale;
        //! Linear constraints a·x ≤ b (rows of a, one b each), e.g. a budget.
        std::vector<std::vector<double>> constraintRows;
        std::vector<double> constraintUpper;
        double initialRadius = 0.5, maxRadius = 4.0, minRadius = 1e-3;
        //! Stops when the model predicts less improvement than tolerance × (1 + |f(best)|).
        double tolerance = 1e-4;
        int maxEvaluations = 200;
    };

    struct Result {
        std::vector<double> x;  //!< the best point evaluated
        double value = 0.0;
        double predictedGap = 0.0;  //!< what the last master still expected to gain
        int evaluations = 0, seriousSteps = 0;
        bool converged = false, stopped = false;
    };

    //! `start` must lie within the bounds and constraints; it is evaluated first.
    Result minimise(const std::vector<double> &start, const Oracle &f, const Options &options) const;
};

} // namespace tt
