// SPDX-License-Identifier: MIT
// The full-year sizing programme on a one-building town whose answers are known:
// PV dearer than the electricity it saves is not built, PV far cheaper fills the
// roof; the optimum never costs more a year than the project's own assets or the
// baseline; the CO2 objective never emits more than the cost objective.
#include "TestTowns.h"
#include "energy/CapacitySizer.h"
#include "energy/DefaultAssetSizer.h"
#include "energy/SizedAssets.h"

#include <QTest>

#include <cmath>

using namespace tt;

namespace {
constexpr int kHours = WeatherYear::kHours;

// A flat tariff at `price` CNY/kWh, no demand charge, feed-in just below it.
QVariantMap flatTariff(double price)
{
    const auto priced = [](double v) { return QVariantMap{{"value", v}, {"source", "test"}}; };
    return {{"version", 1}, {"name", "flat"}, {"region", "test"}, {"currency", "CNY"}, {"date", "test"},
            {"source", "test"},
            {"energy_prices",
             QVariantMap{{"source", "test"},
                         {"seasons", QVariantList{QVariantMap{
                                         {"name", "all year"},
                                         {"months", QVariantList{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
                                         {"prices", QVariantMap{{"flat", price}}},
                                         {"hours", QVariantList(24, "flat")}}}}}},
            {"demand_charge_per_kw_month", priced(0.0)}, {"feed_in_per_kwh", priced(0.0)},
            {"gas_per_kwh", priced(0.35)}, {"biomass_per_kwh", priced(0.24)}};
}

// One 40 × 25 m office at Shanghai on a grid connection, 50 kW of electricity every hour.
struct Case {
    Town town = testtowns::townAt(31.2, 121.3);
    WeatherYear weather = WeatherYear::constant(20.0, 400.0, 300.0, 150.0, 3.0);
    SimulationResult simulated;

    explicit Case(double price)
    {
        town.buildings.put(testtowns::box(BuildingUse::Office, 40.0, 25.0, 3, 3.5, 2010));
        town.nextId = 100;  // above the buildings' ids
        town.settings.insert(Tariff::kSettingKey, flatTariff(price));
        EnergyAsset grid;
        grid.id = town.allocateId();
        grid.type = EnergyAssetType::GridConnection;
        grid.name = QStringLiteral("grid");
        town.assets.put(grid);
        simulated.system = EnergySystem::fromTown(town, weather);
        simulated.townDemand.resize(kHours);
        for (int h = 0; h < kHours; ++h)
            simulated.townDemand.electricity[size_t(h)] = 50.0;
    }
    SizingResult size(const SizingOptions &options = {}) const
    {
        return CapacitySizer().size(town, weather, simulated, options, TechnologyParameters::bundled());
    }
};
} // namespace

class TestCapacitySizer : public QObject {
    Q_OBJECT

private slots:
    void pvIsBuiltOnlyWhereItPays()
    {
        // The roof: 1,000 m², modules on half of it at the file's kWp per m².
        const TechnologyParameters &tech = TechnologyParameters::bundled();
        const double roofKwp = 1000.0 * DefaultAssetSizer::kRoofAreaShare * tech.rooftopPv.moduleEfficiency;
        // At 0.01 CNY/kWh no PV pays for itself (a kWp costs ~250 CNY a year and gives
        // ~1,000 kWh, saving 10 CNY); at 10 CNY/kWh the roof fills: its output stays
        // below the 50 kW demand, so none of it is exported unpaid.
        const SizingResult cheap = Case(0.01).size();
        QVERIFY2(cheap.status.ok, qPrintable(cheap.status.message));
        QCOMPARE(cheap.solver.status, QStringLiteral("optimal"));
        QVERIFY2(cheap.sized.capacities.rooftopPvKwp < 1e-6, qPrintable(QString::number(cheap.sized.capacities.rooftopPvKwp)));
        const SizingResult dear = Case(10.0).size();
        QVERIFY2(dear.status.ok, qPrintable(dear.status.message));
        QCOMPARE(dear.limits.rooftopPvKwp, roofKwp);
        QVERIFY2(std::abs(dear.sized.capacities.rooftopPvKwp - roofKwp) < 1e-6 * roofKwp,
                 qPrintable(QStringLiteral("%1 of %2").arg(dear.sized.capacities.rooftopPvKwp).arg(roofKwp)));
        QVERIFY(dear.sized.dispatch.peak(Flow::Pv) < 50.0);
        // No farmland, no turbines: nothing to put PV fields or wind on.
        QCOMPARE(dear.limits.groundPvKwp, 0.0);
        QCOMPARE(dear.sized.capacities.windKw, 0.0);
        // Every hour balances, no demand left unmet.
        QVERIFY(dear.sized.dispatch.maxResidual() < 1e-5);
        QVERIFY(dear.sized.dispatch.unmetKwh() < 1e-6);
    }

    void optimumNeverCostsMoreThanTheAlternatives()
    {
        const SizingResult r = Case(1.0).size();
        QVERIFY2(r.status.ok, qPrintable(r.status.message));
        const double sized = r.sized.economics.system.annualisedCost;
        QVERIFY2(sized <= r.reference.economics.system.annualisedCost * (1.0 + 1e-9),
                 qPrintable(QStringLiteral("%1 vs reference %2").arg(sized).arg(r.reference.economics.system.annualisedCost)));
        QVERIFY2(sized <= r.sized.economics.baseline.annualisedCost * (1.0 + 1e-9),
                 qPrintable(QStringLiteral("%1 vs baseline %2").arg(sized).arg(r.sized.economics.baseline.annualisedCost)));
        // The file says what was solved.
        const QJsonObject json = r.toJson();
        for (const char *key : {"pv_kwp", "wind_kw", "battery_kwh", "battery_kw", "chp_kw_e", "heat_pump_kw_th",
                                "absorption_chiller_kw_th", "thermal_storage_kwh", "boiler_kw_th", "electric_chiller_kw_th"})
            QVERIFY2(json.value("capacities").toObject().contains(QLatin1String(key)), key);
        QVERIFY(json.value("reference").toObject().contains("economics"));
        QVERIFY(json.value("baseline").toObject().contains("economics"));
        QVERIFY(json.value("solver").toObject().value("rows").toInt() > kHours);
    }

    void co2ObjectiveNeverEmitsMore()
    {
        const Case c(1.0);
        const SizingResult cost = c.size();
        SizingOptions clean;
        clean.objective = DispatchObjective::Co2;
        // A budget keeps the CO2 optimum from building without end.
        clean.capexBudget = 2.0 * cost.sized.economics.system.capex + 1e6;
        const SizingResult co2 = c.size(clean);
        QVERIFY2(co2.status.ok, qPrintable(co2.status.message));
        QVERIFY2(co2.sized.kpis.co2Kg <= cost.sized.kpis.co2Kg * (1.0 + 1e-6),
                 qPrintable(QStringLiteral("%1 vs %2").arg(co2.sized.kpis.co2Kg).arg(cost.sized.kpis.co2Kg)));
        QVERIFY(co2.sized.economics.system.capex <= clean.capexBudget * (1.0 + 1e-6));
        // Where PV does not pay (0.01 CNY/kWh) the cost optimum buys everything from the grid;
        // a cap 10 % below that is met with PV on the roof.
        const Case cheap(0.01);
        const SizingResult grid = cheap.size();
        SizingOptions capped;
        capped.co2CapKg = 0.9 * grid.sized.kpis.co2Kg;
        const SizingResult cap = cheap.size(capped);
        QCOMPARE(cap.solver.status, QStringLiteral("optimal"));
        QVERIFY(cap.sized.capacities.rooftopPvKwp > 0.0);
        QVERIFY2(cap.sized.kpis.co2Kg <= capped.co2CapKg * (1.0 + 1e-6),
                 qPrintable(QStringLiteral("%1 vs cap %2").arg(cap.sized.kpis.co2Kg).arg(capped.co2CapKg)));
    }

    void appliedSizesAreWhatTheTownThenHas()
    {
        // A town with a battery of its own (capacity 100 kWh, 50 kW), two roofs (1,000 and
        // 400 m²), a shed too small for PV (30 m²) and a 2 ha farm parcel; sizes from a
        // sizing run written into it, then read back as the simulation would.
        Case c(1.0);
        Building shop = testtowns::box(BuildingUse::Retail, 20.0, 20.0, 1, 4.0, 2010, 2);
        Building shed = testtowns::box(BuildingUse::Industrial, 6.0, 5.0, 1, 3.0, 2010, 3);
        c.town.buildings.put(shop);
        c.town.buildings.put(shed);
        c.town.nextId = 200;
        Zone farm;
        farm.id = c.town.allocateId();
        farm.zoneClass = ZoneClass::Agricultural;
        farm.area.outer = {{200, 0}, {400, 0}, {400, 100}, {200, 100}};
        c.town.zones.put(farm);
        EnergyAsset battery;
        battery.id = c.town.allocateId();
        battery.type = EnergyAssetType::Battery;
        battery.parameters = {{"capacity_kwh", 100.0}, {"power_kw", 50.0}, {"soc_min", 0.05}};
        c.town.assets.put(battery);

        Capacities sized;
        sized.rooftopPvKwp = 70.0;
        sized.groundPvKwp = 500.0;
        sized.windKw = 3300.0;  // 1.65 turbines of 2,000 kW: 2 are built
        sized.batteryKwh = 400.0;
        sized.batteryKw = 120.0;
        sized.chpKwE = 300.0;
        sized.absorptionKwTh = 150.0;
        sized.heatPumpKwTh = 800.0;
        sized.thermalStorageKwh = 2000.0;
        sized.boilerKwTh = 0.0;
        sized.chillerKwTh = 900.0;
        QStringList notes;
        const TechnologyParameters &tech = TechnologyParameters::bundled();
        SizedAssets::apply(&c.town, sized, tech, &notes);

        const Capacities back = Capacities::of(EnergySystem::fromTown(c.town, c.weather));
        QVERIFY(std::abs(back.rooftopPvKwp - 70.0) < 1e-9);
        QVERIFY(std::abs(back.groundPvKwp - 500.0) < 1e-9);
        QCOMPARE(back.windKw, 2.0 * tech.wind.turbine.ratedKw);
        QVERIFY2(notes.join(' ').contains("2 turbines"), qPrintable(notes.join(" / ")));
        QCOMPARE(back.batteryKwh, 400.0);
        QCOMPARE(back.batteryKw, 120.0);
        QCOMPARE(back.chpKwE, 300.0);
        QCOMPARE(back.absorptionKwTh, 150.0);
        QCOMPARE(back.heatPumpKwTh, 800.0);
        QCOMPARE(back.thermalStorageKwh, 2000.0);
        QCOMPARE(back.boilerKwTh, 0.0);
        QCOMPARE(back.chillerKwTh, 900.0);
        // The project's own battery is kept and scaled, its other parameters untouched.
        const EnergyAsset *kept = c.town.assets.find(battery.id);
        QVERIFY(kept);
        QCOMPARE(kept->parameter("soc_min", 0.0), 0.05);
        // PV on the two roofs by footprint (1,000 : 400), none on the 30 m² shed.
        int roofs = 0;
        for (const EnergyAsset &a : c.town.assets)
            if (a.type == EnergyAssetType::RooftopPv) {
                ++roofs;
                QVERIFY(a.hostBuilding != shed.id);
                if (a.hostBuilding == shop.id)
                    QVERIFY(std::abs(a.parameter("kwp", 0.0) - 70.0 * 400.0 / 1400.0) < 1e-9);
            }
        QCOMPARE(roofs, 2);
        // The grid connection is left as it was.
        QCOMPARE(int(std::count_if(c.town.assets.begin(), c.town.assets.end(), [](const EnergyAsset &a) {
                     return a.type == EnergyAssetType::GridConnection;
                 })),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCapacitySizer)
#include "tst_capacitysizer.moc"
