// SPDX-License-Identifier: MIT
#include "WeatherYear.h"

namespace tt {

WeatherYear WeatherYear::constant(double dryBulb, double ghiWm2, double dniWm2, double dhiWm2, double wind)
{
    WeatherYear w;
    w.source = QStringLiteral("constant weather");
    w.dryBulbC.assign(kHours, dryBulb);
    w.ghi.assign(kHours, ghiWm2);
    w.dni.assign(kHours, dniWm2);
    w.dhi.assign(kHours, dhiWm2);
    w.windMs.assign(kHours, wind);
    return w;
}

} // namespace tt
