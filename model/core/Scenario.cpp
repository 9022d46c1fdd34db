// SPDX-License-Identifier: MIT
#include "Scenario.h"

namespace tt {

bool Scenario::operator==(const Scenario &o) const
{
    return name == o.name && buildings.sameContent(o.buildings) && zones.sameContent(o.zones)
        && roads.sameContent(o.roads) && assets.sameContent(o.assets) && networkNodes.sameContent(o.networkNodes)
        && networkLinks.sameContent(o.networkLinks) && settings == o.settings && rulesJson == o.rulesJson;
}

} // namespace tt
