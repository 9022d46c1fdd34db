// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "OutputFolder.h"
#include "OutputPathCheck.h"
#include "VerbParser.h"

#include "core/Town.h"
#include "energy/ArchetypeSets.h"
#include "energy/EnergyResultWriter.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QTextStream>

namespace tt {

namespace {

QStringList archetypeKeys()
{
    QStringList keys;
    for (const ArchetypeSets::Info &set : ArchetypeSets::bundled())
        keys.append(set.key);
    return keys;
}

int runSimulate(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption weather(QStringLiteral("weather"),
                                     QStringLiteral("EnergyPlus weather file of the site (default: the project's, "
                                                    "else a bundled one within 100 km of the site)."),
                                     QStringLiteral("FILE.epw"));
    const QCommandLineOption strategy(QStringLiteral("strategy"),
                                      QStringLiteral("Dispatch: rule (baseline rules) or optimal (LP, rolling 48 h)."),
                                      QStringLiteral("rule|optimal"), QStringLiteral("optimal"));
    const QCommandLineOption objective(QStringLiteral("objective"),
                                       QStringLiteral("What the optimal dispatch minimises."),
                                       QStringLiteral("cost|co2"), QStringLiteral("cost"));
    const QCommandLineOption archetypes(QStringLiteral("archetypes"),
                                        QStringLiteral("Building archetype set (default: the project's choice, else "
                                                       "the set of the site's region)."),
                                        QStringLiteral("%1").arg(archetypeKeys().join(QLatin1Char('|'))));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Directory for the result files."), QStringLiteral("DIR"));
    VerbParser parser(verb, {weather, strategy, objective, archetypes, output}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o DIR is required"));
    SimulationOptions options;
    if (!SimulationOptions::strategyFromKey(parser.value(QStringLiteral("strategy")), &options.strategy))
        return parser.usageError(QStringLiteral("--strategy wants rule or optimal, not '%1'")
                                     .arg(parser.value(QStringLiteral("strategy"))));
    if (!SimulationOptions::objectiveFromKey(parser.value(QStringLiteral("objective")), &options.objective))
        return parser.usageError(QStringLiteral("--objective wants cost or co2, not '%1'")
                                     .arg(parser.value(QStringLiteral("objective"))));
    const QString archetypeSet = parser.value(QStringLiteral("archetypes"));
    if (parser.isSet(QStringLiteral("archetypes")) && !ArchetypeSets::exists(archetypeSet))
        return parser.usageError(QStringLiteral("--archetypes wants %1, not '%2'")
                                     .arg(archetypeKeys().join(QStringLiteral(", ")), archetypeSet));

    // A year of simulation must not end in "cannot write": check the folder first,
    // but create it only with the results, so a failed or interrupted run leaves none.
    const QString dir = parser.value(QStringLiteral("output"));
    OutputPathCheck outputCheck(&parser);
    outputCheck.addInput(QStringLiteral("PROJECT"), parser.positional().first());
    if (parser.isSet(QStringLiteral("weather")))
        outputCheck.addInput(QStringLiteral("--weather"), parser.value(QStringLiteral("weather")));
    // The files EnergyResultWriter writes into the folder.
    const QStringList resultFiles{QStringLiteral("buildings_annual.csv"), QStringLiteral("town_hourly.csv"),
                                  QStringLiteral("network_hourly.csv"), QStringLiteral("kpis.json")};
    if (const int code = outputCheck.checkFolder(QStringLiteral("-o"), dir, resultFiles))
        return code;
    const QString projectPath = parser.positional().first();
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    if (!archetypeSet.isEmpty())
        town.settings.insert(ArchetypeSets::kSettingKey, archetypeSet);
    WeatherYear year;
    QString chosenBy;
    if (const int code = cli::loadWeather(parser, parser.value(QStringLiteral("weather")), projectPath, town, &year,
                                          &chosenBy))
        return code;
    QTextStream err(stderr);
    const Progress progress = cli::stderrProgress(verb.name);
    EnergySimulator simulator;
    const SimulationResult result = simulator.run(town, year, options, progress);
    if (!result.status) {
        cli::printError(verb.name, result.status.message);
        return ExitFailure;
    }
    err << "simulate: buildings: " << result.archetypeSetName << " (" << result.archetypeSetReason << ")\n";
    for (const QString &warning : result.warnings)
        err << "simulate: warning: " << warning << "\n";
    OutputFolder folder(dir);
    if (const Status s = EnergyResultWriter::write(dir, result, year, town.site, chosenBy); !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    folder.keep();

    const EnergyKpis &k = result.kpis;
    QTextStream out(stdout);
    out << QStringLiteral("Buildings simulated       %1\n").arg(result.buildings.size());
    out << QStringLiteral("Demand MWh/a              electricity %1, heating %2, cooling %3, hot water %4\n")
               .arg(k.demand.electricity / 1e3, 0, 'f', 0)
               .arg(k.demand.heating / 1e3, 0, 'f', 0)
               .arg(k.demand.cooling / 1e3, 0, 'f', 0)
               .arg(k.demand.dhw / 1e3, 0, 'f', 0);
    out << QStringLiteral("EV fleet MWh/a            driving %1, charging %2 (V2G cycling included)\n")
               .arg(k.evTripKwh / 1e3, 0, 'f', 0)
               .arg(k.evChargingKwh / 1e3, 0, 'f', 0);
    out << QStringLiteral("Self-sufficiency          %1 %\n").arg(100.0 * k.selfSufficiency, 0, 'f', 1);
    out << QStringLiteral("Renewable share           %1 %\n").arg(100.0 * k.renewableShare, 0, 'f', 1);
    out << QStringLiteral("Primary-energy saving     %1 % vs grid + gas boilers + electric chillers\n")
               .arg(100.0 * k.primaryEnergySaving, 0, 'f', 1);
    out << QStringLiteral("CO2 saving                %1 %\n").arg(100.0 * k.co2Saving, 0, 'f', 1);
    out << QStringLiteral("Peak grid import          %1 kW\n").arg(k.peakGridImportKw, 0, 'f', 0);
    out << QStringLiteral("Largest hourly imbalance  %1 kW\n").arg(k.balanceResidualMaxKw, 0, 'g', 3);
    if (const NetworkYearResult &n = result.networks; !n.isEmpty())
        out << QStringLiteral("Network losses MWh/a      electric %1, heat %2, cooling gains %3, pumping %4; "
                              "lowest voltage %5 pu, highest loading %6 %\n")
                   .arg(n.electricLossesKwh() / 1e3, 0, 'f', 1)
                   .arg(n.heatLossesKwh() / 1e3, 0, 'f', 1)
                   .arg(n.coolingGainsKwh() / 1e3, 0, 'f', 1)
                   .arg(n.pumpingKwh() / 1e3, 0, 'f', 1)
                   .arg(n.minVoltageHour < 0 ? 1.0 : n.hours[size_t(n.minVoltageHour)].minVoltagePu, 0, 'f', 4)
                   .arg(n.maxLoadingHour < 0 ? 0.0 : 100.0 * n.hours[size_t(n.maxLoadingHour)].maxLineLoading, 0, 'f', 1);
    out << QStringLiteral("Results in                %1\n").arg(dir);
    return ExitOk;
}

} // namespace

CliVerb simulateVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("simulate");
    verb.summary = QStringLiteral("Simulate the energy system for a weather year: hourly demand, generation, dispatch, KPIs.");
    verb.usage = QStringLiteral("simulate PROJECT.gpkg [--weather FILE.epw] [--strategy rule|optimal] [--objective cost|co2] "
                                 "[--archetypes SET] -o DIR");
    verb.run = [verb](const QStringList &args) { return runSimulate(verb, args); };
    return verb;
}

} // namespace tt
