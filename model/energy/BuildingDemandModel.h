// SPDX-License-Identifier: MIT
#pragma once

#include "ArchetypeLibrary.h"
#include "DemandSeries.h"
#include "WeatherYear.h"
#include "core/Progress.h"
#include "core/Status.h"
#include "core/Town.h"

#include <QHash>
#include <QVector>
#include <array>

namespace tt {

//! Annual demand of one building (kWh) and its peaks (kW).
struct BuildingDemand {
    EntityId id = kNoEntity;
    double gfaM2 = 0.0;       //!< above ground
    double basementM2 = 0.0;  //!< below ground
    double electricityKwh = 0.0;
    double heatingKwh = 0.0;
    double coolingKwh = 0.0;      //!< sensible, latent and IT cooling
    double coolingLatentKwh = 0.0;  //!< dehumidification, part of coolingKwh
    double coolingItKwh = 0.0;      //!< IT (data-centre) cooling, part of coolingKwh
    double dhwKwh = 0.0;
    double peakElectricKw = 0.0;
    double peakHeatingKw = 0.0;  //!< space heating plus hot water
    double peakCoolingKw = 0.0;
};

//! The thermal description of one building derived from its geometry and archetypes.
//! The thermal zone is the conditioned part of the building: the shares of its
//! uses that are heated or cooled at all, times each use's conditioned share
//! (zoneFraction). Envelope, volume and capacity are that slice of the building's.
struct BuildingThermal {
    double grossFloorAreaM2 = 0.0;  //!< the whole building: electricity and hot water
    double zoneFraction = 1.0;      //!< conditioned share of the building
    double floorAreaM2 = 0.0;       //!< of the thermal zone
    double volumeM3 = 0.0;          //!< of the thermal zone
    double windowAreaM2[4] = {}; //!< per façade orientation N, E, S, W
    double opaqueConductance = 0.0;  //!< H_op = ΣUA of walls, roof and (reduced) ground floor, W/K
    double windowConductance = 0.0;  //!< H_w, W/K
    double infiltrationConductance = 0.0;  //!< 0.34 × n_inf × V, W/K
    double infiltrationM3h = 0.0;          //!< n_inf × V
    double massConductance = 0.0;    //!< H_ms = 9.1 × A_m, W/K
    double emConductance = 0.0;      //!< H_em, outer part of H_op in series with H_ms, W/K
    double capacityWhPerK = 0.0;     //!< C_m
    double solarAperture[4] = {};    //!< effective solar collecting area per orientation, m²
};

//! Hourly single-zone demand model in the spirit of ISO 13790 (5R1C with the
//! air and surface nodes merged: one air node without capacity, one mass node
//! with C_m), ideal heating and cooling to set points. Schedules per use and
//! façade irradiance per orientation are computed once and shared by all
//! buildings; the per-building loop allocates nothing.
class BuildingDemandModel {
public:
    //! The library must outlive the model; what it needs of the weather it copies.
    BuildingDemandModel(const ArchetypeLibrary &library, const WeatherYear &weather);

    //! Every building of the town: annual figures (in town.buildings order) and town hourly totals.
    //! Reports stage "demand"; when `progress` cancels, fails with ErrorCode::Cancelled and
    //! leaves the outputs partial.
    Status run(const Town &town, QVector<BuildingDemand> *buildings, DemandSeries *townTotals,
               const Progress &progress = {});
    //! One building; adds its hourly demand to `addTo` when given (sized 8760).
    BuildingDemand simulate(const Building &building, DemandSeries *addTo = nullptr);
    //! One building's hourly series, computed on demand.
    BuildingDemand hourly(const Building &building, DemandSeries *series);
    //! Geometry and envelope parameters of a building (exposed for tests and reports).
    BuildingThermal thermal(const Building &building) const;

private:
    //! One hour of a use (or a mixed building's blend). Electricity, IT and hot water are
    //! per m² of gross floor area; the rest per m² of the thermal zone.
    struct HourValues {
        float elecWm2;      // lighting, appliances, process and IT
        float itWm2;        // IT electricity, removed by IT cooling
        float dhwWm2;
        float gainsWm2;     // internal sensible gains in the zone
        float latentWm2;    // occupants' moisture, as heat
        float heatSetC;
        float coolSetC;     // ≥ kNotCooled: not cooled
        float ventM3hM2;    // outdoor air
        float hvacHeat;     // share of the zone heated
        float hvacCool;     // share of the zone cooled
        float maxHumidity;  // g/kg the zone is dried to while cooled
    };
    struct WeatherHour {
        float outdoorC;
        float humidity;   // g/kg; 0 without humidity
        float facade[4];  // solar gain per m² of aperture N, E, S, W after movable shading (W/m²)
    };
    const std::vector<HourValues> &profileFor(const Building &building);
    template <typename Record>
    BuildingDemand simulateWith(const Building &building, Record record);

    const ArchetypeLibrary &m_library;
    bool m_hasHumidity = false;  //!< the weather gives humidity: latent loads are computed
    std::vector<WeatherHour> m_weatherHours;
    std::array<std::vector<HourValues>, kBuildingUseCount> m_useProfiles;
    QHash<QString, std::vector<HourValues>> m_mixProfiles;  // blended profiles of mixed-use buildings
};

} // namespace tt
