// SPDX-License-Identifier: MIT
#include "DefaultAssetSizer.h"

#include "EnergySystem.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
// Roofs smaller than this carry no PV (chimneys, dormers and setbacks eat small roofs).
constexpr double kMinRoofM2 = 50.0;
// Farmland parcels smaller than this get no agrivoltaic field.
constexpr double kMinFieldM2 = 10000.0;
// Share of the farmland under elevated agrivoltaic rows (crops keep growing below).
constexpr double kAgrivoltaicLandShare = 0.10;
// One car-sharing EV replaces several private cars; one per 20 residents.
constexpr double kResidentsPerEv = 20.0;

double peakOf(const std::vector<double> &a, const std::vector<double> *b = nullptr)
{
    double peak = 0.0;
    for (size_t h = 0; h < a.size(); ++h)
        peak = std::max(peak, a[h] + (b ? (*b)[h] : 0.0));
    return peak;
}

double meanOf(const std::vector<double> &a)
{
    double sum = 0.0;
    for (double v : a)
        sum += v;
    return a.empty() ? 0.0 : sum / double(a.size());
}

EnergyAsset asset(EnergyAssetType type, const QString &name, Vec2 position, const QVariantMap &parameters)
{
    EnergyAsset a;
    a.type = type;
    a.name = name;
    a.position = position;
    a.parameters = parameters;
    return a;
}
} // namespace

QVector<EnergyAsset> DefaultAssetSizer::size(const Town &town, const DemandSeries &demand,
                                             const ArchetypeLibrary &library)
{
    QVector<EnergyAsset> out;
    const double peakHeat = peakOf(demand.heating, &demand.dhw);
    const double peakCool = peakOf(demand.cooling);
    const double peakElec = peakOf(demand.electricity);
    const double meanElec = meanOf(demand.electricity);

    const double pvAzimuth = EnergySystem::defaultPvAzimuthDeg(town.site.latitude);

    Vec2 plant = town.dataBounds().isEmpty() ? Vec2{} : town.dataBounds().center();
    double residents = 0.0;
    for (const Building &b : town.buildings) {
        if (b.context)
            continue;
        for (const UseShare &u : b.useShares())
            if (u.use == BuildingUse::Residential)
                residents += u.share * b.grossFloorArea() / library.archetype(BuildingUse::Residential).m2PerPerson;
        if (b.use == BuildingUse::Energy)
            plant = geometry::centroid(b.footprint);
        if (b.footprintArea() < kMinRoofM2)
            continue;
        const QString label = b.sourceId.isEmpty() ? QString::number(b.id) : b.sourceId;
        EnergyAsset pv = asset(EnergyAssetType::RooftopPv, QStringLiteral("PV on %1").arg(label),
                               geometry::centroid(b.footprint),
                               {{"area_share", 0.5}, {"module_efficiency", 0.20}, {"tilt_deg", 15.0},
                                {"azimuth_deg", pvAzimuth}});
        pv.hostBuilding = b.id;
        out.append(pv);
    }

    const Zone *largestField = nullptr;
    for (const Zone &z : town.zones) {
        if (z.zoneClass != ZoneClass::Agricultural || z.areaM2() < kMinFieldM2)
            continue;
        EnergyAsset field = asset(EnergyAssetType::GroundPv, QStringLiteral("Agrivoltaics %1").arg(z.name),
                                  geometry::centroid(z.area),
                                  {{"land_share", kAgrivoltaicLandShare}, {"kwp_per_m2", 0.05}, {"tilt_deg", 25.0},
                                   {"azimuth_deg", pvAzimuth}});
        field.area = z.area;
        out.append(field);
        if (!largestField || z.areaM2() > largestField->areaM2())
            largestField = &z;
    }
    if (largestField)
        out.append(asset(EnergyAssetType::WindTurbine, QStringLiteral("Wind turbines"),
                         geometry::centroid(largestField->area),
                         {{"count", 2}, {"rated_kw", 2000.0}, {"hub_height_m", 100.0}, {"cut_in_ms", 3.0},
                          {"rated_speed_ms", 12.0}, {"cut_out_ms", 25.0}, {"shear_alpha", 0.14}}));

    // Trigeneration covers the heat base load: 30% of peak heat gives most of the annual heat.
    const double elecEff = 0.40, thermalEff = 0.45;
    const double chpHeat = 0.3 * peakHeat;
    const double chpElec = chpHeat * elecEff / thermalEff;
    const double absorption = std::min(0.5 * peakCool, chpHeat * 0.7);
    if (chpElec > 0.0)
        out.append(asset(EnergyAssetType::Chp, QStringLiteral("Trigeneration plant"), plant,
                         {{"elec_kw", chpElec}, {"elec_efficiency", elecEff}, {"thermal_efficiency", thermalEff},
                          {"absorption_cooling_kw", absorption}, {"absorption_cop", 0.7}, {"min_load", 0.3}}));
    const double heatPump = 0.4 * peakHeat;
    if (heatPump > 0.0) {
        out.append(asset(EnergyAssetType::HeatPump, QStringLiteral("Ground-source heat pumps"), plant,
                         {{"heat_kw", heatPump}, {"source_temp_c", 10.0}, {"carnot_efficiency", 0.45},
                          {"max_cop", 6.0}}));
        out.append(asset(EnergyAssetType::BiomassBoiler, QStringLiteral("Biomass boiler"), plant,
                         {{"heat_kw", 0.1 * peakHeat}, {"efficiency", 0.85}}));
        out.append(asset(EnergyAssetType::GasBoiler, QStringLiteral("Gas peak and backup boilers"), plant,
                         {{"heat_kw", peakHeat}, {"efficiency", 0.92}}));
        out.append(asset(EnergyAssetType::ThermalStorage, QStringLiteral("Hot-water tank"), plant,
                         {{"capacity_kwh", 4.0 * (chpHeat + heatPump)}, {"power_kw", chpHeat + heatPump},
                          {"charge_efficiency", 0.98}, {"discharge_efficiency", 0.98}, {"loss_per_hour", 0.005},
                          {"soc_min", 0.0}, {"soc_max", 1.0}, {"initial_soc", 0.5}}));
    }
    if (peakCool > 0.0)
        out.append(asset(EnergyAssetType::Chiller, QStringLiteral("Electric chillers"), plant,
                         {{"cooling_kw", peakCool}, {"cop", 4.5}}));
    if (meanElec > 0.0)
        out.append(asset(EnergyAssetType::Battery, QStringLiteral("Battery"), plant,
                         {{"capacity_kwh", 2.0 * meanElec}, {"power_kw", meanElec}, {"charge_efficiency", 0.95},
                          {"discharge_efficiency", 0.95}, {"soc_min", 0.1}, {"soc_max", 0.95}, {"initial_soc", 0.5}}));
    const double vehicles = std::floor(residents / kResidentsPerEv);
    if (vehicles >= 1.0)
        out.append(asset(EnergyAssetType::EvFleet, QStringLiteral("Shared EV fleet"), plant,
                         {{"vehicles", vehicles}, {"battery_kwh", 60.0}, {"charger_kw", 11.0}, {"efficiency", 0.92},
                          {"departure_soc", 0.8}, {"min_soc", 0.3}, {"v2g", true}}));
    const double gridKw = 1.5 * (peakElec + heatPump / 3.0 + peakCool / 3.0);
    out.append(asset(EnergyAssetType::GridConnection, QStringLiteral("Grid connection"), plant,
                     {{"import_limit_kw", gridKw}, {"export_limit_kw", gridKw}, {"price_peak", 1.10},
                      {"price_flat", 0.70}, {"price_valley", 0.35}, {"feed_in_price", 0.30}, {"gas_price", 0.35},
                      {"biomass_price", 0.20}, {"co2_grid", 0.581}, {"co2_gas", 0.202}, {"co2_biomass", 0.02},
                      {"pef_grid", 2.5}, {"pef_gas", 1.1}, {"pef_biomass", 0.2}}));
    return out;
}

} // namespace tt
