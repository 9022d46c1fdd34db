// SPDX-License-Identifier: MIT
#include "AssetTemplate.h"

#include <cmath>

namespace tt {

QVector<EnergyAssetType> AssetTemplate::placeableTypes()
{
    return {EnergyAssetType::RooftopPv, EnergyAssetType::GroundPv, EnergyAssetType::WindTurbine,
            EnergyAssetType::Battery, EnergyAssetType::EvFleet, EnergyAssetType::Chp};
}

EnergyAsset AssetTemplate::make(EnergyAssetType type, Vec2 position, EntityId hostBuilding)
{
    EnergyAsset a;
    a.type = type;
    a.position = position;
    a.name = energyassettype::label(type);
    switch (type) {
    case EnergyAssetType::RooftopPv:
        // Sized by the energy model from the host roof: 60 % of the roof at 0.2 kWp/m².
        a.hostBuilding = hostBuilding;
        a.parameters = {{QStringLiteral("area_share"), 0.6}, {QStringLiteral("tilt_deg"), 15.0}};
        break;
    case EnergyAssetType::GroundPv: {
        const double half = std::sqrt(kGroundPvFieldM2) / 2.0;
        a.area.outer = {position + Vec2{-half, -half}, position + Vec2{half, -half}, position + Vec2{half, half},
                        position + Vec2{-half, half}};
        a.parameters = {{QStringLiteral("kwp_per_m2"), 0.05}, {QStringLiteral("tilt_deg"), 25.0}};
        break;
    }
    case EnergyAssetType::WindTurbine:
        // A 2 MW class onshore turbine, the common size in eastern China's plains.
        a.parameters = {{QStringLiteral("rated_kw"), 2000.0}, {QStringLiteral("hub_height_m"), 100.0}};
        break;
    case EnergyAssetType::Battery:
        // Two hours at 1 MW: a typical containerised microgrid battery.
        a.parameters = {{QStringLiteral("capacity_kwh"), 2000.0}, {QStringLiteral("power_kw"), 1000.0}};
        break;
    case EnergyAssetType::EvFleet:
        a.name = QStringLiteral("EV charging hub");
        a.parameters = {{QStringLiteral("vehicles"), 100.0}, {QStringLiteral("charger_kw"), 11.0},
                        {QStringLiteral("v2g"), true}};
        break;
    case EnergyAssetType::Chp:
        a.name = QStringLiteral("Energy plant (CHP)");
        a.parameters = {{QStringLiteral("elec_kw"), 2000.0}, {QStringLiteral("absorption_cooling_kw"), 1000.0}};
        break;
    default:
        break;
    }
    return a;
}

} // namespace tt
