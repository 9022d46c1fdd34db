// SPDX-License-Identifier: MIT
#pragma once

namespace tt::textvalue {

//! Reads the leading number of attribute text as real data writes it: "4.1",
//! " 12 m", "12,5" (decimal comma), "1.0", "3;4" (first value). False for "",
//! "yes", NaN or text that does not start with a number.
bool toNumber(const char *text, double *value);

//! How toMetres() read a length.
enum class Length { Ok, NoNumber, UnknownUnit };

//! A length in metres as OpenStreetMap writes it
//! (https://wiki.openstreetmap.org/wiki/Map_features/Units): a bare number is
//! metres; "m", "km", "cm", "mm", "ft", "mi", "nmi" and their spelt-out aliases
//! (with or without a space), feet and inches "12'6\"", "12' 6\"", "12'", "6\"".
//! "45 xyz" is UnknownUnit rather than 45 m: a unit we cannot read must not become metres;
//! a length that overflows a double ("1e308 km") is NoNumber.
Length toMetres(const char *text, double *metres);

//! A four-digit year from "1975", "1975.0", "1975-05-01", "~1900", "c. 1890"; 0 if none.
int toYear(const char *text);

} // namespace tt::textvalue
