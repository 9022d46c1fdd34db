// SPDX-License-Identifier: MIT
#pragma once

#include "PvModel.h"
#include "StorageUnit.h"
#include "WindModel.h"
#include "core/Status.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVector>

namespace tt {

// The default performance data of every technology of the energy system. The
// values live in one place, resources/energy/technologies.json, each with its
// source; an asset parameter of the same key overrides them for that asset
// (docs/ENERGY_MODEL.md). The structs below start at zero: TechnologyParameters
// fills them from the file.

//! Rooftop PV without `kwp`: sized from the host roof.
struct RooftopPvParameters {
    double areaShare = 0.0;         //!< share of the footprint under modules
    double moduleEfficiency = 0.0;  //!< kWp per m² of modules
    double tiltDeg = 0.0;
};

//! Ground PV without `kwp`: sized from the asset's polygon.
struct GroundPvParameters {
    double landShare = 0.0;
    double kwpPerM2 = 0.0;
    double tiltDeg = 0.0;
};

//! Wind turbines: the machine, how many, and the share of hours they can run.
struct WindParameters {
    WindTurbineParameters turbine;
    double count = 0.0;
    double availability = 0.0;
};

//! Gas CHP with an absorption chiller on its heat (trigeneration).
struct ChpParameters {
    double elecEfficiency = 0.0;     //!< electricity per kWh of gas (lower heating value)
    double thermalEfficiency = 0.0;  //!< useful heat per kWh of gas
    double absorptionCop = 0.0;      //!< cooling per kWh of heat
    double minLoad = 0.0;            //!< share of capacity; rule-based dispatch only (the LP is a relaxation)
    //! Electrical plus thermal efficiency may not exceed this (stack and radiation losses remain).
    static constexpr double kMaxTotalEfficiency = 0.95;
};

//! Gas or biomass boiler.
struct BoilerParameters {
    double efficiency = 0.0;  //!< heat per kWh of fuel (lower heating value)
};

//! Ground-source heat pump: COP as a share of Carnot between the ground and a
//! supply temperature following the heating curve of the heating network.
struct HeatPumpParameters {
    //! Depth of the EPW ground temperatures that stand for the borehole field's source.
    double sourceDepthM = 0.0;
    double carnotEfficiency = 0.0;
    double maxCop = 0.0;
    double supplyTempMinC = 0.0;          //!< supply at and above outdoorTempAtMinSupplyC
    double supplyTempMaxC = 0.0;          //!< supply at and below outdoorTempAtMaxSupplyC
    double outdoorTempAtMinSupplyC = 0.0;
    double outdoorTempAtMaxSupplyC = 0.0;
    double minLiftK = 0.0;                //!< smallest lift the COP is computed for
    double dhwSupplyTempC = 0.0;          //!< hot water (55-60 °C against Legionella)
    //! Reversible heat pumps cool too: chilled water at coolingSupplyTempC, heat rejected to the
    //! ground coolingRejectionRiseK above its temperature; 0 efficiency: heating only.
    double coolingCarnotEfficiency = 0.0;
    double coolingSupplyTempC = 0.0;
    double coolingRejectionRiseK = 0.0;

    //! Supply temperature at an outdoor temperature: linear between the two points, clamped.
    double supplyTempC(double outdoorC) const;
    //! Space-heating COP: carnotEfficiency × T_supply / (T_supply − T_source) (kelvin, the lift at
    //! least minLiftK), between 1 and maxCop, T_supply from the heating curve.
    double cop(double outdoorC, double sourceC) const;
    //! The same for hot water at dhwSupplyTempC.
    double dhwCop(double sourceC) const;
    //! Cooling COP (EER): coolingCarnotEfficiency × T_chw / (T_source + rise − T_chw), up to maxCop;
    //! 0 for a heat pump that only heats.
    double coolingCop(double sourceC) const;
};

//! Electric chiller.
struct ChillerParameters {
    double cop = 0.0;
};

//! Battery or hot-water tank: efficiencies, limits, losses and wear of the
//! unit (capacity and power zero), and the power of a unit that gives only a capacity.
struct StorageParameters {
    StorageUnit unit;
    double powerKwPerKwh = 0.0;
};

//! A trip group of an EV fleet: a share of the vehicles leaving and returning together.
struct EvTrip {
    //! Departures from 01:00 to 23:00, returns up to midnight: one trip a day.
    static constexpr int kEarliestDepartHour = 1, kLatestDepartHour = 23, kLatestReturnHour = 24;
    QString name;
    double share = 0.0;
    int departHour = 0;
    int returnHour = 0;
    double tripKwh = 0.0;  //!< per vehicle
    bool weekdaysOnly = false;
};

//! A shared EV fleet and its chargers.
struct EvFleetParameters {
    double vehicles = 0.0;
    double batteryKwh = 0.0;
    double chargerKw = 0.0;
    double efficiency = 0.0;  //!< charging and V2G, each way
    double departureSoc = 0.0;
    double minSoc = 0.0;
    bool v2g = false;
    double v2gWearCostPerKwh = 0.0;
    QVector<EvTrip> trips;
};

//! The grid connection: limits, CO2 and non-renewable primary energy factors per kWh
//! (prices are the project's Tariff).
struct GridParameters {
    double importLimitKw = 0.0, exportLimitKw = 0.0;
    double co2Grid = 0.0, co2Gas = 0.0, co2Biomass = 0.0;
    double pefGrid = 0.0, pefGas = 0.0, pefBiomass = 0.0;
};

//! The reference system the savings are measured against: grid electricity,
//! gas boilers in the buildings and electric chillers.
struct BaselineParameters {
    double gasBoilerEfficiency = 1.0;
    double chillerCop = 1.0;
};

//! What one technology costs over its life (CNY at 2024 prices). `capex` is per unit of the
//! technology's size (kWp, kW, kWh or vehicle: technologies.json says which). Of it,
//! `replacementCost` is a part that lasts only `replacementYears` (PV inverters, the
//! heat-pump unit in its borehole field); 0 when every part lasts `lifetimeYears`.
struct CostParameters {
    double capex = 0.0;
    double fixedOm = 0.0;      //!< per unit and year
    double variableOm = 0.0;   //!< per kWh the technology gives
    double lifetimeYears = 0.0;
    double replacementCost = 0.0;
    double replacementYears = 0.0;
};

//! The costs of every technology, and the parts sized apart from the main unit.
struct TechnologyCosts {
    CostParameters rooftopPv, groundPv, wind, chp, gasBoiler, biomassBoiler, heatPump, chiller, battery,
        thermalStorage, evFleet, grid;
    double batteryPowerCapex = 0.0;         //!< per kW of the battery's power (inverter, transformer)
    double thermalStoragePowerCapex = 0.0;  //!< per kW of the tank's charge/discharge power
    double absorptionCapex = 0.0;           //!< per kW of the CHP's absorption cooling
    double absorptionFixedOm = 0.0;         //!< per kW of cooling and year
};

//! How money over the years is weighed.
struct FinanceParameters {
    double discountRate = 0.0;   //!< real, per year
    double analysisYears = 0.0;  //!< the period of NPV and annualised cost
};

//! Every technology's defaults, read from a technologies file (the bundled
//! resources/energy/technologies.json or a user's edited copy of it).
struct TechnologyParameters {
    PvParameters pv;  //!< modules, inverter and losses of rooftop and ground PV (kwp unused)
    RooftopPvParameters rooftopPv;
    GroundPvParameters groundPv;
    WindParameters wind;
    ChpParameters chp;
    BoilerParameters gasBoiler;
    BoilerParameters biomassBoiler;
    HeatPumpParameters heatPump;
    ChillerParameters chiller;
    StorageParameters battery;
    StorageParameters thermalStorage;
    EvFleetParameters evFleet;
    GridParameters grid;
    BaselineParameters baseline;
    TechnologyCosts costs;
    FinanceParameters finance;  //!< defaults; a project's settings may override them
    //! Where each value comes from, by "technology/parameter" (e.g. "chp/elec_efficiency").
    QMap<QString, QString> sources;

    //! The bundled file's path in the source tree, as error messages name it.
    static QString bundledFileName();
    //! Parses a complete technologies file: every technology and parameter present,
    //! nothing unknown, every value a number (or true/false) within its range.
    //! Errors read "FILE: technology: parameter ...".
    static Status load(const QByteArray &json, const QString &fileName, TechnologyParameters *out);
    //! Reads and parses a user's technologies file.
    static Status loadFile(const QString &path, TechnologyParameters *out);
    //! Parses the bundled file.
    static Status loadBundled(TechnologyParameters *out);
    //! The bundled file, parsed once. A broken bundled file is a build defect
    //! (tst_energy_parameters fails on it) and aborts with the error.
    static const TechnologyParameters &bundled();

    //! The values a file may give a numeric parameter.
    struct Range {
        double min = 0.0, max = 0.0;
        bool minExclusive = false;  //!< min itself is not allowed (COPs, capacities per kWh)
    };
    //! The range of a numeric parameter, e.g. range("chp", "elec_efficiency");
    //! also the limits the energy system clamps asset parameters to.
    static Range range(const char *technology, const char *parameter);
};

} // namespace tt
