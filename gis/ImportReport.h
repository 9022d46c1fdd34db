// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "core/Town.h"

#include <QJsonObject>
#include <QVector>

namespace tt {

//! A feature (or file) left out of an import, and why.
struct ImportIssue {
    QString file;     //!< the source file
    QString feature;  //!< feature id in that file (FID or the source id), empty for file-level problems
    QString reason;   //!< what is wrong, in words a planner understands
};

//! How a `--join` table met the buildings layer.
struct JoinCounts {
    bool used = false;        //!< a join was given
    int matched = 0;          //!< building features whose key has a row in the table
    int unmatched = 0;        //!< building features whose key has none
    int tableRowsUnused = 0;  //!< table rows whose key no building feature has (repeats of a joined key count as duplicates, not here)
};

//! The outcome of TownImporter::run: the town on success, the failure otherwise,
//! and in both cases every feature that was skipped or repaired.
struct ImportReport {
    Status status;  //!< its code tells failures apart (ErrorCode::NoCrs, Cancelled, ...)
    Town town;
    QVector<ImportIssue> skipped;   //!< features left out
    QVector<ImportIssue> repaired;  //!< features kept after a repair (MakeValid, ring closing, ...)
    QVector<ImportIssue> warnings;  //!< features kept as they are but worth a look (no join row, outside the DEM, duplicate id)
    int heightsGuessed = 0;
    JoinCounts join;
    QString crsReason;  //!< why the project CRS is the one it is (kept from the source, or which UTM zone and why)

    //! The summary `towntwin-cli import` prints:
    //! {"buildings","context_buildings","zones","roads","network_nodes","network_links","crs","crs_reason","heights_guessed",
    //!  "skipped":[{file,feature,reason}],"repaired":[...],"warnings":[...]}, and with a join
    //!  "join":{"matched","unmatched","table_rows_unused"}
    QJsonObject summaryJson() const;
};

} // namespace tt
