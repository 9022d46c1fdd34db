// SPDX-License-Identifier: MIT
#include "ServiceType.h"

#include <QCoreApplication>

namespace tt::servicetype {

namespace {
struct ServiceInfo {
    const char *key;
    const char *label;
    BuildingUse use;
    bool byBuilding;
};

const ServiceInfo kInfo[kServiceTypeCount] = {
    {"primary_school", QT_TRANSLATE_NOOP("ServiceType", "Primary school"), BuildingUse::School, true},
    {"hospital", QT_TRANSLATE_NOOP("ServiceType", "Hospital / clinic"), BuildingUse::Hospital, true},
    {"elderly_care", QT_TRANSLATE_NOOP("ServiceType", "Elderly care"), BuildingUse::ElderlyCare, true},
    {"retail", QT_TRANSLATE_NOOP("ServiceType", "Retail"), BuildingUse::Retail, true},
    {"park", QT_TRANSLATE_NOOP("ServiceType", "Park / green"), BuildingUse::Other, false},
};
} // namespace

QString key(ServiceType type)
{
    return QString::fromLatin1(kInfo[int(type)].key);
}

QString label(ServiceType type)
{
    return QCoreApplication::translate("ServiceType", kInfo[int(type)].label);
}

bool providingUse(ServiceType type, BuildingUse *use)
{
    *use = kInfo[int(type)].use;
    return kInfo[int(type)].byBuilding;
}

} // namespace tt::servicetype
