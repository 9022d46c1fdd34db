// SPDX-License-Identifier: MIT
// libFuzzer harness for the EPW weather reader (EpwReader::parse). Beyond "no
// crash": a file it accepts must give a whole year of finite values, since the
// simulation divides and sums them without further checks.
#include "FuzzSupport.h"

#include "energy/EpwReader.h"

#include <cmath>

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
