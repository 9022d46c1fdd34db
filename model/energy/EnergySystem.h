// SPDX-License-Identifier: MIT
#pragma once

#include "WeatherYear.h"
#include "core/Town.h"

#include <QHash>
#include <QStringList>
#include <QVector>
#include <vector>

namespace tt {

//! A store of energy (battery or hot-water tank); energies in kWh, powers in kW.
struct StorageUnit {
    double capacityKwh = 0.0;
    double powerKw = 0.0;
    double chargeEfficiency = 0.95;
    double dischargeEfficiency = 0.95;
    double socMin = 0.1;        //!< fractions of capacity
    double socMax = 0.95;
    double initialSoc = 0.5;
    double lossPerHour = 0.0;   //!< standing loss, fraction of content per hour
    double wearCostPerKwh = 0.0;  //!< cost of the cell ageing per kWh discharged

    double minKwh() const { return socMin * capacityKwh; }
    double maxKwh() const { return socMax * capacityKwh; }
};

//! One group of vehicles of an EV fleet sharing a trip schedule.
struct EvCohort {
    QString name;
    double capacityKwh = 0.0;      //!< battery capacity of all vehicles of the cohort
    double chargerKw = 0.0;        //!< charging power of all of them while parked
    double efficiency = 0.92;      //!< charging and discharging (V2G) efficiency each way
    double departureSoc = 0.8;     //!< minimum state of charge when leaving
    double minSoc = 0.2;           //!< V2G never discharges below this
    bool v2g = false;
    double initialKwh = 0.0;
    std::vector<quint8> parked;    //!< per hour: 1 while plugged in
    std::vector<quint8> departs;   //!< per hour: 1 when the cohort leaves at the end of the hour
    std::vector<double> tripKwh;   //!< per hour: energy the trip took, deducted when the cohort returns
};

//! The town's energy equipment aggregated per kind, with hourly availabilities
//! and prices: the input of both dispatchers. Built from the town's EnergyAsset
//! entities; their parameter keys and defaults are documented in docs/ENERGY_MODEL.md.
struct EnergySystem {
    static constexpr double kUnmetPenalty = 1000.0;  //!< per kWh of unmet demand or EV shortfall
    //! Wear per kWh discharged, CNY: a stationary LFP battery at ~1,000 CNY/kWh
    //! lasting ~6,000 full cycles, and an EV battery at ~800 CNY/kWh whose
    //! ~3,000 cycles also carry the car. Without them an LP cycles storage for
    //! any tariff spread, however small.
    static constexpr double kBatteryWearPerKwh = 0.15;
    static constexpr double kV2gWearPerKwh = 0.25;

    // Availability per hour (kW).
    std::vector<double> pvKw;
    std::vector<double> windKw;
    std::vector<double> heatPumpCop;  //!< ground-source COP per hour (heating curve)
    std::vector<double> importPrice;  //!< time-of-use tariff per hour
    QHash<EntityId, double> pvKwhByBuilding;  //!< annual rooftop PV yield per host building

    double importLimitKw = 0.0;
    double exportLimitKw = 0.0;
    double feedInPrice = 0.0;
    //! Battery ageing a vehicle-to-grid kWh costs the fleet (the first fleet's value).
    double v2gWearCostPerKwh = 0.0;
    double gasPrice = 0.0;       //!< per kWh of gas (lower heating value)
    double biomassPrice = 0.0;   //!< per kWh of fuel
    double co2Grid = 0.581;      //!< kg CO2 per kWh
    double co2Gas = 0.202;
    double co2Biomass = 0.02;
    double pefGrid = 2.5;        //!< non-renewable primary energy factors
    double pefGas = 1.1;
    double pefBiomass = 0.2;

    double chpElecKw = 0.0;
    double chpElecEfficiency = 0.40;
    double chpThermalEfficiency = 0.45;
    double chpMinLoad = 0.3;     //!< rule-based dispatch only (the LP is a relaxation)
    double absorptionCoolKw = 0.0;
    double absorptionCop = 0.7;
    double gasBoilerKw = 0.0;
    double gasBoilerEfficiency = 0.92;
    double biomassBoilerKw = 0.0;
    double biomassBoilerEfficiency = 0.85;
    double heatPumpKw = 0.0;     //!< heat output capacity
    double chillerKw = 0.0;      //!< cooling capacity
    double chillerCop = 4.5;
    StorageUnit battery;
    StorageUnit thermal;
    QVector<EvCohort> evCohorts;

    //! Heat the CHP gives per kWh of electricity.
    double chpHeatPerElec() const { return chpThermalEfficiency / chpElecEfficiency; }

    //! The azimuth (clockwise from north) of PV whose asset does not set
    //! `azimuth_deg`: facing the equator, south (180°) north of it and north (0°)
    //! south of it. The one place that decides it, for the default asset set too.
    static double defaultPvAzimuthDeg(double siteLatitudeDeg) { return siteLatitudeDeg < 0.0 ? 0.0 : 180.0; }

    //! Aggregates the town's assets; unknown or odd parameter values are reported in `warnings`.
    static EnergySystem fromTown(const Town &town, const WeatherYear &weather, QStringList *warnings = nullptr);
};

} // namespace tt
