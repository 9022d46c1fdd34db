// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace tt {

//! What a meter in the town reports: the last part of a telemetry topic.
enum class TelemetryQuantity : quint8 {
    ElectricityKw,  //!< a building's or asset's electric demand (negative: export)
    HeatingKw,
    CoolingKw,
    PvKw,           //!< PV output, AC
    WindKw,
    ChpKw,          //!< CHP electric output
    SocPct,         //!< storage state of charge
    EvAvailable,    //!< EVs plugged in at a hub
    VoltagePu,      //!< a network node's voltage magnitude
    TemperatureC,   //!< outdoor air, a room or supply water
};

constexpr int kTelemetryQuantityCount = int(TelemetryQuantity::TemperatureC) + 1;

namespace telemetryquantity {
QString key(TelemetryQuantity quantity);    //!< "electricity_kw", ...
QString unit(TelemetryQuantity quantity);   //!< "kW", "%", "pu", ...
QString label(TelemetryQuantity quantity);  //!< translated, for the GUI
bool fromKey(const QString &key, TelemetryQuantity *quantity);
QStringList allKeys();
} // namespace telemetryquantity

} // namespace tt
