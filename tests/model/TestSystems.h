// SPDX-License-Identifier: MIT
#pragma once
// Energy systems the dispatch and economics tests build by hand.
#include "energy/EnergySystem.h"

namespace tt::testsystems {

//! Nothing but a grid connection at a flat `price` over `hours` hours (import up to
//! 1 MW, export up to `exportLimitKw`, no feed-in price), ideal empty stores, COP 4.
inline EnergySystem gridOnly(int hours, double price, double exportLimitKw = 0.0)
{
    EnergySystem s;
    s.pvKw.assign(hours, 0.0);
    s.windKw.assign(hours, 0.0);
    s.heatPumpCop.assign(hours, 4.0);
    s.importPrice.assign(hours, price);
    s.importLimitKw = 1000.0;
    s.exportLimitKw = exportLimitKw;
    s.feedInPrice = 0.0;
    s.battery = StorageUnit{0, 0, 1, 1, 0, 1, 0, 0};
    s.thermal = StorageUnit{0, 0, 1, 1, 0, 1, 0, 0};
    return s;
}

} // namespace tt::testsystems
