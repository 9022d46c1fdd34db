// SPDX-License-Identifier: MIT
#include "NetworkCarrier.h"

#include <QCoreApplication>

namespace tt::networkcarrier {

QString key(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return QStringLiteral("electricity");
    case NetworkCarrier::Heating: return QStringLiteral("heating");
    case NetworkCarrier::Cooling: return QStringLiteral("cooling");
    }
    return QString();
}

QString label(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return QCoreApplication::translate("NetworkCarrier", "Electricity");
    case NetworkCarrier::Heating: return QCoreApplication::translate("NetworkCarrier", "District heating");
    case NetworkCarrier::Cooling: return QCoreApplication::translate("NetworkCarrier", "District cooling");
    }
    return QString();
}

bool fromKey(const QString &text, NetworkCarrier *carrier)
{
    for (int i = 0; i < kNetworkCarrierCount; ++i) {
        if (key(NetworkCarrier(i)) == text) {
            *carrier = NetworkCarrier(i);
            return true;
        }
    }
    return false;
}

} // namespace tt::networkcarrier
