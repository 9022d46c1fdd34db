// SPDX-License-Identifier: MIT
// libFuzzer harness for the EPW weather reader (EpwReader::parse). Beyond "no
// crash": a file it accepts must give a whole year of finite values, since the
// simulation divides and sums them without further checks.
//
// Only a whole year gets past the reader, and in 1.5 MB of it libFuzzer's own
// mutations nearly always land in one of the 8760 records, which all take the
// same path. So half of the mutations below change a single line, and half of
// those a header line (LOCATION, DATA PERIODS...).
#include "FuzzSupport.h"

#include "energy/EpwReader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tt::WeatherYear year;
    const tt::Status status = tt::EpwReader::parse(tt::fuzz::bytes(data, size), QStringLiteral("fuzz.epw"), &year);
    if (!status) {
        TT_FUZZ_CHECK(!status.message.isEmpty());  // a refusal must say why
        return 0;
    }
    for (const std::vector<double> *series : {&year.dryBulbC, &year.ghi, &year.dni, &year.dhi, &year.windMs}) {
        TT_FUZZ_CHECK(series->size() == size_t(tt::WeatherYear::kHours));
        for (double v : *series)
            TT_FUZZ_CHECK(std::isfinite(v));
    }
    TT_FUZZ_CHECK(year.firstDayOfWeek >= 1 && year.firstDayOfWeek <= 7);
    TT_FUZZ_CHECK(std::isfinite(year.latitudeDeg) && std::isfinite(year.longitudeDeg)
                  && std::isfinite(year.utcOffsetHours));
    return 0;
}

namespace {
constexpr int kHeaderLines = 8;

//! Start offsets of the lines of data[0, size).
std::vector<size_t> lineStarts(const uint8_t *data, size_t size)
{
    std::vector<size_t> starts{0};
    for (const uint8_t *p = data; (p = static_cast<const uint8_t *>(std::memchr(p, '\n', size - (p - data))));)
        if (size_t(++p - data) < size)
            starts.push_back(size_t(p - data));
    return starts;
}
} // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t maxSize, unsigned int seed)
{
    std::minstd_rand rng(seed);
    if (size == 0 || rng() % 2)
        return LLVMFuzzerMutate(data, size, maxSize);
    const std::vector<size_t> starts = lineStarts(data, size);
    const size_t count = starts.size();
    const size_t line = rng() % 2 ? rng() % std::min<size_t>(count, kHeaderLines) : rng() % count;
    const size_t begin = starts[line], end = line + 1 < count ? starts[line + 1] : size;
    // The line without its newline, mutated in a buffer with room to grow, then spliced back.
    const size_t length = end - begin - (data[end - 1] == '\n' ? 1 : 0);
    const size_t rest = size - length;
    if (rest >= maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::vector<uint8_t> mutated(data + begin, data + begin + length);
    if (mutated.empty())
        mutated.push_back(',');  // libFuzzer's mutators need a byte to start from
    const size_t start = mutated.size();
    mutated.resize(std::max(start, std::min(maxSize - rest, start * 2 + 64)));
    mutated.resize(LLVMFuzzerMutate(mutated.data(), start, mutated.size()));
    std::memmove(data + begin + mutated.size(), data + begin + length, size - begin - length);
    std::memcpy(data + begin, mutated.data(), mutated.size());
    return rest + mutated.size();
}
