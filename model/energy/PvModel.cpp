// SPDX-License-Identifier: MIT
#include "PvModel.h"

#include <algorithm>
#include <cmath>

namespace tt {

double PvModel::cellTemperatureC(double poaWm2, double ambientC, double noctC)
{
    return ambientC + (noctC - 20.0) / 800.0 * poaWm2;
}

double PvModel::acPowerKw(double poaWm2, double ambientC, const PvParameters &pv)
{
    if (poaWm2 <= 0.0)
        return 0.0;
    const double cell = cellTemperatureC(poaWm2, ambientC, pv.noctC);
    const double dc = pv.kwp * poaWm2 / 1000.0 * (1.0 + pv.tempCoeffPerK * (cell - 25.0));
    return std::max(0.0, dc * (1.0 - pv.systemLosses) * pv.inverterEfficiency);
}

} // namespace tt
