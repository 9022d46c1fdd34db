// SPDX-License-Identifier: MIT
#include "SavedView.h"

namespace tt {

const QStringList &viewLayerKeys()
{
    static const QStringList keys{QStringLiteral("terrain"),   QStringLiteral("zones"),  QStringLiteral("roads"),
                                  QStringLiteral("buildings"), QStringLiteral("assets"), QStringLiteral("networks")};
    return keys;
}

} // namespace tt
