// SPDX-License-Identifier: MIT
#include "RoadClass.h"

#include <QHash>

namespace tt::roadclass {

double widthM(const QString &roadClass)
{
    // Lane counts times ~3.5 m, rounded; links and the "_link" ramps take their parent's width.
    static const QHash<QString, double> widths{
        {QStringLiteral("motorway"), 20.0},   {QStringLiteral("trunk"), 15.0},       {QStringLiteral("primary"), 12.0},
        {QStringLiteral("secondary"), 10.0},  {QStringLiteral("tertiary"), 8.0},     {QStringLiteral("unclassified"), 6.0},
        {QStringLiteral("residential"), 6.0}, {QStringLiteral("living_street"), 5.0}, {QStringLiteral("service"), 4.0},
        {QStringLiteral("track"), 3.0},       {QStringLiteral("cycleway"), 2.5},     {QStringLiteral("pedestrian"), 4.0},
        {QStringLiteral("footway"), 2.0},     {QStringLiteral("path"), 2.0},         {QStringLiteral("steps"), 2.0},
    };
    QString key = roadClass.trimmed().toLower();
    if (key.endsWith(QLatin1String("_link")))
        key.chop(5);
    return widths.value(key, 6.0);
}

} // namespace tt::roadclass
