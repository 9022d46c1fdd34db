// SPDX-License-Identifier: MIT
#include "WindModel.h"

#include <algorithm>
#include <cmath>

namespace tt {

double WindModel::hubSpeed(double speed10m, double hubHeightM, double alpha)
{
    return speed10m * std::pow(std::max(hubHeightM, 1.0) / 10.0, alpha);
}

double WindModel::powerKw(double v, const WindTurbineParameters &t)
{
    if (v < t.cutInMs || v >= t.cutOutMs)
        return 0.0;
    if (v >= t.ratedSpeedMs)
        return t.ratedKw;
    const double in3 = t.cutInMs * t.cutInMs * t.cutInMs;
    const double r3 = t.ratedSpeedMs * t.ratedSpeedMs * t.ratedSpeedMs;
    return t.ratedKw * (v * v * v - in3) / (r3 - in3);
}

} // namespace tt
