// SPDX-License-Identifier: MIT
// Dispatch physics with hand-computed answers (battery round trip, an EV that
// must leave charged, V2G limits), hourly balance of every carrier for both
// strategies over a real year, and the LP never costing more than the rules.
#include "TestData.h"
#include "TestSystems.h"
#include "energy/BuildingDemandModel.h"
#include "energy/DefaultAssetSizer.h"
#include "energy/EpwReader.h"
#include "energy/LpDispatcher.h"
#include "energy/RuleBasedDispatcher.h"

#include <QTest>

#include <cmath>

using namespace tt;

namespace {
using testsystems::gridOnly;

DispatchDemand zeroDemand(int hours)
{
    DispatchDemand d;
    d.electricity.assign(hours, 0.0);
    d.heat.assign(hours, 0.0);
    d.cooling.assign(hours, 0.0);
    return d;
}

// One cohort: parked 0-9, leaves at 10:00, back at 18:00 having used `trip`
// kWh, parked until the end; 100 kWh of battery behind a 10 kW charger.
EvCohort commuter(int hours, double initialKwh, double trip, bool v2g)
{
    EvCohort c;
    c.name = QStringLiteral("test");
    c.capacityKwh = 100.0;
    c.chargerKw = 10.0;
    c.efficiency = 0.9;
    c.departureSoc = 0.8;
    c.minSoc = 0.2;
    c.v2g = v2g;
    c.initialKwh = initialKwh;
    c.parked.assign(hours, 1);
    c.departs.assign(hours, 0);
    c.tripKwh.assign(hours, 0.0);
    c.departs[9] = 1;
    for (int h = 10; h < 18; ++h)
        c.parked[h] = 0;
    c.tripKwh[18] = trip;
    return c;
}

QVector<DispatchResult> bothStrategies(const EnergySystem &s, const DispatchDemand &d)
{
    return {RuleBasedDispatcher().dispatch(s, d), LpDispatcher(DispatchObjective::Cost).dispatch(s, d)};
}
} // namespace

class TestEnergyDispatch : public QObject {
    Q_OBJECT
private slots:
    void batteryRoundTrip()
    {
        // 100 kW of PV in hour 0 with nowhere to go but the battery (no export),
        // 200 kW of demand in hour 5: the battery gives back 100 × 0.9 × 0.8 = 72 kWh.
        const int hours = 8;
        EnergySystem s = gridOnly(hours, 2.0);
        s.pvKw[0] = 100.0;
        s.battery = StorageUnit{1000.0, 1000.0, 0.9, 0.8, 0.0, 1.0, 0.0, 0.0};
        DispatchDemand d = zeroDemand(hours);
        d.electricity[5] = 200.0;
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(std::abs(r.total(Flow::BatteryCharge) - 100.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::BatterySoc, 0) - 90.0) < 1e-6);
            QVERIFY(std::abs(r.total(Flow::BatteryDischarge) - 72.0) < 1e-6);
            QVERIFY(std::abs(r.total(Flow::GridImport) - 128.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::BatterySoc, hours - 1)) < 1e-6);
            QVERIFY(r.maxResidual() < 1e-6);
        }
    }

    void evLeavesCharged()
    {
        // The EV arrives with 20 kWh and must leave at 10:00 with 80 kWh although
        // the grid is expensive: 60 kWh / 0.9 = 66.7 kWh from the grid, at most
        // 10 kW per hour, while parked only.
        const int hours = 48;
        EnergySystem s = gridOnly(hours, 5.0);
        s.evCohorts = {commuter(hours, 20.0, 30.0, false)};
        for (int h = 19; h <= 20; ++h)
            s.importPrice[h] = 50.0;  // evening peak: tempting for V2G, which is not allowed
        DispatchDemand d = zeroDemand(hours);
        d.electricity[19] = d.electricity[20] = 50.0;
        const QVector<DispatchResult> results = bothStrategies(s, d);
        for (const DispatchResult &r : results) {
            QVERIFY2(r.at(Flow::EvSoc, 9) >= 80.0 - 1e-6, qPrintable(QString::number(r.at(Flow::EvSoc, 9))));
            QVERIFY(r.total(Flow::EvShortfall) < 1e-6);
            double charged = 0.0;
            for (int h = 0; h <= 9; ++h) {
                QVERIFY(r.at(Flow::EvCharge, h) <= 10.0 + 1e-9);
                charged += r.at(Flow::EvCharge, h);
            }
            QVERIFY(std::abs(charged - 60.0 / 0.9) < 1e-6);
            for (int h = 10; h < 18; ++h)
                QVERIFY(r.at(Flow::EvCharge, h) == 0.0 && r.at(Flow::EvDischarge, h) == 0.0);
            const double afterTrip = r.at(Flow::EvSoc, 9) - 30.0 + 0.9 * r.at(Flow::EvCharge, 18);
            QVERIFY(std::abs(r.at(Flow::EvSoc, 18) - afterTrip) < 1e-6);
            QCOMPARE(r.total(Flow::EvDischarge), 0.0);  // no V2G when disallowed
            QVERIFY(r.maxResidual() < 1e-6);
        }
        // The rules charge as late as possible: the last 6 full hours before leaving (plus a remainder).
        const DispatchResult &rule = results[0];
        QCOMPARE(rule.at(Flow::EvCharge, 0), 0.0);
        QVERIFY(std::abs(rule.at(Flow::EvCharge, 9) - 10.0) < 1e-9);
    }

    void v2gKeepsMinimumAndDepartureCharge()
    {
        // Allowed V2G discharges into the evening peak but never below 20 kWh,
        // and the car still leaves the next morning (hour 33) with 80 kWh.
        const int hours = 60;
        EnergySystem s = gridOnly(hours, 0.5);
        EvCohort c = commuter(hours, 80.0, 30.0, true);
        c.departs[33] = 1;
        for (int h = 34; h < 42; ++h)
            c.parked[h] = 0;
        s.evCohorts = {c};
        for (int h = 19; h <= 21; ++h)
            s.importPrice[h] = 50.0;
        DispatchDemand d = zeroDemand(hours);
        for (int h = 19; h <= 21; ++h)
            d.electricity[h] = 40.0;
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(r.total(Flow::EvDischarge) > 1.0);
            for (int h = 0; h < hours; ++h)
                QVERIFY2(r.at(Flow::EvSoc, h) >= 20.0 - 1e-6, qPrintable(QString::number(h)));
            QVERIFY(r.at(Flow::EvSoc, 33) >= 80.0 - 1e-6);
            QVERIFY(r.total(Flow::EvShortfall) < 1e-6);
            // Energy conservation of the car: Δstore = η·charge − discharge/η − trips.
            const double stored = r.at(Flow::EvSoc, hours - 1) - 80.0;
            const double flows = 0.9 * r.total(Flow::EvCharge) - r.total(Flow::EvDischarge) / 0.9 - 30.0;
            QVERIFY(std::abs(stored - flows) < 1e-6);
        }
    }

    void heatPumpsServeEachHoursMixAtItsCop()
    {
        // Space heat at COP 4, hot water at COP 2: 3 kW + 1 kW take 3/4 + 1/2 = 1.25 kW, a COP of 3.2.
        EnergySystem s;
        s.heatPumpSpaceCop = {4.0, 4.0};
        s.heatPumpDhwCop = {2.0, 2.0};
        s.setHeatMix({3.0, 0.0}, {1.0, 0.0});
        QCOMPARE(s.heatPumpCop.size(), size_t(2));
        QVERIFY(std::abs(s.heatPumpCop[0] - 3.2) < 1e-12);
        QCOMPARE(s.heatPumpCop[1], 4.0);  // no heat that hour: the space-heating COP
        // A system given only its COP keeps it.
        EnergySystem byHand;
        byHand.heatPumpCop = {5.0};
        byHand.setHeatMix({1.0}, {1.0});
        QCOMPARE(byHand.heatPumpCop, std::vector<double>{5.0});
    }

    void reversibleHeatPumpsShareTheirCapacity()
    {
        // 100 kW of heat pumps (heating COP 4, cooling COP 5) and 200 kW of chillers at COP 3.
        // Hour 0 wants 60 kW of cooling only, hour 1 60 kW of heat and 60 kW of cooling.
        const int hours = 2;
        EnergySystem s = gridOnly(hours, 1.0);
        s.heatPumpKw = 100.0;
        s.heatPumpCoolingCop.assign(hours, 5.0);
        s.chillerKw = 200.0;
        s.chillerCop = 3.0;
        DispatchDemand d = zeroDemand(hours);
        d.cooling = {60.0, 60.0};
        d.heat = {0.0, 60.0};
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(r.maxResidual() < 1e-6);
            // Hour 0: the heat pumps cool it all, at 60/5 = 12 kW instead of the chillers' 20.
            QVERIFY(std::abs(r.at(Flow::HeatPumpCool, 0) - 60.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::HeatPumpElec, 0) - 12.0) < 1e-6);
            QVERIFY(r.at(Flow::ChillerCool, 0) < 1e-6);
            // Hour 1: heating takes 60 of the 100 kW, 40 are left to cool, the chillers do 20.
            QVERIFY(std::abs(r.at(Flow::HeatPumpHeat, 1) - 60.0) < 1e-6);
            QVERIFY(r.at(Flow::HeatPumpHeat, 1) + r.at(Flow::HeatPumpCool, 1) <= 100.0 + 1e-6);
            QVERIFY(std::abs(r.at(Flow::HeatPumpCool, 1) - 40.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::ChillerCool, 1) - 20.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::HeatPumpElec, 1) - (60.0 / 4.0 + 40.0 / 5.0)) < 1e-6);
        }
        // Heat pumps that only heat leave the cooling to the chillers.
        s.heatPumpCoolingCop.clear();
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QCOMPARE(r.total(Flow::HeatPumpCool), 0.0);
            QVERIFY(std::abs(r.total(Flow::ChillerCool) - 120.0) < 1e-6);
        }
    }

    void shortfallIsANumberNotACrash()
    {
        // A charger too small to reach the departure charge: the shortfall is reported.
        const int hours = 24;
        EnergySystem s = gridOnly(hours, 1.0);
        EvCohort c = commuter(hours, 0.0, 0.0, false);
        c.chargerKw = 1.0;
        s.evCohorts = {c};
        s.importLimitKw = 5.0;
        DispatchDemand d = zeroDemand(hours);
        d.electricity[12] = 8.0;  // above the import limit too, while the car is away
        d.heat[4] = 7.0;         // and no heat source at all
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(std::abs(r.total(Flow::EvShortfall) - (80.0 - 10 * 0.9)) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::UnmetElec, 12) - 3.0) < 1e-6);
            QVERIFY(std::abs(r.at(Flow::UnmetHeat, 4) - 7.0) < 1e-6);
            QVERIFY(r.maxResidual() < 1e-6);
            QVERIFY(r.warnings.isEmpty());
        }
    }

    void chpRunsAtItsMinimumLoadOrNotAtAll()
    {
        // A 100 kW CHP that may not run below 50 kW, gas far cheaper than the grid. Hours 0-3
        // want 30 kW and 40 kW of electricity: the relaxation would run the CHP at part load.
        const int hours = 6;
        EnergySystem s = gridOnly(hours, 1.0);
        s.chpElecKw = 100.0;
        s.chpMinLoad = 0.5;
        s.chpElecEfficiency = 0.4;
        s.chpThermalEfficiency = 0.45;
        s.gasPrice = 0.05;
        s.exportLimitKw = 1000.0;
        s.feedInPrice = 0.01;
        DispatchDemand d = zeroDemand(hours);
        d.electricity = {30.0, 40.0, 20.0, 10.0, 80.0, 0.0};
        d.heat = {10.0, 10.0, 10.0, 10.0, 10.0, 10.0};
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(r.maxResidual() < 1e-6);
            for (int h = 0; h < hours; ++h) {
                const double chp = r.at(Flow::ChpElec, h);
                QVERIFY2(chp < 1e-6 || chp > 50.0 - 1e-6, qPrintable(QStringLiteral("hour %1: %2 kW").arg(h).arg(chp)));
                // Only the CHP's own heat is dumped, never more than it makes.
                QVERIFY(r.at(Flow::HeatDump, h) <= r.at(Flow::ChpHeat, h) + 1e-6);
            }
        }
        // With a hot-water tank and a battery the rounded hours move heat and power to other
        // hours; those are rounded too, until none runs below the minimum.
        EnergySystem stored = s;
        stored.thermal = StorageUnit{200.0, 100.0, 0.95, 0.95, 0.0, 1.0, 0.5, 0.0, 0.0};
        stored.battery = StorageUnit{100.0, 50.0, 0.95, 0.95, 0.0, 1.0, 0.5, 0.0, 0.0};
        DispatchDemand varied = zeroDemand(24);
        EnergySystem day = stored;
        day.pvKw.assign(24, 0.0);
        day.windKw.assign(24, 0.0);
        day.heatPumpCop.assign(24, 4.0);
        day.importPrice.assign(24, 1.0);
        for (int h = 0; h < 24; ++h) {
            varied.electricity[h] = 15.0 + 5.0 * (h % 5);
            varied.heat[h] = 5.0 + 3.0 * (h % 3);
        }
        const DispatchResult withStorage = LpDispatcher(DispatchObjective::Cost).dispatch(day, varied);
        QVERIFY(withStorage.maxResidual() < 1e-6);
        for (int h = 0; h < 24; ++h) {
            const double chp = withStorage.at(Flow::ChpElec, h);
            QVERIFY2(chp < 1e-6 || chp > 50.0 - 1e-6, qPrintable(QStringLiteral("hour %1: %2 kW").arg(h).arg(chp)));
        }
        // With nowhere to put the minimum's surplus (no export), the CHP stays off rather than fail.
        s.exportLimitKw = 0.0;
        const DispatchResult lp = LpDispatcher(DispatchObjective::Cost).dispatch(s, d);
        QVERIFY(lp.warnings.isEmpty());
        QVERIFY(lp.maxResidual() < 1e-6);
        for (int h = 0; h < hours; ++h)
            QVERIFY(lp.at(Flow::ChpElec, h) < 1e-6 || lp.at(Flow::ChpElec, h) > 50.0 - 1e-6);
    }

    void unmetEnergyIsChargedAsTheBaselineWouldSupplyIt()
    {
        // Nothing can be supplied: 10 kW of electricity, 9 kW of heat, 6 kW of cooling unmet in
        // hour 1. They count as grid at that hour's price (cooling through the baseline chillers,
        // COP 3) and gas in the baseline boilers (efficiency 0.9), in cost and in CO2.
        const int hours = 2;
        EnergySystem s = gridOnly(hours, 1.0);
        s.importPrice = {1.0, 2.0};
        s.importLimitKw = 0.0;
        s.gasPrice = 0.5;
        s.co2Grid = 0.6;
        s.co2Gas = 0.2;
        s.baseline.chillerCop = 3.0;
        s.baseline.gasBoilerEfficiency = 0.9;
        DispatchDemand d = zeroDemand(hours);
        d.electricity[1] = 10.0;
        d.heat[1] = 9.0;
        d.cooling[1] = 6.0;
        for (const DispatchResult &r : bothStrategies(s, d)) {
            QVERIFY(std::abs(r.unmetKwh() - 25.0) < 1e-6);
            const double grid = 10.0 + 6.0 / 3.0, gas = 9.0 / 0.9;
            QVERIFY(std::abs(r.cost(s) - (grid * 2.0 + gas * 0.5)) < 1e-6);
            QVERIFY(std::abs(r.co2Kg(s) - (grid * 0.6 + gas * 0.2)) < 1e-6);
        }
    }

    void yearBalancesAndLpBeatsRules()
    {
        WeatherYear weather;
        const Status read = EpwReader::read(testdata::path(QStringLiteral("zug-cea/weather.epw")), &weather);
        QVERIFY2(read.ok, qPrintable(read.message));
        ArchetypeLibrary lib;
        QVERIFY(ArchetypeLibrary::loadBundled(&lib).ok);
        Town town;
        const BuildingUse uses[] = {BuildingUse::Residential, BuildingUse::Office, BuildingUse::Retail,
                                    BuildingUse::Residential, BuildingUse::School, BuildingUse::Hospital};
        for (int i = 0; i < 24; ++i) {
            Building b;
            b.id = town.allocateId();
            b.use = uses[i % 6];
            b.levels = 4;
            b.heightM = 13;
            b.year = 1960 + 3 * i;
            const double x = 50.0 * (i % 6), y = 40.0 * (i / 6);
            b.footprint.outer = {{x, y}, {x + 30, y}, {x + 30, y + 14}, {x, y + 14}};
            town.buildings.put(b);
        }
        Zone field;
        field.id = town.allocateId();
        field.zoneClass = ZoneClass::Agricultural;
        field.area.outer = {{0, -400}, {300, -400}, {300, -100}, {0, -100}};
        town.zones.put(field);
        BuildingDemandModel model(lib, weather);
        QVector<BuildingDemand> annual;
        DemandSeries totals;
        QVERIFY(model.run(town, &annual, &totals).ok);
        for (EnergyAsset a : DefaultAssetSizer::size(town, totals, lib)) {
            a.id = town.allocateId();
            town.assets.put(a);
        }
        const EnergySystem system = EnergySystem::fromTown(town, weather);
        const DispatchDemand demand = DispatchDemand::fromSeries(totals);
        const DispatchResult rule = RuleBasedDispatcher().dispatch(system, demand);
        const DispatchResult lp = LpDispatcher(DispatchObjective::Cost).dispatch(system, demand);
        const DispatchResult lpCo2 = LpDispatcher(DispatchObjective::Co2).dispatch(system, demand);
        for (const DispatchResult *r : {&rule, &lp, &lpCo2}) {
            QCOMPARE(r->hours(), 8760);
            QVERIFY2(r->maxResidual() < 1e-5, qPrintable(QString::number(r->maxResidual())));
            QVERIFY(r->warnings.isEmpty());
            QVERIFY(r->unmetKwh() < 1e-3);
            // Storage bookkeeping: every hour's content follows from its flows.
            const StorageUnit &b = system.battery;
            double prev = b.initialSoc * b.capacityKwh;
            for (int h = 0; h < 8760; ++h) {
                const double next = prev + b.chargeEfficiency * r->at(Flow::BatteryCharge, h)
                    - r->at(Flow::BatteryDischarge, h) / b.dischargeEfficiency;
                QVERIFY(std::abs(next - r->at(Flow::BatterySoc, h)) < 1e-4);
                const double soc = r->at(Flow::BatterySoc, h);
                QVERIFY(soc >= b.minKwh() - 1e-6 && soc <= b.maxKwh() + 1e-6);
                prev = r->at(Flow::BatterySoc, h);
            }
        }
        QVERIFY2(lp.penalisedObjective(system, DispatchObjective::Cost)
                     <= rule.penalisedObjective(system, DispatchObjective::Cost),
                 qPrintable(QStringLiteral("LP %1 vs rules %2").arg(lp.cost(system)).arg(rule.cost(system))));
        QVERIFY(lp.cost(system) <= rule.cost(system));
        QVERIFY(lpCo2.co2Kg(system) <= lp.co2Kg(system));
    }
};

QTEST_GUILESS_MAIN(TestEnergyDispatch)
#include "tst_energy_dispatch.moc"
