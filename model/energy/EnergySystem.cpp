// SPDX-License-Identifier: MIT
#include "EnergySystem.h"

#include "PvModel.h"
#include "SolarYear.h"
#include "Tariff.h"
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

PvParameters pvParameters(const EnergyAsset &a, double kwp, const PvParameters &defaults)
{
    PvParameters pv = defaults;
    pv.kwp = kwp;
    pv.noctC = a.parameter(QStringLiteral("noct_c"), pv.noctC);
    pv.tempCoeffPerK = a.parameter(QStringLiteral("temp_coeff_per_k"), pv.tempCoeffPerK);
    pv.inverterEfficiency = a.parameter(QStringLiteral("inverter_efficiency"), pv.inverterEfficiency);
    pv.systemLosses = a.parameter(QStringLiteral("system_losses"), pv.systemLosses);
    return pv;
}

void addStorage(StorageUnit *s, const EnergyAsset &a, const StorageParameters &technology, double *largest)
{
    const StorageUnit &defaults = technology.unit;
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
    s->powerKw += std::max(0.0, a.parameter(QStringLiteral("power_kw"), cap * technology.powerKwPerKwh));
}

// The asset's own trips; keys a trip leaves out are taken from the first default trip.
QVector<EvTrip> assetTrips(const QVariantList &list, const EvTrip &fallback)
{
    QVector<EvTrip> trips;
    for (const QVariant &tv : list) {
        const QVariantMap t = tv.toMap();
        EvTrip trip;
        trip.name = t.value(QStringLiteral("name")).toString();
        trip.share = t.value(QStringLiteral("share"), 1.0).toDouble();
        trip.departHour = t.value(QStringLiteral("depart_hour"), fallback.departHour).toInt();
        trip.returnHour = t.value(QStringLiteral("return_hour"), fallback.returnHour).toInt();
        trip.tripKwh = t.value(QStringLiteral("trip_kwh"), fallback.tripKwh).toDouble();
        trip.weekdaysOnly = t.value(QStringLiteral("weekdays_only"), false).toBool();
        trips.append(trip);
    }
    return trips;
}

void addEvFleet(EnergySystem *sys, const EnergyAsset &a, const EvFleetParameters &fleet, const WeatherYear &weather,
                QStringList *warnings)
{
    const double vehicles = std::max(0.0, a.parameter(QStringLiteral("vehicles"), fleet.vehicles));
    const double battery = std::max(1.0, a.parameter(QStringLiteral("battery_kwh"), fleet.batteryKwh));
    const double charger = std::max(0.0, a.parameter(QStringLiteral("charger_kw"), fleet.chargerKw));
    sys->evVehicles += vehicles;
    if (sys->evCohorts.empty())
        sys->v2gWearCostPerKwh =
            std::max(0.0, a.parameter(QStringLiteral("v2g_wear_cost_per_kwh"), fleet.v2gWearCostPerKwh));
    const QVector<EvTrip> trips = a.parameters.contains(QStringLiteral("trips"))
        ? assetTrips(a.parameters.value(QStringLiteral("trips")).toList(),
                     fleet.trips.isEmpty() ? EvTrip{} : fleet.trips.first())
        : fleet.trips;
    for (const EvTrip &t : trips) {
        EvCohort c;
        c.name = a.name + QLatin1Char('/') + t.name;
        const double n = vehicles * std::clamp(t.share, 0.0, 1.0);
        c.capacityKwh = n * battery;
        c.chargerKw = n * charger;
        c.efficiency = a.parameter(QStringLiteral("efficiency"), fleet.efficiency);
        c.departureSoc = std::clamp(a.parameter(QStringLiteral("departure_soc"), fleet.departureSoc), 0.0, 1.0);
        c.minSoc = std::clamp(a.parameter(QStringLiteral("min_soc"), fleet.minSoc), 0.0, c.departureSoc);
        c.v2g = a.parameters.value(QStringLiteral("v2g"), fleet.v2g).toBool();
        c.initialKwh = c.departureSoc * c.capacityKwh;
        const int depart = std::clamp(t.departHour, EvTrip::kEarliestDepartHour, EvTrip::kLatestDepartHour);
        const int back = std::clamp(t.returnHour, depart + 1, EvTrip::kLatestReturnHour);
        double trip = std::max(0.0, t.tripKwh);
        const double usable = (c.departureSoc - c.minSoc) * battery;
        if (trip > usable) {
            if (warnings)
                warnings->append(QStringLiteral("EV fleet '%1': trip of %2 kWh exceeds the usable %3 kWh; clamped")
                                     .arg(c.name).arg(trip).arg(usable));
            trip = usable;
        }
        const bool weekdaysOnly = t.weekdaysOnly;
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

EnergySystem EnergySystem::fromTown(const Town &town, const WeatherYear &weather, const TechnologyParameters &tech,
                                    QStringList *warnings)
{
    EnergySystem s;
    s.pvKw.assign(kHours, 0.0);
    s.rooftopPvKw.assign(kHours, 0.0);
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
    double hpLargest = 0.0;
    HeatPumpParameters heatPump = tech.heatPump;
    double hpSourceC = NAN;  // the largest heat pump's own source temperature, if it gives one
    double batteryLargest = 0.0, thermalLargest = 0.0;
    // Without a unit the empty store keeps the technology's efficiencies and limits.
    s.battery = tech.battery.unit;
    s.thermal = tech.thermalStorage.unit;
    // Emission and primary energy factors apply with or without a grid connection;
    // limits and electricity prices come with one.
    s.co2Grid = tech.grid.co2Grid;
    s.co2Gas = tech.grid.co2Gas;
    s.co2Biomass = tech.grid.co2Biomass;
    s.pefGrid = tech.grid.pefGrid;
    s.pefGas = tech.grid.pefGas;
    s.pefBiomass = tech.grid.pefBiomass;
    s.baseline = tech.baseline;
    s.chpMinLoad = tech.chp.minLoad;
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
                    areaM2 = host ? host->footprintArea() * p("area_share", tech.rooftopPv.areaShare) : 0.0;
                    kwp = areaM2 * p("module_efficiency", tech.rooftopPv.moduleEfficiency);
                } else {
                    kwp = areaM2 * p("land_share", tech.groundPv.landShare) * p("kwp_per_m2", tech.groundPv.kwpPerM2);
                }
            }
            if (kwp <= 0.0) {
                warn(QStringLiteral("PV asset '%1' has no kwp, host roof or area; ignored").arg(a.name));
                break;
            }
            const PvParameters pv = pvParameters(a, kwp, tech.pv);
            const std::vector<double> &g = poa(p("tilt_deg", roof ? tech.rooftopPv.tiltDeg : tech.groundPv.tiltDeg),
                                               p("azimuth_deg", defaultPvAzimuthDeg(town.site.latitude)));
            double annual = 0.0;
            for (int h = 0; h < kHours; ++h) {
                const double kw = PvModel::acPowerKw(g[h], weather.dryBulbC[h], pv);
                s.pvKw[h] += kw;
                if (roof)
                    s.rooftopPvKw[h] += kw;
                annual += kw;
            }
            if (roof)
                s.pvKwhByBuilding[a.hostBuilding] += annual;
            (roof ? s.rooftopPvKwp : s.groundPvKwp) += kwp;
            break;
        }
        case EnergyAssetType::WindTurbine: {
            WindTurbineParameters t = tech.wind.turbine;
            t.ratedKw = p("rated_kw", t.ratedKw);
            t.hubHeightM = p("hub_height_m", t.hubHeightM);
            t.cutInMs = p("cut_in_ms", t.cutInMs);
            t.ratedSpeedMs = p("rated_speed_ms", t.ratedSpeedMs);
            t.cutOutMs = p("cut_out_ms", t.cutOutMs);
            t.shearAlpha = p("shear_alpha", t.shearAlpha);
            const double count = std::max(0.0, p("count", tech.wind.count));
            const double availability = p("availability", tech.wind.availability);
            s.windRatedKw += count * t.ratedKw;
            for (int h = 0; h < kHours; ++h)
                s.windKw[h] += count * availability
                    * WindModel::powerKw(WindModel::hubSpeed(weather.windMs[h], t.hubHeightM, t.shearAlpha), t);
            break;
        }
        case EnergyAssetType::Chp: {
            const double el = std::max(0.0, p("elec_kw", 0.0));
            s.chpElecKw += el;
            chpEl.add(el, p("elec_efficiency", tech.chp.elecEfficiency));
            chpTh.add(el, p("thermal_efficiency", tech.chp.thermalEfficiency));
            const double absKw = std::max(0.0, p("absorption_cooling_kw", 0.0));
            s.absorptionCoolKw += absKw;
            absCop.add(absKw, p("absorption_cop", tech.chp.absorptionCop));
            s.chpMinLoad = p("min_load", s.chpMinLoad);  // the last CHP's
            break;
        }
        case EnergyAssetType::GasBoiler:
            s.gasBoilerKw += std::max(0.0, p("heat_kw", 0.0));
            gbEff.add(p("heat_kw", 0.0), p("efficiency", tech.gasBoiler.efficiency));
            break;
        case EnergyAssetType::BiomassBoiler:
            s.biomassBoilerKw += std::max(0.0, p("heat_kw", 0.0));
            bioEff.add(p("heat_kw", 0.0), p("efficiency", tech.biomassBoiler.efficiency));
            break;
        case EnergyAssetType::HeatPump: {
            const double kw = std::max(0.0, p("heat_kw", 0.0));
            s.heatPumpKw += kw;
            if (kw > hpLargest) {
                hpLargest = kw;
                hpSourceC = p("source_temp_c", NAN);
                heatPump.carnotEfficiency = p("carnot_efficiency", tech.heatPump.carnotEfficiency);
                heatPump.coolingCarnotEfficiency
                    = p("cooling_carnot_efficiency", tech.heatPump.coolingCarnotEfficiency);
                heatPump.maxCop = p("max_cop", tech.heatPump.maxCop);
            }
            break;
        }
        case EnergyAssetType::Chiller:
            s.chillerKw += std::max(0.0, p("cooling_kw", 0.0));
            chCop.add(p("cooling_kw", 0.0), p("cop", tech.chiller.cop));
            break;
        case EnergyAssetType::Battery:
            addStorage(&s.battery, a, tech.battery, &batteryLargest);
            break;
        case EnergyAssetType::ThermalStorage:
            addStorage(&s.thermal, a, tech.thermalStorage, &thermalLargest);
            break;
        case EnergyAssetType::EvFleet:
            addEvFleet(&s, a, tech.evFleet, weather, warnings);
            break;
        case EnergyAssetType::GridConnection: {
            const GridParameters &grid = tech.grid;
            s.importLimitKw += std::max(0.0, p("import_limit_kw", grid.importLimitKw));
            s.exportLimitKw += std::max(0.0, p("export_limit_kw", grid.exportLimitKw));
            for (const char *price : {"price_peak", "price_flat", "price_valley", "feed_in_price", "gas_price",
                                      "biomass_price"})
                if (a.parameters.contains(QLatin1String(price)))
                    warn(QStringLiteral("grid connection '%1': %2 is not read any more: prices come from the "
                                        "project's tariff (Energy dock, Tariff)")
                             .arg(a.name, QLatin1String(price)));
            if (haveGrid)
                break;  // factors come from the first connection
            haveGrid = true;
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
    // An island buys fuel all the same; only the electricity prices need a connection.
    const Tariff tariff = Tariff::forTown(town, nullptr, warnings);
    s.gasPrice = tariff.gasPerKwh;
    s.biomassPrice = tariff.biomassPerKwh;
    if (haveGrid) {
        s.importPrice = tariff.hourlyPrices();
        s.feedInPrice = tariff.feedInPerKwh;
        s.demandChargePerKwMonth = tariff.demandChargePerKwMonth;
    } else {
        warn(QStringLiteral("no grid connection: the town runs as an island"));
    }
    // Asset parameters are clamped to the ranges a technologies file may give
    // (COPs only from below: a high one is optimistic, not impossible).
    const auto clamped = [](double v, const char *technology, const char *parameter) {
        const TechnologyParameters::Range r = TechnologyParameters::range(technology, parameter);
        return std::clamp(v, r.min, r.max);
    };
    const auto atLeast = [](double v, const char *technology, const char *parameter) {
        return std::max(TechnologyParameters::range(technology, parameter).min, v);
    };
    s.chpElecEfficiency = clamped(chpEl.value(tech.chp.elecEfficiency), "chp", "elec_efficiency");
    s.chpThermalEfficiency = std::clamp(chpTh.value(tech.chp.thermalEfficiency), 0.0,
                                        ChpParameters::kMaxTotalEfficiency - s.chpElecEfficiency);
    s.absorptionCop = atLeast(absCop.value(tech.chp.absorptionCop), "chp", "absorption_cop");
    s.gasBoilerEfficiency = clamped(gbEff.value(tech.gasBoiler.efficiency), "gas_boiler", "efficiency");
    s.biomassBoilerEfficiency = clamped(bioEff.value(tech.biomassBoiler.efficiency), "biomass_boiler", "efficiency");
    s.chillerCop = atLeast(chCop.value(tech.chiller.cop), "chiller", "cop");
    s.battery.socMax = std::clamp(s.battery.socMax, s.battery.socMin, 1.0);
    s.thermal.socMax = std::clamp(s.thermal.socMax, s.thermal.socMin, 1.0);

    // Ground-source COPs: a fraction of Carnot between the ground (the EPW's ground
    // temperatures, or the asset's own source) and the heating curve, the hot-water
    // temperature or, cooling, the chilled water (the largest heat pump's data).
    const std::vector<double> ground = std::isnan(hpSourceC) ? weather.groundTemperatureC(heatPump.sourceDepthM)
                                                            : std::vector<double>(kHours, hpSourceC);
    s.heatPumpSpaceCop.resize(kHours);
    s.heatPumpDhwCop.resize(kHours);
    s.heatPumpCoolingCop.resize(kHours);
    for (int h = 0; h < kHours; ++h) {
        s.heatPumpSpaceCop[h] = heatPump.cop(weather.dryBulbC[h], ground[h]);
        s.heatPumpDhwCop[h] = heatPump.dhwCop(ground[h]);
        s.heatPumpCoolingCop[h] = heatPump.coolingCop(ground[h]);
    }
    s.heatPumpCop = s.heatPumpSpaceCop;
    return s;
}

double EnergySystem::demandCharge(const std::vector<double> &importKw) const
{
    double peaks[12] = {};
    for (size_t h = 0; h < importKw.size(); ++h) {
        double &peak = peaks[WeatherYear::monthOf(int(h))];
        peak = std::max(peak, importKw[h]);
    }
    double sum = 0.0;
    for (double p : peaks)
        sum += p;
    return sum * demandChargePerKwMonth;
}

namespace {
// Hours [first, first + hours) of an hourly series, wrapping past its end; empty stays empty.
template <typename T>
std::vector<T> slice(const std::vector<T> &v, int first, int hours)
{
    std::vector<T> out;
    if (v.empty() || hours <= 0)
        return out;
    const long long n = (long long)v.size();
    out.reserve(size_t(hours));
    long long h = ((long long)first % n + n) % n;
    for (int i = 0; i < hours; ++i) {
        out.push_back(v[size_t(h)]);
        if (++h == n)
            h = 0;
    }
    return out;
}
} // namespace

EnergySystem EnergySystem::window(int firstHour, int hours) const
{
    EnergySystem w = *this;
    w.pvKw = slice(pvKw, firstHour, hours);
    w.windKw = slice(windKw, firstHour, hours);
    w.heatPumpCop = slice(heatPumpCop, firstHour, hours);
    w.heatPumpSpaceCop = slice(heatPumpSpaceCop, firstHour, hours);
    w.heatPumpDhwCop = slice(heatPumpDhwCop, firstHour, hours);
    w.heatPumpCoolingCop = slice(heatPumpCoolingCop, firstHour, hours);
    w.importPrice = slice(importPrice, firstHour, hours);
    w.rooftopPvKw = slice(rooftopPvKw, firstHour, hours);
    for (EvCohort &c : w.evCohorts) {
        c.parked = slice(c.parked, firstHour, hours);
        c.departs = slice(c.departs, firstHour, hours);
        c.tripKwh = slice(c.tripKwh, firstHour, hours);
    }
    return w;
}

void EnergySystem::setHeatMix(const std::vector<double> &spaceHeatKw, const std::vector<double> &hotWaterKw)
{
    // A system built by hand may give only heatPumpCop: it stays as given.
    if (heatPumpSpaceCop.size() != heatPumpDhwCop.size() || heatPumpSpaceCop.empty())
        return;
    heatPumpCop = heatPumpSpaceCop;
    for (size_t h = 0; h < heatPumpCop.size() && h < spaceHeatKw.size() && h < hotWaterKw.size(); ++h) {
        const double space = std::max(0.0, spaceHeatKw[h]), water = std::max(0.0, hotWaterKw[h]);
        if (space + water > 0.0)
            heatPumpCop[h] = (space + water) / (space / heatPumpSpaceCop[h] + water / heatPumpDhwCop[h]);
    }
}

} // namespace tt
