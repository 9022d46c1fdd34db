// SPDX-License-Identifier: MIT
#pragma once

#include "StorageUnit.h"
#include "TechnologyParameters.h"
#include "WeatherYear.h"
#include "core/Town.h"

#include <QHash>
#include <QStringList>
#include <QVector>
#include <vector>

namespace tt {

//! One group of vehicles of an EV fleet sharing a trip schedule.
struct EvCohort {
    QString name;
    double capacityKwh = 0.0;      //!< battery capacity of all vehicles of the cohort
    double chargerKw = 0.0;        //!< charging power of all of them while parked
    double efficiency = 1.0;       //!< charging and discharging (V2G) efficiency each way
    double departureSoc = 0.0;     //!< minimum state of charge when leaving
    double minSoc = 0.0;           //!< V2G never discharges below this
    bool v2g = false;
    double initialKwh = 0.0;
    std::vector<quint8> parked;    //!< per hour: 1 while plugged in
    std::vector<quint8> departs;   //!< per hour: 1 when the cohort leaves at the end of the hour
    std::vector<double> tripKwh;   //!< per hour: energy the trip took, deducted when the cohort returns
};

//! The town's energy equipment aggregated per kind, with hourly availabilities
//! and prices: the input of both dispatchers. Built from the town's EnergyAsset
//! entities (keys in docs/ENERGY_MODEL.md) over the technologies' defaults
//! (resources/energy/technologies.json). Default-constructed it is an empty,
//! ideal system (unit efficiencies, nothing emitted or priced) for hand-built cases.
struct EnergySystem {
    static constexpr double kUnmetPenalty = 1000.0;  //!< per kWh of unmet demand or EV shortfall

    // Availability per hour (kW).
    std::vector<double> pvKw;
    std::vector<double> windKw;
    //! Ground-source heating COP per hour of the hour's heat: space heating and hot water
    //! mixed by setHeatMix(); until then the space-heating COP.
    std::vector<double> heatPumpCop;
    std::vector<double> heatPumpSpaceCop;    //!< on the heating curve
    std::vector<double> heatPumpDhwCop;      //!< at the hot-water temperature
    std::vector<double> heatPumpCoolingCop;  //!< reversible heat pumps' cooling COP; empty or 0: heating only
    std::vector<double> importPrice;  //!< time-of-use tariff per hour
    QHash<EntityId, double> pvKwhByBuilding;  //!< annual rooftop PV yield per host building
    //! The rooftop part of pvKw; a roof's hour is its share of the year's yield times this
    //! (exact where the roofs' arrays face alike, as the default ones do).
    std::vector<double> rooftopPvKw;

    double importLimitKw = 0.0;
    double exportLimitKw = 0.0;
    //! Paid for exported local generation (PV, wind, CHP); stored grid power is not sold back.
    double feedInPrice = 0.0;
    double demandChargePerKwMonth = 0.0;  //!< on each month's peak import
    //! Battery ageing a vehicle-to-grid kWh costs the fleet (the first fleet's value).
    double v2gWearCostPerKwh = 0.0;
    double gasPrice = 0.0;       //!< per kWh of gas (lower heating value)
    double biomassPrice = 0.0;   //!< per kWh of fuel
    double co2Grid = 0.0;        //!< kg CO2 per kWh
    double co2Gas = 0.0;
    double co2Biomass = 0.0;
    double pefGrid = 0.0;        //!< non-renewable primary energy factors
    double pefGas = 0.0;
    double pefBiomass = 0.0;

    // Installed sizes, for the lifecycle costs.
    double rooftopPvKwp = 0.0;
    double groundPvKwp = 0.0;
    double windRatedKw = 0.0;  //!< turbines × rated power
    double evVehicles = 0.0;   //!< one charging point each

    double chpElecKw = 0.0;
    double chpElecEfficiency = 1.0;
    double chpThermalEfficiency = 1.0;
    double chpMinLoad = 0.0;     //!< rule-based dispatch only (the LP is a relaxation)
    double absorptionCoolKw = 0.0;
    double absorptionCop = 1.0;
    double gasBoilerKw = 0.0;
    double gasBoilerEfficiency = 1.0;
    double biomassBoilerKw = 0.0;
    double biomassBoilerEfficiency = 1.0;
    double heatPumpKw = 0.0;     //!< heat output capacity
    double chillerKw = 0.0;      //!< cooling capacity
    double chillerCop = 1.0;
    StorageUnit battery;
    StorageUnit thermal;
    QVector<EvCohort> evCohorts;
    BaselineParameters baseline;  //!< the reference system of the savings

    //! Heat the CHP gives per kWh of electricity.
    double chpHeatPerElec() const { return chpThermalEfficiency / chpElecEfficiency; }
    //! Cooling COP of the heat pumps in hour h; 0 when they only heat.
    double heatPumpCoolingCopAt(int h) const
    {
        return heatPumpCoolingCop.empty() ? 0.0 : heatPumpCoolingCop[size_t(h)];
    }
    //! The demand charge of a year of hourly grid import: each month's peak times the charge.
    double demandCharge(const std::vector<double> &importKw) const;
    //! Sets heatPumpCop to the COP of each hour's mix of space heat and hot water: the
    //! electricity of both over the heat of both. Hours without heat keep the space COP.
    void setHeatMix(const std::vector<double> &spaceHeatKw, const std::vector<double> &hotWaterKw);

    //! The same system over hours [firstHour, firstHour + hours) only: every hourly vector
    //! (availabilities, COPs, prices, rooftop PV, each EV cohort's parked/departs/tripKwh)
    //! sliced, hour i of the result being hour (firstHour + i) of this one, wrapping past
    //! the last hour to the first (8759 → 0 over a year). Empty vectors stay empty; sizes,
    //! prices and initial contents are kept (the caller sets the window's initial state);
    //! pvKwhByBuilding stays the annual yield. The demand charge of the result is priced
    //! on the window's own hours (its hour 0 counts as January's).
    EnergySystem window(int firstHour, int hours) const;

    //! The azimuth (clockwise from north) of PV whose asset does not set
    //! `azimuth_deg`: facing the equator, south (180°) north of it and north (0°)
    //! south of it. The one place that decides it, for the default asset set too.
    static double defaultPvAzimuthDeg(double siteLatitudeDeg) { return siteLatitudeDeg < 0.0 ? 0.0 : 180.0; }

    //! Aggregates the town's assets over the technologies' defaults; unknown or odd
    //! parameter values are reported in `warnings`.
    static EnergySystem fromTown(const Town &town, const WeatherYear &weather, const TechnologyParameters &technologies,
                                 QStringList *warnings = nullptr);
    //! The same with the bundled technologies file.
    static EnergySystem fromTown(const Town &town, const WeatherYear &weather, QStringList *warnings = nullptr)
    {
        return fromTown(town, weather, TechnologyParameters::bundled(), warnings);
    }
};

} // namespace tt
