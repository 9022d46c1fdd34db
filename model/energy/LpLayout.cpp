// SPDX-License-Identifier: MIT
#include "LpLayout.h"

namespace tt::lp {

void storeHour(DispatchResult *r, int t, const double *v, const EnergySystem &s, const DispatchDemand &demand)
{
    const auto set = [r, t](Flow f, double value) { r->at(f, t) = value; };
    const double cop = s.heatPumpCop[size_t(t)];
    set(Flow::ElecDemand, demand.electricity[size_t(t)]);
    set(Flow::HeatDemand, demand.heat[size_t(t)]);
    set(Flow::CoolDemand, demand.cooling[size_t(t)]);
    set(Flow::Pv, s.pvKw[size_t(t)]);
    set(Flow::Wind, s.windKw[size_t(t)]);
    set(Flow::ElecCurtailed, v[cCurtail]);
    set(Flow::ChpElec, v[cChpElec]);
    set(Flow::ChpHeat, v[cChpElec] * s.chpHeatPerElec());
    set(Flow::ChpGas, v[cChpElec] / s.chpElecEfficiency);
    set(Flow::AbsorptionHeat, v[cAbsHeat]);
    set(Flow::AbsorptionCool, v[cAbsHeat] * s.absorptionCop);
    set(Flow::GasBoilerHeat, v[cGasBoiler]);
    set(Flow::GasBoilerGas, v[cGasBoiler] / s.gasBoilerEfficiency);
    set(Flow::BiomassHeat, v[cBiomass]);
    set(Flow::BiomassFuel, v[cBiomass] / s.biomassBoilerEfficiency);
    set(Flow::HeatPumpElec, v[cHpElec] + v[cHpCoolElec]);
    set(Flow::HeatPumpHeat, v[cHpElec] * cop);
    set(Flow::HeatPumpCool, v[cHpCoolElec] * s.heatPumpCoolingCopAt(t));
    set(Flow::ChillerElec, v[cChillerElec]);
    set(Flow::ChillerCool, v[cChillerElec] * s.chillerCop);
    set(Flow::BatteryCharge, v[cBatCharge]);
    set(Flow::BatteryDischarge, v[cBatDischarge]);
    set(Flow::BatterySoc, v[cBatSoc]);
    set(Flow::ThermalCharge, v[cTsCharge]);
    set(Flow::ThermalDischarge, v[cTsDischarge]);
    set(Flow::ThermalSoc, v[cTsSoc]);
    set(Flow::GridImport, v[cImport]);
    set(Flow::GridExport, v[cExport]);
    set(Flow::HeatDump, v[cDump]);
    set(Flow::UnmetElec, v[cUnmetElec]);
    set(Flow::UnmetHeat, v[cUnmetHeat]);
    set(Flow::UnmetCool, v[cUnmetCool]);
    double charge = 0, discharge = 0, soc = 0, trip = 0, shortfall = 0;
    for (int k = 0; k < s.evCohorts.size(); ++k) {
        const double *e = v + kHourColumns + k * kEvColumns;
        charge += e[eCharge];
        discharge += e[eDischarge];
        soc += e[eSoc];
        shortfall += e[eShort];
        trip += s.evCohorts[k].tripKwh[size_t(t)];
    }
    set(Flow::EvCharge, charge);
    set(Flow::EvDischarge, discharge);
    set(Flow::EvSoc, soc);
    set(Flow::EvTrip, trip);
    set(Flow::EvShortfall, shortfall);
}

} // namespace tt::lp
