// SPDX-License-Identifier: MIT
// The year's dispatch for given capacities, the sizing's subproblem: the slopes it
// reports for each capacity are subgradients of its cost (checked against solves at
// capacities moved up and down), and the cost is that of the hours it returns.
#include "TestSystems.h"
#include "energy/LpLayout.h"
#include "energy/WeatherYear.h"
#include "energy/YearDispatchProgramme.h"

#include <QTest>

#include <cmath>

using namespace tt;

namespace {
constexpr int kHours = WeatherYear::kHours;

// A year with every technology in play: day and night prices, a demand charge, a PV and
// a wind profile, heat in winter, cooling in summer, lossy stores with minimum levels.
struct Year {
    EnergySystem system = testsystems::gridOnly(kHours, 0.0);
    DispatchDemand demand;
    YearProblem problem;

    Year()
    {
        EnergySystem &s = system;
        demand.electricity.resize(kHours);
        demand.heat.resize(kHours);
        demand.cooling.resize(kHours);
        std::vector<double> pv(kHours), wind(kHours);
        for (int t = 0; t < kHours; ++t) {
            const int hour = t % 24, day = t / 24;
            const double season = std::cos(2.0 * M_PI * (day - 15) / 365.0);  // 1 in January, −1 in July
            const bool daytime = hour >= 8 && hour < 20;
            s.importPrice[size_t(t)] = daytime ? 1.1 : 0.35;
            s.heatPumpCop[size_t(t)] = 3.0 - 0.5 * season;
            demand.electricity[size_t(t)] = 400.0 + (daytime ? 250.0 : 0.0) + 30.0 * std::sin(0.37 * t);
            demand.heat[size_t(t)] = std::max(0.0, 500.0 * season) + 60.0;
            demand.cooling[size_t(t)] = std::max(0.0, -450.0 * season) * (daytime ? 1.0 : 0.4);
            pv[size_t(t)] = std::max(0.0, std::sin(M_PI * (hour - 6) / 12.0)) * (0.8 - 0.2 * season);
            wind[size_t(t)] = 0.3 + 0.25 * std::sin(0.11 * t) * std::cos(0.013 * t);
        }
        s.demandChargePerKwMonth = 40.0;
        s.exportLimitKw = 1e6;
        s.feedInPrice = 0.4;
        s.gasPrice = 0.35;
        s.co2Grid = 0.58;
        s.co2Gas = 0.2;
        s.chpElecEfficiency = 0.38;
        s.chpThermalEfficiency = 0.45;
        s.gasBoilerEfficiency = 0.92;
        s.chillerCop = 4.5;
        s.absorptionCop = 0.7;
        s.heatPumpCoolingCop.assign(kHours, 4.0);
        s.battery = StorageUnit{0, 0, 0.95, 0.95, 0.1, 0.95, 0.5, 1e-4, 0.0};
        s.thermal = StorageUnit{0, 0, 0.98, 0.98, 0.05, 1.0, 0.5, 2e-3, 0.0};

        problem.base = &system;
        problem.demand = &demand;
        problem.tankPowerPerKwh = 0.25;
        problem.gridUnitCost = 120.0;
        problem.units[int(Capacity::RoofPv)] = {260.0, 3500.0, pv};
        problem.units[int(Capacity::GroundPv)] = {230.0, 3000.0, pv};
        problem.units[int(Capacity::Wind)] = {380.0, 6000.0, wind};
        problem.units[int(Capacity::BatteryKwh)] = {95.0, 1000.0, {}};
        problem.units[int(Capacity::BatteryKw)] = {30.0, 300.0, {}};
        problem.units[int(Capacity::Chp)] = {520.0, 5500.0, {}};
        problem.units[int(Capacity::Absorption)] = {110.0, 1200.0, {}};
        problem.units[int(Capacity::HeatPump)] = {160.0, 1800.0, {}};
        problem.units[int(Capacity::Tank)] = {12.0, 150.0, {}};
        problem.units[int(Capacity::Boiler)] = {25.0, 300.0, {}};
        problem.units[int(Capacity::Chiller)] = {55.0, 600.0, {}};
    }
};

// Sizes at which every capacity is used and none is idle: each has a slope of its own.
std::vector<double> capacitiesInUse()
{
    return {300.0, 200.0, 150.0, 800.0, 200.0, 150.0, 120.0, 350.0, 1500.0, 250.0, 250.0};
}
} // namespace

class TestYearDispatchProgramme : public QObject {
    Q_OBJECT

private slots:
    void slopesAreSubgradients()
    {
        const Year y;
        YearDispatchProgramme year(y.problem, {});
        const std::vector<double> k = capacitiesInUse();
        QVERIFY(year.solveAt(k.data(), 0.0));
        QVERIFY(year.optimal());
        const double f = year.value();
        double slope[kCapacityCount];
        for (int i = 0; i < kCapacityCount; ++i)
            slope[i] = year.derivative(Capacity(i));
        // The cost is convex in each capacity: f(k ± δ) ≥ f(k) ± slope·δ, and between
        // the two one-sided differences the slope lies.
        for (int i = 0; i < kCapacityCount; ++i) {
            const double delta = 0.02 * k[size_t(i)];
            std::vector<double> up = k, down = k;
            up[size_t(i)] += delta;
            down[size_t(i)] -= delta;
            QVERIFY(year.solveAt(up.data(), 0.0));
            const double fUp = year.value();
            QVERIFY(year.solveAt(down.data(), 0.0));
            const double fDown = year.value();
            const double right = (fUp - f) / delta, left = (f - fDown) / delta;
            const double tolerance = 1e-6 * std::abs(f) / delta;
            QVERIFY2(left <= slope[i] + tolerance && slope[i] <= right + tolerance,
                     qPrintable(QStringLiteral("capacity %1: slope %2 outside [%3, %4]")
                                    .arg(i).arg(slope[i]).arg(left).arg(right)));
            // Not a vacuous bracket: every capacity here changes the cost.
            QVERIFY2(std::abs(right) > 1e-3 || std::abs(left) > 1e-3, qPrintable(QString::number(i)));
        }
    }

    void costIsThatOfTheHoursReturned()
    {
        const Year y;
        YearDispatchProgramme year(y.problem, {});
        const std::vector<double> k = capacitiesInUse();
        QVERIFY(year.solveAt(k.data(), 0.0));
        const int colsPerHour = lp::kHourColumns;
        double energy = 0.0, peakByMonth[12] = {}, yearPeak = 0.0;
        for (int t = 0; t < kHours; ++t) {
            const double *h = year.hours() + size_t(t) * colsPerHour;
            const double price = y.system.importPrice[size_t(t)];
            energy += price * h[lp::cImport] - lp::exportValue(y.system, t) * h[lp::cExport]
                + y.system.gasPrice * (h[lp::cChpElec] / y.system.chpElecEfficiency
                                       + h[lp::cGasBoiler] / y.system.gasBoilerEfficiency)
                + EnergySystem::kUnmetPenalty * (h[lp::cUnmetElec] + h[lp::cUnmetHeat] + h[lp::cUnmetCool]);
            double &peak = peakByMonth[WeatherYear::monthOf(t)];
            peak = std::max(peak, h[lp::cImport]);
            yearPeak = std::max(yearPeak, h[lp::cImport]);
        }
        double charges = 120.0 * yearPeak;
        for (double p : peakByMonth)
            charges += 40.0 * p;
        double capital = 0.0;
        for (int i = 0; i < kCapacityCount; ++i)
            capital += y.problem.units[i].annualCost * k[size_t(i)];
        // Tie-breaking cycle costs are the only other terms: 1e-4 CNY per kWh stored.
        QVERIFY2(std::abs(year.value() - (energy + charges + capital)) < 1e-4 * year.value(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(year.value()).arg(energy + charges + capital)));
        QVERIFY(year.hours()[lp::cUnmetHeat] < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestYearDispatchProgramme)
#include "tst_yeardispatchprogramme.moc"
