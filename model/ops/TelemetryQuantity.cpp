// SPDX-License-Identifier: MIT
#include "TelemetryQuantity.h"

#include <QCoreApplication>

namespace tt::telemetryquantity {

QString key(TelemetryQuantity quantity)
{
    switch (quantity) {
    case TelemetryQuantity::ElectricityKw: return QStringLiteral("electricity_kw");
    case TelemetryQuantity::HeatingKw: return QStringLiteral("heating_kw");
    case TelemetryQuantity::CoolingKw: return QStringLiteral("cooling_kw");
    case TelemetryQuantity::PvKw: return QStringLiteral("pv_kw");
    case TelemetryQuantity::WindKw: return QStringLiteral("wind_kw");
    case TelemetryQuantity::ChpKw: return QStringLiteral("chp_kw");
    case TelemetryQuantity::SocPct: return QStringLiteral("soc_pct");
    case TelemetryQuantity::EvAvailable: return QStringLiteral("ev_available");
    case TelemetryQuantity::VoltagePu: return QStringLiteral("voltage_pu");
    case TelemetryQuantity::TemperatureC: return QStringLiteral("temperature_c");
    }
    return QString();
}

QString unit(TelemetryQuantity quantity)
{
    switch (quantity) {
    case TelemetryQuantity::ElectricityKw:
    case TelemetryQuantity::HeatingKw:
    case TelemetryQuantity::CoolingKw:
    case TelemetryQuantity::PvKw:
    case TelemetryQuantity::WindKw:
    case TelemetryQuantity::ChpKw: return QStringLiteral("kW");
    case TelemetryQuantity::SocPct: return QStringLiteral("%");
    case TelemetryQuantity::EvAvailable: return QStringLiteral("EVs");
    case TelemetryQuantity::VoltagePu: return QStringLiteral("pu");
    case TelemetryQuantity::TemperatureC: return QStringLiteral("°C");
    }
    return QString();
}

QString label(TelemetryQuantity quantity)
{
    switch (quantity) {
    case TelemetryQuantity::ElectricityKw: return QCoreApplication::translate("TelemetryQuantity", "Electricity");
    case TelemetryQuantity::HeatingKw: return QCoreApplication::translate("TelemetryQuantity", "Heating");
    case TelemetryQuantity::CoolingKw: return QCoreApplication::translate("TelemetryQuantity", "Cooling");
    case TelemetryQuantity::PvKw: return QCoreApplication::translate("TelemetryQuantity", "PV output");
    case TelemetryQuantity::WindKw: return QCoreApplication::translate("TelemetryQuantity", "Wind output");
    case TelemetryQuantity::ChpKw: return QCoreApplication::translate("TelemetryQuantity", "CHP output");
    case TelemetryQuantity::SocPct: return QCoreApplication::translate("TelemetryQuantity", "State of charge");
    case TelemetryQuantity::EvAvailable: return QCoreApplication::translate("TelemetryQuantity", "EVs available");
    case TelemetryQuantity::VoltagePu: return QCoreApplication::translate("TelemetryQuantity", "Voltage");
    case TelemetryQuantity::TemperatureC: return QCoreApplication::translate("TelemetryQuantity", "Temperature");
    }
    return QString();
}

bool fromKey(const QString &text, TelemetryQuantity *quantity)
{
    for (int i = 0; i < kTelemetryQuantityCount; ++i) {
        if (key(TelemetryQuantity(i)) == text) {
            *quantity = TelemetryQuantity(i);
            return true;
        }
    }
    return false;
}

QStringList allKeys()
{
    QStringList keys;
    for (int i = 0; i < kTelemetryQuantityCount; ++i)
        keys << key(TelemetryQuantity(i));
    return keys;
}

} // namespace tt::telemetryquantity
