// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"
#include "Geometry.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace tt {

//! Kinds of energy equipment placed in the town.
enum class EnergyAssetType : quint8 {
    RooftopPv,      //!< on a building's roof (hostBuilding)
    GroundPv,       //!< a PV field or agrivoltaics on a parcel (area)
    WindTurbine,
    Chp,            //!< gas CHP / trigeneration plant
    GasBoiler,
    BiomassBoiler,
    HeatPump,       //!< ground-source heat pump
    Chiller,        //!< electric chiller
    Battery,
    ThermalStorage,
    EvFleet,        //!< a time-shared EV fleet and its charging hub
    GridConnection,
};

constexpr int kEnergyAssetTypeCount = int(EnergyAssetType::GridConnection) + 1;

namespace energyassettype {
QString key(EnergyAssetType type);   //!< "rooftop_pv", "wind_turbine", ...
QString label(EnergyAssetType type);
bool fromKey(const QString &key, EnergyAssetType *type);
QStringList allKeys();
} // namespace energyassettype

//! A piece of energy equipment. Where it stands is `position` (and `area` for
//! fields); its technical and economic data are in `parameters`, keyed by
//! names the energy model documents (e.g. "capacity_kwh", "efficiency").
struct EnergyAsset {
    EntityId id = kNoEntity;
    QString name;
    EnergyAssetType type = EnergyAssetType::Battery;
    Vec2 position;                       //!< local coordinates
    Polygon area;                        //!< ground PV fields; empty otherwise
    EntityId hostBuilding = kNoEntity;   //!< rooftop PV: the building it sits on
    QVariantMap parameters;

    double parameter(const QString &key, double fallback) const
    {
        const auto it = parameters.constFind(key);
        return it == parameters.constEnd() ? fallback : it->toDouble();
    }
    bool operator==(const EnergyAsset &o) const
    {
        return id == o.id && name == o.name && type == o.type && position == o.position && area == o.area
            && hostBuilding == o.hostBuilding && parameters == o.parameters;
    }
    bool operator!=(const EnergyAsset &o) const { return !(*this == o); }
};

} // namespace tt
