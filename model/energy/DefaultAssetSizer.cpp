// SPDX-License-Identifier: MIT
#include "DefaultAssetSizer.h"

#include "EnergySystem.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
// One car-sharing EV replaces several private cars; one per 20 residents.
constexpr double kResidentsPerEv = 20.0;
// The shared fleet's V2G reserve: a sizing choice of the default set, not technology
// data (technologies.json's min_soc is a single asset's).
constexpr double kFleetMinSoc = 0.3;

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

// The efficiencies and limits of a store as asset parameters (not its loss or wear).
QVariantMap storageParameters(const StorageUnit &u)
{
    return {{"charge_efficiency", u.chargeEfficiency}, {"discharge_efficiency", u.dischargeEfficiency},
            {"soc_min", u.socMin}, {"soc_max", u.socMax}, {"initial_soc", u.initialSoc}};
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
                                             const ArchetypeLibrary &library, const TechnologyParameters &tech)
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
                               {{"area_share", kRoofAreaShare},
                                {"module_efficiency", tech.rooftopPv.moduleEfficiency},
                                {"tilt_deg", tech.rooftopPv.tiltDeg},
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
                                  {{"land_share", kAgrivoltaicLandShare}, {"kwp_per_m2", tech.groundPv.kwpPerM2},
                                   {"tilt_deg", tech.groundPv.tiltDeg}, {"azimuth_deg", pvAzimuth}});
        field.area = z.area;
        out.append(field);
        if (!largestField || z.areaM2() > largestField->areaM2())
            largestField = &z;
    }
    if (largestField) {
        const WindTurbineParameters &t = tech.wind.turbine;
        out.append(asset(EnergyAssetType::WindTurbine, QStringLiteral("Wind turbines"),
                         geometry::centroid(largestField->area),
                         {{"count", kWindTurbines}, {"rated_kw", t.ratedKw}, {"hub_height_m", t.hubHeightM},
                          {"cut_in_ms", t.cutInMs}, {"rated_speed_ms", t.ratedSpeedMs}, {"cut_out_ms", t.cutOutMs},
                          {"shear_alpha", t.shearAlpha}}));
    }

    // Trigeneration covers the heat base load: 30% of peak heat gives most of the annual heat.
    const ChpParameters &chp = tech.chp;
    const double chpHeat = 0.3 * peakHeat;
    const double chpElec = chpHeat * chp.elecEfficiency / chp.thermalEfficiency;
    // The absorption chiller is no larger than all of the CHP's heat can drive.
    const double absorption = std::min(0.5 * peakCool, chpHeat * chp.absorptionCop);
    if (chpElec > 0.0)
        out.append(asset(EnergyAssetType::Chp, QStringLiteral("Trigeneration plant"), plant,
                         {{"elec_kw", chpElec}, {"elec_efficiency", chp.elecEfficiency},
                          {"thermal_efficiency", chp.thermalEfficiency}, {"absorption_cooling_kw", absorption},
                          {"absorption_cop", chp.absorptionCop}, {"min_load", chp.minLoad}}));
    const double heatPump = 0.4 * peakHeat;
    if (heatPump > 0.0) {
        out.append(asset(EnergyAssetType::HeatPump, QStringLiteral("Ground-source heat pumps"), plant,
                         {{"heat_kw", heatPump}, {"carnot_efficiency", tech.heatPump.carnotEfficiency},
                          {"cooling_carnot_efficiency", tech.heatPump.coolingCarnotEfficiency},
                          {"max_cop", tech.heatPump.maxCop}}));
        out.append(asset(EnergyAssetType::BiomassBoiler, QStringLiteral("Biomass boiler"), plant,
                         {{"heat_kw", 0.1 * peakHeat}, {"efficiency", tech.biomassBoiler.efficiency}}));
        out.append(asset(EnergyAssetType::GasBoiler, QStringLiteral("Gas peak and backup boilers"), plant,
                         {{"heat_kw", peakHeat}, {"efficiency", tech.gasBoiler.efficiency}}));
        QVariantMap tank = storageParameters(tech.thermalStorage.unit);
        tank.insert(QStringLiteral("capacity_kwh"), 4.0 * (chpHeat + heatPump));
        tank.insert(QStringLiteral("power_kw"), chpHeat + heatPump);
        tank.insert(QStringLiteral("loss_per_hour"), tech.thermalStorage.unit.lossPerHour);
        out.append(asset(EnergyAssetType::ThermalStorage, QStringLiteral("Hot-water tank"), plant, tank));
    }
    if (peakCool > 0.0)
        out.append(asset(EnergyAssetType::Chiller, QStringLiteral("Electric chillers"), plant,
                         {{"cooling_kw", peakCool}, {"cop", tech.chiller.cop}}));
    if (meanElec > 0.0) {
        QVariantMap battery = storageParameters(tech.battery.unit);
        battery.insert(QStringLiteral("capacity_kwh"), 2.0 * meanElec);
        battery.insert(QStringLiteral("power_kw"), meanElec);
        out.append(asset(EnergyAssetType::Battery, QStringLiteral("Battery"), plant, battery));
    }
    const double vehicles = std::floor(residents / kResidentsPerEv);
    const EvFleetParameters &fleet = tech.evFleet;
    if (vehicles >= 1.0)
        out.append(asset(EnergyAssetType::EvFleet, QStringLiteral("Shared EV fleet"), plant,
                         {{"vehicles", vehicles}, {"battery_kwh", fleet.batteryKwh}, {"charger_kw", fleet.chargerKw},
                          {"efficiency", fleet.efficiency}, {"departure_soc", fleet.departureSoc},
                          {"min_soc", kFleetMinSoc}, {"v2g", true}}));
    const double gridKw = 1.5 * (peakElec + heatPump / 3.0 + peakCool / 3.0);
    const GridParameters &grid = tech.grid;
    out.append(asset(EnergyAssetType::GridConnection, QStringLiteral("Grid connection"), plant,
                     {{"import_limit_kw", gridKw}, {"export_limit_kw", gridKw}, {"co2_grid", grid.co2Grid}, {"co2_gas", grid.co2Gas},
                      {"co2_biomass", grid.co2Biomass}, {"pef_grid", grid.pefGrid}, {"pef_gas", grid.pefGas},
                      {"pef_biomass", grid.pefBiomass}}));
    return out;
}

} // namespace tt
