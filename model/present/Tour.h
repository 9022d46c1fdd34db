// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVector>

namespace tt {

//! One stop of a tour: a saved view (by name), reached in a camera flight of
//! `flightSeconds`, held for `holdSeconds`, with a caption for the audience.
struct TourStop {
    QString view;
    double flightSeconds = 3.0;
    double holdSeconds = 5.0;
    QString caption;

    bool operator==(const TourStop &o) const
    {
        return view == o.view && flightSeconds == o.flightSeconds && holdSeconds == o.holdSeconds && caption == o.caption;
    }
};

//! Saved views in order, for a presentation or a video.
struct Tour {
    QString name;
    QVector<TourStop> stops;

    //! Seconds from the start to the end of the last hold.
    double duration() const;

    bool operator==(const Tour &o) const { return name == o.name && stops == o.stops; }
};

} // namespace tt
