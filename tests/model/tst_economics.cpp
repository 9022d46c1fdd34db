// SPDX-License-Identifier: MIT
// Prices and money: the bundled Shanghai tariff hour by hour, tariffs that cannot
// be read named by file and field, a project's choice of tariff, the demand charge,
// the LP selling only local generation and shaving peaks for the demand charge, and
// the lifecycle arithmetic (capital recovery, replacements, salvage, NPV, payback,
// levelised cost) against hand values.
#include "TestSystems.h"
#include "core/Town.h"
#include "energy/DispatchResult.h"
#include "energy/LifecycleEconomics.h"
#include "energy/LpDispatcher.h"
#include "energy/Tariff.h"
#include "energy/WeatherYear.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace tt;

namespace {
constexpr int kHours = WeatherYear::kHours;
// First day (0-based) of each month of a 365-day year.
constexpr int kMonthStart[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

int hourOf(int month, int dayOfMonth, int hour)
{
    return (kMonthStart[month - 1] + dayOfMonth - 1) * 24 + hour;
}

#define TT_NEAR(actual, expected)                                                                                  \
    do {                                                                                                           \
        const double a_ = (actual), e_ = (expected);                                                               \
        QVERIFY2(std::abs(a_ - e_) <= 1e-9 * std::max(1.0, std::abs(e_)),                                          \
                 qPrintable(QStringLiteral("%1 = %2, expected %3").arg(QLatin1String(#actual)).arg(a_, 0, 'g', 12) \
                                .arg(e_, 0, 'g', 12)));                                                            \
    } while (false)

Tariff shanghai()
{
    Tariff t;
    const Status s = Tariff::loadBundled(Tariff::kDefault, &t);
    if (!s)
        qFatal("%s", qPrintable(s.message));
    return t;
}

// A system of `hours` hours with a grid connection at a flat price and nothing else.
EnergySystem flatGrid(int hours, double price)
{
    return testsystems::gridOnly(hours, price, 1000.0);
}

DispatchDemand constantDemand(int hours, double electricityKw)
{
    DispatchDemand d;
    d.electricity.assign(hours, electricityKw);
    d.heat.assign(hours, 0.0);
    d.cooling.assign(hours, 0.0);
    return d;
}

// The bundled tariff's file with one change, parsed as "test.json".
Status parseEdited(const std::function<void(QJsonObject *)> &edit, Tariff *out = nullptr)
{
    QJsonObject json = shanghai().toJson();
    edit(&json);
    Tariff t;
    return Tariff::fromJson(json, QStringLiteral("test.json"), out ? out : &t);
}

// Replaces seasons[index] of a tariff's JSON with what `edit` makes of it.
void editSeason(QJsonObject *json, int index, const std::function<void(QJsonObject *)> &edit)
{
    QJsonObject prices = json->value("energy_prices").toObject();
    QJsonArray seasons = prices.value("seasons").toArray();
    QJsonObject season = seasons[index].toObject();
    edit(&season);
    seasons[index] = season;
    prices["seasons"] = seasons;
    (*json)["energy_prices"] = prices;
}
} // namespace

class TestEconomics : public QObject {
    Q_OBJECT

private slots:
    void bundledTariffsReadAndRoundTrip()
    {
        const QStringList keys = Tariff::bundledKeys();
        QVERIFY2(keys.contains(Tariff::kDefault), qPrintable(keys.join(", ")));
        QVERIFY(keys.size() >= 3);
        for (const QString &key : keys) {
            Tariff t;
            const Status s = Tariff::loadBundled(key, &t);
            QVERIFY2(s.ok, qPrintable(s.message));
            QCOMPARE(t.key, key);
            QCOMPARE(t.currency, QStringLiteral("CNY"));
            QVERIFY(!t.source.isEmpty() && !t.pricesSource.isEmpty());
            for (const char *scalar : {"demand_charge_per_kw_month", "feed_in_per_kwh", "gas_per_kwh", "biomass_per_kwh"})
                QVERIFY2(!t.sources.value(QLatin1String(scalar)).isEmpty(), scalar);
            // What toJson writes reads back to the same price in every hour.
            Tariff back;
            const Status r = Tariff::fromJson(t.toJson(), key, &back);
            QVERIFY2(r.ok, qPrintable(r.message));
            QVERIFY(back.hourlyPrices() == t.hourlyPrices());
            QCOMPARE(back.feedInPerKwh, t.feedInPerKwh);
            QCOMPARE(back.demandChargePerKwMonth, t.demandChargePerKwMonth);
        }
        Tariff none;
        const Status missing = Tariff::loadBundled(QStringLiteral("atlantis"), &none);
        QVERIFY(!missing.ok);
        QVERIFY2(missing.message.contains("resources/energy/tariffs/atlantis.json"), qPrintable(missing.message));
    }

    void shanghaiHoursByHand()
    {
        // 沪发改价管〔2022〕50号, two-part users (docs/research/economics-sources.md 2.2):
        //   Jul-Aug   valley 22-06, flat 06-08 15-18 21-22, peak 08-12 14-15 18-21, critical 12-14
        //   Sep       the same without the critical peak (12-14 is peak)
        //   Jan, Dec  flat 06-08 11-18 21-22, peak 08-11 18-19, critical 19-21
        //   others    flat 06-08 11-18 21-22, peak 08-11 18-21
        const Tariff t = shanghai();
        QVERIFY(t.demandChargePerKwMonth > 0.0);
        const auto period = [&t](int month, int day, int hour) { return t.periodAt(hourOf(month, day, hour)); };
        const QString valley = "valley", flat = "flat", peak = "peak", critical = "critical_peak";
        QCOMPARE(period(7, 15, 5), valley);
        QCOMPARE(period(7, 15, 6), flat);
        QCOMPARE(period(7, 15, 8), peak);
        QCOMPARE(period(7, 15, 11), peak);
        QCOMPARE(period(7, 15, 12), critical);
        QCOMPARE(period(7, 15, 13), critical);
        QCOMPARE(period(7, 15, 14), peak);
        QCOMPARE(period(7, 15, 15), flat);
        QCOMPARE(period(7, 15, 20), peak);
        QCOMPARE(period(7, 15, 21), flat);
        QCOMPARE(period(7, 15, 22), valley);
        QCOMPARE(period(8, 31, 12), critical);
        QCOMPARE(period(9, 1, 12), peak);
        QCOMPARE(period(9, 30, 13), peak);
        QCOMPARE(period(1, 10, 11), flat);
        QCOMPARE(period(1, 10, 18), peak);
        QCOMPARE(period(1, 10, 19), critical);
        QCOMPARE(period(12, 31, 20), critical);
        QCOMPARE(period(12, 31, 21), flat);
        QCOMPARE(period(3, 10, 9), peak);
        QCOMPARE(period(3, 10, 12), flat);
        QCOMPARE(period(3, 10, 20), peak);
        QCOMPARE(period(3, 10, 23), valley);
        QCOMPARE(period(6, 30, 13), flat);

        // A day's cost of 1 kW: July 8 valley + 6 flat + 8 peak + 2 critical hours,
        // March 8 valley + 10 flat + 6 peak, at each season's own prices.
        const std::vector<double> prices = t.hourlyPrices();
        QCOMPARE(int(prices.size()), kHours);
        const auto day = [&prices](int month, int dayOfMonth) {
            double sum = 0.0;
            for (int h = 0; h < 24; ++h)
                sum += prices[size_t(hourOf(month, dayOfMonth, h))];
            return sum;
        };
        const QMap<QString, double> &jul = t.seasonOf(7).prices, &mar = t.seasonOf(3).prices;
        TT_NEAR(day(7, 1), 8 * jul[valley] + 6 * jul[flat] + 8 * jul[peak] + 2 * jul[critical]);
        TT_NEAR(day(3, 1), 8 * mar[valley] + 10 * mar[flat] + 6 * mar[peak]);
        // Critical peak 25 % above peak (50号; the government funds in both are not scaled);
        // summer's spread wider than spring's.
        QVERIFY(std::abs(jul[critical] / jul[peak] - 1.25) < 0.02);
        QVERIFY(jul[peak] - jul[valley] > mar[peak] - mar[valley]);
    }

    void badTariffsAreNamed()
    {
        const auto expectError = [](const std::function<void(QJsonObject *)> &edit, const QString &words) {
            const Status s = parseEdited(edit);
            QVERIFY2(!s.ok, qPrintable(words));
            QVERIFY2(s.message.startsWith("test.json: "), qPrintable(s.message));
            QVERIFY2(s.message.contains(words), qPrintable(s.message + " // expected: " + words));
        };
        QVERIFY(parseEdited([](QJsonObject *) {}).ok);
        expectError([](QJsonObject *j) { (*j)["currency"] = "EUR"; }, "currency is 'EUR'");
        expectError([](QJsonObject *j) { j->remove("feed_in_per_kwh"); }, "'feed_in_per_kwh' is missing");
        expectError([](QJsonObject *j) { (*j)["tarif"] = 1; }, "unknown key 'tarif'");
        expectError([](QJsonObject *j) { (*j)["demand_charge_per_kw_month"] = QJsonObject{{"value", -5}, {"source", "x"}}; },
                    "demand_charge_per_kw_month is -5, out of range");
        // The September season left out: month 9 has no prices.
        expectError(
            [](QJsonObject *j) {
                QJsonObject prices = j->value("energy_prices").toObject();
                QJsonArray seasons = prices.value("seasons").toArray();
                for (int i = 0; i < seasons.size(); ++i)
                    if (seasons[i].toObject().value("months").toArray() == QJsonArray{9})
                        seasons.removeAt(i--);
                prices["seasons"] = seasons;
                (*j)["energy_prices"] = prices;
            },
            "month 9 in no season");
        expectError(
            [](QJsonObject *j) {
                editSeason(j, 0, [](QJsonObject *season) {
                    QJsonArray hours = season->value("hours").toArray();
                    hours.removeLast();
                    (*season)["hours"] = hours;
                });
            },
            "'hours' is a list of 23, must be a list of 24 period names");
        expectError(
            [](QJsonObject *j) {
                editSeason(j, 0, [](QJsonObject *season) {
                    QJsonArray hours = season->value("hours").toArray();
                    hours[3] = "superpeak";
                    (*season)["hours"] = hours;
                });
            },
            "hours[3] is \"superpeak\", not a period with a price");
        expectError(
            [](QJsonObject *j) {
                editSeason(j, 0, [](QJsonObject *season) {
                    QJsonObject prices = season->value("prices").toObject();
                    prices["peak"] = "expensive";
                    (*season)["prices"] = prices;
                });
            },
            "price of 'peak' is \"expensive\"");
        expectError(
            [](QJsonObject *j) {
                editSeason(j, 1, [](QJsonObject *season) { (*season)["months"] = QJsonArray{1}; });
            },
            "month 1 is in an earlier season too");
        Tariff t;
        const Status notJson = Tariff::load("{ not json", QStringLiteral("broken.json"), &t);
        QVERIFY2(notJson.message.startsWith("broken.json: not JSON"), qPrintable(notJson.message));
    }

    void aProjectChoosesItsTariff()
    {
        Town town;
        QString why;
        QStringList warnings;
        QCOMPARE(Tariff::forTown(town, &why, &warnings).key, Tariff::kDefault);
        QCOMPARE(why, QStringLiteral("the default"));
        QVERIFY(warnings.isEmpty());

        town.settings.insert(Tariff::kSettingKey, "bundled:shanghai_2025_residential");
        const Tariff residential = Tariff::forTown(town, &why, &warnings);
        QCOMPARE(residential.key, QStringLiteral("shanghai_2025_residential"));
        QCOMPARE(why, QStringLiteral("the project's choice"));
        QCOMPARE(residential.demandChargePerKwMonth, 0.0);

        // An edited tariff travels with the project, as a map in its settings.
        QJsonObject edited = residential.toJson();
        edited["feed_in_per_kwh"] = QJsonObject{{"value", 0.25}, {"source", "negotiated with the grid company"}};
        town.settings.insert(Tariff::kSettingKey, edited.toVariantMap());
        const Tariff own = Tariff::forTown(town, &why, &warnings);
        QCOMPARE(own.feedInPerKwh, 0.25);
        QVERIFY(own.key.isEmpty());
        QCOMPARE(why, QStringLiteral("the project's edited tariff"));
        QVERIFY(warnings.isEmpty());

        // What cannot be used is said and the default applies.
        edited.remove("gas_per_kwh");
        town.settings.insert(Tariff::kSettingKey, edited.toVariantMap());
        QCOMPARE(Tariff::forTown(town, &why, &warnings).key, Tariff::kDefault);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains("the project's edited tariff (setting 'tariff'): 'gas_per_kwh' is missing"),
                 qPrintable(warnings[0]));
        town.settings.insert(Tariff::kSettingKey, "bundled:atlantis");
        warnings.clear();
        QCOMPARE(Tariff::forTown(town, &why, &warnings).key, Tariff::kDefault);
        QVERIFY2(warnings.value(0).contains("atlantis.json: no such bundled tariff"), qPrintable(warnings.value(0)));
    }

    void demandChargeOnEachMonthsPeak()
    {
        // 40 CNY/kW·month; January peaks at 150 kW (hour 500), February at 80 kW:
        // 40 × (150 + 80) = 9,200 CNY; March to December import nothing.
        EnergySystem s = flatGrid(kHours, 0.0);
        s.demandChargePerKwMonth = 40.0;
        DispatchResult d;
        d.resize(kHours);
        d.at(Flow::GridImport, 10) = 100.0;
        d.at(Flow::GridImport, 500) = 150.0;
        d.at(Flow::GridImport, hourOf(2, 3, 5)) = 80.0;
        TT_NEAR(s.demandCharge(d.flows[int(Flow::GridImport)]), 9200.0);
        TT_NEAR(d.cost(s), 9200.0);
        // Unmet electricity would have come from the grid: it sets February's peak too.
        d.at(Flow::UnmetElec, hourOf(2, 10, 12)) = 120.0;
        TT_NEAR(d.cost(s), 40.0 * (150.0 + 120.0) + 120.0 * 0.0);
    }

    void lpSellsOnlyLocalGeneration()
    {
        // Feed-in 0.50 above the flat tariff 0.30: one meter nets import and export, so
        // the LP may neither import to export nor sell what the battery holds.
        //   5 kW of demand every hour, 10 kW of PV at noon only:
        //   noon exports 10 − 5 = 5 kW, the other 23 hours import 5 kW each;
        //   the full battery (100 kWh) only serves the town's own demand.
        const int hours = 24;
        EnergySystem s = flatGrid(hours, 0.30);
        s.feedInPrice = 0.50;
        s.pvKw[12] = 10.0;
        const DispatchResult r = LpDispatcher(DispatchObjective::Cost, hours, hours)
                                     .dispatch(s, constantDemand(hours, 5.0));
        for (int h = 0; h < hours; ++h) {
            QVERIFY2(r.at(Flow::GridExport, h) <= s.pvKw[size_t(h)] + 1e-9, qPrintable(QString::number(h)));
            QVERIFY2(std::min(r.at(Flow::GridExport, h), r.at(Flow::GridImport, h)) < 1e-9,
                     qPrintable(QStringLiteral("hour %1 imports and exports").arg(h)));
        }
        TT_NEAR(r.at(Flow::GridExport, 12), 5.0);
        TT_NEAR(r.total(Flow::GridImport), 23.0 * 5.0);
        // Billed at the real feed-in price: 115 × 0.30 − 5 × 0.50 = 32.0 CNY.
        TT_NEAR(r.cost(s), 32.0);

        EnergySystem stored = flatGrid(hours, 0.30);
        stored.feedInPrice = 0.50;
        stored.battery = StorageUnit{100.0, 100.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0};
        const DispatchResult b = LpDispatcher(DispatchObjective::Cost, hours, hours)
                                     .dispatch(stored, constantDemand(hours, 2.0));
        TT_NEAR(b.total(Flow::GridExport), 0.0);
        // The battery still serves the town: 24 h × 2 kW from it, nothing bought.
        TT_NEAR(b.total(Flow::BatteryDischarge), 48.0);
        TT_NEAR(b.total(Flow::GridImport), 0.0);
    }

    void lpShavesThePeakForTheDemandCharge()
    {
        // 10 kW all day, 100 kW at 18:00, a flat tariff, an empty lossless 200 kWh battery.
        // Without a demand charge nothing pays for cycling it: the peak is bought (100 kW).
        // At 40 CNY/kW·month the battery charges in the 18 hours before and gives the rest
        // of the peak: with the month's peak P, 18 × (P − 10) = 100 − P, so P = 280 / 19
        // = 14.737 kW, and the charge falls from 4,000 to 40 × 280 / 19 = 589.47 CNY.
        const int hours = 48;
        DispatchDemand demand = constantDemand(hours, 10.0);
        demand.electricity[18] = 100.0;
        EnergySystem s = flatGrid(hours, 0.5);
        s.battery = StorageUnit{200.0, 100.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0};
        const DispatchResult plain = LpDispatcher(DispatchObjective::Cost).dispatch(s, demand);
        TT_NEAR(plain.peak(Flow::GridImport), 100.0);
        s.demandChargePerKwMonth = 40.0;
        const DispatchResult shaved = LpDispatcher(DispatchObjective::Cost).dispatch(s, demand);
        QVERIFY(std::abs(shaved.peak(Flow::GridImport) - 280.0 / 19.0) < 1e-6);
        QVERIFY(std::abs(s.demandCharge(shaved.flows[int(Flow::GridImport)]) - 40.0 * 280.0 / 19.0) < 1e-4);
        TT_NEAR(s.demandCharge(plain.flows[int(Flow::GridImport)]), 4000.0);
        QVERIFY(shaved.cost(s) < plain.cost(s));
        QVERIFY(shaved.maxResidual() < 1e-6);
    }

    void lifecycleArithmeticByHand()
    {
        // Capital recovery factor at 6 % over 25 years: 0.06 × 1.06^25 / (1.06^25 − 1),
        // 1.06^25 = 4.29187072; = 0.25751224 / 3.29187072 = 0.07822672.
        TT_NEAR(LifecycleEconomics::capitalRecoveryFactor(0.06, 25.0), 0.06 * std::pow(1.06, 25) / (std::pow(1.06, 25) - 1));
        QVERIFY(std::abs(LifecycleEconomics::capitalRecoveryFactor(0.06, 25.0) - 0.0782267) < 1e-6);
        TT_NEAR(LifecycleEconomics::capitalRecoveryFactor(0.0, 25.0), 1.0 / 25.0);

        // 1,000 CNY lasting 15 years over 25 at 6 %: bought again in year 15 (1,000 / 1.06^15
        // = 417.265), and the second unit has 5 of its 15 years left at the end: salvage
        // 1,000 × 5/15 / 1.06^25 = 77.666. Net 1,000 + 417.265 − 77.666 = 1,339.599.
        const FinanceParameters f{0.06, 25.0};
        double replacements = 0.0, salvage = 0.0;
        const double pv = LifecycleEconomics::presentLifecycleCost(1000.0, 15.0, f, &replacements, &salvage);
        TT_NEAR(replacements, 1000.0 / std::pow(1.06, 15));
        TT_NEAR(salvage, 1000.0 * 5.0 / 15.0 / std::pow(1.06, 25));
        QVERIFY(std::abs(pv - 1339.599) < 1e-3);
        // Lasting 10 years: bought at 0, 10 and 20; 5 of 10 years left at the end.
        TT_NEAR(LifecycleEconomics::presentLifecycleCost(1000.0, 10.0, f),
                1000.0 + 1000.0 / std::pow(1.06, 10) + 1000.0 / std::pow(1.06, 20) - 500.0 / std::pow(1.06, 25));
        // Lasting exactly the period: no renewal, nothing left.
        TT_NEAR(LifecycleEconomics::presentLifecycleCost(1000.0, 25.0, f), 1000.0);
        // Lasting 50 years (a borehole field): half of it left after 25.
        TT_NEAR(LifecycleEconomics::presentLifecycleCost(1000.0, 50.0, f), 1000.0 - 500.0 / std::pow(1.06, 25));

        // A project's settings override the finance defaults.
        Town town;
        town.settings.insert("discount_rate", 0.08);
        const FinanceParameters own = LifecycleEconomics::financeFor(town, f);
        QCOMPARE(own.discountRate, 0.08);
        QCOMPARE(own.analysisYears, 25.0);
    }

    void economicsOfAHandBuiltSystem()
    {
        // 50 kW of demand every hour; 100 kWp of rooftop PV gives 20 kW of it, the grid 30 kW
        // at a flat 0.50 CNY/kWh. Round costs: PV 1,000 CNY/kWp lasting 25 years with
        // 10 CNY/kWp·a of O&M; the grid connection 100 CNY per kW of peak, 25 years.
        // 5 % over 25 years: nothing is renewed and nothing is left at the end.
        EnergySystem s = flatGrid(kHours, 0.5);
        s.rooftopPvKwp = 100.0;
        s.baseline = BaselineParameters{0.9, 3.0};
        DispatchResult d;
        d.resize(kHours);
        for (int h = 0; h < kHours; ++h) {
            d.at(Flow::ElecDemand, h) = 50.0;
            d.at(Flow::Pv, h) = 20.0;
            d.at(Flow::GridImport, h) = 30.0;
        }
        TechnologyCosts costs;
        costs.rooftopPv = CostParameters{1000.0, 10.0, 0.0, 25.0, 0.0, 0.0};
        costs.grid = CostParameters{100.0, 0.0, 0.0, 25.0, 0.0, 0.0};
        const FinanceParameters f{0.05, 25.0};
        const LifecycleEconomics e = LifecycleEconomics::compute(s, d, costs, f);

        // The system: capex 100 × 1,000 + 30 kW × 100 = 103,000;
        // opex = bill 30 × 8,760 × 0.5 = 131,400 + O&M 100 × 10 = 1,000 → 132,400 a year.
        TT_NEAR(e.system.capex, 103000.0);
        TT_NEAR(e.system.capexByTechnology.value("rooftop_pv"), 100000.0);
        TT_NEAR(e.system.capexByTechnology.value("grid_connection"), 3000.0);
        TT_NEAR(e.system.energyBill, 131400.0);
        TT_NEAR(e.system.fixedOm, 1000.0);
        TT_NEAR(e.system.annualOpex, 132400.0);
        TT_NEAR(e.system.replacementsPresentValue, 0.0);
        TT_NEAR(e.system.salvagePresentValue, 0.0);
        const double crf = 0.05 * std::pow(1.05, 25) / (std::pow(1.05, 25) - 1.0);  // 0.0709525
        TT_NEAR(e.system.netPresentCost, 103000.0 + 132400.0 / crf);
        TT_NEAR(e.system.annualisedCost, 103000.0 * crf + 132400.0);
        // No heat or cooling: the levelised cost is the annualised cost per kWh served,
        // 50 × 8,760 = 438,000 kWh.
        TT_NEAR(e.system.lcoeElectricity, (103000.0 * crf + 132400.0) / 438000.0);

        // The baseline buys all 50 kW: connection 50 × 100 = 5,000; bill 50 × 8,760 × 0.5 = 219,000.
        TT_NEAR(e.baseline.capex, 5000.0);
        TT_NEAR(e.baseline.annualOpex, 219000.0);
        TT_NEAR(e.baseline.lcoeElectricity, (5000.0 * crf + 219000.0) / 438000.0);
        // NPV = (5,000 − 103,000) + (219,000 − 132,400) / crf = −98,000 + 86,600 × 14.093945 = 1,122,535.6;
        // payback = 98,000 / 86,600 = 1.132 years.
        TT_NEAR(e.npv, -98000.0 + 86600.0 / crf);
        QVERIFY(std::abs(e.npv - 1122535.6) < 0.1);
        TT_NEAR(e.simplePaybackYears, 98000.0 / 86600.0);

        // A system that saves nothing never pays back: null in kpis.json.
        DispatchResult same = d;
        for (int h = 0; h < kHours; ++h)
            same.at(Flow::GridImport, h) = 50.0;
        const LifecycleEconomics never = LifecycleEconomics::compute(s, same, costs, f);
        QVERIFY(std::isnan(never.simplePaybackYears));
        QVERIFY(never.npv < 0.0);
        QVERIFY(never.toJson().value("simple_payback_years").isNull());
        QCOMPARE(never.toJson().value("baseline").toObject().value("capex_cny").toDouble(), 5000.0);
    }
};

QTEST_GUILESS_MAIN(TestEconomics)
#include "tst_economics.moc"
