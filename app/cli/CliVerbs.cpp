// SPDX-License-Identifier: MIT
#include "CliVerbs.h"

#include "OutputPathCheck.h"
#include "ProjectFile.h"
#include "VerbParser.h"

#include "core/Town.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <memory>

namespace tt {

QVector<CliVerb> cliVerbs()
{
    return {importVerb(), buildingsVerb(), kpisVerb(), compareVerb(), generateTownVerb(), renderVerb(), videoVerb(), reportVerb(), simulateVerb(), sizeVerb(), layNetworksVerb(), powerflowVerb(), monitorVerb(), replayVerb()};
}

namespace cli {

void printError(const QString &verb, const QString &message)
{
    QTextStream(stderr) << "towntwin-cli " << verb << ": " << message << "\n";
}

int loadForDrawing(VerbParser &parser, const QString &verb, const QString &extension, const QString &what, Town *town)
{
    OutputPathCheck outputCheck(&parser);
    outputCheck.addInput(QStringLiteral("PROJECT"), parser.positional().first());
    if (const int code = outputCheck.checkFile(QStringLiteral("-o"), parser.value(QStringLiteral("output")), extension, what))
        return code;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        printError(verb, QStringLiteral("drawing needs a display: run it under xvfb-run or with DISPLAY set"));
        return ExitFailure;
    }
    return loadProject(verb, parser.positional().first(), town) ? ExitOk : ExitFailure;
}

bool parseSize(const QString &text, int minSide, int maxSide, QSize *size)
{
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(text);
    *size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    return match.hasMatch() && size->width() >= minSide && size->height() >= minSide && size->width() <= maxSide
           && size->height() <= maxSide;
}

bool loadProject(const QString &verb, const QString &path, Town *town)
{
    QStringList warnings;
    const Status status = ProjectFile::load(path, town, &warnings);
    if (!status)
        printError(verb, status.message);
    // What opening left out or replaced; the file itself is unchanged until saved.
    for (const QString &warning : warnings)
        printError(verb, QStringLiteral("warning: ") + warning);
    return status.ok;
}

bool selectScenario(const QString &verb, const QString &name, Town *town)
{
    const int index = town->scenarioIndex(name);
    if (index < 0) {
        QStringList names;
        for (const Scenario &s : town->scenarios)
            names.append(QLatin1Char('\'') + s.name + QLatin1Char('\''));
        printError(verb, names.isEmpty()
                             ? QStringLiteral("there is no scenario '%1': the project has a single plan").arg(name)
                             : QStringLiteral("there is no scenario '%1'; the project has %2").arg(name, names.join(QStringLiteral(", "))));
        return false;
    }
    town->activateScenario(index);
    return true;
}

void adoptDefaultAssets(const SimulationResult &result, Town *town)
{
    for (EnergyAsset a : result.defaultAssets) {
        a.id = town->allocateId();
        town->assets.put(a);
    }
}

bool saveProject(const QString &verb, const Town &town, const QString &path)
{
    const Status status = ProjectFile::save(town, path);
    if (!status)
        printError(verb, status.message);
    return status.ok;
}

Progress stderrProgress(const QString &verb)
{
    // Each whole percent once: a year of hours would flood the terminal.
    auto lastPercent = std::make_shared<int>(-1);
    return [verb, lastPercent](double fraction, const QString &stage) {
        const int percent = int(fraction * 100.0);
        if (percent != *lastPercent) {
            *lastPercent = percent;
            QTextStream(stderr) << verb << ": " << stage << " " << percent << "%\n";
        }
        return true;
    };
}

int loadWeather(VerbParser &parser, const QString &option, const QString &projectPath, const Town &town,
                WeatherYear *year, QString *chosenBy)
{
    const QString verb = parser.verbName();
    ProjectWeather::Choice choice;
    if (!option.isEmpty()) {
        choice.reference = choice.path = option;
        *chosenBy = QStringLiteral("option");
    } else {
        choice = ProjectWeather::choose(town, projectPath);
        if (choice.origin == ProjectWeather::Origin::None)
            return parser.usageError(QStringLiteral("%1 names no weather file (setting '%2') and no bundled weather station "
                                                    "lies within %3 km of its site: give --weather FILE.epw")
                                         .arg(projectPath, ProjectWeather::kSettingKey)
                                         .arg(WeatherYear::kFarStationKm));
        *chosenBy = choice.origin == ProjectWeather::Origin::Project ? QStringLiteral("project")
                                                                     : QStringLiteral("bundled_near_site");
    }
    if (const Status s = EpwReader::read(choice.path, year); !s) {
        printError(verb, choice.origin == ProjectWeather::Origin::Project
                             ? QStringLiteral("the project's weather file: %1").arg(s.message)
                             : s.message);
        return ExitFailure;
    }
    year->source = choice.reference;

    QTextStream err(stderr);
    err << verb << ": weather: " << ProjectWeather::displayName(choice.reference) << ", " << year->locationName
        << (*chosenBy == QLatin1String("project")             ? " (the project's)"
            : *chosenBy == QLatin1String("bundled_near_site") ? " (bundled, nearest to the site)"
                                                               : "")
        << "\n";
    // Said before a long run, not after: the user may want another weather file.
    for (const QString &warning : year->siteWarnings(town.site))
        err << verb << ": warning: " << warning << "\n";
    if (const QString filled = year->filledValuesText(); !filled.isEmpty())
        err << verb << ": warning: " << year->source << ": " << filled << "\n";
    return ExitOk;
}

} // namespace cli
} // namespace tt
