// SPDX-License-Identifier: MIT
#pragma once

namespace tt::textvalue {

//! Reads the leading number of attribute text as real data writes it: "4.1",
//! " 12 m", "12,5" (decimal comma), "1.0", "3;4" (first value). False for "",
//! "yes", NaN or text that does not start with a number.
bool toNumber(const char *text, double *value);

//! A four-digit year from "1975", "1975.0", "1975-05-01", "~1900", "c. 1890"; 0 if none.
int toYear(const char *text);

} // namespace tt::textvalue
