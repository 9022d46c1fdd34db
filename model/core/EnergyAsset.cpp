// SPDX-License-Identifier: MIT
#include "EnergyAsset.h"

#include <QCoreApplication>

namespace tt::energyassettype {

namespace {
struct TypeInfo {
    const char *key;
    const char *label;
};
const TypeInfo kInfo[kEnergyAssetTypeCount] = {
    {"rooftop_pv", QT_TRANSLATE_NOOP("EnergyAssetType", "Rooftop PV")},
    {"ground_pv", QT_TRANSLATE_NOOP("EnergyAssetType", "Ground PV / agrivoltaics")},
    {"wind_turbine", QT_TRANSLATE_NOOP("EnergyAssetType", "Wind turbine")},
    {"chp", QT_TRANSLATE_NOOP("EnergyAssetType", "Gas CHP / trigeneration")},
    {"gas_boiler", QT_TRANSLATE_NOOP("EnergyAssetType", "Gas boiler")},
    {"biomass_boiler", QT_TRANSLATE_NOOP("EnergyAssetType", "Biomass boiler")},
    {"heat_pump", QT_TRANSLATE_NOOP("EnergyAssetType", "Ground-source heat pump")},
    {"chiller", QT_TRANSLATE_NOOP("EnergyAssetType", "Electric chiller")},
    {"battery", QT_TRANSLATE_NOOP("EnergyAssetType", "Battery storage")},
    {"thermal_storage", QT_TRANSLATE_NOOP("EnergyAssetType", "Thermal storage")},
    {"ev_fleet", QT_TRANSLATE_NOOP("EnergyAssetType", "EV fleet and charging hub")},
    {"grid_connection", QT_TRANSLATE_NOOP("EnergyAssetType", "Grid connection")},
};
} // namespace

QString key(EnergyAssetType type)
{
    return QString::fromLatin1(kInfo[int(type)].key);
}

QString label(EnergyAssetType type)
{
    return QCoreApplication::translate("EnergyAssetType", kInfo[int(type)].label);
}

bool fromKey(const QString &k, EnergyAssetType *type)
{
    for (int i = 0; i < kEnergyAssetTypeCount; ++i) {
        if (k == QLatin1String(kInfo[i].key)) {
            *type = EnergyAssetType(i);
            return true;
        }
    }
    return false;
}

QStringList allKeys()
{
    QStringList keys;
    for (const TypeInfo &info : kInfo)
        keys << QString::fromLatin1(info.key);
    return keys;
}

} // namespace tt::energyassettype
