// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryReading.h"
#include "core/Status.h"
#include "network/NetworkSnapshot.h"
#include "network/TownNetworks.h"

#include <QHash>

#include <memory>
#include <vector>

namespace tt {

class EnergySimulator;
struct SimulationResult;
struct Town;
struct WeatherYear;

//! What every meter of the town would report in each hour of the simulated year:
//! buildings' demand, each generator's output, storage charge, EVs plugged in,
//! the grid exchange, and the networks' voltages and flows. What `replay` publishes
//! and what the live view compares measurements against.
class SimulatedTelemetry {
public:
    //! From a finished simulation of `town` (networks need SimulationOptions::keepNetworkLoads);
    //! `simulator` is the one that ran it (for each building's hourly demand).
    static Status build(const Town &town, const WeatherYear &weather, const SimulationResult &result,
                        EnergySimulator &simulator, SimulatedTelemetry *out);

    //! Every reading of hour `hour`, stamped `ts`.
    void readingsAt(int hour, double ts, std::vector<TelemetryReading> *out) const;
    //! The value `entity` would report for `quantity` in `hour`; false when nothing simulates it.
    bool expected(EntityId entity, TelemetryQuantity quantity, int hour, double *value) const;
    int seriesCount() const { return int(m_series.size()); }

private:
    struct Series {
        EntityId entity;
        TelemetryQuantity quantity;
        std::vector<float> values;  // floats: a year of every meter of a town stays small
    };
    static quint64 key(EntityId entity, TelemetryQuantity quantity) { return (entity << 8) | quint64(quantity); }
    void add(EntityId entity, TelemetryQuantity quantity, std::vector<float> values);
    //! The networks' flows in `hour`, solved once per hour asked for.
    const NetworkSnapshot &snapshot(int hour) const;

    std::vector<Series> m_series;
    QHash<quint64, int> m_index;
    std::shared_ptr<const TownNetworks> m_networks;
    std::shared_ptr<const NetworkLoads> m_networkLoads;
    QHash<EntityId, TelemetryQuantity> m_linkQuantity;  // what each link's meter reports
    mutable NetworkSnapshot m_snapshot;
};

} // namespace tt
