// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tt {

//! Saved views' layer keys, in the order the scene numbers its layers (SceneLayer).
const QStringList &viewLayerKeys();
//! 21 June 10:00 as an hour of a non-leap year: summer daylight, where a project opens
//! and the sample town's views look.
constexpr int kSummerMorningHour = (31 + 28 + 31 + 30 + 31 + 20) * 24 + 10;
//! A saved view's hour of the year (0-8759) as the site's local time on a non-leap calendar.
QDateTime viewLocalTime(int hour);

//! Where the camera stands: it orbits a target on the ground (model coordinates) at a
//! distance, looking along a heading (clockwise from north) and pitched below the horizon.
struct ViewCamera {
    double targetX = 0.0;
    double targetY = 0.0;
    double targetZ = 0.0;
    double distance = 1000.0;
    double headingDeg = 0.0;
    double pitchDeg = 45.0;

    bool operator==(const ViewCamera &o) const
    {
        return targetX == o.targetX && targetY == o.targetY && targetZ == o.targetZ && distance == o.distance
               && headingDeg == o.headingDeg && pitchDeg == o.pitchDeg;
    }
};

//! A named way of looking at the town: camera, visible layers, how buildings are
//! coloured, the hour and the scenario shown, stored in the project.
struct SavedView {
    QString name;
    ViewCamera camera;
    //! Visible layers by key: terrain, zones, roads, buildings, assets, networks.
    QStringList layers;
    //! How buildings are coloured: use, height, or an energy value (annual_demand,
    //! peak_electric, pv_yield, net_balance, load_at_hour).
    QString colouring = QStringLiteral("use");
    //! Hour of the year on the time bar, 0-8759.
    int hour = 0;
    //! The scenario shown; empty: whichever is active.
    QString scenario;

    bool operator==(const SavedView &o) const
    {
        return name == o.name && camera == o.camera && layers == o.layers && colouring == o.colouring && hour == o.hour
               && scenario == o.scenario;
    }
};

} // namespace tt
