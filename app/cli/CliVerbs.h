// SPDX-License-Identifier: MIT
#pragma once

#include "CliVerb.h"
#include "core/Progress.h"

#include <QSize>
#include <QVector>

namespace tt {

struct Town;

//! Every verb of towntwin-cli, in the order `--help` lists them. Each verb
//! lives in its own *Verb.cpp and runs the same library code as the GUI.
QVector<CliVerb> cliVerbs();

CliVerb importVerb();
CliVerb buildingsVerb();
CliVerb kpisVerb();
CliVerb compareVerb();
CliVerb generateTownVerb();
CliVerb renderVerb();
CliVerb videoVerb();
CliVerb reportVerb();
CliVerb simulateVerb();
CliVerb sizeVerb();
CliVerb powerflowVerb();
CliVerb layNetworksVerb();
CliVerb monitorVerb();
CliVerb replayVerb();

class VerbParser;
struct WeatherYear;
struct SimulationResult;

namespace cli {
//! Loads a project for a verb; prints "towntwin-cli VERB: <message>" on failure, and
//! "towntwin-cli VERB: warning: <message>" for each entity or setting opening left out or replaced.
bool loadProject(const QString &verb, const QString &path, Town *town);
//! Makes the scenario named `name` the town's plan; prints the failure, naming the
//! scenarios there are, when it has none of that name.
bool selectScenario(const QString &verb, const QString &name, Town *town);
//! Saves a project for a verb; prints the failure the same way.
bool saveProject(const QString &verb, const Town &town, const QString &path);
//! Prints "towntwin-cli VERB: message" to stderr.
void printError(const QString &verb, const QString &message);
//! For the verbs that draw (render, video): checks the output `-o` (its extension, never
//! an input), that there is a display, and loads the project. ExitOk, or the exit code of
//! the failure it printed.
int loadForDrawing(VerbParser &parser, const QString &verb, const QString &extension, const QString &what, Town *town);
//! A picture size "WIDTHxHEIGHT" with each side from minSide to maxSide; false otherwise.
bool parseSize(const QString &text, int minSide, int maxSide, QSize *size);
//! A Progress that prints "VERB: STAGE N%" to stderr at each whole percent and never cancels.
Progress stderrProgress(const QString &verb);
//! Makes the default assets a simulation sized for an asset-less town the town's own (new ids).
void adoptDefaultAssets(const SimulationResult &result, Town *town);
//! Reads the weather a verb simulates with: `option` (its --weather) when not empty, else
//! the project's, else a bundled file near the site; says on stderr which and what is odd
//! about it for the site. `chosenBy` gets "option", "project" or "bundled_near_site".
//! Returns ExitOk, or the exit code of the failure it printed.
int loadWeather(VerbParser &parser, const QString &option, const QString &projectPath, const Town &town,
                WeatherYear *year, QString *chosenBy);
} // namespace cli

} // namespace tt
