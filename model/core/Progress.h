// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace tt {

//! How every long job (import, DEM warp, energy simulation) reports: overall
//! progress 0..1 and the stage it is in ("buildings", "demand", ...). Returning
//! false asks the job to stop; it then fails with ErrorCode::Cancelled. An
//! empty Progress is allowed everywhere and never cancels.
using Progress = std::function<bool(double fraction, const QString &stage)>;

//! Passes `progress` on to a step that covers [from, to] of the whole job: the
//! step reports 0..1 of its own work, the caller sees from..to. Empty stays empty.
inline Progress progressSpan(const Progress &progress, double from, double to)
{
    if (!progress)
        return {};
    return [progress, from, to](double fraction, const QString &stage) {
        return progress(from + (to - from) * fraction, stage);
    };
}

} // namespace tt
