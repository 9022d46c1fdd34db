// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tt {

//! Result of an operation that can fail, crossing library boundaries instead
//! of an exception. The message names the file, the feature and the problem.
struct Status {
    bool ok = true;
    QString message;

    static Status success() { return {}; }
    static Status error(const QString &message) { return {false, message}; }
    explicit operator bool() const { return ok; }
};

} // namespace tt
