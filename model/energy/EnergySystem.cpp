// SPDX-License-Identifier: MIT
#include "EnergySystem.h"

#include "PvModel.h"
#include "SolarYear.h"
#include "WindModel.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
constexpr int kHours = WeatherYear::kHours;

// Capacity-weighted mean of an efficiency over several assets of one kind.
struct WeightedMean {
    double weight = 0.0, sum = 0.0;
    void add(double w, double v)
    {
        weight += w;
        sum += w * v;
    }
    double value(double fallback) const { return weight > 0.0 ? sum / weight : fallback; }
};

PvParameters pvParameters(const EnergyAsset &a, double kwp)
{
    PvParameters pv;
    pv.kwp = kwp;
    pv.noctC = a.parameter(QStringLiteral("noct_c"), pv.noctC);
    pv.tempCoeffPerK = a.parameter(QStringLiteral("temp_coeff_per_k"), pv.tempCoeffPerK);
    pv.inverterEfficiency = a.parameter(QStringLiteral("inverter_efficiency"), pv.inverterEfficiency);
    pv.systemLosses = a.parameter(QStringLiteral("system_losses"), pv.systemLosses);
    return pv;
}

// Chinese-style three-level time-of-use tariff: valley 23:00-07:00, peak
// 08:00-11:00 and 18:00-21:00, flat otherwise.
double touPrice(int hourOfDay, double peak, double flat, double valley)
{
    if (hourOfDay >= 23 || hourOfDay < 7)
        return valley;
    if ((hourOfDay >= 8 && hourOfDay < 11) || (hourOfDay >= 18 && hourOfDay < 21))
        return peak;
    return flat;
}

void addStorage(StorageUnit *s, const EnergyAsset &a, const StorageUnit &defaults, double *largest)
{
    const double cap = std::max(0.0, a.parameter(QStringLiteral("capacity_kwh"), 0.0));
    if (cap > *largest) {
        // Efficiencies and limits of the largest unit stand for the aggregate.
        *largest = cap;
        s->chargeEfficiency = a.parameter(QStringLiteral("charge_efficiency"), defaults.chargeEfficiency);
        s->dischargeEfficiency = a.parameter(QStringLiteral("discharge_efficiency"), defaults.dischargeEfficiency);
        s->socMin = a.parameter(QStringLiteral("soc_min"), defaults.socMin);
        s->socMax = a.parameter(QStringLiteral("soc_max"), defaults.socMax);
        s->initialSoc = a.parameter(QStringLiteral("initial_soc"), defaults.initialSoc);
        s->lossPerHour = a.parameter(QStringLiteral("loss_per_hour"), defaults.lossPerHour);
        s->wearCostPerKwh = a.parameter(QStringLiteral("wear_cost_per_kwh"), defaults.wearCostPerKwh);
    }
    s->capacityKwh += cap;
    s->powerKw += std::max(0.0, a.parameter(QStringLiteral("power_kw"), cap * 0.5));
}

QVariantList defaultTrips()
{
    // Commuters leave on weekdays; shared cars do errands every day (distances of
    // 40 km and 60 km at ~0.2 kWh/km).
    return {QVariantMap{{"name", "commute"}, {"share", 0.6}, {"depart_hour", 7}, {"return_hour", 18},
                        {"trip_kwh", 8.0}, {"weekdays_only", true}},
            QVariantMap{{"name", "shared"}, {"share", 0.4}, {"depart_hour", 9}, {"return_hour", 15},
                        {"trip_kwh", 12.0}, {"weekdays_only", false}}};
}

void addEvFleet(EnergySystem *sys, const EnergyAsset &a, const WeatherYear &weather, QStringList *warnings)
{
    const double vehicles = std::max(0.0, a.parameter(QStringLiteral("vehicles"), 100.0));
    const double battery = std::max(1.0, a.parameter(QStringLiteral("battery_kwh"), 60.0));
    const double charger = std::max(0.0, a.parameter(QStringLiteral("charger_kw"), 11.0));
    if (sys->evCohorts.empty())
        sys->v2gWearCostPerKwh =
            std::max(0.0, a.parameter(QStringLiteral("v2g_wear_cost_per_kwh"), EnergySystem::kV2gWearPerKwh));
    const QVariantList trips = a.parameters.contains(QStringLiteral("trips"))
        ? a.parameters.value(QStringLiteral("trips")).toList()
        : defaultTrips();
    for (const QVariant &tv : trips) {
        const QVariantMap t = tv.toMap();
        EvCohort c;
        c.name = a.name + QLatin1Char('/') + t.value(QStringLiteral("name")).toString();
        const double n = vehicles * std::clamp(t.value(QStringLiteral("share"), 1.0).toDouble(), 0.0, 1.0);
        c.capacityKwh = n * battery;
        c.chargerKw = n * charger;
        c.efficiency = a.parameter(QStringLiteral("efficiency"), c.efficiency);
        c.departureSoc = std::clamp(a.parameter(QStringLiteral("departure_soc"), c.departureSoc), 0.0, 1.0);
        c.minSoc = std::clamp(a.parameter(QStringLiteral("min_soc"), c.minSoc), 0.0, c.departureSoc);
        c.v2g = a.parameters.value(QStringLiteral("v2g"), false).toBool();
        c.initialKwh = c.departureSoc * c.capacityKwh;
        const int depart = std::clamp(t.value(QStringLiteral("depart_hour"), 7).toInt(), 1, 23);
        const int back = std::clamp(t.value(QStringLiteral("return_hour"), 18).toInt(), depart + 1, 24);
        double trip = std::max(0.0, t.value(QStringLiteral("trip_kwh"), 8.0).toDouble());
        const double usable = (c.departureSoc - c.minSoc) * battery;
        if (trip > usable) {
            if (warnings)
                warnings->append(QStringLiteral("EV fleet '%1': trip of %2 kWh exceeds the usable %3 kWh; clamped")
                                     .arg(c.name).arg(trip).arg(usable));
            trip = usable;
        }
        const bool weekdaysOnly = t.value(QStringLiteral("weekdays_only"), false).toBool();
        c.parked.assign(kHours, 1);
        c.departs.assign(kHours, 0);
        c.tripKwh.assign(kHours, 0.0);
        for (int day = 0; day < kHours / 24; ++day) {
            if (weekdaysOnly && weather.isWeekend(day * 24))
                continue;
            const int h0 = day * 24;
            c.departs[h0 + depart - 1] = 1;
            for (int h = depart; h < back; ++h)
                c.parked[h0 + h] = 0;
            if (h0 + back < kHours)
                c.tripKwh[h0 + back] = n * trip;
        }
        if (c.capacityKwh > 0.0)
            sys->evCohorts.append(c);
    }
}
} // namespace

EnergySystem EnergySystem::fromTown(const Town &town, const WeatherYear &weather, QStringList *warnings)
{
    EnergySystem s;
    s.pvKw.assign(kHours, 0.0);
    s.windKw.assign(kHours, 0.0);
    s.importPrice.assign(kHours, 0.0);
    const SolarYear sun(weather);
    QMap<QPair<double, double>, std::vector<double>> poaCache;
    const auto poa = [&](double tilt, double azimuth) -> const std::vector<double> & {
        const auto key = qMakePair(tilt, azimuth);
        auto it = poaCache.find(key);
        if (it == poaCache.end())
            it = poaCache.insert(key, sun.planeOfArray(tilt, azimuth));
        return *it;
    };
    const auto warn = [warnings](const QString &w) {
        if (warnings)
            warnings->append(w);
    };

    WeightedMean chpEl, chpTh, absCop, gbEff, bioEff, chCop;
    double hpLargest = 0.0, hpSource = 10.0, hpCarnot = 0.45, hpMaxCop = 6.0;
    double batteryLargest = 0.0, thermalLargest = 0.0;
    StorageUnit batteryDefaults;
    batteryDefaults.wearCostPerKwh = EnergySystem::kBatteryWearPerKwh;
    StorageUnit thermalDefaults{0.0, 0.0, 0.98, 0.98, 0.0, 1.0, 0.5, 0.005};
    s.thermal = thermalDefaults;
    bool haveGrid = false;

    for (const EnergyAsset &a : town.assets) {
        const auto p = [&a](const char *key, double fallback) { return a.parameter(QLatin1String(key), fallback); };
        switch (a.type) {
        case EnergyAssetType::RooftopPv:
        case EnergyAssetType::GroundPv: {
            const bool roof = a.type == EnergyAssetType::RooftopPv;
            double kwp = p("kwp", 0.0);
            if (kwp <= 0.0) {
                double areaM2 = geometry::area(a.area);
                if (roof) {
                    const Building *host = town.buildings.find(a.hostBuilding);
                    areaM2 = host ? host->footprintArea() * p("area_share", 0.6) : 0.0;
                    kwp = areaM2 * p("module_efficiency", 0.20);
                } else {
                    kwp = areaM2 * p("land_share", 1.0) * p("kwp_per_m2", 0.05);
                }
            }
            if (kwp <= 0.0) {
                warn(QStringLiteral("PV asset '%1' has no kwp, host roof or area; ignored").arg(a.name));
                break;
            }
            const PvParameters pv = pvParameters(a, kwp);
            const std::vector<double> &g
                = poa(p("tilt_deg", roof ? 15.0 : 25.0), p("azimuth_deg", defaultPvAzimuthDeg(town.site.latitude)));
            double annual = 0.0;
            for (int h = 0; h < kHours; ++h) {
                const double kw = PvModel::acPowerKw(g[h], weather.dryBulbC[h], pv);
                s.pvKw[h] += kw;
                annual += kw;
            }
            if (roof)
                s.pvKwhByBuilding[a.hostBuilding] += annual;
            break;
        }
        case EnergyAssetType::WindTurbine: {
            WindTurbineParameters t;
            t.ratedKw = p("rated_kw", t.ratedKw);
            t.hubHeightM = p("hub_height_m", t.hubHeightM);
            t.cutInMs = p("cut_in_ms", t.cutInMs);
            t.ratedSpeedMs = p("rated_speed_ms", t.ratedSpeedMs);
            t.cutOutMs = p("cut_out_ms", t.cutOutMs);
            t.shearAlpha = p("shear_alpha", t.shearAlpha);
            const double count = std::max(0.0, p("count", 1.0));
            const double availability = p("availability", 0.97);
            for (int h = 0; h < kHours; ++h)
                s.windKw[h] += count * availability
                    * WindModel::powerKw(WindModel::hubSpeed(weather.windMs[h], t.hubHeightM, t.shearAlpha), t);
            break;
        }
        case EnergyAssetType::Chp: {
            const double el = std::max(0.0, p("elec_kw", 0.0));
            s.chpElecKw += el;
            chpEl.add(el, p("elec_efficiency", 0.40));
            chpTh.add(el, p("thermal_efficiency", 0.45));
            const double absKw = std::max(0.0, p("absorption_cooling_kw", 0.0));
            s.absorptionCoolKw += absKw;
            absCop.add(absKw, p("absorption_cop", 0.7));
            s.chpMinLoad = p("min_load", s.chpMinLoad);
            break;
        }
        case EnergyAssetType::GasBoiler:
            s.gasBoilerKw += std::max(0.0, p("heat_kw", 0.0));
            gbEff.add(p("heat_kw", 0.0), p("efficiency", 0.92));
            break;
        case EnergyAssetType::BiomassBoiler:
            s.biomassBoilerKw += std::max(0.0, p("heat_kw", 0.0));
            bioEff.add(p("heat_kw", 0.0), p("efficiency", 0.85));
            break;
        case EnergyAssetType::HeatPump: {
            const double kw = std::max(0.0, p("heat_kw", 0.0));
            s.heatPumpKw += kw;
            if (kw > hpLargest) {
                hpLargest = kw;
                hpSource = p("source_temp_c", 10.0);
                hpCarnot = p("carnot_efficiency", 0.45);
                hpMaxCop = p("max_cop", 6.0);
            }
            break;
        }
        case EnergyAssetType::Chiller:
            s.chillerKw += std::max(0.0, p("cooling_kw", 0.0));
            chCop.add(p("cooling_kw", 0.0), p("cop", 4.5));
            break;
        case EnergyAssetType::Battery:
            addStorage(&s.battery, a, batteryDefaults, &batteryLargest);
            break;
        case EnergyAssetType::ThermalStorage:
            addStorage(&s.thermal, a, thermalDefaults, &thermalLargest);
            break;
        case EnergyAssetType::EvFleet:
            addEvFleet(&s, a, weather, warnings);
            break;
        case EnergyAssetType::GridConnection: {
            s.importLimitKw += std::max(0.0, p("import_limit_kw", 100000.0));
            s.exportLimitKw += std::max(0.0, p("export_limit_kw", 100000.0));
            if (haveGrid)
                break;  // tariffs and factors come from the first connection
            haveGrid = true;
            const double peak = p("price_peak", 1.10), flat = p("price_flat", 0.70), valley = p("price_valley", 0.35);
            for (int h = 0; h < kHours; ++h)
                s.importPrice[h] = touPrice(WeatherYear::hourOfDay(h), peak, flat, valley);
            s.feedInPrice = p("feed_in_price", 0.30);
            s.gasPrice = p("gas_price", 0.35);
            s.biomassPrice = p("biomass_price", 0.20);
            s.co2Grid = p("co2_grid", s.co2Grid);
            s.co2Gas = p("co2_gas", s.co2Gas);
            s.co2Biomass = p("co2_biomass", s.co2Biomass);
            s.pefGrid = p("pef_grid", s.pefGrid);
            s.pefGas = p("pef_gas", s.pefGas);
            s.pefBiomass = p("pef_biomass", s.pefBiomass);
            break;
        }
        }
    }
    if (!haveGrid)
        warn(QStringLiteral("no grid connection: the town runs as an island"));
    // Selling above the cheapest purchase price would pay for importing just to export.
    const double cheapest = haveGrid ? *std::min_element(s.importPrice.begin(), s.importPrice.end()) : 0.0;
    if (haveGrid && s.feedInPrice >= cheapest) {
        warn(QStringLiteral("feed-in price %1 is not below the lowest tariff %2; capped at 99% of it")
                 .arg(s.feedInPrice).arg(cheapest));
        s.feedInPrice = 0.99 * cheapest;
    }
    s.chpElecEfficiency = std::clamp(chpEl.value(0.40), 0.05, 0.9);
    s.chpThermalEfficiency = std::clamp(chpTh.value(0.45), 0.0, 0.95 - s.chpElecEfficiency);
    s.absorptionCop = std::max(0.1, absCop.value(0.7));
    s.gasBoilerEfficiency = std::clamp(gbEff.value(0.92), 0.1, 1.1);
    s.biomassBoilerEfficiency = std::clamp(bioEff.value(0.85), 0.1, 1.0);
    s.chillerCop = std::max(0.5, chCop.value(4.5));
    s.battery.socMax = std::clamp(s.battery.socMax, s.battery.socMin, 1.0);
    s.thermal.socMax = std::clamp(s.thermal.socMax, s.thermal.socMin, 1.0);

    // Ground-source COP: a fraction of Carnot between the ground and a supply
    // temperature that follows a heating curve (35 °C above 15 °C outdoors, 55 °C at -12 °C).
    s.heatPumpCop.resize(kHours);
    for (int h = 0; h < kHours; ++h) {
        const double supply = std::clamp(35.0 + 20.0 * (15.0 - weather.dryBulbC[h]) / 27.0, 35.0, 55.0);
        const double lift = std::max(5.0, supply - hpSource);
        s.heatPumpCop[h] = std::clamp(hpCarnot * (supply + 273.15) / lift, 1.0, hpMaxCop);
    }
    return s;
}

} // namespace tt
