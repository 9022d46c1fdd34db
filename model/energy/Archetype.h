// SPDX-License-Identifier: MIT
#pragma once

#include "core/BuildingUse.h"

#include <QString>
#include <array>

namespace tt {

//! Envelope thermal properties of one construction period.
struct EnvelopeValues {
    double wallU = 0.6;    //!< W/m²K
    double roofU = 0.5;
    double floorU = 0.6;
    double windowU = 2.0;
    double windowG = 0.6;  //!< total solar energy transmittance of the glazing
};

//! Energy-relevant standard use of one BuildingUse (resources/energy/archetypes/<set>.json).
struct Archetype {
    using Day = std::array<double, 24>;  //!< hourly fractions, hour 0 = 00:00-01:00

    BuildingUse use = BuildingUse::Other;
    QString source;
    Day occupancy[2] = {};   //!< [0] weekday, [1] weekend
    Day lighting[2] = {};
    Day appliances[2] = {};
    Day process[2] = {};     //!< share of processWm2 running (1 all day when the profile has none)
    Day hvac[2] = {};        //!< share of the conditioned area cooled (1 all day when the profile has none)
    Day hvacHeating[2] = {}; //!< share heated (the hvac schedule when the profile has no hvac_heating)
    double m2PerPerson = 25.0;
    double occupantGainW = 70.0;    //!< sensible heat per person
    double occupantLatentW = 45.0;  //!< latent heat (moisture) per person
    double lightingWm2 = 8.0;
    double appliancesWm2 = 5.0;
    double processWm2 = 0.0;        //!< electric process load (machines, fume hoods) on the process schedule
    //! IT (data-centre) electricity around the clock. Its heat leaves through dedicated IT
    //! cooling (ArchetypeLibrary::itCoolingFactor), not through the room.
    double itWm2 = 0.0;
    double heatingSetpointC = 20.0;
    double heatingSetbackC = 16.0;
    double coolingSetpointC = 26.0;
    double coolingSetbackC = 30.0;
    double dhwKwhM2Day = 0.0;
    double ventilationM3hM2 = 1.0;  //!< outdoor air while occupied, at full occupancy
    //! Share of that air that follows the people present (per-person outdoor air with demand
    //! control, as CEA supplies it); the rest is supplied whenever the use is occupied.
    double ventilationOccupancyShare = 0.0;
    double infiltrationAch = 0.3;   //!< always, air changes per hour
    double wwr = 0.3;               //!< window-to-wall ratio
    //! Share of the floor area heated and cooled at all (0: not conditioned, e.g. parking).
    double conditionedShare = 1.0;
    //! Dried to this humidity ratio, g/kg, while cooled (1000: never).
    double maxHumidityGPerKg = 1000.0;
    double cmJPerKM2 = 165000.0;    //!< internal heat capacity per m² floor (ISO 13790 class)
    double amFactor = 2.5;          //!< effective mass area per m² floor

    //! Uses with a cooling set point of 40 °C or more are not cooled.
    bool isCooled() const { return coolingSetpointC < 40.0; }
};

} // namespace tt
