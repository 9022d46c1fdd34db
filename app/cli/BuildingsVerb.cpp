// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "VerbParser.h"

#include "core/Town.h"

#include <QTextStream>

#include <algorithm>

namespace tt {

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

int runBuildings(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Comma-separated values with a header row."));
    VerbParser parser(verb, {csv}, 1, 1);
    if (!parser.parse(args))
        return parser.exitCode();
    Town town;
    if (!cli::loadProject(verb.name, parser.positional().first(), &town))
        return ExitFailure;

    // Stable output: ordered by id, whatever the storage order.
    std::vector<const Building *> rows;
    rows.reserve(town.buildings.size());
    for (const Building &b : town.buildings)
        rows.push_back(&b);
    std::sort(rows.begin(), rows.end(), [](const Building *a, const Building *b) { return a->id < b->id; });

    QTextStream out(stdout);
    const QStringList header{QStringLiteral("id"), QStringLiteral("source_id"), QStringLiteral("use"),
                             QStringLiteral("levels"), QStringLiteral("height_m"), QStringLiteral("ground_m"),
                             QStringLiteral("footprint_m2"), QStringLiteral("height_guessed"), QStringLiteral("year"),
                             QStringLiteral("gfa_m2"), QStringLiteral("name"), QStringLiteral("context"),
                             QStringLiteral("basement_levels")};
    const bool asCsv = parser.isSet(QStringLiteral("csv"));
    if (asCsv)
        out << header.join(QLatin1Char(',')) << "\n";
    else
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(QStringLiteral("id"), 8).arg(QStringLiteral("source_id"), -16).arg(QStringLiteral("use"), -13)
                   .arg(QStringLiteral("levels"), 6).arg(QStringLiteral("height_m"), 9).arg(QStringLiteral("ground_m"), 9)
                   .arg(QStringLiteral("footprint_m2"), 12).arg(QStringLiteral("guessed"), 7);
    for (const Building *b : rows) {
        if (asCsv) {
            const QStringList fields{QString::number(b->id), csvField(b->sourceId), buildinguse::key(b->use),
                                     number(b->levels, 2), number(b->heightM, 2), number(b->groundM, 2),
                                     number(b->footprintArea(), 2), b->heightGuessed ? QStringLiteral("1") : QStringLiteral("0"),
                                     b->year > 0 ? QString::number(b->year) : QString(),
                                     number(b->grossFloorArea(), 1), csvField(b->name),
                                     b->context ? QStringLiteral("1") : QStringLiteral("0"),
                                     number(b->basementLevels, 2)};
            out << fields.join(QLatin1Char(',')) << "\n";
        } else {
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(b->id, 8).arg(b->sourceId.left(16), -16).arg(buildinguse::key(b->use), -13)
                       .arg(b->levels, 6, 'f', 1).arg(b->heightM, 9, 'f', 2).arg(b->groundM, 9, 'f', 2)
                       .arg(b->footprintArea(), 12, 'f', 1).arg(b->heightGuessed ? QStringLiteral("yes") : QStringLiteral("no"), 7);
        }
    }
    return ExitOk;
}

} // namespace

CliVerb buildingsVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("buildings");
    verb.summary = QStringLiteral("List the buildings of a project, one row each (--csv for CSV).");
    verb.usage = QStringLiteral("buildings PROJECT.gpkg [--csv]");
    verb.run = [verb](const QStringList &args) { return runBuildings(verb, args); };
    return verb;
}

} // namespace tt
