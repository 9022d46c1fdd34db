// SPDX-License-Identifier: MIT
#include "SizedAssets.h"

#include "DefaultAssetSizer.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
// Sizes below this are nothing (LP round-off).
constexpr double kNegligible = 1e-3;

QVector<EnergyAsset> ofType(const Town &town, EnergyAssetType type)
{
    QVector<EnergyAsset> out;
    for (const EnergyAsset &a : town.assets)
        if (a.type == type)
            out.append(a);
    return out;
}

void removeAll(Town *town, const QVector<EnergyAsset> &assets)
{
    for (const EnergyAsset &a : assets)
        town->assets.remove(a.id);
}

void add(Town *town, EnergyAssetType type, const QString &name, Vec2 position, const QVariantMap &parameters,
         const Polygon &area = {}, EntityId host = kNoEntity)
{
    EnergyAsset a;
    a.id = town->allocateId();
    a.type = type;
    a.name = name;
    a.position = position;
    a.parameters = parameters;
    a.area = area;
    a.hostBuilding = host;
    town->assets.put(a);
}

Vec2 plantPosition(const Town &town)
{
    for (const Building &b : town.buildings)
        if (b.use == BuildingUse::Energy)
            return geometry::centroid(b.footprint);
    return {0.0, 0.0};
}

//! Scales the `keys` of every asset of `type` so that their sum of keys[0] becomes `target`;
//! adds one asset with `target` (and the other keys in proportion `ratios`) when there is none.
void scale(Town *town, EnergyAssetType type, const QString &name, const QStringList &keys, const QVector<double> &targets)
{
    const QVector<EnergyAsset> existing = ofType(*town, type);
    double total = 0.0;
    for (const EnergyAsset &a : existing)
        total += std::max(0.0, a.parameter(keys[0], 0.0));
    if (targets[0] < kNegligible) {
        removeAll(town, existing);
        return;
    }
    if (existing.isEmpty() || total <= 0.0) {
        removeAll(town, existing);
        QVariantMap parameters;
        for (int i = 0; i < keys.size(); ++i)
            parameters.insert(keys[i], targets[i]);
        add(town, type, name, plantPosition(*town), parameters);
        return;
    }
    for (EnergyAsset a : existing) {
        const double share = std::max(0.0, a.parameter(keys[0], 0.0)) / total;
        for (int i = 0; i < keys.size(); ++i)
            a.parameters.insert(keys[i], share * targets[i]);
        town->assets.put(a);
    }
}
} // namespace

void SizedAssets::apply(Town *town, const Capacities &c, const TechnologyParameters &tech, QStringList *notes)
{
    using namespace DefaultAssetSizer;
    const auto note = [notes](const QString &text) {
        if (notes)
            notes->append(text);
    };
    scale(town, EnergyAssetType::Chp, QStringLiteral("Trigeneration plant"),
          {QStringLiteral("elec_kw"), QStringLiteral("absorption_cooling_kw")}, {c.chpKwE, c.absorptionKwTh});
    // Absorption without a CHP still needs the plant asset that carries it.
    if (c.chpKwE < kNegligible && c.absorptionKwTh >= kNegligible)
        add(town, EnergyAssetType::Chp, QStringLiteral("Absorption chillers"), plantPosition(*town),
            {{"elec_kw", 0.0}, {"absorption_cooling_kw", c.absorptionKwTh}});
    scale(town, EnergyAssetType::GasBoiler, QStringLiteral("Gas boilers"), {QStringLiteral("heat_kw")}, {c.boilerKwTh});
    scale(town, EnergyAssetType::HeatPump, QStringLiteral("Ground-source heat pumps"), {QStringLiteral("heat_kw")},
          {c.heatPumpKwTh});
    scale(town, EnergyAssetType::Chiller, QStringLiteral("Electric chillers"), {QStringLiteral("cooling_kw")},
          {c.chillerKwTh});
    scale(town, EnergyAssetType::Battery, QStringLiteral("Battery"),
          {QStringLiteral("capacity_kwh"), QStringLiteral("power_kw")}, {c.batteryKwh, c.batteryKw});
    scale(town, EnergyAssetType::ThermalStorage, QStringLiteral("Hot-water tank"),
          {QStringLiteral("capacity_kwh"), QStringLiteral("power_kw")},
          {c.thermalStorageKwh, c.thermalStorageKwh * tech.thermalStorage.powerKwPerKwh});

    // Rooftop PV on the roofs the limit counted, by footprint.
    removeAll(town, ofType(*town, EnergyAssetType::RooftopPv));
    double roofM2 = 0.0;
    for (const Building &b : town->buildings)
        if (!b.context && b.footprintArea() >= kMinRoofM2)
            roofM2 += b.footprintArea();
    const double latitude = town->site.latitude;
    if (c.rooftopPvKwp >= kNegligible && roofM2 > 0.0) {
        const QVector<Building> roofs(town->buildings.begin(), town->buildings.end());
        for (const Building &b : roofs) {
            if (b.context || b.footprintArea() < kMinRoofM2)
                continue;
            add(town, EnergyAssetType::RooftopPv,
                QStringLiteral("PV on %1").arg(b.sourceId.isEmpty() ? QString::number(b.id) : b.sourceId),
                geometry::centroid(b.footprint),
                {{"kwp", c.rooftopPvKwp * b.footprintArea() / roofM2}, {"tilt_deg", tech.rooftopPv.tiltDeg},
                 {"azimuth_deg", EnergySystem::defaultPvAzimuthDeg(latitude)}},
                {}, b.id);
        }
        note(QStringLiteral("rooftop PV: %1 kWp on %2 m² of roofs, by footprint").arg(c.rooftopPvKwp, 0, 'f', 0)
                 .arg(roofM2, 0, 'f', 0));
    }

    // Ground PV on the project's own fields, else on the farmland.
    QVector<EnergyAsset> fields = ofType(*town, EnergyAssetType::GroundPv);
    removeAll(town, fields);
    if (fields.isEmpty())
        for (const Zone &z : town->zones)
            if (z.zoneClass == ZoneClass::Agricultural && z.areaM2() >= kMinFieldM2) {
                EnergyAsset f;
                f.name = QStringLiteral("Agrivoltaics %1").arg(z.name);
                f.position = geometry::centroid(z.area);
                f.area = z.area;
                fields.append(f);
            }
    double fieldM2 = 0.0;
    for (const EnergyAsset &f : fields)
        fieldM2 += geometry::area(f.area);
    if (c.groundPvKwp >= kNegligible && fieldM2 > 0.0) {
        for (const EnergyAsset &f : fields)
            add(town, EnergyAssetType::GroundPv, f.name, f.position,
                {{"kwp", c.groundPvKwp * geometry::area(f.area) / fieldM2}, {"tilt_deg", tech.groundPv.tiltDeg},
                 {"azimuth_deg", EnergySystem::defaultPvAzimuthDeg(latitude)}},
                f.area);
    }

    // Whole turbines.
    const QVector<EnergyAsset> turbines = ofType(*town, EnergyAssetType::WindTurbine);
    const double rated = turbines.isEmpty() ? tech.wind.turbine.ratedKw
                                            : turbines.first().parameter(QStringLiteral("rated_kw"), tech.wind.turbine.ratedKw);
    const int count = int(std::lround(c.windKw / rated));
    removeAll(town, turbines);
    if (count > 0 && !turbines.isEmpty()) {
        // The project's turbine (its hub height, curve) at the sized number.
        EnergyAsset kept = turbines.first();
        kept.parameters.insert(QStringLiteral("count"), count);
        town->assets.put(kept);
    } else if (count > 0) {
        Vec2 where = plantPosition(*town);
        const Zone *largest = nullptr;
        for (const Zone &z : town->zones)
            if (z.zoneClass == ZoneClass::Agricultural && (!largest || z.areaM2() > largest->areaM2()))
                largest = &z;
        if (largest)
            where = geometry::centroid(largest->area);
        add(town, EnergyAssetType::WindTurbine, QStringLiteral("Wind turbines"), where,
            {{"count", count}, {"rated_kw", rated}});
    }
    if (std::abs(count * rated - c.windKw) > kNegligible)
        note(QStringLiteral("wind: %1 kW sized, %2 turbines of %3 kW built").arg(c.windKw, 0, 'f', 0).arg(count).arg(rated));
}

} // namespace tt
