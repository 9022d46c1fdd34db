// SPDX-License-Identifier: MIT
#include "CliVerbs.h"

#include "ProjectFile.h"

#include <QTextStream>

namespace tt {

QVector<CliVerb> cliVerbs()
{
    return {importVerb(), buildingsVerb(), kpisVerb(), generateTownVerb(), renderVerb(), simulateVerb(), sizeVerb()};
}

namespace cli {

void printError(const QString &verb, const QString &message)
{
    QTextStream(stderr) << "towntwin-cli " << verb << ": " << message << "\n";
}

bool loadProject(const QString &verb, const QString &path, Town *town)
{
    QStringList warnings;
    const Status status = ProjectFile::load(path, town, &warnings);
    if (!status)
        printError(verb, status.message);
    // What opening left out or replaced; the file itself is unchanged until saved.
    for (const QString &warning : warnings)
        printError(verb, QStringLiteral("warning: ") + warning);
    return status.ok;
}

bool saveProject(const QString &verb, const Town &town, const QString &path)
{
    const Status status = ProjectFile::save(town, path);
    if (!status)
        printError(verb, status.message);
    return status.ok;
}

} // namespace cli
} // namespace tt
