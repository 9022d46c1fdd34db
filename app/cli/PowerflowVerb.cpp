// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "energy/EnergySimulator.h"
#include "energy/WeatherYear.h"
#include "network/NetworkYear.h"
#include "network/PowerFlowSolver.h"
#include "network/TownNetworks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace tt {

namespace {

//! Which loads the flow is solved for, in words for the output.
struct LoadCase {
    QString mode;  // "fixed_loads", "hour", "peak"
    int hour = -1;
    std::vector<double> pKw, qKvar;
};

QJsonValue orNull(bool known, const QJsonValue &value)
{
    return known ? value : QJsonValue();
}

QJsonObject flowJson(const ElectricNetwork &n, const PowerFlowResult &r, const LoadCase &c)
{
    QJsonArray nodes, links;
    for (size_t i = 0; i < n.nodes.size(); ++i)
        nodes.append(QJsonObject{{"id", n.nodes[i].id},
                                 {"voltage_pu", std::abs(r.voltagePu[i])},
                                 {"angle_deg", std::arg(r.voltagePu[i]) * 180.0 / M_PI},
                                 {"p_kw", c.pKw[i]},
                                 {"q_kvar", c.qKvar[i]}});
    for (size_t l = 0; l < n.links.size(); ++l) {
        const LinkFlow &f = r.links[l];
        links.append(QJsonObject{{"id", n.links[l].id},
                                 {"closed", n.links[l].closed},
                                 {"p_kw", f.pKw},
                                 {"q_kvar", f.qKvar},
                                 {"i_a", f.currentA},
                                 {"loading", orNull(n.links[l].ampacityA > 0.0, f.loading)},
                                 {"loss_kw", f.lossKw}});
    }
    return {{"mode", c.mode},
            {"hour", orNull(c.hour >= 0, c.hour)},
            {"method", r.method},
            {"iterations", r.iterations},
            {"losses_kw", r.lossesKw},
            {"losses_kvar", r.lossesKvar},
            {"min_voltage_pu", r.minVoltagePu},
            {"min_voltage_node", n.nodes[size_t(r.minVoltageNode)].id},
            {"max_loading", orNull(r.maxLoadingLink >= 0, r.maxLoading)},
            {"max_loading_link", orNull(r.maxLoadingLink >= 0, n.links[size_t(std::max(0, r.maxLoadingLink))].id)},
            {"nodes", nodes},
            {"links", links}};
}

void printCsv(const ElectricNetwork &n, const PowerFlowResult &r, QTextStream &out)
{
    out << "kind,id,voltage_pu,p_kw,q_kvar,i_a,loading,loss_kw\n";
    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(6);
    for (size_t i = 0; i < n.nodes.size(); ++i)
        out << "node," << n.nodes[i].id << ',' << std::abs(r.voltagePu[i]) << ",,,,,\n";
    for (size_t l = 0; l < n.links.size(); ++l) {
        const LinkFlow &f = r.links[l];
        out << "link," << n.links[l].id << ",," << f.pKw << ',' << f.qKvar << ',' << f.currentA << ',';
        if (n.links[l].ampacityA > 0.0)
            out << f.loading;
        out << ',' << f.lossKw << '\n';
    }
}

void printSummary(const ElectricNetwork &n, const PowerFlowResult &r, const LoadCase &c, QTextStream &out)
{
    double load = 0.0;
    for (double p : c.pKw)
        load += p;
    out << QStringLiteral("Loads           %1%2, %3 kW in all\n")
               .arg(c.mode == QLatin1String("fixed_loads") ? QStringLiteral("the nodes' fixed loads")
                                                            : QStringLiteral("simulated, "))
               .arg(c.hour >= 0 ? NetworkYear::hourName(c.hour) : QString())
               .arg(load, 0, 'f', 1);
    out << QStringLiteral("Method          %1, %2 iterations\n").arg(r.method).arg(r.iterations);
    out << QStringLiteral("Losses          %1 kW, %2 kvar\n").arg(r.lossesKw, 0, 'f', 3).arg(r.lossesKvar, 0, 'f', 3);
    out << QStringLiteral("Lowest voltage  %1 pu at node %2\n")
               .arg(r.minVoltagePu, 0, 'f', 5)
               .arg(n.nodes[size_t(r.minVoltageNode)].id);
    if (r.maxLoadingLink >= 0)
        out << QStringLiteral("Highest loading %1 % on link %2\n")
                   .arg(100.0 * r.maxLoading, 0, 'f', 1)
                   .arg(n.links[size_t(r.maxLoadingLink)].id);
    else
        out << QStringLiteral("Highest loading unknown: no link has an ampacity\n");
}

int runPowerflow(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption hour(QStringLiteral("hour"), QStringLiteral("Hour of the simulated year, 0-8759."),
                                  QStringLiteral("H"));
    const QCommandLineOption peak(QStringLiteral("peak"),
                                  QStringLiteral("The hour the feeder carries most (the default)."));
    const QCommandLineOption fixed(QStringLiteral("fixed-loads"), QStringLiteral("The nodes' own p_kw and q_kvar."));
    const QCommandLineOption weather(QStringLiteral("weather"),
                                     QStringLiteral("EnergyPlus weather file of the site (default: the project's, "
                                                    "else a bundled one near the site)."),
                                     QStringLiteral("FILE.epw"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the flow as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Print nodes and links as CSV."));
    VerbParser parser(verb, {hour, peak, fixed, weather, json, csv}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    const int modes = int(parser.isSet(hour.names().first())) + int(parser.isSet(peak.names().first())) + int(parser.isSet(fixed.names().first()));
    if (modes > 1)
        return parser.usageError(QStringLiteral("--hour, --peak and --fixed-loads are alternatives"));
    if (parser.isSet(json.names().first()) && parser.isSet(csv.names().first()))
        return parser.usageError(QStringLiteral("--json and --csv are alternatives"));
    bool hourOk = true;
    const int chosenHour = parser.isSet(hour.names().first()) ? parser.value(hour.names().first()).toInt(&hourOk) : -1;
    if (parser.isSet(hour.names().first()) && (!hourOk || chosenHour < 0 || chosenHour >= WeatherYear::kHours))
        return parser.usageError(QStringLiteral("--hour wants 0 to %1, not '%2'").arg(WeatherYear::kHours - 1).arg(parser.value(hour.names().first())));

    const QString projectPath = parser.positional().first();
    Town town;
    if (!cli::loadProject(verb.name, projectPath, &town))
        return ExitFailure;
    TownNetworks networks;
    if (Status s = TownNetworks::build(town, &networks); !s || !networks.feeder()) {
        cli::printError(verb.name, s ? QStringLiteral("%1: the project has no electricity network").arg(projectPath)
                                     : QStringLiteral("%1: %2").arg(projectPath, s.message));
        return ExitFailure;
    }
    const ElectricNetwork &feeder = networks.feeder()->network;
    LoadCase c;
    if (parser.isSet(fixed.names().first())) {
        c.mode = QStringLiteral("fixed_loads");
        for (const ElectricNode &n : feeder.nodes) {
            c.pKw.push_back(n.pKw);
            c.qKvar.push_back(n.qKvar);
        }
    } else {
        WeatherYear year;
        QString chosenBy;
        if (const int code = cli::loadWeather(parser, parser.value(weather.names().first()), projectPath, town, &year, &chosenBy))
            return code;
        // The loads do not depend on the dispatch: the quick rules do.
        SimulationOptions options;
        options.strategy = DispatchStrategy::RuleBased;
        options.keepNetworkLoads = true;
        EnergySimulator simulator;
        const SimulationResult result = simulator.run(town, year, options, cli::stderrProgress(verb.name));
        if (!result.status || !result.networkLoads) {
            cli::printError(verb.name, result.status ? result.warnings.join(QStringLiteral("; ")) : result.status.message);
            return ExitFailure;
        }
        const NetworkLoads &loads = *result.networkLoads;
        const size_t count = feeder.nodes.size();
        c.mode = parser.isSet(hour.names().first()) ? QStringLiteral("hour") : QStringLiteral("peak");
        c.hour = chosenHour;
        if (c.hour < 0) {
            double most = -INFINITY;
            for (int h = 0; h < loads.hours; ++h) {
                double total = 0.0;
                for (size_t i = 0; i < count; ++i)
                    total += loads.electricKw[size_t(h) * count + i];
                if (total > most) {
                    most = total;
                    c.hour = h;
                }
            }
        }
        for (size_t i = 0; i < count; ++i) {
            c.pKw.push_back(loads.electricKw[size_t(c.hour) * count + i]);
            c.qKvar.push_back(loads.electricKvar[size_t(c.hour) * count + i]);
        }
    }
    const PowerFlowResult flow = PowerFlowSolver(feeder).solve(c.pKw, c.qKvar);
    if (!flow.status) {
        cli::printError(verb.name, c.hour >= 0 ? QStringLiteral("%1: %2").arg(NetworkYear::hourName(c.hour), flow.status.message)
                                               : flow.status.message);
        return ExitFailure;
    }
    QTextStream out(stdout);
    if (parser.isSet(json.names().first()))
        out << QJsonDocument(flowJson(feeder, flow, c)).toJson(QJsonDocument::Indented);
    else if (parser.isSet(csv.names().first()))
        printCsv(feeder, flow, out);
    else
        printSummary(feeder, flow, c, out);
    return ExitOk;
}

} // namespace

CliVerb powerflowVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("powerflow");
    verb.summary = QStringLiteral("AC power flow of the project's feeder: at an hour of the simulated year, its peak, "
                                  "or the nodes' fixed loads.");
    verb.usage = QStringLiteral("powerflow PROJECT.gpkg [--hour H | --peak | --fixed-loads] [--weather FILE.epw] "
                                "[--json | --csv]");
    verb.run = [verb](const QStringList &args) { return runPowerflow(verb, args); };
    return verb;
}

} // namespace tt
