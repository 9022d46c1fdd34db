// SPDX-License-Identifier: MIT
#include "NetworkLoadBuilder.h"

#include "WeatherYear.h"

#include <cmath>

namespace tt {

NetworkLoads NetworkLoadBuilder::build(const Town &town, const TownNetworks &networks, BuildingDemandModel &demand,
                                       const EnergySystem &system)
{
    constexpr int kHours = WeatherYear::kHours;
    NetworkLoads loads;
    loads.hours = kHours;
    const TownFeeder *feeder = networks.feeder();
    const size_t electricNodes = feeder ? feeder->network.nodes.size() : 0;
    const PipeNetwork *heating = networks.pipes(NetworkCarrier::Heating);
    const PipeNetwork *cooling = networks.pipes(NetworkCarrier::Cooling);
    const size_t heatingNodes = heating ? heating->nodes.size() : 0, coolingNodes = cooling ? cooling->nodes.size() : 0;
    loads.electricKw.assign(kHours * electricNodes, 0.0f);
    loads.electricKvar.assign(kHours * electricNodes, 0.0f);
    loads.heatingKw.assign(kHours * heatingNodes, 0.0f);
    loads.coolingKw.assign(kHours * coolingNodes, 0.0f);

    double rooftopKwh = 0.0;
    for (double kw : system.rooftopPvKw)
        rooftopKwh += kw;
    const double tanPhi = std::tan(std::acos(kPowerFactor));
    std::vector<char> served(electricNodes, 0);
    DemandSeries series;
    for (const Building &b : town.buildings) {
        if (b.context)
            continue;
        const int e = networks.nodeOf(NetworkCarrier::Electricity, b.id);
        const int hNode = networks.nodeOf(NetworkCarrier::Heating, b.id);
        const int cNode = networks.nodeOf(NetworkCarrier::Cooling, b.id);
        if (e < 0 && hNode < 0 && cNode < 0)
            continue;
        demand.hourly(b, &series);
        if (e >= 0) {
            served[size_t(e)] = 1;
            const double pvShare = rooftopKwh > 0.0 ? system.pvKwhByBuilding.value(b.id, 0.0) / rooftopKwh : 0.0;
            for (int h = 0; h < kHours; ++h) {
                const size_t at = size_t(h) * electricNodes + size_t(e);
                const double use = series.electricity[size_t(h)];
                loads.electricKw[at] += float(use - pvShare * system.rooftopPvKw[size_t(h)]);
                loads.electricKvar[at] += float(use * tanPhi);
            }
        }
        if (hNode >= 0)
            for (int h = 0; h < kHours; ++h)
                loads.heatingKw[size_t(h) * heatingNodes + size_t(hNode)]
                    += float(series.heating[size_t(h)] + series.dhw[size_t(h)]);
        if (cNode >= 0)
            for (int h = 0; h < kHours; ++h)
                loads.coolingKw[size_t(h) * coolingNodes + size_t(cNode)] += float(series.cooling[size_t(h)]);
    }
    for (size_t i = 0; i < electricNodes; ++i) {
        if (served[i])
            continue;
        const ElectricNode &node = feeder->network.nodes[i];
        for (int h = 0; h < kHours; ++h) {
            loads.electricKw[size_t(h) * electricNodes + i] = float(node.pKw);
            loads.electricKvar[size_t(h) * electricNodes + i] = float(node.qKvar);
        }
    }
    return loads;
}

} // namespace tt
