// SPDX-License-Identifier: MIT
#include "SavedView.h"

namespace tt {

const QStringList &viewLayerKeys()
{
    static const QStringList keys{QStringLiteral("terrain"),   QStringLiteral("zones"),  QStringLiteral("roads"),
                                  QStringLiteral("buildings"), QStringLiteral("assets"), QStringLiteral("networks")};
    return keys;
}

QDateTime viewLocalTime(int hour)
{
    return QDateTime(QDate(2026, 1, 1).addDays(hour / 24), QTime(hour % 24, 0));
}

} // namespace tt
