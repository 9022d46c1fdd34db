// SPDX-License-Identifier: MIT
// libFuzzer harness for tariff files (Tariff::load, resources/energy/tariffs/*.json
// or a user's edited copy): no crash on any input, a refusal names the file, and
// an accepted tariff prices every hour of the year with a finite price and writes
// itself back to JSON that reads to the same prices.
#include "FuzzSupport.h"

#include "energy/Tariff.h"

#include <cmath>

namespace {
const QString kFileName = QStringLiteral("fuzz/tariff.json");
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tt::Tariff t;
    const tt::Status status = tt::Tariff::load(tt::fuzz::bytes(data, size), kFileName, &t);
    if (!status) {
        TT_FUZZ_CHECK(status.message.startsWith(kFileName + QStringLiteral(": ")));
        return 0;
    }
    const std::vector<double> prices = t.hourlyPrices();
    for (double p : prices)
        TT_FUZZ_CHECK(std::isfinite(p));
    TT_FUZZ_CHECK(std::isfinite(t.demandChargePerKwMonth) && t.demandChargePerKwMonth >= 0.0);
    tt::Tariff back;
    TT_FUZZ_CHECK(tt::Tariff::fromJson(t.toJson(), kFileName, &back).ok);
    TT_FUZZ_CHECK(back.hourlyPrices() == prices);
    return 0;
}
