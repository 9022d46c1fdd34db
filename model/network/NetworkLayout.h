// SPDX-License-Identifier: MIT
#pragma once

#include "BuildingLoad.h"
#include "NetworkCatalogue.h"
#include "core/Town.h"

#include <QStringList>

#include <array>

namespace tt {

//! Lays the town's networks out along its roads and sizes them from the peak flows of
//! a simulated year.
//!
//! Every network starts at the energy plant (the grid connection, else the CHP, the heat
//! pumps or another plant asset; without any, the centre of the buildings) and follows
//! the shortest-path tree of the road graph to the road node nearest each building,
//! from which a service connection runs to the building. Each piece carries the
//! coincident hourly peak of the buildings beyond it and gets the smallest catalogue
//! cable or pipe that carries it.
//!
//! The feeder has two levels, as Chinese distribution does: 10 kV cables from the plant
//! to distribution transformers and 0.4 kV cables from each transformer to the
//! buildings around it. Low-voltage areas are grown from the tree's leaves towards the
//! plant and a transformer is set where an area would outgrow the largest transformer at
//! its design loading, a cable route would pass the low-voltage reach, or a branch
//! would need more than the largest 0.4 kV cable; a building too large for a 0.4 kV
//! service gets its own transformer. 10 kV cables run in parallel where one is not enough.
class NetworkLayout {
public:
    struct Options {
        std::array<bool, kNetworkCarrierCount> carriers{{true, true, true}};
    };
    struct CarrierSummary {
        int nodes = 0, links = 0, transformers = 0;
        double lengthM = 0.0;
        double cost = 0.0;  //!< catalogue prices of what was laid (CNY)
    };
    struct Result {
        Status status;
        Town town;  //!< the input town, its networks of the chosen carriers replaced by the new ones
        std::array<CarrierSummary, kNetworkCarrierCount> summary;
        QStringList notes;  //!< buildings left off (no road reaches them), equipment at its largest size
    };

    static Result lay(const Town &town, const NetworkCatalogue &catalogue, const BuildingLoadSource &loads,
                      const Options &options);
};

} // namespace tt
