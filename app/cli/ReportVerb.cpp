// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/ProjectWeather.h"
#include "energy/WeatherYear.h"
#include "gui/AppLanguage.h"
#include "report/ReportWriter.h"

#include <QTextStream>

#include <optional>

namespace tt {

namespace {

int runReport(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("PDF file to write."), QStringLiteral("FILE.pdf"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language of the report."),
                                  AppLanguage::available().join(QLatin1Char('|')), QStringLiteral("en"));
    VerbParser parser(verb, {output, lang}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o FILE.pdf is required"));
    const QString language = parser.value(QStringLiteral("lang"));
    if (!AppLanguage::available().contains(language))
        return parser.usageError(QStringLiteral("--lang wants %1, not '%2'")
                                     .arg(AppLanguage::available().join(QStringLiteral(" or ")), language));
    const QString projectPath = parser.positional().first();
    Town town;
    if (const int code = cli::loadForDrawing(parser, verb.name, QStringLiteral(".pdf"), QStringLiteral("report"), &town))
        return code;
    // The report is for people: their language and its number formats, unlike the CLI's own messages.
    AppLanguage::apply(language);
    ReportWriter report(town);
    QTextStream err(stderr);

    WeatherYear year;
    std::optional<SimulationResult> simulated;
    if (ProjectWeather::choose(town, projectPath).origin == ProjectWeather::Origin::None) {
        err << "report: warning: no weather file for the site: the report leaves the energy system out\n";
        report.setEnergyUnavailable(ReportWriter::noWeatherReason());
    } else {
        QString chosenBy;
        if (const int code = cli::loadWeather(parser, QString(), projectPath, town, &year, &chosenBy))
            return code;
        simulated = EnergySimulator().run(town, year, SimulationOptions{}, cli::stderrProgress(verb.name));
        if (!simulated->status) {
            cli::printError(verb.name, simulated->status.message);
            return ExitFailure;
        }
        report.setEnergy(*simulated, QStringLiteral("%1, %2").arg(year.locationName, ProjectWeather::displayName(year.source)));
    }
    QVector<ScenarioComparison> comparisons;
    if (const Status s = ScenarioComparison::againstOthers(town, ScenarioFigures::of(town, simulated ? &*simulated : nullptr),
                                                           simulated ? &year : nullptr, SimulationOptions{},
                                                           cli::stderrProgress(verb.name), &comparisons);
        !s) {
        cli::printError(verb.name, s.message);
        return ExitFailure;
    }
    report.setScenarioComparisons(comparisons);

    QImage view;
    QString viewName;
    if (const Status drawn = ReportWriter::renderTitleView(town, &view, &viewName); !drawn) {
        cli::printError(verb.name, drawn.message);
        return ExitFailure;
    }
    report.setTitleView(view, viewName);
    const QString path = parser.value(QStringLiteral("output"));
    if (const Status written = report.write(path); !written) {
        cli::printError(verb.name, written.message);
        return ExitFailure;
    }
    QStringList sections;
    for (const ReportDocument::Section &s : report.sections())
        sections << s.title;
    err << "report: " << report.pageCount() << " pages (" << sections.join(QStringLiteral(", ")) << ") in "
        << language << " -> " << path << "\n";
    return ExitOk;
}

} // namespace

CliVerb reportVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("report");
    verb.summary = QStringLiteral("Write the project's report as a PDF: land use, plan check, capacity, energy "
                                  "(needs OpenGL for its picture, e.g. under xvfb-run).");
    verb.usage = QStringLiteral("report PROJECT.gpkg -o FILE.pdf [--lang en|zh_CN]");
    verb.needsDisplay = true;
    verb.run = [verb](const QStringList &args) { return runReport(verb, args); };
    return verb;
}

} // namespace tt
