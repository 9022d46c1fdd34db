// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "present/Presentation.h"

namespace tt {

//! The camera between two saved cameras, `t` from 0 to 1 of a flight: eased in and
//! out, the distance geometric (zooming feels even at every scale), turning the short
//! way round. The GUI's flights and the video's frames share it.
ViewCamera flightBetween(const ViewCamera &from, const ViewCamera &to, double t);

//! A tour laid out in time, for frames at any instant: each stop is flown to from
//! the one before (the first is where the tour starts) and then held. It points into
//! the presentation, which must outlive it.
class TourTimeline {
public:
    struct Frame {
        ViewCamera camera;
        int stop = 0;            //!< the stop being flown to or held
        const SavedView *view;   //!< that stop's view (layers, colouring, hour)
        QString caption;         //!< that stop's caption
    };

    //! The named tour of the presentation; an unknown or empty tour is an error that
    //! names the tours there are.
    static Status build(const Presentation &presentation, const QString &tour, TourTimeline *out);

    double duration() const { return m_duration; }
    //! What is shown `seconds` after the start (clamped to the tour).
    Frame at(double seconds) const;

private:
    struct Leg {
        double start = 0.0;  //!< when the flight to this stop begins
        double flight = 0.0;
        double hold = 0.0;
        const SavedView *view = nullptr;
        QString caption;
    };
    std::vector<Leg> m_legs;
    double m_duration = 0.0;
};

} // namespace tt
