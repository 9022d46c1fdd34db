// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tt {

//! What kind of failure a Status reports, for callers that react to it (ask
//! for a CRS, say nothing on a cancel, ...). The message says the rest.
enum class ErrorCode : quint8 {
    None,           //!< success
    Other,          //!< any failure no caller tells apart
    Cancelled,      //!< the user cancelled
    CannotOpen,     //!< a file cannot be opened or read
    NoCrs,          //!< a GIS layer declares no CRS and none was assumed
    ImpossibleCrs,  //!< a GIS layer's coordinates cannot be in its CRS
    EmptyLayer,     //!< a GIS layer has no usable feature
    WrongGeometry,  //!< a GIS layer holds the wrong kind of geometry
    BadDem,         //!< a DEM that cannot be used
};

//! Result of an operation that can fail, crossing library boundaries instead
//! of an exception. The message names the file, the feature and the problem.
//! [[nodiscard]]: a failure nobody looks at is a silent wrong result.
struct [[nodiscard]] Status {
    bool ok = true;
    QString message;
    ErrorCode code = ErrorCode::None;

    static Status success() { return {}; }
    static Status error(const QString &message, ErrorCode code = ErrorCode::Other) { return {false, message, code}; }
    explicit operator bool() const { return ok; }
};

} // namespace tt
