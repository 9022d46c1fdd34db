// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryReading.h"

#include <QHash>

#include <array>
#include <cmath>
#include <map>
#include <vector>

namespace tt {

//! The town's measured demand hour by hour (electricity, heat, cooling): each building's
//! readings averaged over the hour, summed over the buildings. What the operations
//! cycle's forecast compares with the simulation. Keeps the last two days.
class HourlyTotals {
public:
    enum Carrier { Electricity, Heat, Cooling, kCarriers };

    //! `buildings`: how many buildings the town has (the coverage an hour needs).
    explicit HourlyTotals(int buildings = 0) : m_buildings(buildings) {}

    //! Takes the readings of buildings (`isBuilding` tells which entities are); others are ignored.
    template<typename IsBuilding>
    void add(const std::vector<TelemetryReading> &readings, const IsBuilding &isBuilding)
    {
        for (const TelemetryReading &r : readings) {
            const int c = carrierOf(r.quantity);
            if (c < 0 || !isBuilding(r.entity))
                continue;
            Sum &s = m_hours[hourIndex(r.ts)][size_t(c)][r.entity];
            s.total += r.value;
            ++s.count;
        }
        while (m_hours.size() > kKeptHours)
            m_hours.erase(m_hours.begin());
    }

    //! The town's total in kW for the hour starting at `hourStartTs`; NaN when fewer than
    //! `minCoverage` of the buildings reported in it (a total of a few would be too low).
    double total(Carrier carrier, double hourStartTs, double minCoverage = 0.9) const;
    //! The 24 hours before `startTs` (oldest first), as LoadForecast takes them.
    std::vector<double> last24(Carrier carrier, double startTs) const;

    static constexpr size_t kKeptHours = 48;

private:
    struct Sum {
        double total = 0.0;
        int count = 0;
    };
    static qint64 hourIndex(double ts) { return qint64(std::floor(ts / 3600.0)); }
    static int carrierOf(TelemetryQuantity q);

    int m_buildings;
    std::map<qint64, std::array<QHash<EntityId, Sum>, kCarriers>> m_hours;
};

} // namespace tt
