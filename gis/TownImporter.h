// SPDX-License-Identifier: MIT
#pragma once

#include "ImportOptions.h"
#include "ImportReport.h"

#include <functional>

namespace tt {

//! Reads a DEM and building, zone and road layers in any CRS and turns them
//! into one Town in a projected metric CRS with a local double-precision origin.
class TownImporter {
public:
    //! Called with overall progress 0..1 and the current stage; return false to cancel.
    using Progress = std::function<bool(double fraction, const QString &stage)>;

    ImportReport run(const ImportOptions &options, const Progress &progress = {}) const;
};

} // namespace tt
