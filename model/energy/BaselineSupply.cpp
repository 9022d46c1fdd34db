// SPDX-License-Identifier: MIT
#include "BaselineSupply.h"

#include <algorithm>
#include <numeric>

namespace tt {

BaselineSupply BaselineSupply::compute(const DispatchResult &d, const EnergySystem &s)
{
    BaselineSupply b;
    const int hours = d.hours();
    b.gridKw.resize(size_t(hours));
    for (int h = 0; h < hours; ++h) {
        const double heat = d.at(Flow::HeatDemand, h), cool = d.at(Flow::CoolDemand, h);
        b.gridKw[size_t(h)] = d.at(Flow::ElecDemand, h) + cool / s.baseline.chillerCop;
        b.gasKwh += heat / s.baseline.gasBoilerEfficiency;
        b.heatKwh += heat;
        b.coolKwh += cool;
        b.peakHeatKw = std::max(b.peakHeatKw, heat);
        b.peakCoolKw = std::max(b.peakCoolKw, cool);
        const double price = h < int(s.importPrice.size()) ? s.importPrice[size_t(h)] : 0.0;
        b.energyCost += b.gridKw[size_t(h)] * price;
    }
    const double meanPrice = s.importPrice.empty()
        ? 0.0
        : std::accumulate(s.importPrice.begin(), s.importPrice.end(), 0.0) / double(s.importPrice.size());
    for (const EvCohort &c : s.evCohorts)
        b.evGridKwh += std::accumulate(c.tripKwh.begin(), c.tripKwh.end(), 0.0) / c.efficiency;
    b.energyCost += b.evGridKwh * meanPrice + b.gasKwh * s.gasPrice;
    b.demandCharge = s.demandCharge(b.gridKw);
    b.co2Kg = b.gridKwh() * s.co2Grid + b.gasKwh * s.co2Gas;
    b.primaryEnergyKwh = b.gridKwh() * s.pefGrid + b.gasKwh * s.pefGas;
    return b;
}

double BaselineSupply::gridKwh() const
{
    return std::accumulate(gridKw.begin(), gridKw.end(), 0.0) + evGridKwh;
}

double BaselineSupply::peakGridKw() const
{
    return gridKw.empty() ? 0.0 : *std::max_element(gridKw.begin(), gridKw.end());
}

} // namespace tt
