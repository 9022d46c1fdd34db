// SPDX-License-Identifier: MIT
#pragma once

#include "core/BuildingUse.h"
#include "core/EnergyAsset.h"
#include "core/NetworkCarrier.h"
#include "core/ZoneClass.h"

#include <QString>

#include <functional>

namespace tt {

class Document;
class Selection;
class ViewportWidget;

//! Choices in the tool options bar that the tools read when they act.
struct ToolOptions {
    BuildingUse use = BuildingUse::Residential;
    double levels = 6.0;
    ZoneClass zoneClass = ZoneClass::Residential;
    EnergyAssetType assetType = EnergyAssetType::RooftopPv;
    NetworkCarrier network = NetworkCarrier::Electricity;  //!< the network new links are drawn on
    bool snap = false;
    double gridM = 5.0;  //!< move snapping step; rotation snaps to 15° or a road's direction
};

//! What every editing tool works on.
struct ToolContext {
    Document *document = nullptr;
    ViewportWidget *viewport = nullptr;
    Selection *selection = nullptr;
    ToolOptions options;
    //! Tells the planner why an edit was not applied (message panel and status bar).
    std::function<void(const QString &)> refuse;
};

} // namespace tt
