// SPDX-License-Identifier: MIT
#pragma once

#include "ImportOptions.h"
#include "ImportReport.h"
#include "core/Progress.h"

namespace tt {

//! Reads a DEM and building, zone and road layers in any CRS and turns them
//! into one Town in a projected metric CRS with a local double-precision origin.
class TownImporter {
public:
    //! Stops with ErrorCode::Cancelled when `progress` returns false.
    ImportReport run(const ImportOptions &options, const Progress &progress = {}) const;
};

} // namespace tt
