// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "analysis/ScenarioComparison.h"
#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cmath>

namespace tt {

namespace {

QString figure(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', std::abs(v) >= 100.0 ? 0 : 2);
}

void printTable(const ScenarioComparison &comparison, QTextStream &out)
{
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QString(), -38)
               .arg(comparison.a().scenario, 14)
               .arg(comparison.b().scenario, 14)
               .arg(QStringLiteral("difference"), 14);
    QString group;
    for (const ComparisonRow &r : comparison.rows()) {
        if (r.group != group) {
            group = r.group;
            out << "\n" << group << ":\n";
        }
        const QString label = r.unit.isEmpty() ? r.label : QStringLiteral("%1 (%2)").arg(r.label, r.unit);
        const double d = r.difference();
        out << QStringLiteral("  %1 %2 %3 %4\n")
                   .arg(label, -36)
                   .arg(figure(r.a), 14)
                   .arg(figure(r.b), 14)
                   .arg((d > 0 ? QStringLiteral("+") : QString()) + figure(d), 14);
    }
}

int runCompare(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print both scenarios' figures and the "
                                                                         "differences as JSON."));
    const QCommandLineOption zoningOnly(QStringLiteral("zoning-only"),
                                        QStringLiteral("Compare the zoning KPIs only; do not simulate the years."));
    const QCommandLineOption weather(QStringLiteral("weather"),
                                     QStringLiteral("EnergyPlus weather file (default: the project's, else a bundled "
                                                    "one within 100 km of the site)."),
                                     QStringLiteral("FILE.epw"));
    VerbParser parser(verb, {json, zoningOnly, weather}, 3, 3);
    if (!parser.parse(args))
        return parser.exitCode();
    if (parser.isSet(zoningOnly) && parser.isSet(weather))
        return parser.usageError(QStringLiteral("--weather has no use with --zoning-only"));
    const QString projectPath = parser.positional().first();
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    Town towns[2] = {town, town};
    for (int i = 0; i < 2; ++i)
        if (!cli::selectScenario(verb.name, parser.positional()[i + 1], &towns[i]))
            return ExitFailure;
    WeatherYear year;
    if (!parser.isSet(zoningOnly)) {
        QString chosenBy;
        if (const int code = cli::loadWeather(parser, parser.value(weather), projectPath, town, &year, &chosenBy))
            return code;
    }
    ScenarioFigures figures[2];
    for (int i = 0; i < 2; ++i) {
        const Status s = ScenarioFigures::compute(towns[i], parser.isSet(zoningOnly) ? nullptr : &year,
                                                  SimulationOptions{}, cli::stderrProgress(verb.name), &figures[i]);
        if (!s) {
            cli::printError(verb.name, QStringLiteral("scenario '%1': %2").arg(towns[i].activeScenarioName(), s.message));
            return ExitFailure;
        }
    }
    const ScenarioComparison comparison(figures[0], figures[1]);
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << QJsonDocument(comparison.toJson()).toJson(QJsonDocument::Indented);
    else
        printTable(comparison, out);
    return ExitOk;
}

} // namespace

CliVerb compareVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("compare");
    verb.summary = QStringLiteral("Two scenarios' zoning and energy KPIs and their differences.");
    verb.usage = QStringLiteral("compare PROJECT.gpkg SCENARIO_A SCENARIO_B [--json] [--zoning-only] [--weather FILE.epw]");
    verb.run = [verb](const QStringList &args) { return runCompare(verb, args); };
    return verb;
}

} // namespace tt
