// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "OutputPathCheck.h"
#include "VerbParser.h"

#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"
#include "network/NetworkLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace tt {

namespace {

int runLayNetworks(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption carriers(QStringLiteral("carriers"),
                                      QStringLiteral("Networks to lay out, comma-separated (default: electricity,heating,cooling)."),
                                      QStringLiteral("LIST"));
    const QCommandLineOption weather(QStringLiteral("weather"),
                                     QStringLiteral("EnergyPlus weather file the peak flows are simulated with (default: "
                                                    "the project's, else a bundled one near the site)."),
                                     QStringLiteral("FILE.epw"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Project file to write, with the networks."), QStringLiteral("PROJECT.gpkg"));
    VerbParser parser(verb, {carriers, weather, output}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o PROJECT.gpkg is required"));
    NetworkLayout::Options options;
    if (parser.isSet(QStringLiteral("carriers"))) {
        options.carriers = {};
        for (const QString &key : parser.value(QStringLiteral("carriers")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            NetworkCarrier carrier;
            if (!networkcarrier::fromKey(key.trimmed(), &carrier))
                return parser.usageError(
                    QStringLiteral("--carriers: '%1' is not electricity, heating or cooling").arg(key.trimmed()));
            options.carriers[size_t(carrier)] = true;
        }
    }
    const QString projectPath = parser.positional().first();
    OutputPathCheck outputCheck(&parser);
    outputCheck.addInput(QStringLiteral("PROJECT"), projectPath);
    if (parser.isSet(QStringLiteral("weather")))
        outputCheck.addInput(QStringLiteral("--weather"), parser.value(QStringLiteral("weather")));
    if (const int code = outputCheck.checkFile(QStringLiteral("-o"), parser.value(QStringLiteral("output")),
                                               QStringLiteral(".gpkg"), QStringLiteral("project file")))
        return code;

    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    WeatherYear year;
    QString chosenBy;
    if (const int code = cli::loadWeather(parser, parser.value(QStringLiteral("weather")), projectPath, town, &year, &chosenBy))
        return code;
    NetworkCatalogue catalogue;
    if (Status s = NetworkCatalogue::loadBundled(&catalogue); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    EnergySimulator simulator;
    BuildingLoadSource loads;
    if (Status s = simulator.buildingLoads(town, year, &loads); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    const NetworkLayout::Result laid = NetworkLayout::lay(town, catalogue, loads, options);
    if (!laid.status) {
        cli::printError(verb.name, QStringLiteral("%1: %2").arg(projectPath, laid.status.message));
        return ExitFailure;
    }
    QTextStream err(stderr);
    for (const QString &note : laid.notes)
        err << verb.name << ": note: " << note << "\n";
    if (!cli::saveProject(verb.name, laid.town, parser.value(QStringLiteral("output"))))
        return ExitFailure;
    QJsonObject summary;
    for (int c = 0; c < kNetworkCarrierCount; ++c) {
        if (!options.carriers[size_t(c)])
            continue;
        const NetworkLayout::CarrierSummary &s = laid.summary[size_t(c)];
        summary.insert(networkcarrier::key(NetworkCarrier(c)),
                       QJsonObject{{"nodes", s.nodes},
                                   {"links", s.links},
                                   {"transformers", s.transformers},
                                   {"length_km", s.lengthM / 1000.0},
                                   {"cost_cny", s.cost}});
    }
    summary.insert(QStringLiteral("notes"), QJsonArray::fromStringList(laid.notes));
    QTextStream(stdout) << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace

CliVerb layNetworksVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("lay-networks");
    verb.summary = QStringLiteral("Lay out the feeder and the heating and cooling networks along the roads, sized from "
                                  "the simulated peak flows.");
    verb.usage = QStringLiteral("lay-networks PROJECT.gpkg [--carriers electricity,heating,cooling] [--weather FILE.epw] "
                                "-o OUT.gpkg");
    verb.run = [verb](const QStringList &args) { return runLayNetworks(verb, args); };
    return verb;
}

} // namespace tt
