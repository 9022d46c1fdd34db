// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace tt {

//! Hourly demand in kW by carrier over a year (one building or the whole town).
struct DemandSeries {
    std::vector<double> electricity;  //!< lighting, appliances and process loads
    std::vector<double> heating;      //!< space heating delivered to the rooms
    std::vector<double> cooling;      //!< space cooling removed from the rooms
    std::vector<double> dhw;          //!< domestic hot water

    void resize(int hours)
    {
        for (auto *s : {&electricity, &heating, &cooling, &dhw})
            s->assign(hours, 0.0);
    }
    bool isEmpty() const { return electricity.empty(); }
};

} // namespace tt
