// SPDX-License-Identifier: MIT
#include "NetworkLoadBuilder.h"

#include "WeatherYear.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
//! Hour-major from node-major, in tiles that stay in cache (a plain loop would miss on
//! every write once there are thousands of nodes).
std::vector<float> hourMajor(const std::vector<float> &nodeMajor, size_t nodes, size_t hours)
{
    constexpr size_t kTile = 64;
    std::vector<float> out(nodeMajor.size());
    for (size_t n0 = 0; n0 < nodes; n0 += kTile)
        for (size_t h0 = 0; h0 < hours; h0 += kTile)
            for (size_t n = n0; n < std::min(nodes, n0 + kTile); ++n)
                for (size_t h = h0; h < std::min(hours, h0 + kTile); ++h)
                    out[h * nodes + n] = nodeMajor[n * hours + h];
    return out;
}
} // namespace

BuildingLoadSource NetworkLoadBuilder::source(BuildingDemandModel &demand, const EnergySystem &system)
{
    double rooftopKwh = 0.0;
    for (double kw : system.rooftopPvKw)
        rooftopKwh += kw;
    const double tanPhi = std::tan(std::acos(kPowerFactor));
    return [&demand, &system, rooftopKwh, tanPhi](const Building &b, BuildingLoad *load) {
        DemandSeries series;
        demand.hourly(b, &series);
        const size_t hours = series.electricity.size();
        const double pvShare = rooftopKwh > 0.0 ? system.pvKwhByBuilding.value(b.id, 0.0) / rooftopKwh : 0.0;
        load->electricKw.resize(hours);
        load->electricKvar.resize(hours);
        load->heatingKw.resize(hours);
        load->coolingKw.resize(hours);
        for (size_t h = 0; h < hours; ++h) {
            const double pv = system.rooftopPvKw.empty() ? 0.0 : pvShare * system.rooftopPvKw[h];
            load->electricKw[h] = series.electricity[h] - pv;
            load->electricKvar[h] = series.electricity[h] * tanPhi;
            load->heatingKw[h] = series.heating[h] + series.dhw[h];
            load->coolingKw[h] = series.cooling[h];
        }
    };
}

NetworkLoads NetworkLoadBuilder::build(const Town &town, const TownNetworks &networks, const BuildingLoadSource &source)
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

    std::vector<char> served(electricNodes, 0);
    BuildingLoad load;
    // Gathered node by node (each building's year is one contiguous run), turned hour-major at the end.
    const auto add = [](std::vector<float> &to, int node, const std::vector<double> &series) {
        float *row = to.data() + size_t(node) * kHours;
        for (int h = 0; h < kHours; ++h)
            row[h] += float(series[size_t(h)]);
    };
    for (const Building &b : town.buildings) {
        if (b.context)
            continue;
        const int e = networks.nodeOf(NetworkCarrier::Electricity, b.id);
        const int hNode = networks.nodeOf(NetworkCarrier::Heating, b.id);
        const int cNode = networks.nodeOf(NetworkCarrier::Cooling, b.id);
        if (e < 0 && hNode < 0 && cNode < 0)
            continue;
        source(b, &load);
        if (e >= 0) {
            served[size_t(e)] = 1;
            loads.buildings.push_back(b.id);
            loads.buildingElectricKw.insert(loads.buildingElectricKw.end(), load.electricKw.begin(), load.electricKw.end());
            add(loads.electricKw, e, load.electricKw);
            add(loads.electricKvar, e, load.electricKvar);
        }
        if (hNode >= 0)
            add(loads.heatingKw, hNode, load.heatingKw);
        if (cNode >= 0)
            add(loads.coolingKw, cNode, load.coolingKw);
    }
    for (size_t i = 0; i < electricNodes; ++i) {
        if (served[i])
            continue;
        const ElectricNode &node = feeder->network.nodes[i];
        std::fill_n(loads.electricKw.begin() + long(i * kHours), kHours, float(node.pKw));
        std::fill_n(loads.electricKvar.begin() + long(i * kHours), kHours, float(node.qKvar));
    }
    loads.electricKw = hourMajor(loads.electricKw, electricNodes, kHours);
    loads.electricKvar = hourMajor(loads.electricKvar, electricNodes, kHours);
    loads.heatingKw = hourMajor(loads.heatingKw, heatingNodes, kHours);
    loads.coolingKw = hourMajor(loads.coolingKw, coolingNodes, kHours);
    return loads;
}

} // namespace tt
