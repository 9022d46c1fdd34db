// SPDX-License-Identifier: MIT
#include "Tour.h"

namespace tt {

double Tour::duration() const
{
    double seconds = 0.0;
    for (const TourStop &stop : stops)
        seconds += stop.flightSeconds + stop.holdSeconds;
    return seconds;
}

} // namespace tt
