// SPDX-License-Identifier: MIT
#pragma once

#include "TownNetworks.h"
#include "core/Progress.h"

#include <vector>

namespace tt {

//! What every node of the town's networks draws in each hour of a year, hour-major
//! ([hour × nodes + node], kW), in the node order of TownNetworks' solvers.
struct NetworkLoads {
    int hours = 0;
    std::vector<float> electricKw, electricKvar;  //!< negative: rooftop PV feeding in
    std::vector<float> heatingKw, coolingKw;
    std::vector<EntityId> buildings;        //!< the buildings on the feeder
    std::vector<float> buildingElectricKw;  //!< building-major: [building × hours + hour]
};

//! One hour of the town's networks.
struct NetworkHour {
    double electricLossesKw = 0.0;
    double minVoltagePu = 1.0;
    double maxLineLoading = 0.0;
    double heatLossesKw = 0.0;    //!< heating network to the ground
    double coolingGainsKw = 0.0;  //!< heat the cooling network takes up from the ground
    double pumpingKw = 0.0;       //!< both networks' pumps
};

struct NetworkYearResult {
    Status status;
    std::vector<NetworkHour> hours;
    int minVoltageHour = -1;
    int maxLoadingHour = -1;

    bool isEmpty() const { return hours.empty(); }
    double electricLossesKwh() const;
    double heatLossesKwh() const;
    double coolingGainsKwh() const;
    double pumpingKwh() const;
};

//! A year of hourly flows: a power flow of the feeder and a pipe flow of each thermal
//! network for every hour. An hour whose power flow does not converge stops the year
//! with an error naming the hour.
class NetworkYear {
public:
    //! `groundC`: hourly ground temperature at the pipes' depth.
    static NetworkYearResult simulate(const TownNetworks &networks, const NetworkLoads &loads,
                                      const std::vector<double> &groundC, const Progress &progress = {});
    //! "hour 4213 (25 Jun 13:00)": how messages name an hour of the year.
    static QString hourName(int hour);
};

} // namespace tt
