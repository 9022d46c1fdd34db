// SPDX-License-Identifier: MIT
#include "EvSchedule.h"

#include <climits>

namespace tt {

std::vector<int> EvSchedule::hoursToDeparture(const EvCohort &cohort)
{
    const int n = int(cohort.parked.size());
    std::vector<int> left(n, 0);
    int next = INT_MAX / 2;
    for (int h = n - 1; h >= 0; --h) {
        if (!cohort.parked[h]) {
            next = INT_MAX / 2;
            left[h] = 0;
            continue;
        }
        next = cohort.departs[h] ? 1 : next + 1;
        left[h] = next;
    }
    return left;
}

} // namespace tt
