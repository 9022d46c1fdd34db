// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "analysis/ServiceType.h"
#include "analysis/ZoningAnalysis.h"
#include "core/ZoneClass.h"

#include <QJsonDocument>
#include <QTextStream>

namespace tt {

namespace {

void printSummary(const KpiReport &report, QTextStream &out)
{
    const LandUseStatistics &land = report.landUse;
    out << QStringLiteral("Site            %1 km² (%2)\n")
               .arg(land.siteAreaM2 / 1e6, 0, 'f', 3)
               .arg(land.siteFromBoundary ? QStringLiteral("site boundary") : QStringLiteral("sum of zones"));
    out << QStringLiteral("Built-up land   %1 km²\n").arg(land.builtUpAreaM2 / 1e6, 0, 'f', 3);
    out << QStringLiteral("Farmland        %1 km², %2 % of the site\n")
               .arg(land.agriculturalAreaM2 / 1e6, 0, 'f', 3)
               .arg(100.0 * land.farmlandShare(), 0, 'f', 1);
    out << QStringLiteral("Green ratio     %1 % of built-up land\n").arg(100.0 * land.greenRatio(), 0, 'f', 1);
    out << QStringLiteral("Buildings       %1 (%2 unzoned), GFA %3 m², FAR %4, coverage %5 %\n")
               .arg(land.buildings)
               .arg(land.unzonedBuildings)
               .arg(land.gfaM2, 0, 'f', 0)
               .arg(land.farBuiltUp(), 0, 'f', 2)
               .arg(100.0 * land.coverageBuiltUp(), 0, 'f', 1);
    out << QStringLiteral("Residents       %1\nJobs            %2\n")
               .arg(report.capacity.residents, 0, 'f', 0)
               .arg(report.capacity.jobs, 0, 'f', 0);
    out << QStringLiteral("\nLand use by class:\n");
    for (int c = 0; c < kZoneClassCount; ++c) {
        const LandUseTally &tally = land.classes[size_t(c)];
        if (tally.areaM2 > 0.0)
            out << QStringLiteral("  %1 %2 km² %3 %\n")
                       .arg(zoneclass::key(ZoneClass(c)), -16)
                       .arg(tally.areaM2 / 1e6, 8, 'f', 3)
                       .arg(100.0 * land.classShare(ZoneClass(c)), 5, 'f', 1);
    }
    out << QStringLiteral("\nService reach (%1):\n")
               .arg(report.serviceReach.alongRoads ? QStringLiteral("along roads") : QStringLiteral("straight line"));
    for (int s = 0; s < kServiceTypeCount; ++s) {
        const ServiceReachEntry &entry = report.serviceReach.services[size_t(s)];
        out << QStringLiteral("  %1 %2 % of residents within %3 m\n")
                   .arg(servicetype::key(ServiceType(s)), -16)
                   .arg(100.0 * entry.share, 5, 'f', 1)
                   .arg(entry.radiusM, 0, 'f', 0);
    }
    const PlanCheck &check = report.planCheck;
    out << QStringLiteral("\nPlan check: %1 pass, %2 warn, %3 fail\n")
               .arg(check.count(RuleStatus::Pass))
               .arg(check.count(RuleStatus::Warn))
               .arg(check.count(RuleStatus::Fail));
    if (!check.status.ok)
        out << "  rules unusable: " << check.status.message << "\n";
    for (const PlanCheckResult &r : check.results)
        out << QStringLiteral("  %1 %2 = %3 (target %4)\n")
                   .arg(PlanChecker::key(r.status).toUpper(), -5)
                   .arg(r.label, r.valueText(), r.target);
}

int runKpis(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the full report as JSON."));
    const QCommandLineOption strict(QStringLiteral("fail-on-plan-check"),
                                    QStringLiteral("Exit 1 when a plan rule fails or the rules are unusable."));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("The scenario to report on (default: the active one)."),
                                      QStringLiteral("NAME"));
    VerbParser parser(verb, {json, strict, scenario}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    Town town;
    if (!cli::loadProject(verb.name, parser.positional().first(), &town))
        return ExitFailure;
    if (parser.isSet(scenario) && !cli::selectScenario(verb.name, parser.value(scenario), &town))
        return ExitFailure;
    const KpiReport report = computeKpis(town);
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        if (!town.scenarios.isEmpty())
            o.insert(QLatin1String("scenario"), town.activeScenarioName());
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        if (!town.scenarios.isEmpty())
            out << QStringLiteral("Scenario        %1\n").arg(town.activeScenarioName());
        printSummary(report, out);
    }
    const bool unusable = !report.planCheck.status.ok;
    const int failedRules = report.planCheck.count(RuleStatus::Fail);
    if (!parser.isSet(QStringLiteral("fail-on-plan-check")) || (!unusable && failedRules == 0))
        return ExitOk;
    // Exit 1 says why on stderr too: scripts read the code, people read stderr.
    cli::printError(verb.name, unusable ? QStringLiteral("the plan rules cannot be used: %1").arg(report.planCheck.status.message)
                                        : QStringLiteral("%1 plan rule(s) fail").arg(failedRules));
    return ExitFailure;
}

} // namespace

CliVerb kpisVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("kpis");
    verb.summary = QStringLiteral("Zoning KPIs and the plan check of a project.");
    verb.usage = QStringLiteral("kpis PROJECT.gpkg [--scenario NAME] [--json] [--fail-on-plan-check]");
    verb.run = [verb](const QStringList &args) { return runKpis(verb, args); };
    return verb;
}

} // namespace tt
