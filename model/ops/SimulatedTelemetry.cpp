// SPDX-License-Identifier: MIT
#include "SimulatedTelemetry.h"

#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"

#include <algorithm>

namespace tt {

namespace {

constexpr int kHours = WeatherYear::kHours;

std::vector<float> scaled(const std::vector<double> &flow, double share)
{
    std::vector<float> out(size_t(kHours), 0.0f);
    for (int h = 0; h < kHours && h < int(flow.size()); ++h)
        out[size_t(h)] = float(flow[size_t(h)] * share);
    return out;
}

std::vector<float> difference(const std::vector<double> &a, const std::vector<double> &b, double share)
{
    std::vector<float> out(size_t(kHours), 0.0f);
    for (int h = 0; h < kHours; ++h)
        out[size_t(h)] = float((a[size_t(h)] - b[size_t(h)]) * share);
    return out;
}

std::vector<float> percentOf(const std::vector<double> &kwh, double capacityKwh)
{
    std::vector<float> out(size_t(kHours), 0.0f);
    if (capacityKwh > 0.0)
        for (int h = 0; h < kHours; ++h)
            out[size_t(h)] = float(std::clamp(100.0 * kwh[size_t(h)] / capacityKwh, 0.0, 100.0));
    return out;
}

//! Each asset's share of its kind's town-wide flow, by a rating parameter.
double share(const Town &town, const EnergyAsset &asset, const char *rating)
{
    double total = 0.0;
    for (const EnergyAsset &a : town.assets)
        if (a.type == asset.type)
            total += std::max(0.0, a.parameter(QLatin1String(rating), 0.0));
    const double own = std::max(0.0, asset.parameter(QLatin1String(rating), 0.0));
    if (total > 0.0)
        return own / total;
    const auto sameType = std::count_if(town.assets.begin(), town.assets.end(),
                                        [&asset](const EnergyAsset &a) { return a.type == asset.type; });
    return 1.0 / double(std::max<qint64>(1, sameType));
}

} // namespace

void SimulatedTelemetry::add(EntityId entity, TelemetryQuantity quantity, std::vector<float> values)
{
    m_index.insert(key(entity, quantity), int(m_series.size()));
    m_series.push_back({entity, quantity, std::move(values)});
}

Status SimulatedTelemetry::build(const Town &town, const WeatherYear &weather, const SimulationResult &result,
                                 EnergySimulator &simulator, SimulatedTelemetry *out)
{
    using Q = TelemetryQuantity;
    SimulatedTelemetry t;
    for (const Building &b : result.simulatedBuildings) {
        DemandSeries d;
        if (Status s = simulator.buildingHourly(b, weather, &d); !s)
            return s;
        std::vector<float> heat(static_cast<size_t>(kHours));
        for (int h = 0; h < kHours; ++h)
            heat[size_t(h)] = float(d.heating[size_t(h)] + d.dhw[size_t(h)]);
        t.add(b.id, Q::ElectricityKw, scaled(d.electricity, 1.0));
        t.add(b.id, Q::HeatingKw, std::move(heat));
        t.add(b.id, Q::CoolingKw, scaled(d.cooling, 1.0));
    }

    // Generation of each PV field, roof and turbine: the asset alone through the same model.
    const DispatchResult &dr = result.dispatch;
    const EnergySystem &sys = result.system;
    const auto flow = [&dr](Flow f) -> const std::vector<double> & { return dr.flows[size_t(f)]; };
    for (const EnergyAsset &a : town.assets) {
        switch (a.type) {
        case EnergyAssetType::RooftopPv:
        case EnergyAssetType::GroundPv:
        case EnergyAssetType::WindTurbine: {
            Town alone;
            alone.site = town.site;
            alone.assets.put(a);
            if (const Building *host = town.buildings.find(a.hostBuilding))
                alone.buildings.put(*host);
            const EnergySystem own = EnergySystem::fromTown(alone, weather, simulator.technologies());
            if (a.type == EnergyAssetType::WindTurbine)
                t.add(a.id, Q::WindKw, scaled(own.windKw, 1.0));
            else
                t.add(a.id, Q::PvKw, scaled(own.pvKw, 1.0));
            break;
        }
        case EnergyAssetType::Chp: {
            const double s = share(town, a, "elec_kw");
            t.add(a.id, Q::ChpKw, scaled(flow(Flow::ChpElec), s));
            t.add(a.id, Q::HeatingKw, scaled(flow(Flow::ChpHeat), s));
            if (a.parameter(QStringLiteral("absorption_cooling_kw"), 0.0) > 0.0)
                t.add(a.id, Q::CoolingKw, scaled(flow(Flow::AbsorptionCool), share(town, a, "absorption_cooling_kw")));
            break;
        }
        case EnergyAssetType::GasBoiler:
            t.add(a.id, Q::HeatingKw, scaled(flow(Flow::GasBoilerHeat), share(town, a, "heat_kw")));
            break;
        case EnergyAssetType::BiomassBoiler:
            t.add(a.id, Q::HeatingKw, scaled(flow(Flow::BiomassHeat), share(town, a, "heat_kw")));
            break;
        case EnergyAssetType::HeatPump: {
            const double s = share(town, a, "heat_kw");
            t.add(a.id, Q::HeatingKw, scaled(flow(Flow::HeatPumpHeat), s));
            t.add(a.id, Q::CoolingKw, scaled(flow(Flow::HeatPumpCool), s));
            t.add(a.id, Q::ElectricityKw, scaled(flow(Flow::HeatPumpElec), s));
            break;
        }
        case EnergyAssetType::Chiller: {
            const double s = share(town, a, "cooling_kw");
            t.add(a.id, Q::CoolingKw, scaled(flow(Flow::ChillerCool), s));
            t.add(a.id, Q::ElectricityKw, scaled(flow(Flow::ChillerElec), s));
            break;
        }
        case EnergyAssetType::Battery:
            t.add(a.id, Q::SocPct, percentOf(flow(Flow::BatterySoc), sys.battery.capacityKwh));
            t.add(a.id, Q::ElectricityKw,
                  difference(flow(Flow::BatteryCharge), flow(Flow::BatteryDischarge), share(town, a, "capacity_kwh")));
            break;
        case EnergyAssetType::ThermalStorage:
            t.add(a.id, Q::SocPct, percentOf(flow(Flow::ThermalSoc), sys.thermal.capacityKwh));
            break;
        case EnergyAssetType::EvFleet: {
            const double s = share(town, a, "vehicles");
            double capacity = 0.0;
            for (const EvCohort &c : sys.evCohorts)
                capacity += c.capacityKwh;
            std::vector<float> available(size_t(kHours), 0.0f);
            if (capacity > 0.0)
                for (int h = 0; h < kHours; ++h) {
                    double parked = 0.0;
                    for (const EvCohort &c : sys.evCohorts)
                        parked += c.parked.empty() ? 0.0 : c.parked[size_t(h)] * c.capacityKwh;
                    available[size_t(h)] = float(std::round(sys.evVehicles * s * parked / capacity));
                }
            t.add(a.id, Q::EvAvailable, std::move(available));
            t.add(a.id, Q::SocPct, percentOf(flow(Flow::EvSoc), capacity));
            t.add(a.id, Q::ElectricityKw, difference(flow(Flow::EvCharge), flow(Flow::EvDischarge), s));
            break;
        }
        case EnergyAssetType::GridConnection:
            t.add(a.id, Q::ElectricityKw,
                  difference(flow(Flow::GridImport), flow(Flow::GridExport), share(town, a, "import_limit_kw")));
            break;
        }
    }

    if (result.networkLoads) {
        auto networks = std::make_shared<TownNetworks>();
        if (TownNetworks::build(town, networks.get())) {
            t.m_networks = std::move(networks);
            for (const NetworkLink &l : town.networkLinks)
                t.m_linkQuantity.insert(l.id, l.carrier == NetworkCarrier::Electricity ? Q::ElectricityKw
                                              : l.carrier == NetworkCarrier::Heating   ? Q::HeatingKw
                                                                                       : Q::CoolingKw);
            t.m_networkLoads = result.networkLoads;
        }
    }
    *out = std::move(t);
    return Status::success();
}

const NetworkSnapshot &SimulatedTelemetry::snapshot(int hour) const
{
    if (m_snapshot.hour != hour)
        m_snapshot = NetworkSnapshot::at(*m_networks, *m_networkLoads, hour);
    return m_snapshot;
}

void SimulatedTelemetry::readingsAt(int hour, double ts, std::vector<TelemetryReading> *out) const
{
    if (hour < 0 || hour >= kHours)
        return;
    for (const Series &s : m_series)
        out->push_back({s.entity, s.quantity, ts, double(s.values[size_t(hour)])});
    if (!m_networks)
        return;
    const NetworkSnapshot &snap = snapshot(hour);
    if (!snap.status)
        return;
    for (auto it = snap.voltagePu.constBegin(); it != snap.voltagePu.constEnd(); ++it)
        out->push_back({it.key(), TelemetryQuantity::VoltagePu, ts, it.value()});
    for (auto it = snap.links.constBegin(); it != snap.links.constEnd(); ++it)
        out->push_back({it.key(), m_linkQuantity.value(it.key()), ts, it->kw});
}

bool SimulatedTelemetry::expected(EntityId entity, TelemetryQuantity quantity, int hour, double *value) const
{
    if (hour < 0 || hour >= kHours)
        return false;
    const auto it = m_index.constFind(key(entity, quantity));
    if (it != m_index.constEnd()) {
        *value = double(m_series[size_t(*it)].values[size_t(hour)]);
        return true;
    }
    if (!m_networks)
        return false;
    const NetworkSnapshot &snap = snapshot(hour);
    if (quantity == TelemetryQuantity::VoltagePu) {
        const auto v = snap.voltagePu.constFind(entity);
        if (v == snap.voltagePu.constEnd())
            return false;
        *value = *v;
        return true;
    }
    const auto l = snap.links.constFind(entity);
    if (l == snap.links.constEnd() || m_linkQuantity.value(entity) != quantity)
        return false;
    *value = l->kw;
    return true;
}

} // namespace tt
