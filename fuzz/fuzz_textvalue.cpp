// SPDX-License-Identifier: MIT
// libFuzzer harness for attribute text values: numbers such as levels
// (textvalue::toNumber), lengths in OSM's units such as heights
// (textvalue::toMetres) and years (textvalue::toYear), as the importer reads
// them from any attribute field, the join table or OSM tags.
#include "FuzzSupport.h"

#include "TextValue.h"

#include <cmath>
#include <cstring>
#include <memory>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // An exactly sized copy, so AddressSanitizer sees any read past the terminator
    // (a std::string may have spare capacity there).
    const std::unique_ptr<char[]> text(new char[size + 1]);
    std::memcpy(text.get(), data, size);
    text[size] = '\0';

    double value = 0.0;
    if (tt::textvalue::toNumber(text.get(), &value))
        TT_FUZZ_CHECK(std::isfinite(value));  // heights and levels feed areas and volumes
    double metres = 0.0;
    if (tt::textvalue::toMetres(text.get(), &metres) == tt::textvalue::Length::Ok)
        TT_FUZZ_CHECK(std::isfinite(metres));
    const int year = tt::textvalue::toYear(text.get());
    TT_FUZZ_CHECK(year >= 0 && year <= 9999);
    return 0;
}
