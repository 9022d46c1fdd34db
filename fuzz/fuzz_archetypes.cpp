// SPDX-License-Identifier: MIT
// libFuzzer harness for the archetype table (ArchetypeLibrary::load, the JSON
// of resources/energy/archetypes/*.json): no crash on any input, and an accepted
// table answers every lookup the demand model makes.
#include "FuzzSupport.h"

#include "energy/ArchetypeLibrary.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tt::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tt::ArchetypeLibrary library;
    const tt::Status status = tt::ArchetypeLibrary::load(tt::fuzz::bytes(data, size), &library);
    if (!status) {
        TT_FUZZ_CHECK(!status.message.isEmpty());
        return 0;
    }
    for (int use = 0; use < tt::kBuildingUseCount; ++use) {
        const tt::Archetype &a = library.archetype(tt::BuildingUse(use));
        TT_FUZZ_CHECK(a.use == tt::BuildingUse(use));
        TT_FUZZ_CHECK(a.m2PerPerson >= 1.0);  // residents and jobs divide by it
    }
    // Unknown year, the periods' edges and beyond the last period.
    for (int year : {0, -1, 1, 1900, 1960, 1980, 2000, 2020, 9999, 10000})
        (void)library.envelope(year);
    (void)library.groundReductionFactor();
    (void)library.windowSolarFactor();
    return 0;
}
