// SPDX-License-Identifier: MIT
#include "Town.h"

namespace tt {

Bounds2 Town::dataBounds() const
{
    Bounds2 b = geometry::bounds(site.boundary);
    for (const Building &bd : buildings)
        b = geometry::bounds(bd.footprint.outer, b);
    for (const Zone &z : zones)
        b = geometry::bounds(z.area.outer, b);
    for (const Road &r : roads)
        b = geometry::bounds(r.line, b);
    for (const EnergyAsset &a : assets) {
        b = geometry::bounds(a.area.outer, b);
        b.add(a.position);
    }
    for (const NetworkNode &n : networkNodes)
        b.add(n.position);
    for (const NetworkLink &l : networkLinks)
        b = geometry::bounds(l.route, b);
    return b;
}

bool Town::operator==(const Town &o) const
{
    return site == o.site && terrain == o.terrain && buildings.sameContent(o.buildings)
        && zones.sameContent(o.zones) && roads.sameContent(o.roads)
        && assets.sameContent(o.assets) && networkNodes.sameContent(o.networkNodes)
        && networkLinks.sameContent(o.networkLinks) && settings == o.settings
        && rulesJson == o.rulesJson && presentation == o.presentation;
}

} // namespace tt
