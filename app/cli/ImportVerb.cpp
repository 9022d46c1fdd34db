// SPDX-License-Identifier: MIT
#include "CliVerbs.h"
#include "OutputPathCheck.h"
#include "VerbParser.h"

#include "TownImporter.h"

#include <QJsonDocument>
#include <QTextStream>

namespace tt {

static int runImport(const CliVerb &verb, const QStringList &args)
{
    const QCommandLineOption dem(QStringLiteral("dem"), QStringLiteral("Elevation raster (any GDAL format)."),
                                 QStringLiteral("DEM"));
    const QCommandLineOption buildings(QStringLiteral("buildings"),
                                       QStringLiteral("Building footprints (any OGR vector)."), QStringLiteral("VEC"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Surrounding buildings, drawn for context but not planned or simulated."),
                                     QStringLiteral("VEC"));
    const QCommandLineOption zones(QStringLiteral("zones"), QStringLiteral("Land-use zone polygons."),
                                   QStringLiteral("VEC"));
    const QCommandLineOption roads(QStringLiteral("roads"), QStringLiteral("Road centre lines."),
                                   QStringLiteral("VEC"));
    const QCommandLineOption feederLines(QStringLiteral("feeder-lines"),
                                         QStringLiteral("Distribution feeder lines: id, from, to, r_ohm, x_ohm, status, kv "
                                                        "[, ampacity_a]."),
                                         QStringLiteral("VEC"));
    const QCommandLineOption feederNodes(QStringLiteral("feeder-nodes"),
                                         QStringLiteral("Distribution feeder nodes: id, p_kw, q_kvar, kind, kv."),
                                         QStringLiteral("VEC"));
    const QCommandLineOption join(QStringLiteral("join"), QStringLiteral("Attribute table joined onto buildings."),
                                  QStringLiteral("TABLE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Join key field."), QStringLiteral("FIELD"));
    const QCommandLineOption useField(QStringLiteral("use-field"), QStringLiteral("Field naming the building use."),
                                      QStringLiteral("F"));
    const QCommandLineOption zoneField(QStringLiteral("zone-field"), QStringLiteral("Field naming the zone class."),
                                       QStringLiteral("F"));
    const QCommandLineOption nameField(QStringLiteral("name-field"),
                                       QStringLiteral("Field with display names in every layer (default: name, name:zh, 名称, ...)."),
                                       QStringLiteral("F"));
    const QCommandLineOption layer(QStringLiteral("layer"), QStringLiteral("Layer of a multi-layer buildings source."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption assumeCrs(QStringLiteral("assume-crs"),
                                       QStringLiteral("CRS for data without one, or whose coordinates contradict the one declared."),
                                       QStringLiteral("EPSG:n"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Project file to write."), QStringLiteral("PROJECT.gpkg"));
    VerbParser parser(verb, {dem, buildings, context, zones, roads, feederLines, feederNodes, join, key, useField, zoneField,
                             nameField, layer, assumeCrs, output},
                      0, 0);
    if (!parser.parse(args))
        return parser.exitCode();
    const bool feeder = parser.isSet(QStringLiteral("feeder-lines")) || parser.isSet(QStringLiteral("feeder-nodes"));
    if (parser.isSet(QStringLiteral("feeder-lines")) != parser.isSet(QStringLiteral("feeder-nodes")))
        return parser.usageError(QStringLiteral("--feeder-lines and --feeder-nodes go together"));
    if (!parser.isSet(QStringLiteral("buildings")) && !feeder)
        return parser.usageError(QStringLiteral("--buildings is required (unless a feeder is imported alone)"));
    if (!parser.isSet(QStringLiteral("output")))
        return parser.usageError(QStringLiteral("-o PROJECT.gpkg is required"));
    if (parser.isSet(QStringLiteral("join")) != parser.isSet(QStringLiteral("key")))
        return parser.usageError(QStringLiteral("--join and --key go together"));
    OutputPathCheck outputCheck(&parser);
    for (const char *input : {"buildings", "dem", "context", "zones", "roads", "feeder-lines", "feeder-nodes", "join"})
        outputCheck.addInput(QStringLiteral("--") + QLatin1String(input), parser.value(QLatin1String(input)));
    if (const int code = outputCheck.checkFile(QStringLiteral("-o"), parser.value(QStringLiteral("output")),
                                               QStringLiteral(".gpkg"), QStringLiteral("project file")))
        return code;

    ImportOptions options;
    options.demPath = parser.value(QStringLiteral("dem"));
    options.buildingsPath = parser.value(QStringLiteral("buildings"));
    options.zonesPath = parser.value(QStringLiteral("zones"));
    options.contextPath = parser.value(QStringLiteral("context"));
    options.roadsPath = parser.value(QStringLiteral("roads"));
    options.feederLinesPath = parser.value(QStringLiteral("feeder-lines"));
    options.feederNodesPath = parser.value(QStringLiteral("feeder-nodes"));
    options.joinPath = parser.value(QStringLiteral("join"));
    options.joinKey = parser.value(QStringLiteral("key"));
    options.useField = parser.value(QStringLiteral("use-field"));
    options.zoneClassField = parser.value(QStringLiteral("zone-field"));
    options.nameField = parser.value(QStringLiteral("name-field"));
    options.layerName = parser.value(QStringLiteral("layer"));
    options.assumeCrs = parser.value(QStringLiteral("assume-crs"));

    QTextStream err(stderr);
    int lastPercent = -1;
    const ImportReport report = TownImporter().run(options, [&](double fraction, const QString &stage) {
        const int percent = int(fraction * 100);
        if (percent / 10 != lastPercent / 10) {
            err << "import: " << percent << "% " << stage << "\n";
            err.flush();
            lastPercent = percent;
        }
        return true;
    });
    for (const ImportIssue &issue : report.skipped)
        err << "skipped: " << issue.file << " feature " << issue.feature << ": " << issue.reason << "\n";
    for (const ImportIssue &issue : report.warnings)
        err << "warning: " << issue.file << (issue.feature.isEmpty() ? QString() : QStringLiteral(" feature ") + issue.feature)
            << ": " << issue.reason << "\n";
    if (!report.status) {
        cli::printError(verb.name, report.status.message);
        return ExitFailure;
    }
    if (!cli::saveProject(verb.name, report.town, parser.value(QStringLiteral("output"))))
        return ExitFailure;
    QTextStream(stdout) << QJsonDocument(report.summaryJson()).toJson(QJsonDocument::Indented);
    return ExitOk;
}

CliVerb importVerb()
{
    CliVerb verb;
    verb.name = QStringLiteral("import");
    verb.summary = QStringLiteral("Import DEM, buildings, zones, roads and a feeder (any GDAL/OGR format, any CRS) into a project.");
    verb.usage = QStringLiteral("import [--dem DEM] --buildings VEC [--context VEC] [--zones VEC] [--roads VEC] "
                                "[--feeder-lines VEC --feeder-nodes VEC] [--join TABLE --key FIELD] "
                                "[--use-field F] [--zone-field F] [--name-field F] [--layer NAME] [--assume-crs EPSG:n] -o PROJECT.gpkg");
    verb.run = [verb](const QStringList &args) { return runImport(verb, args); };
    return verb;
}

} // namespace tt
