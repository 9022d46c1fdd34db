// SPDX-License-Identifier: MIT
#pragma once

#include "CliVerb.h"

#include <QVector>

namespace tt {

//! `towntwin-cli`: dispatches a verb, prints help and version, and turns usage
//! mistakes into exit code 2 with a message on stderr.
class CliApp {
public:
    CliApp();
    //! Runs the whole command line (argv[0] included); returns the exit code.
    int run(int argc, char **argv);
    const QVector<CliVerb> &verbs() const { return m_verbs; }
    QString helpText() const;

private:
    const CliVerb *findVerb(const QString &name) const;

    QVector<CliVerb> m_verbs;
};

} // namespace tt
