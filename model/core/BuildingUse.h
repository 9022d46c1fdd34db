// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace tt {

//! What a building (or a share of its floor area) is used for. Drives default
//! heights, capacity (residents, jobs, seats, beds) and, later, energy archetypes.
enum class BuildingUse : quint8 {
    Residential,
    Office,
    Retail,
    Hospital,
    School,
    Hotel,
    Restaurant,
    Industrial,
    Warehouse,
    ElderlyCare,
    Lab,
    ServerRoom,
    Parking,
    PublicService,
    Agricultural,
    Energy,
    Other,
};

constexpr int kBuildingUseCount = int(BuildingUse::Other) + 1;

namespace buildinguse {
//! Stable lower-case key used in files, CLI output and rule sets ("residential", "elderly_care").
QString key(BuildingUse use);
//! Human-readable, translatable label.
QString label(BuildingUse use);
//! Parses a key written by key(); returns false for anything else.
bool fromKey(const QString &key, BuildingUse *use);
//! Maps the many ways real data names a use (OSM building=*, CEA 1ST_USE codes,
//! free text in other languages' exports) onto a BuildingUse; unknown values become Other.
BuildingUse fromSourceValue(const QString &value);
//! Typical storey height in metres, used when only levels are known.
double storeyHeight(BuildingUse use);
//! Typical number of storeys when neither height nor levels are known.
double defaultLevels(BuildingUse use);
bool isResidential(BuildingUse use);
QStringList allKeys();
} // namespace buildinguse

} // namespace tt
