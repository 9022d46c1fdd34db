// SPDX-License-Identifier: MIT
#include "TextValue.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace tt::textvalue {

namespace {

const char *skipSpaces(const char *p)
{
    while (std::isspace(static_cast<unsigned char>(*p)))
        ++p;
    return p;
}

// The number at p (after spaces); returns where it ends, nullptr when there is none.
// Hand-rolled instead of strtod: strtod follows the C locale and would stop at a decimal comma.
const char *readNumber(const char *p, double *value)
{
    p = skipSpaces(p);
    bool negative = false;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    double result = 0.0;
    int digits = 0;
    while (std::isdigit(static_cast<unsigned char>(*p))) {
        result = result * 10.0 + (*p++ - '0');
        ++digits;
    }
    if ((*p == '.' || *p == ',') && std::isdigit(static_cast<unsigned char>(p[1]))) {
        ++p;
        double scale = 0.1;
        while (std::isdigit(static_cast<unsigned char>(*p))) {
            result += (*p++ - '0') * scale;
            scale *= 0.1;
            ++digits;
        }
    }
    if (digits == 0)
        return nullptr;
    if ((*p == 'e' || *p == 'E') && (std::isdigit(static_cast<unsigned char>(p[1]))
                                     || ((p[1] == '-' || p[1] == '+') && std::isdigit(static_cast<unsigned char>(p[2]))))) {
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        int exponent = 0;
        while (std::isdigit(static_cast<unsigned char>(*p))) {
            exponent = std::min(exponent * 10 + (*p - '0'), 400);
            ++p;
        }
        result *= std::pow(10.0, negativeExponent ? -exponent : exponent);
    }
    if (!std::isfinite(result))
        return nullptr;
    *value = negative ? -result : result;
    return p;
}

// Length of the mark at p if it is one of marks (ASCII or UTF-8), else 0.
int mark(const char *p, std::initializer_list<const char *> marks)
{
    for (const char *m : marks)
        if (std::strncmp(p, m, std::strlen(m)) == 0)
            return int(std::strlen(m));
    return 0;
}

// Feet: ' and the prime and right single quote real data types instead.
int footMark(const char *p)
{
    return mark(p, {"\xE2\x80\xB2", "\xE2\x80\x99", "'"});
}

// Inches: ", two apostrophes, the double prime and the right double quote.
int inchMark(const char *p)
{
    return mark(p, {"\"", "''", "\xE2\x80\xB3", "\xE2\x80\x9D"});
}

struct Unit {
    const char *name;
    double metres;
};

// OSM's length units and the spelt-out aliases its wiki lists (discouraged, but in the data).
const Unit kUnits[] = {
    {"m", 1.0},          {"metre", 1.0},       {"metres", 1.0},        {"meter", 1.0},       {"meters", 1.0},
    {"km", 1000.0},      {"kilometre", 1000.0}, {"kilometres", 1000.0}, {"kilometer", 1000.0}, {"kilometers", 1000.0},
    {"cm", 0.01},        {"mm", 0.001},
    {"ft", 0.3048},      {"feet", 0.3048},     {"foot", 0.3048},
    {"in", 0.0254},      {"inch", 0.0254},     {"inches", 0.0254},
    {"mi", 1609.344},    {"mile", 1609.344},   {"miles", 1609.344},    {"nmi", 1852.0},
};

// Case-insensitive comparison of n ASCII letters (strncasecmp is not portable).
bool sameLetters(const char *a, const char *b, int n)
{
    for (int i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

} // namespace

bool toNumber(const char *text, double *value)
{
    return text && readNumber(text, value);
}

Length toMetres(const char *text, double *metres)
{
    double value = 0.0;
    const char *p = text ? readNumber(text, &value) : nullptr;
    if (!p)
        return Length::NoNumber;
    // A finite number times a unit can still overflow ("1e308 km"): no length then either.
    const auto metresOf = [metres](double m) {
        if (!std::isfinite(m))
            return Length::NoNumber;
        *metres = m;
        return Length::Ok;
    };
    p = skipSpaces(p);
    if (const int foot = footMark(p)) {
        // 12'6" (inches optional): OSM's only unit written without a space.
        double inches = 0.0;
        const char *q = readNumber(p + foot, &inches);
        if (q && !inchMark(skipSpaces(q)))
            return Length::UnknownUnit;  // 12'6 without the inch mark: 6 what?
        return metresOf((value * 12.0 + (q ? inches : 0.0)) * 0.0254);
    }
    if (inchMark(p))
        return metresOf(value * 0.0254);
    int letters = 0;
    while (std::isalpha(static_cast<unsigned char>(p[letters])))
        ++letters;
    if (letters == 0)
        return metresOf(value);  // a bare number ("12", "12;14", "12 (roof)") is metres
    for (const Unit &unit : kUnits)
        if (int(std::strlen(unit.name)) == letters && sameLetters(p, unit.name, letters))
            return metresOf(value * unit.metres);
    return Length::UnknownUnit;
}

int toYear(const char *text)
{
    if (!text)
        return 0;
    for (const char *p = text; *p; ++p) {
        if (!std::isdigit(static_cast<unsigned char>(*p)))
            continue;
        int year = 0, digits = 0;
        while (std::isdigit(static_cast<unsigned char>(p[digits])) && digits < 5)
            year = year * 10 + (p[digits++] - '0');
        return digits == 4 ? year : 0;
    }
    return 0;
}

} // namespace tt::textvalue
