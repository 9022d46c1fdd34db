// SPDX-License-Identifier: MIT
#include "HourlyTotals.h"

#include <cmath>

namespace tt {

int HourlyTotals::carrierOf(TelemetryQuantity q)
{
    switch (q) {
    case TelemetryQuantity::ElectricityKw: return Electricity;
    case TelemetryQuantity::HeatingKw: return Heat;
    case TelemetryQuantity::CoolingKw: return Cooling;
    default: return -1;
    }
}

double HourlyTotals::total(Carrier carrier, double hourStartTs, double minCoverage) const
{
    const auto it = m_hours.find(hourIndex(hourStartTs));
    if (it == m_hours.end())
        return NAN;
    const QHash<EntityId, Sum> &sums = it->second[size_t(carrier)];
    if (m_buildings <= 0 || double(sums.size()) < minCoverage * m_buildings)
        return NAN;
    double kw = 0.0;
    for (const Sum &s : sums)
        kw += s.total / s.count;
    return kw;
}

std::vector<double> HourlyTotals::last24(Carrier carrier, double startTs) const
{
    std::vector<double> out;
    const double first = std::floor(startTs / 3600.0) * 3600.0 - 24 * 3600.0;
    for (int h = 0; h < 24; ++h)
        out.push_back(total(carrier, first + h * 3600.0));
    return out;
}

} // namespace tt
