// SPDX-License-Identifier: MIT
#include "ImportReport.h"

#include <QJsonArray>

namespace tt {

namespace {
QJsonArray issuesJson(const QVector<ImportIssue> &issues)
{
    QJsonArray array;
    for (const ImportIssue &issue : issues)
        array.append(QJsonObject{{QStringLiteral("file"), issue.file},
                                 {QStringLiteral("feature"), issue.feature},
                                 {QStringLiteral("reason"), issue.reason}});
    return array;
}
} // namespace

QJsonObject ImportReport::summaryJson() const
{
    int context = 0;
    for (const Building &b : town.buildings)
        context += b.context ? 1 : 0;
    // "buildings" counts the plan's buildings; surroundings are reported apart.
    QJsonObject summary{{QStringLiteral("buildings"), town.buildings.size() - context},
                       {QStringLiteral("context_buildings"), context},
                       {QStringLiteral("zones"), town.zones.size()},
                       {QStringLiteral("roads"), town.roads.size()},
                       {QStringLiteral("network_nodes"), town.networkNodes.size()},
                       {QStringLiteral("network_links"), town.networkLinks.size()},
                       {QStringLiteral("crs"), town.site.crsName},
                       {QStringLiteral("crs_reason"), crsReason},
                       {QStringLiteral("heights_guessed"), heightsGuessed},
                       {QStringLiteral("skipped"), issuesJson(skipped)},
                       {QStringLiteral("repaired"), issuesJson(repaired)},
                       {QStringLiteral("warnings"), issuesJson(warnings)}};
    if (join.used)
        summary.insert(QStringLiteral("join"), QJsonObject{{QStringLiteral("matched"), join.matched},
                                                           {QStringLiteral("unmatched"), join.unmatched},
                                                           {QStringLiteral("table_rows_unused"), join.tableRowsUnused}});
    return summary;
}

} // namespace tt
