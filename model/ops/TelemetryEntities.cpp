// SPDX-License-Identifier: MIT
#include "TelemetryEntities.h"

#include "core/Town.h"

#include <QStringList>

#include <cmath>

namespace tt {

namespace {

// Where nothing rates an entity: a gigawatt is more than any small town's plant or line carries.
constexpr double kUnbounded = 1e6;
// The densest loads a floor can carry: data halls reach about 2 kW/m²; nothing else
// comes close, so more than this per m² of floor is a wrong unit or a broken meter.
constexpr double kMaxKwPerM2 = 2.0;
// Best modules convert about 23 % of 1000 W/m²; with margin for cold, bright hours.
constexpr double kMaxPvKwPerM2 = 0.3;
// Readings up to this share above a rating are still possible (overload, meter error).
constexpr double kRatingMargin = 1.3;
// A small building or asset still draws this much without being an error.
constexpr double kMinCeilingKw = 50.0;

TelemetryLimits upTo(double max) { return {0.0, max}; }
TelemetryLimits both(double magnitude) { return {-magnitude, magnitude}; }
double rated(double kw) { return kw > 0.0 ? kRatingMargin * kw : kUnbounded; }

//! Outdoor air, rooms and supply water all fit in this.
constexpr TelemetryLimits kTemperature{-60.0, 150.0};

} // namespace

TelemetryEntities::TelemetryEntities(const Town &town)
{
    using Q = TelemetryQuantity;
    for (const Building &b : town.buildings) {
        Entry e;
        e.id = b.id;
        e.kind = MeteredKind::Building;
        e.name = b.sourceId.isEmpty() ? QStringLiteral("building %1").arg(b.id)
                                      : QStringLiteral("building %1 (%2)").arg(b.id).arg(b.sourceId);
        const double floor = b.grossFloorArea() + b.basementFloorArea();
        const double ceiling = std::max(kMinCeilingKw, kMaxKwPerM2 * floor);
        const double roofPv = kMaxPvKwPerM2 * b.footprintArea();
        e.limits[int(Q::ElectricityKw)] = TelemetryLimits{-roofPv, ceiling};
        e.limits[int(Q::HeatingKw)] = upTo(ceiling);
        e.limits[int(Q::CoolingKw)] = upTo(ceiling);
        e.limits[int(Q::PvKw)] = upTo(std::max(1.0, roofPv));
        e.limits[int(Q::TemperatureC)] = kTemperature;
        add(e, {b.sourceId});
    }
    for (const EnergyAsset &a : town.assets) {
        Entry e;
        e.id = a.id;
        e.kind = MeteredKind::Asset;
        e.name = QStringLiteral("asset %1 '%2'").arg(a.id).arg(a.name);
        const auto p = [&a](const char *key) { return std::max(0.0, a.parameter(QLatin1String(key), 0.0)); };
        auto &L = e.limits;
        L[int(Q::TemperatureC)] = kTemperature;
        switch (a.type) {
        case EnergyAssetType::RooftopPv:
        case EnergyAssetType::GroundPv: {
            double kwp = p("kwp");
            if (kwp <= 0.0) {
                const Building *host = town.buildings.find(a.hostBuilding);
                const double area = a.type == EnergyAssetType::RooftopPv ? (host ? host->footprintArea() : 0.0)
                                                                         : geometry::area(a.area);
                kwp = kMaxPvKwPerM2 * area;
            }
            // Inverters draw a little at night.
            L[int(Q::PvKw)] = TelemetryLimits{-1.0, rated(kwp)};
            e.rating = kwp;
            e.ratedQuantity = Q::PvKw;
            break;
        }
        case EnergyAssetType::WindTurbine: {
            const double count = a.parameters.contains(QStringLiteral("count")) ? p("count") : 1.0;
            L[int(Q::WindKw)] = TelemetryLimits{-1.0, p("rated_kw") > 0.0 ? rated(count * p("rated_kw")) : kUnbounded};
            e.rating = count * p("rated_kw");
            e.ratedQuantity = Q::WindKw;
            break;
        }
        case EnergyAssetType::Chp:
            L[int(Q::ChpKw)] = upTo(rated(p("elec_kw")));
            e.rating = p("elec_kw");
            e.ratedQuantity = Q::ChpKw;
            // Heat per electricity of gas engines stays below about 1.5; 3 is safe.
            L[int(Q::HeatingKw)] = upTo(p("elec_kw") > 0.0 ? rated(3.0 * p("elec_kw")) : kUnbounded);
            L[int(Q::CoolingKw)] = upTo(rated(p("absorption_cooling_kw")));
            break;
        case EnergyAssetType::GasBoiler:
        case EnergyAssetType::BiomassBoiler:
            L[int(Q::HeatingKw)] = upTo(rated(p("heat_kw")));
            e.rating = p("heat_kw");
            e.ratedQuantity = Q::HeatingKw;
            break;
        case EnergyAssetType::HeatPump:
            L[int(Q::HeatingKw)] = upTo(rated(p("heat_kw")));
            L[int(Q::CoolingKw)] = upTo(rated(p("heat_kw")));
            L[int(Q::ElectricityKw)] = upTo(rated(p("heat_kw")));
            e.rating = p("heat_kw");
            e.ratedQuantity = Q::HeatingKw;
            break;
        case EnergyAssetType::Chiller:
            L[int(Q::CoolingKw)] = upTo(rated(p("cooling_kw")));
            L[int(Q::ElectricityKw)] = upTo(rated(p("cooling_kw")));
            e.rating = p("cooling_kw");
            e.ratedQuantity = Q::CoolingKw;
            break;
        case EnergyAssetType::Battery: {
            // Without a power rating, 2C is more than stationary batteries deliver.
            const double power = p("power_kw") > 0.0 ? p("power_kw") : 2.0 * p("capacity_kwh");
            L[int(Q::SocPct)] = TelemetryLimits{0.0, 100.0};
            L[int(Q::ElectricityKw)] = both(power > 0.0 ? kRatingMargin * power : kUnbounded);
            e.rating = power;
            e.ratedQuantity = Q::ElectricityKw;
            break;
        }
        case EnergyAssetType::ThermalStorage:
            L[int(Q::SocPct)] = TelemetryLimits{0.0, 100.0};
            L[int(Q::HeatingKw)] = both(kUnbounded);
            break;
        case EnergyAssetType::EvFleet: {
            const double vehicles = p("vehicles");
            L[int(Q::SocPct)] = TelemetryLimits{0.0, 100.0};
            L[int(Q::EvAvailable)] = upTo(vehicles > 0.0 ? vehicles : kUnbounded);
            e.rating = vehicles;
            e.ratedQuantity = Q::EvAvailable;
            // A fast charger per vehicle is the most a hub can draw or return.
            L[int(Q::ElectricityKw)] = both(vehicles > 0.0 ? 150.0 * vehicles : kUnbounded);
            break;
        }
        case EnergyAssetType::GridConnection:
            L[int(Q::ElectricityKw)] = both(p("import_limit_kw") > 0.0 ? rated(p("import_limit_kw")) : kUnbounded);
            e.rating = p("import_limit_kw");
            e.ratedQuantity = Q::ElectricityKw;
            L[int(Q::VoltagePu)] = upTo(2.0);
            break;
        }
        // Names with a slash cannot be one topic level.
        add(e, a.name.contains(QLatin1Char('/')) ? QStringList() : QStringList{a.name});
    }
    for (const NetworkNode &n : town.networkNodes) {
        Entry e;
        e.id = n.id;
        e.kind = MeteredKind::NetworkNode;
        e.name = n.sourceId.isEmpty() ? QStringLiteral("network node %1").arg(n.id)
                                      : QStringLiteral("network node %1 (%2)").arg(n.id).arg(n.sourceId);
        if (n.carrier == NetworkCarrier::Electricity)
            e.limits[int(Q::VoltagePu)] = upTo(2.0);
        else
            e.limits[int(Q::TemperatureC)] = kTemperature;
        add(e, {n.sourceId});
    }
    for (const NetworkLink &l : town.networkLinks) {
        Entry e;
        e.id = l.id;
        e.kind = MeteredKind::NetworkLink;
        e.name = l.sourceId.isEmpty() ? QStringLiteral("network link %1").arg(l.id)
                                      : QStringLiteral("network link %1 (%2)").arg(l.id).arg(l.sourceId);
        switch (l.carrier) {
        case NetworkCarrier::Electricity: {
            // √3·V·I of all circuits: what the cable can carry at all.
            const double kw = std::sqrt(3.0) * l.kv * l.ampacityA * std::max(1, l.circuits);
            e.limits[int(Q::ElectricityKw)] = both(kw > 0.0 ? 2.0 * kw : kUnbounded);
            e.rating = kw;
            e.ratedQuantity = Q::ElectricityKw;
            break;
        }
        case NetworkCarrier::Heating:
        case NetworkCarrier::Cooling: {
            // Water at 5 m/s, far above design velocities, across the pair's temperature difference.
            const double d = l.innerDiameterMm / 1000.0;
            const double kw = 5.0 * M_PI / 4.0 * d * d * 1000.0 * 4.19 * std::abs(l.supplyC - l.returnC) * std::max(1, l.circuits);
            e.limits[int(l.carrier == NetworkCarrier::Heating ? Q::HeatingKw : Q::CoolingKw)] = both(kw > 0.0 ? kw : kUnbounded);
            // Design velocities are about a third of what the limit allows.
            e.rating = kw / 3.0;
            e.ratedQuantity = l.carrier == NetworkCarrier::Heating ? Q::HeatingKw : Q::CoolingKw;
            break;
        }
        }
        add(e, {l.sourceId});
    }
}

void TelemetryEntities::add(Entry entry, const QStringList &aliases)
{
    const int index = int(m_entries.size());
    m_byId.insert(entry.id, index);
    m_byName.insert(QString::number(entry.id), index);
    // A source id that is also a TownTwin id, or a second entity's alias, keeps the first meaning.
    for (const QString &alias : aliases)
        if (!alias.isEmpty() && !m_byName.contains(alias))
            m_byName.insert(alias, index);
    m_entries.push_back(std::move(entry));
}

const TelemetryEntities::Entry *TelemetryEntities::find(const QString &name) const
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.constEnd() ? nullptr : &m_entries[size_t(*it)];
}

const TelemetryEntities::Entry *TelemetryEntities::entry(EntityId id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_entries[size_t(*it)];
}

} // namespace tt
