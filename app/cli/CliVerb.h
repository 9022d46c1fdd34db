// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace tt {

//! Exit codes shared by every verb.
enum CliExit { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

//! One `towntwin-cli VERB ...` command: its name, one-line summary, usage line
//! and the function that runs it with the arguments after the verb.
struct CliVerb {
    QString name;
    QString summary;
    QString usage;
    bool needsDisplay = false;  //!< renders with OpenGL: needs a QGuiApplication
    std::function<int(const QStringList &args)> run;
};

} // namespace tt
