// SPDX-License-Identifier: MIT
#pragma once

#include "core/BuildingUse.h"

#include <QString>

namespace tt {

//! Public services whose walking reach the plan is judged on.
enum class ServiceType : quint8 {
    PrimarySchool,  //!< provided by School floor area
    Hospital,       //!< hospital or clinic: Hospital floor area
    ElderlyCare,    //!< ElderlyCare floor area
    Retail,         //!< everyday shopping: Retail floor area
    Park,           //!< green zones (ZoneClass::Green)
};

constexpr int kServiceTypeCount = int(ServiceType::Park) + 1;

namespace servicetype {
//! Stable key used in settings, rule metrics ("reach.<key>") and JSON ("primary_school").
QString key(ServiceType type);
QString label(ServiceType type);
//! The building use that provides the service; false for Park, which green zones provide.
bool providingUse(ServiceType type, BuildingUse *use);
} // namespace servicetype

} // namespace tt
