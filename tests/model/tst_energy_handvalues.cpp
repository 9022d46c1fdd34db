// SPDX-License-Identifier: MIT
// The energy model's arithmetic against values worked out by hand: the annual
// KPIs of a hand-built year of constant flows (primary energy, CO2, cost, the
// savings against the separate-production baseline, self-sufficiency,
// self-consumption, renewable share), unmet demand charged as the baseline
// would supply it, the hours of the time-of-use tariff on a weekday and a
// weekend day and the cost of a constant 1 kW over a day, and the default
// asset set of a small town with known roofs, fields and demand.
// Factors, prices and efficiencies are read from resources/energy/technologies.json
// (TechnologyParameters::loadBundled); the hand formulas are written out with
// the values the file held when the test was written.
#include "energy/ArchetypeLibrary.h"
#include "energy/DefaultAssetSizer.h"
#include "energy/DispatchResult.h"
#include "energy/EnergyKpis.h"
#include "energy/EnergySystem.h"
#include "energy/Tariff.h"
#include "energy/TechnologyParameters.h"

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace tt;

namespace {
constexpr int kHours = WeatherYear::kHours;

//! |actual − expected| within a relative tolerance (absolute near zero).
bool near(double actual, double expected, double relative = 1e-9)
{
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

QString both(double actual, double expected)
{
    return QStringLiteral("actual %1, expected %2").arg(actual, 0, 'g', 12).arg(expected, 0, 'g', 12);
}

#define TT_NEAR(actual, expected)                                                                                  \
    do {                                                                                                           \
        const double ttA = (actual), ttE = (expected);                                                             \
        QVERIFY2(near(ttA, ttE), qPrintable(QStringLiteral(#actual ": ") + both(ttA, ttE)));                      \
    } while (false)

//! Constant weather starting on a Monday (1 January = day 0 = Monday), at Shanghai.
//! 365 days = 52 weeks + 1 day, so the year has 52 × 5 + 1 = 261 weekdays and 104 weekend days.
WeatherYear mondayYear()
{
    WeatherYear w = WeatherYear::constant(20.0, 400.0, 300.0, 150.0, 6.0);
    w.firstDayOfWeek = 1;
    w.latitudeDeg = 31.2;
    w.longitudeDeg = 121.3;
    w.utcOffsetHours = 8.0;
    return w;
}

Building box(Town *town, BuildingUse use, double x0, double y0, double x1, double y1, double levels)
{
    Building b;
    b.id = town->allocateId();
    b.use = use;
    b.levels = levels;
    b.heightM = 3.5 * levels;
    b.year = 2010;
    b.footprint.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    return b;
}

Zone field(Town *town, ZoneClass zoneClass, const QString &name, double x0, double y0, double x1, double y1)
{
    Zone z;
    z.id = town->allocateId();
    z.name = name;
    z.zoneClass = zoneClass;
    z.area.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    return z;
}

EnergyAsset placed(Town *town, EnergyAssetType type, const QVariantMap &parameters = {})
{
    EnergyAsset a;
    a.id = town->allocateId();
    a.type = type;
    a.name = energyassettype::key(type);
    a.parameters = parameters;
    return a;
}

QVector<const EnergyAsset *> ofType(const QVector<EnergyAsset> &assets, EnergyAssetType type)
{
    QVector<const EnergyAsset *> out;
    for (const EnergyAsset &a : assets)
        if (a.type == type)
            out.append(&a);
    return out;
}

double param(const EnergyAsset *a, const char *key)
{
    return a->parameters.value(QLatin1String(key)).toDouble();
}

double sum(const std::vector<double> &v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s;
}

// A three-level tariff, the same every month, that these hand values use (the bundled
// Shanghai tariff is checked in tst_tariff): valley 23:00-07:00, peak 08:00-11:00 and
// 18:00-21:00, flat otherwise:
//   hour  0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
//         V V V V V V V F P P P  F  F  F  F  F  F  F  P  P  P  F  F  V
// 8 valley hours (23, 0-6), 6 peak hours (8-10, 18-20), 10 flat hours (7, 11-17, 21-22).
const char kTariffDay[] = "VVVVVVVFPPPFFFFFFFPPPFFV";
struct TestPrices {
    double peak = 1.10, flat = 0.70, valley = 0.35, feedIn = 0.30, gas = 0.35, biomass = 0.20;
};
constexpr TestPrices kPrices;

// The tariff above as a project's edited tariff; no demand charge.
QVariantMap testTariff(const TestPrices &p = kPrices)
{
    QVariantList hours;
    for (int h = 0; h < 24; ++h)
        hours << (kTariffDay[h] == 'P' ? "peak" : kTariffDay[h] == 'F' ? "flat" : "valley");
    const auto priced = [](double v) { return QVariantMap{{"value", v}, {"source", "test"}}; };
    return {{"version", 1}, {"name", "test three-level"}, {"region", "test"}, {"currency", "CNY"},
            {"date", "test"}, {"source", "test"},
            {"energy_prices",
             QVariantMap{{"source", "test"},
                         {"seasons", QVariantList{QVariantMap{
                                         {"name", "all year"},
                                         {"months", QVariantList{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
                                         {"prices", QVariantMap{{"peak", p.peak}, {"flat", p.flat}, {"valley", p.valley}}},
                                         {"hours", hours}}}}}},
            {"demand_charge_per_kw_month", priced(0.0)}, {"feed_in_per_kwh", priced(p.feedIn)},
            {"gas_per_kwh", priced(p.gas)}, {"biomass_per_kwh", priced(p.biomass)}};
}

// A town on the test tariff with a grid connection.
void connectToGrid(Town *town, const QVariantMap &tariff = testTariff())
{
    town->settings.insert(Tariff::kSettingKey, tariff);
    town->assets.put(placed(town, EnergyAssetType::GridConnection));
}
} // namespace

class TestEnergyHandValues : public QObject {
    Q_OBJECT
private:
    TechnologyParameters m_tech;
    ArchetypeLibrary m_library;

private slots:
    void initTestCase()
    {
        Status s = TechnologyParameters::loadBundled(&m_tech);
        QVERIFY2(s.ok, qPrintable(s.message));
        s = ArchetypeLibrary::loadBundled(&m_library);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(int(sizeof(kTariffDay)) - 1, 24);
    }

    void tariffHoursOfAWeekdayAndAWeekend()
    {
        const WeatherYear weather = mondayYear();
        Town town;
        connectToGrid(&town);
        const EnergySystem s = EnergySystem::fromTown(town, weather, m_tech);
        QCOMPARE(int(s.importPrice.size()), kHours);
        const TestPrices g = kPrices;
        const GridParameters &grid = m_tech.grid;

        // Day 2 is a Wednesday, day 5 a Saturday, day 6 a Sunday; the tariff is the
        // same every day of the week, so all three follow kTariffDay.
        QVERIFY(!weather.isWeekend(2 * 24));
        QVERIFY(weather.isWeekend(5 * 24) && weather.isWeekend(6 * 24));
        for (int day : {2, 5, 6, 364}) {
            for (int hour = 0; hour < 24; ++hour) {
                const char c = kTariffDay[hour];
                const double expected = c == 'P' ? g.peak : c == 'F' ? g.flat : g.valley;
                QVERIFY2(s.importPrice[size_t(day * 24 + hour)] == expected,
                         qPrintable(QStringLiteral("day %1 hour %2: %3, expected %4 (%5)")
                                        .arg(day).arg(hour).arg(s.importPrice[size_t(day * 24 + hour)])
                                        .arg(expected).arg(QLatin1Char(c))));
            }
        }
        // The boundaries one by one (Wednesday): 06:00-07:00 valley, 07:00-08:00 flat,
        // 08:00 peak, 10:00-11:00 peak, 11:00 flat, 17:00 flat, 18:00 and 20:00 peak,
        // 21:00 and 22:00 flat, 23:00 valley.
        const int wed = 2 * 24;
        QCOMPARE(s.importPrice[wed + 6], g.valley);
        QCOMPARE(s.importPrice[wed + 7], g.flat);
        QCOMPARE(s.importPrice[wed + 8], g.peak);
        QCOMPARE(s.importPrice[wed + 10], g.peak);
        QCOMPARE(s.importPrice[wed + 11], g.flat);
        QCOMPARE(s.importPrice[wed + 17], g.flat);
        QCOMPARE(s.importPrice[wed + 18], g.peak);
        QCOMPARE(s.importPrice[wed + 20], g.peak);
        QCOMPARE(s.importPrice[wed + 21], g.flat);
        QCOMPARE(s.importPrice[wed + 22], g.flat);
        QCOMPARE(s.importPrice[wed + 23], g.valley);
        // The same hours of the Sunday.
        const int sun = 6 * 24;
        QCOMPARE(s.importPrice[sun + 6], g.valley);
        QCOMPARE(s.importPrice[sun + 7], g.flat);
        QCOMPARE(s.importPrice[sun + 9], g.peak);
        QCOMPARE(s.importPrice[sun + 14], g.flat);
        QCOMPARE(s.importPrice[sun + 19], g.peak);
        QCOMPARE(s.importPrice[sun + 23], g.valley);

        // Feed-in and fuel prices are the tariff's, factors of a connection without
        // parameters the technologies file's.
        QCOMPARE(s.feedInPrice, g.feedIn);
        QCOMPARE(s.gasPrice, g.gas);
        QCOMPARE(s.biomassPrice, g.biomass);
        QCOMPARE(s.demandChargePerKwMonth, 0.0);
        QCOMPARE(s.co2Grid, grid.co2Grid);
        QCOMPARE(s.co2Gas, grid.co2Gas);
        QCOMPARE(s.pefGrid, grid.pefGrid);
        QCOMPARE(s.pefGas, grid.pefGas);
    }

    void constantKilowattOverADay()
    {
        // 1 kW imported through every hour of one day, nothing else:
        //   cost = 8 h × valley + 6 h × peak + 10 h × flat
        //        = 8 × 0.35 + 6 × 1.10 + 10 × 0.70 = 2.80 + 6.60 + 7.00 = 16.40 CNY,
        // the same on a weekday (Wednesday) and a weekend day (Sunday).
        const WeatherYear weather = mondayYear();
        Town town;
        connectToGrid(&town);
        const EnergySystem s = EnergySystem::fromTown(town, weather, m_tech);
        const TestPrices g = kPrices;
        const double handDay = 8.0 * g.valley + 6.0 * g.peak + 10.0 * g.flat;
        for (int day : {2, 6}) {
            DispatchResult d;
            d.resize(kHours);
            for (int h = 0; h < 24; ++h)
                d.at(Flow::GridImport, day * 24 + h) = 1.0;
            TT_NEAR(d.cost(s), handDay);
            TT_NEAR(d.co2Kg(s), 24.0 * m_tech.grid.co2Grid);  // 24 kWh × 0.581 = 13.944 kg
        }
        // The hours do not depend on the prices: the same tariff edited to peak 2.0,
        // flat 1.0, valley 0.5 costs 8 × 0.5 + 6 × 2.0 + 10 × 1.0 = 26.0 a day.
        Town own;
        TestPrices edited;
        edited.peak = 2.0;
        edited.flat = 1.0;
        edited.valley = 0.5;
        connectToGrid(&own, testTariff(edited));
        const EnergySystem t = EnergySystem::fromTown(own, weather, m_tech);
        DispatchResult d;
        d.resize(kHours);
        for (int h = 0; h < 24; ++h)
            d.at(Flow::GridImport, 3 * 24 + h) = 1.0;
        TT_NEAR(d.cost(t), 26.0);
        // A whole year of 1 kW: 365 × 16.40 = 5986 CNY.
        for (int h = 0; h < kHours; ++h)
            d.at(Flow::GridImport, h) = 1.0;
        TT_NEAR(d.cost(s), 365.0 * handDay);
    }

    void kpisOfAConstantYear()
    {
        // A town of two buildings, a grid connection and the file's default EV fleet
        // (100 cars: 60 commuters, 8 kWh every weekday; 40 shared, 12 kWh every day),
        // and a dispatch by hand in which every hour is the same (kW = kWh per hour):
        //
        //   electricity  PV 60 + wind 20 − curtailed 5 + CHP 40 + import 63 + battery out 10 + V2G 2 = 190
        //                = demand 100 + heat pumps 20 + chillers 10 + battery in 12 + EV charging 40 + export 8
        //   heat         CHP 45 + gas boiler 46 + biomass 17 + heat pumps 80 + tank out 5 = 193
        //                = demand 160 + tank in 3 + absorption 30
        //   cooling      absorption 21 + chillers 45 = demand 66
        //   fuel         CHP gas 100 (40 / 0.40), boiler gas 50 (46 / 0.92), wood 20 (17 / 0.85)
        //   heat pumps   COP 4 every hour: 80 kWh of heat for 20 kWh of electricity
        const WeatherYear weather = mondayYear();
        Town town;
        Building home = box(&town, BuildingUse::Residential, 0, 0, 20, 10, 3);
        Building mixed = box(&town, BuildingUse::Retail, 30, 0, 50, 10, 3);
        mixed.mix = {UseShare{BuildingUse::Office, 0.25}, UseShare{BuildingUse::Retail, 0.75}};
        town.buildings.put(home);
        town.buildings.put(mixed);
        connectToGrid(&town);
        town.assets.put(placed(&town, EnergyAssetType::EvFleet));
        EnergySystem s = EnergySystem::fromTown(town, weather, m_tech);
        s.heatPumpCop.assign(kHours, 4.0);  // the COP the hand dispatch used
        QCOMPARE(int(s.evCohorts.size()), 2);

        DispatchResult d;
        d.resize(kHours);
        const QList<QPair<Flow, double>> hourly = {
            {Flow::ElecDemand, 100}, {Flow::HeatDemand, 160}, {Flow::CoolDemand, 66},
            {Flow::Pv, 60}, {Flow::Wind, 20}, {Flow::ElecCurtailed, 5},
            {Flow::ChpElec, 40}, {Flow::ChpHeat, 45}, {Flow::ChpGas, 100},
            {Flow::AbsorptionHeat, 30}, {Flow::AbsorptionCool, 21},
            {Flow::GasBoilerHeat, 46}, {Flow::GasBoilerGas, 50}, {Flow::BiomassHeat, 17}, {Flow::BiomassFuel, 20},
            {Flow::HeatPumpElec, 20}, {Flow::HeatPumpHeat, 80}, {Flow::ChillerElec, 10}, {Flow::ChillerCool, 45},
            {Flow::BatteryCharge, 12}, {Flow::BatteryDischarge, 10},
            {Flow::ThermalCharge, 3}, {Flow::ThermalDischarge, 5},
            {Flow::EvCharge, 40}, {Flow::EvDischarge, 2},
            {Flow::GridImport, 63}, {Flow::GridExport, 8}};
        for (int h = 0; h < kHours; ++h) {
            for (const auto &[flow, kw] : hourly)
                d.at(flow, h) = kw;
            for (const EvCohort &c : s.evCohorts)
                d.at(Flow::EvTrip, h) += c.tripKwh[size_t(h)];
        }
        QVERIFY2(d.maxResidual() < 1e-12, qPrintable(QString::number(d.maxResidual())));

        // Annual demand of the buildings (kWh): the home 1000 electricity, 2000 heating,
        // 300 cooling, 400 hot water; the mixed block (25 % office, 75 % retail by floor
        // area) 4000, 800, 1200, 40.
        BuildingDemand a, b;
        a.id = home.id;
        a.electricityKwh = 1000;
        a.heatingKwh = 2000;
        a.coolingKwh = 300;
        a.dhwKwh = 400;
        b.id = mixed.id;
        b.electricityKwh = 4000;
        b.heatingKwh = 800;
        b.coolingKwh = 1200;
        b.dhwKwh = 40;
        const EnergyKpis k = EnergyKpis::compute(town, {a, b}, d, s);

        // Demand: totals 5000 / 2800 / 1500 / 440; by use, office = 0.25 × the block
        // (1000 / 200 / 300 / 10), retail = 0.75 × it (3000 / 600 / 900 / 30).
        TT_NEAR(k.demand.electricity, 5000.0);
        TT_NEAR(k.demand.heating, 2800.0);
        TT_NEAR(k.demand.cooling, 1500.0);
        TT_NEAR(k.demand.dhw, 440.0);
        QCOMPARE(int(k.demandByUse.size()), 3);
        TT_NEAR(k.demandByUse.value(QStringLiteral("residential")).heating, 2000.0);
        TT_NEAR(k.demandByUse.value(QStringLiteral("office")).electricity, 1000.0);
        TT_NEAR(k.demandByUse.value(QStringLiteral("office")).cooling, 300.0);
        TT_NEAR(k.demandByUse.value(QStringLiteral("retail")).heating, 600.0);
        TT_NEAR(k.demandByUse.value(QStringLiteral("retail")).dhw, 30.0);

        // Annual energies: × 8760 h.
        //   import 63 × 8760 = 551,880 kWh; export 8 × 8760 = 70,080 kWh
        //   gas (100 + 50) × 8760 = 1,314,000 kWh; wood 20 × 8760 = 175,200 kWh
        //   battery out 10 × 8760 = 87,600 kWh; V2G 2 × 8760 = 17,520 kWh; EV charging 40 × 8760 = 350,400 kWh
        const double importKwh = 63.0 * kHours, exportKwh = 8.0 * kHours, gasKwh = 150.0 * kHours,
                     woodKwh = 20.0 * kHours, batteryOutKwh = 10.0 * kHours, v2gKwh = 2.0 * kHours;
        TT_NEAR(k.gridImportKwh, importKwh);
        TT_NEAR(k.gridExportKwh, exportKwh);
        TT_NEAR(k.peakGridImportKw, 63.0);
        TT_NEAR(k.gasKwh, gasKwh);
        TT_NEAR(k.biomassFuelKwh, woodKwh);
        TT_NEAR(k.pvKwh, 60.0 * kHours);
        TT_NEAR(k.windKwh, 20.0 * kHours);
        TT_NEAR(k.curtailedKwh, 5.0 * kHours);
        TT_NEAR(k.chpElecKwh, 40.0 * kHours);
        TT_NEAR(k.heatPumpHeatKwh, 80.0 * kHours);
        TT_NEAR(k.evChargingKwh, 40.0 * kHours);
        QVERIFY(k.balanceResidualMaxKw < 1e-12);

        // EV trips: 60 commuters × 8 kWh × 261 weekdays + 40 shared cars × 12 kWh × 365 days
        //         = 125,280 + 175,200 = 300,480 kWh (each trip within the usable
        //         (0.8 − 0.2) × 60 = 36 kWh of a car, so none is clamped).
        const EvFleetParameters &fleet = m_tech.evFleet;
        QCOMPARE(int(fleet.trips.size()), 2);
        double tripsKwh = 0.0;
        for (const EvTrip &t : fleet.trips) {
            QVERIFY(t.tripKwh <= (fleet.departureSoc - fleet.minSoc) * fleet.batteryKwh);
            tripsKwh += fleet.vehicles * t.share * t.tripKwh * (t.weekdaysOnly ? 261.0 : 365.0);
        }
        TT_NEAR(k.evTripKwh, tripsKwh);

        const GridParameters &g = m_tech.grid;
        const TestPrices price = kPrices;
        // Cost: import at the tariff, 63 kW × 16.40 CNY/day × 365 = 377,118
        //       − export 70,080 × 0.30 = 21,024
        //       + gas 1,314,000 × 0.35 = 459,900
        //       + wood 175,200 × 0.20 = 35,040
        //       + battery wear 87,600 × 0.15 = 13,140
        //       + V2G wear 17,520 × 0.25 = 4,380
        //       = 868,554 CNY
        const double day = 8.0 * price.valley + 6.0 * price.peak + 10.0 * price.flat;
        const double cost = 63.0 * day * 365.0 - exportKwh * price.feedIn + gasKwh * price.gas
            + woodKwh * price.biomass + batteryOutKwh * m_tech.battery.unit.wearCostPerKwh
            + v2gKwh * fleet.v2gWearCostPerKwh;
        TT_NEAR(k.cost, cost);
        TT_NEAR(d.cost(s), cost);

        // CO2: 551,880 × 0.581 + 1,314,000 × 0.202 + 175,200 × 0.02
        //    = 320,642.28 + 265,428 + 3,504 = 589,574.28 kg
        const double co2 = importKwh * g.co2Grid + gasKwh * g.co2Gas + woodKwh * g.co2Biomass;
        TT_NEAR(k.co2Kg, co2);

        // Non-renewable primary energy: 551,880 × 2.5 + 1,314,000 × 1.1 + 175,200 × 0.2
        //    = 1,379,700 + 1,445,400 + 35,040 = 2,860,140 kWh;
        // the export credit 70,080 × 2.5 = 175,200 kWh.
        const double pe = importKwh * g.pefGrid + gasKwh * g.pefGas + woodKwh * g.pefBiomass;
        TT_NEAR(k.primaryEnergyKwh, pe);
        TT_NEAR(k.exportCreditPrimaryKwh, exportKwh * g.pefGrid);

        // Baseline (separate production of the same demand):
        //   grid   electricity 100 + cooling 66 / COP 3 = 122 kW → 122 × 8760 = 1,068,720 kWh,
        //          plus the EV trips through the charger, 300,480 / 0.92 = 326,608.70 kWh
        //          → 1,395,328.70 kWh
        //   gas    heat 160 / 0.9 = 177.78 kW → 1,557,333.33 kWh
        const BaselineParameters &base = m_tech.baseline;
        QCOMPARE(k.baseline.chillerCop, base.chillerCop);
        QCOMPARE(k.baseline.gasBoilerEfficiency, base.gasBoilerEfficiency);
        const double evGridKwh = tripsKwh / fleet.efficiency;
        const double baseGridKwh = (100.0 + 66.0 / base.chillerCop) * kHours + evGridKwh;
        const double baseGasKwh = 160.0 / base.gasBoilerEfficiency * kHours;
        //   PE     1,395,328.70 × 2.5 + 1,557,333.33 × 1.1 = 3,488,321.74 + 1,713,066.67 = 5,201,388.41 kWh
        //   CO2    1,395,328.70 × 0.581 + 1,557,333.33 × 0.202 = 810,685.97 + 314,581.33 = 1,125,267.31 kg
        //   cost   122 kW × 16.40 × 365 = 730,292 + gas 1,557,333.33 × 0.35 = 545,066.67
        //          + EV 326,608.70 × the mean tariff 16.40 / 24 = 223,182.61 → 1,498,541.28 CNY
        const double basePe = baseGridKwh * g.pefGrid + baseGasKwh * g.pefGas;
        const double baseCo2 = baseGridKwh * g.co2Grid + baseGasKwh * g.co2Gas;
        const double baseCost = (100.0 + 66.0 / base.chillerCop) * day * 365.0 + baseGasKwh * price.gas
            + evGridKwh * day / 24.0;
        TT_NEAR(k.baselinePrimaryEnergyKwh, basePe);
        TT_NEAR(k.baselineCo2Kg, baseCo2);
        TT_NEAR(k.baselineCost, baseCost);

        // Savings: PE 1 − 2,860,140 / 5,201,388.41 = 0.45012 (45.0 %);
        // with the export credit 1 − (2,860,140 − 175,200) / 5,201,388.41 = 0.48380;
        // CO2 1 − 589,574.28 / 1,125,267.31 = 0.47606 (47.6 %).
        TT_NEAR(k.primaryEnergySaving, 1.0 - pe / basePe);
        TT_NEAR(k.primaryEnergySavingWithExportCredit, 1.0 - (pe - exportKwh * g.pefGrid) / basePe);
        TT_NEAR(k.co2Saving, 1.0 - co2 / baseCo2);

        // Self-sufficiency: 1 − import / (demand 100 + heat pumps 20 + chillers 10 + EV charging 40)
        //                 = 1 − 63 / 170 = 107 / 170 = 0.62941
        TT_NEAR(k.selfSufficiency, 1.0 - 63.0 / 170.0);
        // Self-consumption: renewables left after curtailment 60 + 20 − 5 = 75, of which the
        // export 8 is charged first: 67 used locally of 80 → 0.8375
        TT_NEAR(k.selfConsumption, 67.0 / 80.0);
        // Renewable share: local renewables 67 + wood 20 + ambient heat 80 × (1 − 1/4) = 60
        //   → 147 / (147 + import 63 + gas 150) = 147 / 360 = 0.40833
        TT_NEAR(k.renewableShare, 147.0 / 360.0);

        // The same figures in kpis.json (MWh and t).
        const QJsonObject json = k.toJson();
        TT_NEAR(json.value(QStringLiteral("primary_energy_mwh")).toDouble(), pe / 1000.0);
        TT_NEAR(json.value(QStringLiteral("co2_t")).toDouble(), co2 / 1000.0);
        TT_NEAR(json.value(QStringLiteral("cost")).toDouble(), cost);
        const QJsonObject baseline = json.value(QStringLiteral("baseline")).toObject();
        TT_NEAR(baseline.value(QStringLiteral("primary_energy_mwh")).toDouble(), basePe / 1000.0);
        TT_NEAR(baseline.value(QStringLiteral("co2_t")).toDouble(), baseCo2 / 1000.0);
        TT_NEAR(json.value(QStringLiteral("self_sufficiency")).toDouble(), 1.0 - 63.0 / 170.0);
        TT_NEAR(json.value(QStringLiteral("renewable_share")).toDouble(), 147.0 / 360.0);
    }

    void unmetDemandIsChargedAsTheBaselineWouldSupplyIt()
    {
        // A grid connection and nothing else, on Wednesday (day 2):
        //   02:00 (valley)  30 kW of cooling, unmet → 30 / COP 3 = 10 kWh of grid at 0.35
        //   09:00 (peak)    10 kW of electricity, unmet → 10 kWh of grid at 1.10
        //   12:00 (flat)    45 kW of heat, unmet → 45 / 0.9 = 50 kWh of gas at 0.35
        //   14:00 (flat)    20 kW of electricity, imported at 0.70
        // cost = 10 × 0.35 + 10 × 1.10 + 20 × 0.70 + 50 × 0.35 = 3.5 + 11 + 14 + 17.5 = 46.0 CNY
        // CO2  = (10 + 10 + 20) × 0.581 + 50 × 0.202 = 23.24 + 10.10 = 33.34 kg
        // PE   = 40 × 2.5 + 50 × 1.1 = 100 + 55 = 155 kWh
        // The baseline supplies the same demand the same way, so both savings are 0.
        const WeatherYear weather = mondayYear();
        Town town;
        connectToGrid(&town);
        const EnergySystem s = EnergySystem::fromTown(town, weather, m_tech);
        const int wed = 2 * 24;
        DispatchResult d;
        d.resize(kHours);
        d.at(Flow::CoolDemand, wed + 2) = d.at(Flow::UnmetCool, wed + 2) = 30.0;
        d.at(Flow::ElecDemand, wed + 9) = d.at(Flow::UnmetElec, wed + 9) = 10.0;
        d.at(Flow::HeatDemand, wed + 12) = d.at(Flow::UnmetHeat, wed + 12) = 45.0;
        d.at(Flow::ElecDemand, wed + 14) = d.at(Flow::GridImport, wed + 14) = 20.0;
        QVERIFY(d.maxResidual() < 1e-12);

        const GridParameters &g = m_tech.grid;
        const BaselineParameters &base = m_tech.baseline;
        const double coolGrid = 30.0 / base.chillerCop, heatGas = 45.0 / base.gasBoilerEfficiency;
        const double cost = coolGrid * kPrices.valley + 10.0 * kPrices.peak + 20.0 * kPrices.flat + heatGas * kPrices.gas;
        const double co2 = (coolGrid + 10.0 + 20.0) * g.co2Grid + heatGas * g.co2Gas;
        const double pe = (coolGrid + 10.0 + 20.0) * g.pefGrid + heatGas * g.pefGas;
        TT_NEAR(d.cost(s), cost);
        TT_NEAR(d.co2Kg(s), co2);
        const EnergyKpis k = EnergyKpis::compute(town, {}, d, s);
        TT_NEAR(k.unmetElecKwh, 10.0);
        TT_NEAR(k.unmetCoolKwh, 30.0);
        TT_NEAR(k.unmetHeatKwh, 45.0);
        TT_NEAR(k.gridImportKwh, 20.0);
        TT_NEAR(k.cost, cost);
        TT_NEAR(k.co2Kg, co2);
        TT_NEAR(k.primaryEnergyKwh, pe);
        TT_NEAR(k.baselineCost, cost);
        TT_NEAR(k.baselineCo2Kg, co2);
        TT_NEAR(k.baselinePrimaryEnergyKwh, pe);
        TT_NEAR(k.primaryEnergySaving, 0.0);
        TT_NEAR(k.co2Saving, 0.0);
        // 30 kWh of electricity were used, 20 imported and 10 never supplied: none of it local.
        TT_NEAR(k.selfSufficiency, 0.0);
    }

    void evShortfallIsBoughtThroughTheChargers()
    {
        // The default fleet on a grid connection, never charged: every trip is short. The
        // shortfall is energy in the batteries, so the grid would have given trips / efficiency,
        // exactly what the baseline charges: no saving, and nothing local.
        const WeatherYear weather = mondayYear();
        Town town;
        connectToGrid(&town);
        town.assets.put(placed(&town, EnergyAssetType::EvFleet));
        const EnergySystem s = EnergySystem::fromTown(town, weather, m_tech);
        QVERIFY(!s.evCohorts.isEmpty());
        DispatchResult d;
        d.resize(kHours);
        for (const EvCohort &c : s.evCohorts)
            for (int h = 0; h < kHours; ++h) {
                d.at(Flow::EvTrip, h) += c.tripKwh[size_t(h)];
                d.at(Flow::EvShortfall, h) += c.tripKwh[size_t(h)];
            }
        const EnergyKpis k = EnergyKpis::compute(town, {}, d, s);
        QVERIFY(d.total(Flow::EvShortfall) > 0.0);
        TT_NEAR(k.primaryEnergyKwh, k.baselinePrimaryEnergyKwh);
        TT_NEAR(k.co2Saving, 0.0);
        TT_NEAR(k.selfSufficiency, 0.0);
    }

    void defaultAssetsOfASmallTown()
    {
        // A small town at Shanghai (north of the equator: PV faces south, 180°):
        //   R1    residential, 34 × 20 = 680 m², 5 storeys → 3,400 m²
        //   B2    half residential, half office, 40 × 25 = 1,000 m², 10 storeys → 5,000 m² of homes
        //   plant energy plant, 10 × 8 = 80 m², centroid (105, 44)
        //   kiosk retail, 6 × 7 = 42 m² (below the 50 m² of a PV roof)
        //   shop  office, 10 × 5 = 50 m² (exactly 50 m²: carries PV)
        //   ctx   a surrounding residential block, 50 × 20 × 20 storeys (context: left out)
        //   fields: 200 × 100 = 2 ha and 100 × 100 = 1 ha of farmland (agrivoltaics),
        //           90 × 100 = 0.9 ha of farmland (too small), 3 ha of green space (not farmland)
        Town town;
        town.site.latitude = 31.2;
        town.site.longitude = 121.3;
        Building r1 = box(&town, BuildingUse::Residential, 0, 0, 34, 20, 5);
        r1.sourceId = QStringLiteral("R1");
        Building b2 = box(&town, BuildingUse::Residential, 50, 0, 90, 25, 10);
        b2.mix = {UseShare{BuildingUse::Residential, 0.5}, UseShare{BuildingUse::Office, 0.5}};
        const Building plant = box(&town, BuildingUse::Energy, 100, 40, 110, 48, 1);
        const Building kiosk = box(&town, BuildingUse::Retail, 120, 0, 126, 7, 1);
        const Building shop = box(&town, BuildingUse::Office, 130, 0, 140, 5, 1);
        Building ctx = box(&town, BuildingUse::Residential, 150, 0, 200, 20, 20);
        ctx.context = true;
        for (const Building &b : {r1, b2, plant, kiosk, shop, ctx})
            town.buildings.put(b);
        const Zone north = field(&town, ZoneClass::Agricultural, QStringLiteral("north"), 0, -300, 200, -200);
        const Zone middle = field(&town, ZoneClass::Agricultural, QStringLiteral("middle"), 300, -300, 400, -200);
        const Zone small = field(&town, ZoneClass::Agricultural, QStringLiteral("small"), 500, -300, 590, -200);
        const Zone park = field(&town, ZoneClass::Green, QStringLiteral("park"), 0, 100, 300, 200);
        for (const Zone &z : {north, middle, small, park})
            town.zones.put(z);

        // Demand: constant with one peak hour each.
        //   electricity 400 kW, 1000 kW in hour 3000 → peak 1000, mean 400 + 600/8760 = 400.0685 kW
        //   space heat 300 kW, 900 in hour 100; hot water 100 kW, 500 in hour 101
        //     → heat (space + hot water) 1000 in hour 100, 800 in hour 101, 400 otherwise: peak 1000
        //       (the peak of the sum, not the sum of the peaks, 1400)
        //   cooling 200 kW, 600 in hour 5000 → peak 600
        DemandSeries demand;
        demand.resize(kHours);
        std::fill(demand.electricity.begin(), demand.electricity.end(), 400.0);
        std::fill(demand.heating.begin(), demand.heating.end(), 300.0);
        std::fill(demand.dhw.begin(), demand.dhw.end(), 100.0);
        std::fill(demand.cooling.begin(), demand.cooling.end(), 200.0);
        demand.electricity[3000] = 1000.0;
        demand.heating[100] = 900.0;
        demand.dhw[101] = 500.0;
        demand.cooling[5000] = 600.0;
        const double peakHeat = 1000.0, peakCool = 600.0, peakElec = 1000.0, meanElec = 400.0 + 600.0 / kHours;

        const QVector<EnergyAsset> assets = DefaultAssetSizer::size(town, demand, m_library, m_tech);
        const Vec2 plantAt{105.0, 44.0};

        // Rooftop PV on every roof of at least 50 m²: R1, B2, the plant and the shop;
        // modules on 50 % of the footprint at the file's 0.20 kWp/m², tilt 15°, facing south:
        //   R1 680 × 0.5 × 0.2 = 68 kWp, B2 1000 × 0.5 × 0.2 = 100 kWp,
        //   plant 80 × 0.5 × 0.2 = 8 kWp, shop 50 × 0.5 × 0.2 = 5 kWp (181 kWp in all)
        const double moduleKwpPerM2 = m_tech.rooftopPv.moduleEfficiency;
        const QMap<EntityId, double> roofM2 = {{r1.id, 680.0}, {b2.id, 1000.0}, {plant.id, 80.0}, {shop.id, 50.0}};
        QMap<EntityId, double> roofKwp;
        for (auto it = roofM2.begin(); it != roofM2.end(); ++it)
            roofKwp.insert(it.key(), it.value() * 0.5 * moduleKwpPerM2);
        const auto roofs = ofType(assets, EnergyAssetType::RooftopPv);
        QCOMPARE(int(roofs.size()), 4);
        for (const EnergyAsset *pv : roofs) {
            QVERIFY2(roofKwp.contains(pv->hostBuilding), qPrintable(pv->name));
            const Building *host = town.buildings.find(pv->hostBuilding);
            QCOMPARE(host->footprintArea(), roofM2.value(pv->hostBuilding));
            QCOMPARE(param(pv, "area_share"), 0.5);
            QCOMPARE(param(pv, "module_efficiency"), moduleKwpPerM2);
            QCOMPARE(param(pv, "tilt_deg"), m_tech.rooftopPv.tiltDeg);
            QCOMPARE(param(pv, "azimuth_deg"), 180.0);
            QCOMPARE(pv->position, geometry::centroid(host->footprint));
            // Named by the source id where the building has one, else by its id.
            const QString label = host->sourceId.isEmpty() ? QString::number(host->id) : host->sourceId;
            QCOMPARE(pv->name, QStringLiteral("PV on %1").arg(label));
        }

        // Agrivoltaics on farmland of at least 1 ha: 10 % of the field at the file's 0.05 kWp/m²:
        //   north 20,000 × 0.1 × 0.05 = 100 kWp, middle 10,000 × 0.1 × 0.05 = 50 kWp (150 kWp in all)
        const auto fields = ofType(assets, EnergyAssetType::GroundPv);
        QCOMPARE(int(fields.size()), 2);
        double groundKwp = 0.0;
        for (const EnergyAsset *pv : fields) {
            QVERIFY(pv->area == north.area || pv->area == middle.area);
            QCOMPARE(param(pv, "land_share"), 0.1);
            QCOMPARE(param(pv, "kwp_per_m2"), m_tech.groundPv.kwpPerM2);
            QCOMPARE(param(pv, "tilt_deg"), m_tech.groundPv.tiltDeg);
            QCOMPARE(param(pv, "azimuth_deg"), 180.0);
            groundKwp += geometry::area(pv->area) * param(pv, "land_share") * param(pv, "kwp_per_m2");
        }
        const double fieldsKwp = (20000.0 + 10000.0) * 0.1 * m_tech.groundPv.kwpPerM2;
        TT_NEAR(groundKwp, fieldsKwp);

        // Two turbines of the file on the largest field, at its centroid (100, −250).
        const auto wind = ofType(assets, EnergyAssetType::WindTurbine);
        QCOMPARE(int(wind.size()), 1);
        QCOMPARE(param(wind[0], "count"), 2.0);
        QCOMPARE(param(wind[0], "rated_kw"), m_tech.wind.turbine.ratedKw);
        QCOMPARE(wind[0]->position, (Vec2{100.0, -250.0}));

        // Trigeneration: heat 0.3 × 1000 = 300 kW, electricity 300 × 0.40 / 0.45 = 266.67 kW,
        // absorption min(0.5 × 600 = 300, 300 × 0.7 = 210) = 210 kW (limited by the CHP heat).
        const ChpParameters &chp = m_tech.chp;
        const auto chps = ofType(assets, EnergyAssetType::Chp);
        QCOMPARE(int(chps.size()), 1);
        const double chpHeat = 0.3 * peakHeat;
        TT_NEAR(param(chps[0], "elec_kw"), chpHeat * chp.elecEfficiency / chp.thermalEfficiency);
        TT_NEAR(param(chps[0], "absorption_cooling_kw"), std::min(0.5 * peakCool, chpHeat * chp.absorptionCop));
        QVERIFY(chpHeat * chp.absorptionCop < 0.5 * peakCool);  // this town tests the CHP-heat branch
        // Heat pumps 0.4 × 1000 = 400 kW, biomass 0.1 × 1000 = 100 kW, gas boilers 1000 kW,
        // hot-water tank 4 h × (300 + 400) = 2800 kWh at 700 kW.
        const auto one = [&assets](EnergyAssetType type) -> const EnergyAsset * {
            const auto all = ofType(assets, type);
            return all.size() == 1 ? all.first() : nullptr;
        };
        const EnergyAsset *hp = one(EnergyAssetType::HeatPump), *bio = one(EnergyAssetType::BiomassBoiler),
                          *gas = one(EnergyAssetType::GasBoiler), *tank = one(EnergyAssetType::ThermalStorage),
                          *chiller = one(EnergyAssetType::Chiller), *battery = one(EnergyAssetType::Battery),
                          *fleet = one(EnergyAssetType::EvFleet), *grid = one(EnergyAssetType::GridConnection);
        for (const EnergyAsset *a : {hp, bio, gas, tank, chiller, battery, fleet, grid})
            QVERIFY(a);
        TT_NEAR(param(hp, "heat_kw"), 400.0);
        TT_NEAR(param(bio, "heat_kw"), 100.0);
        TT_NEAR(param(gas, "heat_kw"), 1000.0);
        TT_NEAR(param(tank, "capacity_kwh"), 2800.0);
        TT_NEAR(param(tank, "power_kw"), 700.0);
        // Electric chillers for the whole peak, 600 kW, at the file's COP 4.5.
        TT_NEAR(param(chiller, "cooling_kw"), peakCool);
        QCOMPARE(param(chiller, "cop"), m_tech.chiller.cop);
        // Battery: 2 h of the mean electricity, 800.137 kWh, at the mean, 400.068 kW.
        TT_NEAR(param(battery, "capacity_kwh"), 2.0 * meanElec);
        TT_NEAR(param(battery, "power_kw"), meanElec);
        // EV fleet: residents = (3,400 + 0.5 × 10,000) m² / 40 m² per person = 210
        // (the context block left out), one car per 20 → floor(10.5) = 10 cars,
        // with V2G and a 30 % reserve.
        const double m2PerPerson = m_library.archetype(BuildingUse::Residential).m2PerPerson;  // 40 (ch set)
        const double cars = std::floor((3400.0 + 5000.0) / m2PerPerson / 20.0);
        QCOMPARE(param(fleet, "vehicles"), cars);
        QCOMPARE(param(fleet, "min_soc"), 0.3);
        QVERIFY(fleet->parameters.value(QStringLiteral("v2g")).toBool());
        QCOMPARE(param(fleet, "battery_kwh"), m_tech.evFleet.batteryKwh);
        // Grid: 1.5 × (1000 + 400 / 3 + 600 / 3) = 1.5 × 1333.33 = 2000 kW both ways.
        TT_NEAR(param(grid, "import_limit_kw"), 1.5 * (peakElec + 400.0 / 3.0 + peakCool / 3.0));
        TT_NEAR(param(grid, "import_limit_kw"), 2000.0);
        TT_NEAR(param(grid, "export_limit_kw"), 2000.0);
        // Everything but PV and wind stands at the plant building.
        for (const EnergyAsset *a : {chps[0], hp, bio, gas, tank, chiller, battery, fleet, grid})
            QCOMPARE(a->position, plantAt);

        // The same sizes once the energy system is built from the assets.
        const WeatherYear weather = mondayYear();
        Town sized = town;
        for (EnergyAsset a : assets) {
            a.id = sized.allocateId();
            sized.assets.put(a);
        }
        const EnergySystem s = EnergySystem::fromTown(sized, weather, m_tech);
        TT_NEAR(s.chpElecKw, chpHeat * chp.elecEfficiency / chp.thermalEfficiency);
        TT_NEAR(s.chpElecKw * s.chpHeatPerElec(), 300.0);
        TT_NEAR(s.absorptionCoolKw, 210.0);
        TT_NEAR(s.heatPumpKw, 400.0);
        TT_NEAR(s.biomassBoilerKw, 100.0);
        TT_NEAR(s.gasBoilerKw, 1000.0);
        TT_NEAR(s.chillerKw, 600.0);
        TT_NEAR(s.thermal.capacityKwh, 2800.0);
        TT_NEAR(s.thermal.powerKw, 700.0);
        TT_NEAR(s.battery.capacityKwh, 2.0 * meanElec);
        TT_NEAR(s.battery.powerKw, meanElec);
        TT_NEAR(s.importLimitKw, 2000.0);
        TT_NEAR(s.exportLimitKw, 2000.0);
        // Fleet of 10 × 60 kWh behind 10 × 11 kW, split into the file's trip cohorts (6 + 4 cars).
        double fleetKwh = 0.0, fleetKw = 0.0;
        for (const EvCohort &c : s.evCohorts) {
            fleetKwh += c.capacityKwh;
            fleetKw += c.chargerKw;
            QCOMPARE(c.minSoc, 0.3);
            QVERIFY(c.v2g);
        }
        TT_NEAR(fleetKwh, cars * m_tech.evFleet.batteryKwh);
        TT_NEAR(fleetKw, cars * m_tech.evFleet.chargerKw);

        // Wind at a constant 6 m/s at 10 m: hub speed 6 × (100 / 10)^0.14 = 8.2823 m/s,
        // one turbine 2000 × (8.2823³ − 3³) / (12³ − 3³) = 617.17 kW,
        // two at 97 % availability 2 × 0.97 × 617.17 = 1234.34 kW every hour.
        const WindTurbineParameters &t = m_tech.wind.turbine;
        const double hub = 6.0 * std::pow(t.hubHeightM / 10.0, t.shearAlpha);
        const double oneTurbine = t.ratedKw * (std::pow(hub, 3) - std::pow(t.cutInMs, 3))
            / (std::pow(t.ratedSpeedMs, 3) - std::pow(t.cutInMs, 3));
        for (int h : {0, 4000, kHours - 1})
            TT_NEAR(s.windKw[size_t(h)], 2.0 * m_tech.wind.availability * oneTurbine);

        // PV output is proportional to kWp: each roof yields its kWp times the yield of
        // 1 kWp at the same tilt and azimuth, the fields 150 times that of 1 kWp on the ground.
        Town reference;
        const Building host = box(&reference, BuildingUse::Office, 0, 0, 10, 10, 1);
        reference.buildings.put(host);
        EnergyAsset roof = placed(&reference, EnergyAssetType::RooftopPv,
                                  {{"kwp", 1.0}, {"tilt_deg", m_tech.rooftopPv.tiltDeg}, {"azimuth_deg", 180.0}});
        roof.hostBuilding = host.id;
        reference.assets.put(roof);
        reference.assets.put(placed(&reference, EnergyAssetType::GroundPv,
                                    {{"kwp", 1.0}, {"tilt_deg", m_tech.groundPv.tiltDeg}, {"azimuth_deg", 180.0}}));
        const EnergySystem r = EnergySystem::fromTown(reference, weather, m_tech);
        const double roofYield = r.pvKwhByBuilding.value(host.id);
        const double groundYield = sum(r.pvKw) - roofYield;
        QVERIFY(roofYield > 0.0 && groundYield > 0.0);
        double roofsKwh = 0.0;
        for (auto it = roofKwp.begin(); it != roofKwp.end(); ++it) {
            QVERIFY2(near(s.pvKwhByBuilding.value(it.key()), it.value() * roofYield, 1e-9),
                     qPrintable(both(s.pvKwhByBuilding.value(it.key()), it.value() * roofYield)));
            roofsKwh += s.pvKwhByBuilding.value(it.key());
        }
        QVERIFY(!s.pvKwhByBuilding.contains(kiosk.id) && !s.pvKwhByBuilding.contains(ctx.id));
        QVERIFY2(near(sum(s.pvKw) - roofsKwh, fieldsKwp * groundYield, 1e-9),
                 qPrintable(both(sum(s.pvKw) - roofsKwh, fieldsKwp * groundYield)));
    }

    void defaultAssetsWithoutPlantFarmlandOrCooling()
    {
        // No energy-plant building: the plant stands at the centre of the town data,
        // here the bounds (0, 0)-(60, 40) → (30, 20). No farmland: no agrivoltaics, no
        // turbines. No cooling: no chillers, no absorption.
        // Demand: electricity 200 kW, space heat 150 kW, hot water 50 kW, constant:
        //   CHP heat 0.3 × 200 = 60 kW, electricity 60 × 0.40 / 0.45 = 53.33 kW, absorption 0
        //   heat pumps 80 kW, biomass 20 kW, gas 200 kW, tank 4 × (60 + 80) = 560 kWh at 140 kW
        //   battery 400 kWh at 200 kW; grid 1.5 × (200 + 80 / 3 + 0) = 340 kW
        //   a 30 × 20 m office, 2 storeys: no residents, no EV fleet
        Town town;
        town.site.latitude = 31.2;
        town.buildings.put(box(&town, BuildingUse::Office, 0, 0, 30, 20, 2));
        town.zones.put(field(&town, ZoneClass::Green, QStringLiteral("park"), 30, 20, 60, 40));
        DemandSeries demand;
        demand.resize(kHours);
        std::fill(demand.electricity.begin(), demand.electricity.end(), 200.0);
        std::fill(demand.heating.begin(), demand.heating.end(), 150.0);
        std::fill(demand.dhw.begin(), demand.dhw.end(), 50.0);

        const QVector<EnergyAsset> assets = DefaultAssetSizer::size(town, demand, m_library, m_tech);
        QVERIFY(ofType(assets, EnergyAssetType::GroundPv).isEmpty());
        QVERIFY(ofType(assets, EnergyAssetType::WindTurbine).isEmpty());
        QVERIFY(ofType(assets, EnergyAssetType::Chiller).isEmpty());
        QVERIFY(ofType(assets, EnergyAssetType::EvFleet).isEmpty());
        QCOMPARE(int(ofType(assets, EnergyAssetType::RooftopPv).size()), 1);
        const auto chps = ofType(assets, EnergyAssetType::Chp);
        QCOMPARE(int(chps.size()), 1);
        TT_NEAR(param(chps[0], "elec_kw"), 60.0 * m_tech.chp.elecEfficiency / m_tech.chp.thermalEfficiency);
        QCOMPARE(param(chps[0], "absorption_cooling_kw"), 0.0);
        QCOMPARE(chps[0]->position, (Vec2{30.0, 20.0}));
        for (EnergyAssetType type : {EnergyAssetType::HeatPump, EnergyAssetType::BiomassBoiler,
                                     EnergyAssetType::GasBoiler, EnergyAssetType::ThermalStorage,
                                     EnergyAssetType::Battery, EnergyAssetType::GridConnection})
            QCOMPARE(int(ofType(assets, type).size()), 1);
        const auto first = [&assets](EnergyAssetType type) { return ofType(assets, type).value(0); };
        TT_NEAR(param(first(EnergyAssetType::HeatPump), "heat_kw"), 80.0);
        TT_NEAR(param(first(EnergyAssetType::BiomassBoiler), "heat_kw"), 20.0);
        TT_NEAR(param(first(EnergyAssetType::GasBoiler), "heat_kw"), 200.0);
        TT_NEAR(param(first(EnergyAssetType::ThermalStorage), "capacity_kwh"), 560.0);
        TT_NEAR(param(first(EnergyAssetType::ThermalStorage), "power_kw"), 140.0);
        TT_NEAR(param(first(EnergyAssetType::Battery), "capacity_kwh"), 400.0);
        TT_NEAR(param(first(EnergyAssetType::Battery), "power_kw"), 200.0);
        TT_NEAR(param(first(EnergyAssetType::GridConnection), "import_limit_kw"), 340.0);
        QCOMPARE(first(EnergyAssetType::GridConnection)->position, (Vec2{30.0, 20.0}));
    }
};

QTEST_GUILESS_MAIN(TestEnergyHandValues)
#include "tst_energy_handvalues.moc"
