// SPDX-License-Identifier: MIT
#include "BuildingUse.h"

#include <QCoreApplication>
#include <QHash>

namespace tt::buildinguse {

namespace {
struct UseInfo {
    const char *key;
    const char *label;
    double storeyHeight;  // m
    double defaultLevels;
};

// Storey heights: residential 3.0 m and offices 3.5 m are the usual planning
// figures (e.g. CEA uses 3 m per floor); retail, halls and factories are taller.
const UseInfo kInfo[kBuildingUseCount] = {
    {"residential", QT_TRANSLATE_NOOP("BuildingUse", "Residential"), 3.0, 3},
    {"office", QT_TRANSLATE_NOOP("BuildingUse", "Office"), 3.5, 4},
    {"retail", QT_TRANSLATE_NOOP("BuildingUse", "Retail / mall"), 4.5, 2},
    {"hospital", QT_TRANSLATE_NOOP("BuildingUse", "Hospital"), 4.0, 4},
    {"school", QT_TRANSLATE_NOOP("BuildingUse", "School"), 3.8, 3},
    {"hotel", QT_TRANSLATE_NOOP("BuildingUse", "Hotel"), 3.2, 5},
    {"restaurant", QT_TRANSLATE_NOOP("BuildingUse", "Restaurant"), 4.0, 1},
    {"industrial", QT_TRANSLATE_NOOP("BuildingUse", "Industrial"), 6.0, 1},
    {"warehouse", QT_TRANSLATE_NOOP("BuildingUse", "Warehouse"), 7.0, 1},
    {"elderly_care", QT_TRANSLATE_NOOP("BuildingUse", "Elderly care"), 3.2, 3},
    {"lab", QT_TRANSLATE_NOOP("BuildingUse", "Laboratory / science"), 4.0, 3},
    {"server_room", QT_TRANSLATE_NOOP("BuildingUse", "Server room"), 4.0, 1},
    {"parking", QT_TRANSLATE_NOOP("BuildingUse", "Parking"), 3.0, 2},
    {"public", QT_TRANSLATE_NOOP("BuildingUse", "Public service"), 3.8, 2},
    {"agricultural", QT_TRANSLATE_NOOP("BuildingUse", "Agricultural"), 4.5, 1},
    {"energy", QT_TRANSLATE_NOOP("BuildingUse", "Energy plant"), 8.0, 1},
    {"other", QT_TRANSLATE_NOOP("BuildingUse", "Other"), 3.0, 2},
};

QHash<QString, BuildingUse> makeSourceTable()
{
    QHash<QString, BuildingUse> t;
    for (int i = 0; i < kBuildingUseCount; ++i)
        t.insert(QString::fromLatin1(kInfo[i].key), BuildingUse(i));
    const auto add = [&t](BuildingUse use, std::initializer_list<const char *> names) {
        for (const char *n : names)
            t.insert(QString::fromLatin1(n), use);
    };
    // OpenStreetMap building=* values and CEA use codes (upper case is folded).
    add(BuildingUse::Residential,
        {"house", "apartments", "residential", "detached", "semidetached_house", "terrace", "bungalow",
         "dormitory", "multi_res", "single_res", "residence", "flats", "home", "cabin", "farm", "villa",
         "housing", "dwelling"});
    add(BuildingUse::Office, {"office", "commercial", "offices", "government", "civic", "bank"});
    add(BuildingUse::Retail, {"retail", "shop", "supermarket", "mall", "kiosk", "store", "market", "shopping"});
    add(BuildingUse::Hospital, {"hospital", "clinic", "health", "healthcare", "medical"});
    add(BuildingUse::School,
        {"school", "university", "college", "kindergarten", "education", "educational", "library"});
    add(BuildingUse::Hotel, {"hotel", "motel", "hostel", "guest_house"});
    add(BuildingUse::Restaurant, {"restaurant", "cafe", "food", "fast_food", "bar", "pub"});
    add(BuildingUse::Industrial, {"industrial", "factory", "manufacture", "works", "workshop", "industry"});
    add(BuildingUse::Warehouse, {"warehouse", "storage", "hangar", "depot", "logistics", "storage_tank"});
    add(BuildingUse::ElderlyCare, {"elderly_care", "nursing_home", "retirement_home", "care_home", "elderly"});
    add(BuildingUse::Lab, {"lab", "laboratory", "research", "science", "science_centre", "science_center"});
    add(BuildingUse::ServerRoom, {"serverroom", "server_room", "data_center", "data_centre"});
    add(BuildingUse::Parking, {"parking", "garage", "garages", "carport", "parking_garage"});
    add(BuildingUse::PublicService,
        {"public", "church", "mosque", "temple", "chapel", "cathedral", "fire_station", "police",
         "community_centre", "townhall", "train_station", "transportation", "sports_hall", "stadium",
         "museum", "religious", "gym", "swimming_pool", "pool", "public_service"});
    add(BuildingUse::Agricultural, {"agricultural", "barn", "greenhouse", "farm_auxiliary", "stable", "cowshed", "silo"});
    add(BuildingUse::Energy, {"energy", "power", "transformer_tower", "substation", "plant", "power_plant", "utility"});
    return t;
}
} // namespace

QString key(BuildingUse use)
{
    return QString::fromLatin1(kInfo[int(use)].key);
}

QString label(BuildingUse use)
{
    return QCoreApplication::translate("BuildingUse", kInfo[int(use)].label);
}

bool fromKey(const QString &k, BuildingUse *use)
{
    for (int i = 0; i < kBuildingUseCount; ++i) {
        if (k == QLatin1String(kInfo[i].key)) {
            *use = BuildingUse(i);
            return true;
        }
    }
    return false;
}

BuildingUse fromSourceValue(const QString &value)
{
    static const QHash<QString, BuildingUse> table = makeSourceTable();
    const QString v = value.trimmed().toLower();
    return table.value(v, BuildingUse::Other);
}

double storeyHeight(BuildingUse use)
{
    return kInfo[int(use)].storeyHeight;
}

double defaultLevels(BuildingUse use)
{
    return kInfo[int(use)].defaultLevels;
}

bool isResidential(BuildingUse use)
{
    return use == BuildingUse::Residential;
}

QStringList allKeys()
{
    QStringList keys;
    for (int i = 0; i < kBuildingUseCount; ++i)
        keys << QString::fromLatin1(kInfo[i].key);
    return keys;
}

} // namespace tt::buildinguse
