// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "OutputFolder.h"
#include "OutputPathCheck.h"
#include "VerbParser.h"

#include "core/Town.h"
#include "energy/CapacitySizer.h"
#include "energy/EnergySimulator.h"
#include "energy/SizedAssets.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace tt {

namespace {

int runSize(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption weather(QStringLiteral("weather"),
                                     QStringLiteral("EnergyPlus weather file of the site (default: the project's, "
                                                    "else a bundled one within 100 km of the site)."),
                                     QStringLiteral("FILE.epw"));
    const QCommandLineOption objective(QStringLiteral("objective"),
                                       QStringLiteral("What the sizing minimises: annualised cost or CO2."),
                                       QStringLiteral("cost|co2"), QStringLiteral("cost"));
    const QCommandLineOption co2Cap(QStringLiteral("co2-cap"), QStringLiteral("At most this much CO2 a year (t)."),
                                    QStringLiteral("T"));
    const QCommandLineOption budget(QStringLiteral("budget"), QStringLiteral("At most this much capex (CNY)."),
                                    QStringLiteral("CNY"));
    const QCommandLineOption apply(QStringLiteral("apply"),
                                   QStringLiteral("Write the sized assets into the project (saved in place)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Directory for sizing.json."), QStringLiteral("DIR"));
    VerbParser parser(verb, {weather, objective, co2Cap, budget, apply, output}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o DIR is required"));
    SizingOptions options;
    if (!SimulationOptions::objectiveFromKey(parser.value(QStringLiteral("objective")), &options.objective))
        return parser.usageError(QStringLiteral("--objective wants cost or co2, not '%1'")
                                     .arg(parser.value(QStringLiteral("objective"))));
    const auto positive = [&parser](const QString &name, double *out) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0.0) {
            parser.usageError(QStringLiteral("--%1 wants a number of at least 0, not '%2'").arg(name, parser.value(name)));
            return false;
        }
        *out = v;
        return true;
    };
    double capTonnes = INFINITY;
    if (!positive(QStringLiteral("co2-cap"), &capTonnes) || !positive(QStringLiteral("budget"), &options.capexBudget))
        return ExitUsage;
    options.co2CapKg = capTonnes * 1000.0;

    const QString dir = parser.value(QStringLiteral("output"));
    OutputPathCheck outputCheck(&parser);
    const QString projectPath = parser.positional().first();
    outputCheck.addInput(QStringLiteral("PROJECT"), projectPath);
    if (parser.isSet(QStringLiteral("weather")))
        outputCheck.addInput(QStringLiteral("--weather"), parser.value(QStringLiteral("weather")));
    if (const int code = outputCheck.checkFolder(QStringLiteral("-o"), dir, {QStringLiteral("sizing.json")}))
        return code;
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    WeatherYear year;
    QString chosenBy;
    if (const int code = cli::loadWeather(parser, parser.value(QStringLiteral("weather")), projectPath, town, &year,
                                          &chosenBy))
        return code;

    QTextStream err(stderr);
    const Progress progress = cli::stderrProgress(verb.name);
    EnergySimulator simulator;
    SimulationOptions simulation;
    const SimulationResult simulated = simulator.run(town, year, simulation, progressSpan(progress, 0.0, 0.3));
    if (!simulated.status) {
        cli::printError(verb.name, simulated.status.message);
        return ExitFailure;
    }
    if (!simulated.defaultAssets.isEmpty())
        err << "size: the project has no energy assets: its reference is the default set of "
            << simulated.defaultAssets.size() << " assets\n";
    const SizingResult result = CapacitySizer().size(town, year, simulated, options, simulator.technologies(),
                                                     progressSpan(progress, 0.3, 1.0));
    if (!result.status) {
        cli::printError(verb.name, result.status.message);
        return ExitFailure;
    }
    for (const QString &warning : result.warnings)
        err << "size: warning: " << warning << "\n";

    OutputFolder folder(dir);
    QJsonObject json = result.toJson();
    json.insert(QStringLiteral("objective"), parser.value(QStringLiteral("objective")));
    json.insert(QStringLiteral("weather"), QJsonObject{{"file", year.source}, {"chosen_by", chosenBy},
                                                       {"location", year.locationName}});
    json.insert(QStringLiteral("tariff"), QJsonObject{{"name", simulated.tariff.name},
                                                      {"chosen_by", simulated.tariffReason}});
    QSaveFile file(QDir(dir).filePath(QStringLiteral("sizing.json")));
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0
        || !file.commit()) {
        cli::printError(verb.name, QStringLiteral("%1: cannot write (%2)").arg(file.fileName(), file.errorString()));
        return ExitFailure;
    }
    folder.keep();
    if (parser.isSet(QStringLiteral("apply"))) {
        // A town without assets was sized against the default set: it gets that set's grid
        // connection and fleet, with the sized equipment.
        cli::adoptDefaultAssets(simulated, &town);
        QStringList notes;
        SizedAssets::apply(&town, result.sized.capacities, simulator.technologies(), &notes);
        if (!cli::saveProject(verb.name, town, projectPath))
            return ExitFailure;
        for (const QString &note : notes)
            err << "size: applied: " << note << "\n";
        err << "size: the sized assets are saved in " << projectPath << "\n";
    }

    const auto line = [](const char *what, const SizedSystem &s) {
        return QStringLiteral("%1 annualised %2 M CNY, NPV %3 M CNY, CO2 %4 t, self-sufficiency %5 %\n")
            .arg(QLatin1String(what), -10)
            .arg(s.economics.system.annualisedCost / 1e6, 0, 'f', 2)
            .arg(s.economics.npv / 1e6, 0, 'f', 2)
            .arg(s.kpis.co2Kg / 1e3, 0, 'f', 0)
            .arg(100.0 * s.kpis.selfSufficiency, 0, 'f', 1);
    };
    QTextStream out(stdout);
    const Capacities &c = result.sized.capacities;
    out << QStringLiteral("Sized      PV %1 kWp (roofs %2, fields %3), wind %4 kW, battery %5 kWh / %6 kW, CHP %7 kWe,\n"
                          "           absorption %8 kW, heat pumps %9 kW, tank %10 kWh, boilers %11 kW, chillers %12 kW\n")
               .arg(c.rooftopPvKwp + c.groundPvKwp, 0, 'f', 0).arg(c.rooftopPvKwp, 0, 'f', 0)
               .arg(c.groundPvKwp, 0, 'f', 0).arg(c.windKw, 0, 'f', 0).arg(c.batteryKwh, 0, 'f', 0)
               .arg(c.batteryKw, 0, 'f', 0).arg(c.chpKwE, 0, 'f', 0).arg(c.absorptionKwTh, 0, 'f', 0)
               .arg(c.heatPumpKwTh, 0, 'f', 0).arg(c.thermalStorageKwh, 0, 'f', 0).arg(c.boilerKwTh, 0, 'f', 0)
               .arg(c.chillerKwTh, 0, 'f', 0);
    out << line("Sized", result.sized) << line("Reference", result.reference);
    out << QStringLiteral("Baseline   annualised %1 M CNY\n")
               .arg(result.sized.economics.baseline.annualisedCost / 1e6, 0, 'f', 2);
    out << QStringLiteral("Solver     %1 rows, %2 columns, %3 iterations, %4 s, %5\n")
               .arg(result.solver.rows).arg(result.solver.columns).arg(result.solver.iterations)
               .arg(result.solver.seconds, 0, 'f', 1).arg(result.solver.status);
    out << QStringLiteral("Results in %1\n").arg(dir);
    return ExitOk;
}

} // namespace

CliVerb sizeVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("size");
    verb.summary = QStringLiteral("Optimal sizes of PV, wind, storage, CHP, heat pumps, boilers and chillers over a year.");
    verb.usage = QStringLiteral("size PROJECT.gpkg [--weather FILE.epw] [--objective cost|co2] [--co2-cap T] "
                                 "[--budget CNY] [--apply] -o DIR");
    verb.run = [verb](const QStringList &args) { return runSize(verb, args); };
    return verb;
}

} // namespace tt
