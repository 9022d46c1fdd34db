// SPDX-License-Identifier: MIT
// libFuzzer harness for the technologies file (TechnologyParameters::load, the
// JSON of resources/energy/technologies.json or a user's copy): no crash on any
// input, a refusal names the file, and an accepted file keeps every value in
// the range the energy system relies on.
#include "FuzzSupport.h"

#include "energy/TechnologyParameters.h"

#include <cmath>

namespace {
const QString kFileName = QStringLiteral("fuzz/technologies.json");

bool within(double v, const char *technology, const char *parameter)
{
    const tt::TechnologyParameters::Range r = tt::TechnologyParameters::range(technology, parameter);
    return std::isfinite(v) && (r.minExclusive ? v > r.min : v >= r.min) && v <= r.max;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tt::TechnologyParameters t;
    const tt::Status status = tt::TechnologyParameters::load(tt::fuzz::bytes(data, size), kFileName, &t);
    if (!status) {
        TT_FUZZ_CHECK(status.message.startsWith(kFileName + QStringLiteral(": ")));
        return 0;
    }
    // What the dispatchers divide by or clamp with.
    TT_FUZZ_CHECK(within(t.chp.elecEfficiency, "chp", "elec_efficiency"));
    TT_FUZZ_CHECK(t.chp.elecEfficiency + t.chp.thermalEfficiency <= tt::ChpParameters::kMaxTotalEfficiency);
    TT_FUZZ_CHECK(within(t.chiller.cop, "chiller", "cop") && within(t.baseline.chillerCop, "baseline", "chiller_cop"));
    TT_FUZZ_CHECK(within(t.gasBoiler.efficiency, "gas_boiler", "efficiency"));
    TT_FUZZ_CHECK(within(t.battery.unit.chargeEfficiency, "battery", "charge_efficiency"));
    TT_FUZZ_CHECK(t.battery.unit.socMin <= t.battery.unit.initialSoc
                  && t.battery.unit.initialSoc <= t.battery.unit.socMax);
    TT_FUZZ_CHECK(t.evFleet.minSoc <= t.evFleet.departureSoc);
    TT_FUZZ_CHECK(!t.evFleet.trips.isEmpty());
    for (const tt::EvTrip &trip : t.evFleet.trips)
        TT_FUZZ_CHECK(trip.departHour >= tt::EvTrip::kEarliestDepartHour && trip.departHour < trip.returnHour
                      && trip.returnHour <= tt::EvTrip::kLatestReturnHour);
    // The heating curve and the power curve give finite, bounded values at any weather.
    for (double outdoor : {-90.0, -12.0, 0.0, 15.0, 60.0}) {
        for (double ground : {-10.0, 10.0, 30.0}) {
            const double cop = t.heatPump.cop(outdoor, ground);
            TT_FUZZ_CHECK(std::isfinite(cop) && cop >= 1.0 && cop <= t.heatPump.maxCop);
            const double hotWater = t.heatPump.dhwCop(ground);
            TT_FUZZ_CHECK(std::isfinite(hotWater) && hotWater >= 1.0 && hotWater <= t.heatPump.maxCop);
            const double cooling = t.heatPump.coolingCop(ground);
            TT_FUZZ_CHECK(std::isfinite(cooling) && (cooling == 0.0 || (cooling >= 1.0 && cooling <= t.heatPump.maxCop)));
        }
    }
    for (double speed : {0.0, 3.0, 8.0, 12.0, 24.9, 25.0, 70.0}) {
        const double kw = tt::WindModel::powerKw(speed, t.wind.turbine);
        TT_FUZZ_CHECK(std::isfinite(kw) && kw >= 0.0 && kw <= t.wind.turbine.ratedKw);
    }
    return 0;
}
