// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "OutputPathCheck.h"
#include "VerbParser.h"

#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"
#include "generate/TownGenerator.h"

#include <QTextStream>

#include <limits>

namespace tt {

namespace {

int runGenerateTown(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Project file to write."), QStringLiteral("FILE.gpkg"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same town)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption withAssets(QStringLiteral("with-assets"),
                                        QStringLiteral("Give the town its default energy system (PV, CHP, heat pumps, "
                                                       "storage, EV fleet, grid connection) as assets."));
    VerbParser parser(verb, {output, seed, withAssets}, 0, 0);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o FILE.gpkg is required"));
    bool ok = false;
    const quint32 seedValue = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return parser.usageError(QStringLiteral("--seed wants a whole number from 0 to %1, not '%2'")
                                     .arg(std::numeric_limits<quint32>::max())
                                     .arg(parser.value(QStringLiteral("seed"))));
    if (const int code = OutputPathCheck(&parser).checkFile(QStringLiteral("-o"), parser.value(QStringLiteral("output")),
                                                            QStringLiteral(".gpkg"), QStringLiteral("project file")))
        return code;
    Town town = TownGenerator::generate(seedValue);
    if (parser.isSet(QStringLiteral("with-assets"))) {
        WeatherYear year;
        QString chosenBy;
        if (const int code = cli::loadWeather(parser, QString(), parser.value(QStringLiteral("output")), town, &year, &chosenBy))
            return code;
        // The default set depends on the demand only: the quick dispatch is enough.
        SimulationOptions options;
        options.strategy = DispatchStrategy::RuleBased;
        const SimulationResult result = EnergySimulator().run(town, year, options);
        if (!result.status) {
            cli::printError(verb.name, result.status.message);
            return ExitFailure;
        }
        cli::adoptDefaultAssets(result, &town);
    }
    if (!cli::saveProject(verb.name, town, parser.value(QStringLiteral("output"))))
        return ExitFailure;
    QTextStream(stderr) << "generate-town: " << town.site.name << ", " << town.buildings.size() << " buildings, "
                        << town.zones.size() << " zones, " << town.roads.size() << " roads, " << town.assets.size() << " energy assets -> "
                        << parser.value(QStringLiteral("output")) << "\n";
    return ExitOk;
}

} // namespace

CliVerb generateTownVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("generate-town");
    verb.summary = QStringLiteral("Generate the sample green smart town (3 km², 30,000 residents) as a project.");
    verb.usage = QStringLiteral("generate-town -o FILE.gpkg [--seed N] [--with-assets]");
    verb.run = [verb](const QStringList &args) { return runGenerateTown(verb, args); };
    return verb;
}

} // namespace tt
