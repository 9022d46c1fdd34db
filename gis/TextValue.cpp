// SPDX-License-Identifier: MIT
#include "TextValue.h"

#include <cctype>
#include <cmath>

namespace tt::textvalue {

bool toNumber(const char *text, double *value)
{
    if (!text)
        return false;
    const char *p = text;
    while (std::isspace(static_cast<unsigned char>(*p)))
        ++p;
    bool negative = false;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    // Hand-rolled instead of strtod: strtod follows the C locale and would stop at a decimal comma.
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
        return false;
    if ((*p == 'e' || *p == 'E') && (std::isdigit(static_cast<unsigned char>(p[1]))
                                     || ((p[1] == '-' || p[1] == '+') && std::isdigit(static_cast<unsigned char>(p[2]))))) {
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        int exponent = 0;
        while (std::isdigit(static_cast<unsigned char>(*p)) && exponent < 400)
            exponent = exponent * 10 + (*p++ - '0');
        result *= std::pow(10.0, negativeExponent ? -exponent : exponent);
    }
    if (!std::isfinite(result))
        return false;
    *value = negative ? -result : result;
    return true;
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
