// SPDX-License-Identifier: MIT
// A district heating pipe against a hand calculation (heat loss from its loss
// coefficient and the ground temperature, mass flow, Darcy-Weisbach pressure drop
// with a Colebrook friction factor solved here independently, pumping power), a
// chilled-water pipe taking heat up from warmer ground, the refusals of pipe networks
// that cannot be simulated, and a 10/0.4 kV transformer in the power flow against
// its nameplate (copper losses Pk·(S/Sr)², the voltage drop of its impedance).
#include "network/ElectricNetwork.h"
#include "network/PipeNetwork.h"
#include "network/PowerFlowSolver.h"

#include <QTest>

#include <cmath>
#include <complex>

using namespace tt;

namespace {
//! Colebrook-White by fixed-point iteration: the reference for Swamee-Jain (within 2 %).
double colebrook(double reynolds, double diameterM, double roughnessM)
{
    double f = 0.02;
    for (int i = 0; i < 100; ++i)
        f = std::pow(-2.0 * std::log10(roughnessM / (3.7 * diameterM) + 2.51 / (reynolds * std::sqrt(f))), -2.0);
    return f;
}

PipeNetwork onePipe(double lengthM, double innerMm, double lossWPerMK, double supplyC, double returnC)
{
    PipeNetwork n;
    n.nodes = {{QStringLiteral("plant"), true}, {QStringLiteral("school"), false}};
    PipeNetwork::Pipe p;
    p.id = QStringLiteral("P1");
    p.from = 0;
    p.to = 1;
    p.lengthM = lengthM;
    p.innerDiameterMm = innerMm;
    p.lossWPerMK = lossWPerMK;
    p.supplyC = supplyC;
    p.returnC = returnC;
    n.pipes = {p};
    return n;
}
} // namespace

class TestPipeAndTransformer : public QObject {
    Q_OBJECT

private slots:
    void heatingPipeMatchesHandCalculation()
    {
        // DN100 (107.1 mm bore, 0.278 W/(m·K) a pipe), 500 m, 55/40 °C in 10 °C ground, 500 kW at the school.
        const PipeFlowSolver::Options water = PipeFlowSolver::heatingWater();
        const PipeFlowSolver solver(onePipe(500.0, 107.1, 0.278, 55.0, 40.0), water);
        QVERIFY2(solver.status().ok, qPrintable(solver.status().message));
        const PipeFlowResult r = solver.solve({0.0, 500.0}, 10.0);
        QVERIFY(r.status.ok);

        // Two pipes: 0.278 × 500 × ((55 − 10) + (40 − 10)) = 10 425 W.
        QCOMPARE(r.heatLossKw, 0.278 * 500.0 * (45.0 + 30.0) / 1000.0);
        QVERIFY(std::abs(r.heatLossKw - 10.425) < 1e-9);
        const double mass = 500.0 / (water.specificHeatKjKgK * 15.0);  // 7.97 kg/s
        QVERIFY(std::abs(r.massFlowKgS[0] - mass) < 1e-12);

        const double d = 0.1071, area = M_PI * d * d / 4.0;
        const double v = mass / (water.densityKgM3 * area);
        const double re = v * d / water.kinematicViscosityM2S;
        const double f = colebrook(re, d, PipeFlowSolver::kRoughnessMm / 1000.0);
        const double dropKpa = 2.0 * f * 500.0 / d * water.densityKgM3 * v * v / 2.0 / 1000.0;
        const double expectedHead = dropKpa + water.substationKpa;
        QVERIFY2(std::abs(r.headKpa - expectedHead) < 0.02 * dropKpa,
                 qPrintable(QStringLiteral("head %1 kPa, hand %2 kPa").arg(r.headKpa).arg(expectedHead)));
        const double pumping = mass / water.densityKgM3 * r.headKpa / water.pumpEfficiency;
        QVERIFY(std::abs(r.pumpingKw - pumping) < 1e-9);
        QVERIFY(r.pumpingKw > 0.5 && r.pumpingKw < 2.0);  // under 0.4 % of the heat delivered

        // Nobody draws: no flow, no pumping, the same losses (the pipes stay warm).
        const PipeFlowResult idle = solver.solve({0.0, 0.0}, 10.0);
        QCOMPARE(idle.massFlowKgS[0], 0.0);
        QCOMPARE(idle.pumpingKw, 0.0);
        QCOMPARE(idle.heatLossKw, r.heatLossKw);
    }

    void coolingPipeGainsHeatFromWarmGround()
    {
        const PipeFlowSolver solver(onePipe(200.0, 82.5, 0.265, 7.0, 12.0), PipeFlowSolver::chilledWater());
        const PipeFlowResult r = solver.solve({0.0, 300.0}, 25.0);
        // 0.265 × 200 × ((7 − 25) + (12 − 25)) = −1 643 W: heat flows into the pipes.
        QVERIFY(std::abs(r.heatLossKw - (-0.265 * 200.0 * 31.0 / 1000.0)) < 1e-9);
        QVERIFY(std::abs(r.massFlowKgS[0] - 300.0 / (4.19 * 5.0)) < 1e-9);
        // Drawn the other way (to → from), the flow's sign says so.
        PipeNetwork reversed = onePipe(200.0, 82.5, 0.265, 7.0, 12.0);
        std::swap(reversed.pipes[0].from, reversed.pipes[0].to);
        const PipeFlowResult back = PipeFlowSolver(reversed, PipeFlowSolver::chilledWater()).solve({0.0, 300.0}, 25.0);
        QCOMPARE(back.massFlowKgS[0], -r.massFlowKgS[0]);
    }

    void badPipeNetworksAreNamed()
    {
        PipeNetwork loop = onePipe(100.0, 50.0, 0.2, 55.0, 40.0);
        loop.nodes.push_back({QStringLiteral("b"), false});
        PipeNetwork::Pipe second = loop.pipes[0];
        second.id = QStringLiteral("P2");
        second.from = 1;
        second.to = 2;
        PipeNetwork::Pipe third = second;
        third.id = QStringLiteral("P3");
        third.from = 2;
        third.to = 0;
        loop.pipes = {loop.pipes[0], second, third};
        QVERIFY(loop.validate().message.contains(QStringLiteral("make a loop")));

        PipeNetwork noLength = onePipe(0.0, 50.0, 0.2, 55.0, 40.0);
        QVERIFY(noLength.validate().message.contains(QStringLiteral("pipe P1: length 0")));
        PipeNetwork flat = onePipe(10.0, 50.0, 0.2, 40.0, 40.0);
        QVERIFY(flat.validate().message.contains(QStringLiteral("carry no heat")));
        PipeNetwork twoPlants = onePipe(10.0, 50.0, 0.2, 55.0, 40.0);
        twoPlants.nodes[1].source = true;
        QVERIFY(twoPlants.validate().message.contains(QStringLiteral("a second plant")));
        PipeNetwork island = onePipe(10.0, 50.0, 0.2, 55.0, 40.0);
        island.nodes.push_back({QStringLiteral("farm"), false});
        QVERIFY(island.validate().message.contains(QStringLiteral("node farm: no pipe path to the plant")));
    }

    void transformerFollowsItsNameplate()
    {
        // S13-M-630/10: uk 4.5 %, Pk 6.2 kW; impedance on the 0.4 kV side.
        const double sr = 630.0, uk = 0.045, pk = 6.2;
        const double zBase = 0.4 * 0.4 / (sr / 1000.0);
        const double r = pk / sr * zBase, x = std::sqrt(std::pow(uk * zBase, 2) - r * r);
        ElectricNetwork n;
        n.nodes = {{QStringLiteral("HV"), ElectricNode::Kind::Source, 10.0, 0.0, 0.0},
                   {QStringLiteral("LV"), ElectricNode::Kind::Load, 0.4, 400.0, 0.0}};
        n.links = {{QStringLiteral("T1"), QStringLiteral("HV"), QStringLiteral("LV"), r, x, true, 0.4,
                    sr / (std::sqrt(3.0) * 0.4)}};
        const PowerFlowResult flow = PowerFlowSolver(n).solve();
        QVERIFY2(flow.status.ok, qPrintable(flow.status.message));
        const double v = std::abs(flow.voltagePu[1]);
        // The 400 kW draw a current of 400 / (√3 · 0.4 · v) kA: copper losses are Pk at that share of rated current.
        const double current = 400.0 / (std::sqrt(3.0) * 0.4 * v);
        const double ratedCurrent = sr / (std::sqrt(3.0) * 0.4);
        QVERIFY(std::abs(flow.lossesKw - pk * std::pow(current / ratedCurrent, 2)) < 1e-3);
        QVERIFY(std::abs(flow.links[0].loading - current / ratedCurrent) < 1e-3);
        // Voltage drop of a unity power factor load: about uR + uX²/2 of the load's share (IEC 60076-1 Annex).
        const double share = current / ratedCurrent, ur = pk / sr, ux = std::sqrt(uk * uk - ur * ur);
        QVERIFY(std::abs((1.0 - v) - (share * ur + std::pow(share * ux, 2) / 2.0)) < 5e-4);

        // The impedance must be given at one of its sides' voltages; a line at its ends' voltage.
        ElectricNetwork wrongSide = n;
        wrongSide.links[0].kv = 3.0;
        QVERIFY(wrongSide.validate().message.contains(QStringLiteral("link T1: a transformer from 10 kV to 0.4 kV")));
        ElectricNetwork wrongLine = n;
        wrongLine.nodes[1].kv = 10.0;
        QVERIFY(wrongLine.validate().message.contains(QStringLiteral("link T1: 0.4 kV between nodes of 10 kV")));
    }
};

QTEST_APPLESS_MAIN(TestPipeAndTransformer)
#include "tst_pipeandtransformer.moc"
