// SPDX-License-Identifier: MIT
#pragma once

#include "CliVerb.h"

#include <QVector>

namespace tt {

struct Town;

//! Every verb of towntwin-cli, in the order `--help` lists them. Each verb
//! lives in its own *Verb.cpp and runs the same library code as the GUI.
QVector<CliVerb> cliVerbs();

CliVerb importVerb();
CliVerb buildingsVerb();
CliVerb kpisVerb();
CliVerb generateTownVerb();
CliVerb renderVerb();
CliVerb simulateVerb();

namespace cli {
//! Loads a project for a verb; prints "towntwin-cli VERB: <message>" on failure, and
//! "towntwin-cli VERB: warning: <message>" for each entity or setting opening left out or replaced.
bool loadProject(const QString &verb, const QString &path, Town *town);
//! Saves a project for a verb; prints the failure the same way.
bool saveProject(const QString &verb, const Town &town, const QString &path);
//! Prints "towntwin-cli VERB: message" to stderr.
void printError(const QString &verb, const QString &message);
} // namespace cli

} // namespace tt
