// SPDX-License-Identifier: MIT
#include "LoadForecast.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

// Hour h of a series, wrapping over its length; an empty series is 0.
double hourOf(const std::vector<double> &v, long long h)
{
    if (v.empty())
        return 0.0;
    const long long n = (long long)v.size();
    return v[size_t((h % n + n) % n)];
}

} // namespace

double LoadForecast::persistenceRatio(const std::vector<double> &simulated, int startHour,
                                      const std::vector<double> &measuredLast24)
{
    const int n = std::min<int>(kPersistenceHours, int(measuredLast24.size()));
    const size_t offset = measuredLast24.size() - size_t(n);
    double measured = 0.0, expected = 0.0;
    int valid = 0;
    for (int i = 0; i < n; ++i) {
        const double m = measuredLast24[offset + size_t(i)];
        if (!std::isfinite(m))
            continue;
        // Entry i is hour startHour − n + i.
        measured += m;
        expected += hourOf(simulated, (long long)startHour - n + i);
        ++valid;
    }
    if (valid < kMinValidHours || !(expected > 0.0))
        return 1.0;
    return std::clamp(measured / expected, kMinRatio, kMaxRatio);
}

DispatchDemand LoadForecast::forecast(const DispatchDemand &simulated, int startHour, int hours,
                                      const std::vector<double> &measuredElecLast24,
                                      const std::vector<double> &measuredHeatLast24,
                                      const std::vector<double> &measuredCoolLast24, std::array<double, 3> *ratios)
{
    const std::array<const std::vector<double> *, 3> sim = {&simulated.electricity, &simulated.heat,
                                                            &simulated.cooling};
    const std::array<const std::vector<double> *, 3> measured = {&measuredElecLast24, &measuredHeatLast24,
                                                                 &measuredCoolLast24};
    DispatchDemand d;
    const std::array<std::vector<double> *, 3> out = {&d.electricity, &d.heat, &d.cooling};
    std::array<double, 3> used{};
    for (int c = 0; c < 3; ++c) {
        used[size_t(c)] = persistenceRatio(*sim[size_t(c)], startHour, *measured[size_t(c)]);
        std::vector<double> &v = *out[size_t(c)];
        v.resize(size_t(std::max(0, hours)));
        for (int i = 0; i < hours; ++i)
            v[size_t(i)] = used[size_t(c)] * hourOf(*sim[size_t(c)], (long long)startHour + i);
    }
    if (ratios)
        *ratios = used;
    return d;
}

} // namespace tt
