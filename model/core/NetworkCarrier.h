// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace tt {

//! What a network carries: a microgrid feeder, a district heating or a district cooling network.
enum class NetworkCarrier : quint8 { Electricity, Heating, Cooling };

constexpr int kNetworkCarrierCount = int(NetworkCarrier::Cooling) + 1;

namespace networkcarrier {
QString key(NetworkCarrier carrier);    //!< "electricity", "heating", "cooling"
QString label(NetworkCarrier carrier);  //!< "Electricity", "District heating", ...
bool fromKey(const QString &key, NetworkCarrier *carrier);
} // namespace networkcarrier

} // namespace tt
