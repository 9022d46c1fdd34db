// SPDX-License-Identifier: MIT
// The cutting-plane minimiser on convex functions whose minimum is known: a weighted
// distance (a kink at the minimum), a smooth bowl, the same under a linear
// constraint that moves the minimum, and an oracle that cancels.
#include "energy/TrustRegionCuttingPlanes.h"

#include <QTest>

#include <cmath>

using namespace tt;

namespace {
using Evaluation = TrustRegionCuttingPlanes::Evaluation;

TrustRegionCuttingPlanes::Options box(int n, double upper, double scale)
{
    TrustRegionCuttingPlanes::Options o;
    o.lower.assign(n, 0.0);
    o.upper.assign(n, upper);
    o.scale.assign(n, scale);
    o.initialRadius = 0.05;
    o.tolerance = 1e-9;
    return o;
}
} // namespace

class TestTrustRegionCuttingPlanes : public QObject {
    Q_OBJECT

private slots:
    void kinkedMinimumIsFoundExactly()
    {
        // f = 3|x0 − 2| + |x1 − 7| + 0.5|x2 − 0|: minimum 0 at (2, 7, 0), a vertex of the cuts.
        const std::vector<double> target = {2.0, 7.0, 0.0}, weight = {3.0, 1.0, 0.5};
        const auto f = [&](const std::vector<double> &x) {
            Evaluation e;
            for (size_t i = 0; i < x.size(); ++i) {
                e.value += weight[i] * std::abs(x[i] - target[i]);
                e.subgradient.push_back(x[i] >= target[i] ? weight[i] : -weight[i]);
            }
            return e;
        };
        const auto r = TrustRegionCuttingPlanes().minimise({9.0, 0.0, 5.0}, f, box(3, 10.0, 10.0));
        QVERIFY(r.converged);
        QVERIFY2(r.value < 1e-8, qPrintable(QString::number(r.value)));
        for (size_t i = 0; i < 3; ++i)
            QVERIFY2(std::abs(r.x[i] - target[i]) < 1e-8, qPrintable(QString::number(r.x[i])));
        QVERIFY(r.seriousSteps > 0);
    }

    void smoothBowlAndLinearConstraint()
    {
        // f = (x0 − 4)² + 2(x1 − 3)²: minimum at (4, 3); with x0 + x1 ≤ 5 it moves to the
        // line, where the gradient is normal to it: 2(x0 − 4) = 4(x1 − 3) → (8/3, 7/3).
        const auto f = [](const std::vector<double> &x) {
            Evaluation e;
            e.value = (x[0] - 4.0) * (x[0] - 4.0) + 2.0 * (x[1] - 3.0) * (x[1] - 3.0);
            e.subgradient = {2.0 * (x[0] - 4.0), 4.0 * (x[1] - 3.0)};
            return e;
        };
        TrustRegionCuttingPlanes::Options o = box(2, 100.0, 10.0);
        o.tolerance = 1e-7;
        const auto free = TrustRegionCuttingPlanes().minimise({0.0, 0.0}, f, o);
        QVERIFY(free.converged);
        QVERIFY2(std::abs(free.x[0] - 4.0) < 1e-2 && std::abs(free.x[1] - 3.0) < 1e-2,
                 qPrintable(QStringLiteral("%1, %2").arg(free.x[0]).arg(free.x[1])));
        o.constraintRows = {{1.0, 1.0}};
        o.constraintUpper = {5.0};
        const auto bound = TrustRegionCuttingPlanes().minimise({0.0, 0.0}, f, o);
        QVERIFY(bound.converged);
        QVERIFY(bound.x[0] + bound.x[1] <= 5.0 + 1e-9);
        QVERIFY2(std::abs(bound.x[0] - 8.0 / 3.0) < 1e-2 && std::abs(bound.x[1] - 7.0 / 3.0) < 1e-2,
                 qPrintable(QStringLiteral("%1, %2").arg(bound.x[0]).arg(bound.x[1])));
        // The best is never worse than the start.
        QVERIFY(bound.value <= f({0.0, 0.0}).value);
    }

    void cancellingOracleStopsAtOnce()
    {
        int calls = 0;
        const auto f = [&](const std::vector<double> &x) {
            Evaluation e;
            e.value = x[0];
            e.subgradient = {1.0};
            e.stop = ++calls == 3;
            return e;
        };
        const auto r = TrustRegionCuttingPlanes().minimise({5.0}, f, box(1, 10.0, 10.0));
        QVERIFY(r.stopped);
        QVERIFY(!r.converged);
        QCOMPARE(calls, 3);
        QVERIFY(r.value < 5.0);  // two improving steps were taken before the stop
    }
};

QTEST_GUILESS_MAIN(TestTrustRegionCuttingPlanes)
#include "tst_trustregioncuttingplanes.moc"
