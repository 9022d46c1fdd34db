// SPDX-License-Identifier: MIT
#include "Building.h"

#include <algorithm>
#include <cmath>

namespace tt {

double Building::grossFloorArea() const
{
    double storeys = levels;
    if (storeys <= 0.0)
        storeys = std::max(1.0, std::round(heightM / buildinguse::storeyHeight(use)));
    return footprintArea() * storeys;
}

QVector<UseShare> Building::useShares() const
{
    double total = 0.0;
    for (const UseShare &s : mix)
        total += std::max(0.0, s.share);
    if (mix.isEmpty() || total <= 0.0)
        return {UseShare{use, 1.0}};
    QVector<UseShare> out;
    for (const UseShare &s : mix)
        if (s.share > 0.0)
            out.append(UseShare{s.use, s.share / total});
    return out;
}

bool Building::operator==(const Building &o) const
{
    return id == o.id && sourceId == o.sourceId && name == o.name && use == o.use && mix == o.mix
        && levels == o.levels && basementLevels == o.basementLevels && heightM == o.heightM && groundM == o.groundM && heightGuessed == o.heightGuessed
        && context == o.context && year == o.year && footprint == o.footprint;
}

} // namespace tt
