// SPDX-License-Identifier: MIT
#pragma once
// Runs the towntwin-cli of this build as a user would, for the CLI tests.
#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace tt::clitest {

//! What a run of the CLI gave: the exit code (-1 when it crashed or did not finish), stdout and stderr.
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QString cli()
{
    return QStringLiteral(TOWNTWIN_BINARY_DIR "/app/towntwin-cli");
}

inline Run run(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(cli(), args);
    Run r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace tt::clitest
