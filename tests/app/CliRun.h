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

//! The sample town with its energy system (`generate-town --with-assets`) and networks
//! (`lay-networks`) in `folder`, as the operators' tests and benchmark use it; empty with
//! *error when a step failed.
inline QString sampleTownWithAssets(const QString &folder, QString *error)
{
    const QString bare = folder + QStringLiteral("/bare.gpkg"), town = folder + QStringLiteral("/town.gpkg");
    for (const QStringList &args : {QStringList{QStringLiteral("generate-town"), QStringLiteral("--with-assets"), QStringLiteral("-o"), bare},
                                    QStringList{QStringLiteral("lay-networks"), bare, QStringLiteral("-o"), town}}) {
        const Run r = run(args);
        if (r.exitCode != 0) {
            *error = QString::fromUtf8(r.err);
            return QString();
        }
    }
    return town;
}

} // namespace tt::clitest
