// SPDX-License-Identifier: MIT
#include "TourTimeline.h"

#include <algorithm>
#include <cmath>

namespace tt {

ViewCamera flightBetween(const ViewCamera &from, const ViewCamera &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const double e = t < 0.5 ? 4.0 * t * t * t : 1.0 - std::pow(-2.0 * t + 2.0, 3) / 2.0;  // in-out cubic
    ViewCamera c;
    c.targetX = from.targetX + (to.targetX - from.targetX) * e;
    c.targetY = from.targetY + (to.targetY - from.targetY) * e;
    c.targetZ = from.targetZ + (to.targetZ - from.targetZ) * e;
    c.distance = from.distance * std::pow(to.distance / from.distance, e);
    c.headingDeg = from.headingDeg + std::remainder(to.headingDeg - from.headingDeg, 360.0) * e;
    c.pitchDeg = from.pitchDeg + (to.pitchDeg - from.pitchDeg) * e;
    return c;
}

Status TourTimeline::build(const Presentation &presentation, const QString &tour, TourTimeline *out)
{
    const Tour *t = presentation.tour(tour);
    if (!t || t->stops.isEmpty()) {
        QStringList names;
        for (const Tour &each : presentation.tours)
            names << QStringLiteral("'%1'").arg(each.name);
        return Status::error(t ? QStringLiteral("tour '%1' has no stops").arg(tour)
                               : QStringLiteral("there is no tour '%1' (tours: %2)")
                                     .arg(tour, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
    }
    TourTimeline timeline;
    double clock = 0.0;
    for (int i = 0; i < t->stops.size(); ++i) {
        const TourStop &s = t->stops[i];
        Leg leg;
        leg.start = clock;
        // Nothing to fly from before the first stop.
        leg.flight = i == 0 ? 0.0 : s.flightSeconds;
        leg.hold = s.holdSeconds;
        leg.view = presentation.view(s.view);
        leg.caption = s.caption;
        if (!leg.view)
            return Status::error(QStringLiteral("tour '%1', stop %2: there is no view '%3'").arg(tour).arg(i + 1).arg(s.view));
        clock += leg.flight + leg.hold;
        timeline.m_legs.push_back(leg);
    }
    timeline.m_duration = clock;
    *out = std::move(timeline);
    return Status::success();
}

TourTimeline::Frame TourTimeline::at(double seconds) const
{
    seconds = std::clamp(seconds, 0.0, m_duration);
    size_t i = 0;
    while (i + 1 < m_legs.size() && seconds >= m_legs[i + 1].start)
        ++i;
    const Leg &leg = m_legs[i];
    Frame f{leg.view->camera, int(i), leg.view, leg.caption};
    if (i > 0 && leg.flight > 0.0 && seconds < leg.start + leg.flight)
        f.camera = flightBetween(m_legs[i - 1].view->camera, leg.view->camera, (seconds - leg.start) / leg.flight);
    return f;
}

} // namespace tt
