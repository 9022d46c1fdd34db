// SPDX-License-Identifier: MIT
#include "Town.h"

namespace tt {

QString Town::activeScenarioName() const
{
    return scenarios.isEmpty() ? QString() : scenarios[activeScenario].name;
}

int Town::scenarioIndex(const QString &name) const
{
    for (int i = 0; i < scenarios.size(); ++i)
        if (scenarios[i].name == name)
            return i;
    return -1;
}

void Town::swapPlan(Scenario &scenario)
{
    std::swap(buildings, scenario.buildings);
    std::swap(zones, scenario.zones);
    std::swap(roads, scenario.roads);
    std::swap(assets, scenario.assets);
    std::swap(networkNodes, scenario.networkNodes);
    std::swap(networkLinks, scenario.networkLinks);
    std::swap(settings, scenario.settings);
    std::swap(rulesJson, scenario.rulesJson);
}

void Town::activateScenario(int index)
{
    Q_ASSERT(index >= 0 && index < scenarios.size());
    if (index == activeScenario)
        return;
    swapPlan(scenarios[activeScenario]);
    swapPlan(scenarios[index]);
    activeScenario = index;
}

Scenario Town::planAsScenario(const QString &name) const
{
    return Scenario{name, buildings, zones, roads, assets, networkNodes, networkLinks, settings, rulesJson};
}

Town Town::withScenario(int index) const
{
    Town copy = *this;
    copy.activateScenario(index);
    return copy;
}

Status Town::checkScenarioName(const QString &name, int except) const
{
    if (name.trimmed().isEmpty())
        return Status::error(QStringLiteral("a scenario needs a name"));
    if (name.trimmed() != name)
        return Status::error(QStringLiteral("scenario name '%1' begins or ends with spaces").arg(name));
    const int other = scenarioIndex(name);
    if (other >= 0 && other != except)
        return Status::error(QStringLiteral("there is already a scenario '%1'").arg(name));
    return Status::success();
}

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
        && rulesJson == o.rulesJson && presentation == o.presentation && scenarios == o.scenarios
        && (scenarios.isEmpty() || activeScenario == o.activeScenario);
}

} // namespace tt
