// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! Between real instants (epoch seconds, UTC) and the simulated year's hours, which
//! run in the site's standard time over 365 days (a leap day repeats 28 February).
namespace siteclock {
//! The instant hour `hourOfYear` (0-8759) of `year` begins at the site.
double tsAt(int year, int hourOfYear, double utcOffsetHours);
//! The simulated hour an instant falls in.
int hourOfYear(double ts, double utcOffsetHours);
//! The calendar year at the site at that instant.
int yearAt(double ts, double utcOffsetHours);
} // namespace siteclock

} // namespace tt
