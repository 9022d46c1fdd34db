// SPDX-License-Identifier: MIT
#include "MonthlyBalance.h"

#include "DispatchResult.h"

#include <algorithm>

namespace tt {

namespace {

constexpr int kDaysPerYear = 365;

//! Month 0..11 of every day of the weather year (365 days: EpwReader drops 29 February).
std::array<int, kDaysPerYear> monthOfDay()
{
    static constexpr int kDays[MonthlyBalance::kMonths] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::array<int, kDaysPerYear> months{};
    int day = 0;
    for (int m = 0; m < MonthlyBalance::kMonths; ++m)
        for (int d = 0; d < kDays[m]; ++d)
            months[size_t(day++)] = m;
    return months;
}

} // namespace

MonthlyBalance MonthlyBalance::fromDispatch(const DispatchResult &d)
{
    MonthlyBalance balance;
    if (d.hours() != kDaysPerYear * 24)
        return balance;
    const std::array<int, kDaysPerYear> months = monthOfDay();
    auto &supply = balance.supplyKwh;
    for (int h = 0; h < d.hours(); ++h) {
        const size_t m = size_t(months[size_t(h / 24)]);
        // Curtailment is shared between PV and wind in proportion to their output that hour.
        const double pv = d.at(Flow::Pv, h), wind = d.at(Flow::Wind, h);
        const double kept = pv + wind > 0.0 ? 1.0 - d.at(Flow::ElecCurtailed, h) / (pv + wind) : 0.0;
        supply[Pv][m] += pv * kept;
        supply[Wind][m] += wind * kept;
        supply[Chp][m] += d.at(Flow::ChpElec, h);
        supply[Storage][m] += d.at(Flow::BatteryDischarge, h) + d.at(Flow::EvDischarge, h);
        supply[Grid][m] += d.at(Flow::GridImport, h);
        supply[Unmet][m] += d.at(Flow::UnmetElec, h);
        balance.useKwh[m] += d.at(Flow::ElecDemand, h) + d.at(Flow::HeatPumpElec, h) + d.at(Flow::ChillerElec, h)
            + d.at(Flow::EvCharge, h);
    }
    return balance;
}

double MonthlyBalance::supplyKwhIn(int month) const
{
    double sum = 0.0;
    for (const auto &source : supplyKwh)
        sum += source[size_t(month)];
    return sum;
}

bool MonthlyBalance::anyUnmet() const
{
    return std::any_of(supplyKwh[Unmet].begin(), supplyKwh[Unmet].end(), [](double kwh) { return kwh > 1.0; });
}

} // namespace tt
