// SPDX-License-Identifier: MIT
#pragma once

#include "DemandSeries.h"
#include "EnergySystem.h"

#include <QString>
#include <QStringList>
#include <array>
#include <vector>

namespace tt {

//! What a dispatcher minimises.
enum class DispatchObjective : quint8 { Cost, Co2 };

//! Every hourly flow of the town's energy system (kW; *Soc in kWh).
enum class Flow : quint8 {
    ElecDemand, HeatDemand, CoolDemand,
    Pv, Wind, ElecCurtailed,
    ChpElec, ChpHeat, ChpGas, AbsorptionHeat, AbsorptionCool,
    GasBoilerHeat, GasBoilerGas, BiomassHeat, BiomassFuel,
    HeatPumpElec, HeatPumpHeat, HeatPumpCool, ChillerElec, ChillerCool,
    BatteryCharge, BatteryDischarge, BatterySoc,
    ThermalCharge, ThermalDischarge, ThermalSoc,
    EvCharge, EvDischarge, EvSoc, EvTrip,
    GridImport, GridExport, HeatDump,
    UnmetElec, UnmetHeat, UnmetCool, EvShortfall,
    Count
};
constexpr int kFlowCount = int(Flow::Count);

//! The carriers that must balance every hour.
enum class Carrier : quint8 { Electricity, Heat, Cooling };

//! The outcome of a dispatch: every flow for every hour.
struct DispatchResult {
    std::array<std::vector<double>, kFlowCount> flows;
    QStringList warnings;  //!< e.g. LP windows the solver could not prove optimal
    bool cancelled = false;  //!< stopped before the year's end by its Progress

    static QString flowKey(Flow f);  //!< column name, e.g. "grid_import_kw"
    void resize(int hours);
    int hours() const { return int(flows[0].size()); }
    double &at(Flow f, int h) { return flows[int(f)][h]; }
    double at(Flow f, int h) const { return flows[int(f)][h]; }
    double total(Flow f) const;  //!< sum over the hours (kWh for power flows)
    double peak(Flow f) const;

    //! Sources minus sinks of a carrier in hour h (0 when balanced).
    double residual(Carrier c, int h) const;
    //! Largest |residual| over every carrier and hour.
    double maxResidual() const;
    //! Energy cost: import at the tariff and the demand charge on each month's peak, minus
    //! export at the feed-in price, plus gas and biomass, plus the wear of every kWh the
    //! battery and V2G discharge.
    //! Unmet demand and EV shortfall count as bought from the baseline supply (unmetGridKwh,
    //! unmetGasKwh), so an undersized system never looks cheaper or cleaner than it is.
    double cost(const EnergySystem &s) const;
    double co2Kg(const EnergySystem &s) const;
    //! Grid electricity the unmet electricity, EV shortfall and cooling (at the baseline
    //! chillers' COP) would have taken, by hour.
    std::vector<double> unmetGridKw(const EnergySystem &s) const;
    //! Grid import plus unmetGridKw, by hour: what the grid supplies or would have.
    std::vector<double> gridSupplyKw(const EnergySystem &s) const;
    //! Gas the unmet heat would have taken in the baseline boilers.
    double unmetGasKwh(const EnergySystem &s) const;
    //! Unmet electricity, heat, cooling and EV energy, kWh.
    double unmetKwh() const;
    //! The objective both dispatchers minimise, with the unmet-energy penalty.
    double penalisedObjective(const EnergySystem &s, DispatchObjective objective) const;
};

//! Hourly demand the dispatch must meet: the town's totals (heat = space heating + hot water).
struct DispatchDemand {
    std::vector<double> electricity, heat, cooling;
    static DispatchDemand fromSeries(const DemandSeries &d);
};

} // namespace tt
