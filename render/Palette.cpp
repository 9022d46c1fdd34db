// SPDX-License-Identifier: MIT
#include "Palette.h"

#include <algorithm>
#include <cmath>

namespace tt::Palette {

QColor useColor(BuildingUse use)
{
    // Close to the planning convention of the zone colours (homes warm,
    // commerce red, industry purple, public blue) but distinguishable per use.
    switch (use) {
    case BuildingUse::Residential: return QColor(240, 200, 120);
    case BuildingUse::Office: return QColor(120, 160, 220);
    case BuildingUse::Retail: return QColor(230, 100, 90);
    case BuildingUse::Hospital: return QColor(250, 250, 250);
    case BuildingUse::School: return QColor(90, 120, 200);
    case BuildingUse::Hotel: return QColor(200, 120, 180);
    case BuildingUse::Restaurant: return QColor(240, 150, 60);
    case BuildingUse::Industrial: return QColor(150, 110, 170);
    case BuildingUse::Warehouse: return QColor(170, 150, 130);
    case BuildingUse::ElderlyCare: return QColor(240, 170, 170);
    case BuildingUse::Lab: return QColor(100, 200, 200);
    case BuildingUse::ServerRoom: return QColor(80, 80, 110);
    case BuildingUse::Parking: return QColor(150, 150, 150);
    case BuildingUse::PublicService: return QColor(70, 150, 230);
    case BuildingUse::Agricultural: return QColor(160, 190, 90);
    case BuildingUse::Energy: return QColor(250, 220, 40);
    case BuildingUse::Other: return QColor(200, 200, 195);
    }
    return QColor(200, 200, 195);
}

QVector<QColor> rampStops()
{
    // Viridis-like: perceptually ordered and readable for colour-blind users.
    return {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98), QColor(253, 231, 37)};
}

QColor ramp(double t)
{
    static const QVector<QColor> stops = rampStops();
    const double x = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (stops.size() - 1);
    const int i = std::min(int(x), int(stops.size()) - 2);
    const double f = x - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor(int(std::lround(a.red() + (b.red() - a.red()) * f)),
                  int(std::lround(a.green() + (b.green() - a.green()) * f)),
                  int(std::lround(a.blue() + (b.blue() - a.blue()) * f)));
}

QColor selection()
{
    return QColor(255, 60, 200);
}

QColor context()
{
    return QColor(214, 210, 200);
}

QColor noValue()
{
    return QColor(170, 170, 170);
}

osg::Vec4ub toVec4ub(const QColor &color)
{
    return osg::Vec4ub(quint8(color.red()), quint8(color.green()), quint8(color.blue()), quint8(color.alpha()));
}

} // namespace tt::Palette
