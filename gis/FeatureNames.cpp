// SPDX-License-Identifier: MIT
#include "FeatureNames_p.h"

namespace tt::featurenames {

QStringList candidates(const QString &userField)
{
    if (!userField.isEmpty())
        return {userField};
    return {QStringLiteral("name"),    QStringLiteral("name:zh"), QStringLiteral("name_zh"), QStringLiteral("名称"),
            QStringLiteral("名字"),    QStringLiteral("mc"),      QStringLiteral("name:en"), QStringLiteral("name_en"),
            QStringLiteral("label")};
}

QStringList idFields()
{
    return {QStringLiteral("osm_id"), QStringLiteral("osm_way_id"), QStringLiteral("@id"), QStringLiteral("id"),
            QStringLiteral("gml_id"), QStringLiteral("fid")};
}

} // namespace tt::featurenames
