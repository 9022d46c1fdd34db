// SPDX-License-Identifier: MIT
#include "RuleBasedDispatcher.h"

#include "EvSchedule.h"
#include "WeatherYear.h"

#include <algorithm>
#include <array>
#include <limits>

namespace tt {

namespace {
// Takes up to `want` from `available`, returns what was taken.
double take(double want, double &available)
{
    const double got = std::clamp(want, 0.0, std::max(0.0, available));
    available -= got;
    return got;
}
} // namespace

DispatchResult RuleBasedDispatcher::dispatch(const EnergySystem &s, const DispatchDemand &demand) const
{
    const int hours = int(demand.electricity.size());
    DispatchResult r;
    r.resize(hours);
    const StorageUnit &bat = s.battery;
    const StorageUnit &ts = s.thermal;
    double eBat = bat.initialSoc * bat.capacityKwh;
    double eTs = ts.initialSoc * ts.capacityKwh;
    const int cohorts = s.evCohorts.size();
    std::vector<double> eEv(cohorts);
    std::vector<std::vector<int>> toDeparture(cohorts);
    for (int k = 0; k < cohorts; ++k) {
        eEv[k] = s.evCohorts[k].initialKwh;
        toDeparture[k] = EvSchedule::hoursToDeparture(s.evCohorts[k]);
    }
    // V2G gives power in the dearest hours of each month (seasonal tariffs differ by month).
    std::array<double, 12> monthPeakPrice;
    monthPeakPrice.fill(-std::numeric_limits<double>::infinity());
    for (size_t h = 0; h < s.importPrice.size(); ++h) {
        double &peak = monthPeakPrice[size_t(WeatherYear::monthOf(int(h)))];
        peak = std::max(peak, s.importPrice[h]);
    }
    const double chpHeatCap = s.chpElecKw * s.chpHeatPerElec();
    std::vector<double> evCharge(cohorts), evTarget(cohorts);

    for (int h = 0; h < hours; ++h) {
        const auto set = [&r, h](Flow f, double v) { r.at(f, h) = v; };
        // Standing loss of the tank first, so that the limits below see the real content.
        eTs *= 1.0 - ts.lossPerHour;

        // --- Heat: tank, CHP by heat (and absorption) demand, heat pump, biomass, gas.
        double heat = demand.heat[h];
        double tsPower = ts.powerKw;
        double tsOut = take(std::min(heat, (eTs - ts.minKwh()) * ts.dischargeEfficiency), tsPower);
        heat -= tsOut;
        const double absHeatWanted = std::min(demand.cooling[h], s.absorptionCoolKw) / s.absorptionCop;
        double chpHeat = std::min(chpHeatCap, heat + absHeatWanted);
        if (chpHeat < s.chpMinLoad * chpHeatCap)
            chpHeat = chpHeat > 0.0 && heat > 0.0 ? s.chpMinLoad * chpHeatCap : 0.0;
        const double chpElec = chpHeat / s.chpHeatPerElec();
        double chpLeft = chpHeat;
        heat -= take(heat, chpLeft);
        const double absHeat = take(absHeatWanted, chpLeft);
        // CHP heat above demand (minimum load) first replaces tank discharge, then fills the tank.
        const double keptInTank = std::min(chpLeft, tsOut);
        tsOut -= keptInTank;
        chpLeft -= keptInTank;
        tsPower += keptInTank;
        eTs -= tsOut / ts.dischargeEfficiency;
        const double tsFromChp = take(std::min(chpLeft, (ts.maxKwh() - eTs) / ts.chargeEfficiency), tsPower);
        eTs += tsFromChp * ts.chargeEfficiency;
        chpLeft -= tsFromChp;
        const double dump = chpLeft;
        double hpCapacity = s.heatPumpKw;
        const double hpHeat = take(heat, hpCapacity);
        heat -= hpHeat;
        double bioCap = s.biomassBoilerKw, gasCap = s.gasBoilerKw;
        const double bioHeat = take(heat, bioCap);
        heat -= bioHeat;
        const double gasHeat = take(heat, gasCap);
        heat -= gasHeat;

        // --- Cooling: absorption first (free CHP heat), then reversible heat pumps with what
        // heating left of them (their COP beats the chillers' with the ground as sink), then chillers.
        const double absCool = absHeat * s.absorptionCop;
        const double hpEer = s.heatPumpCoolingCopAt(h);
        const double hpCool = hpEer > 0.0 ? take(demand.cooling[h] - absCool, hpCapacity) : 0.0;
        double chillerCap = s.chillerKw;
        const double chillerCool = take(demand.cooling[h] - absCool - hpCool, chillerCap);
        const double unmetCool = std::max(0.0, demand.cooling[h] - absCool - hpCool - chillerCool);

        // --- EVs: trips return, then the charging that cannot wait any longer.
        double evTrip = 0.0, evShort = 0.0, forced = 0.0;
        for (int k = 0; k < cohorts; ++k) {
            const EvCohort &c = s.evCohorts[k];
            eEv[k] -= c.tripKwh[h];
            evTrip += c.tripKwh[h];
            evCharge[k] = 0.0;
            evTarget[k] = c.departureSoc * c.capacityKwh;
            if (!c.parked[h])
                continue;
            const double need = evTarget[k] - eEv[k];
            const double later = (toDeparture[k][h] - 1) * c.chargerKw * c.efficiency;
            evCharge[k] = std::clamp((need - later) / c.efficiency, 0.0, c.chargerKw);
            forced += evCharge[k];
        }

        // --- Electricity.
        const double hpElec = hpHeat / s.heatPumpCop[h] + (hpCool > 0.0 ? hpCool / hpEer : 0.0);
        const double chillerElec = chillerCool / s.chillerCop;
        const double renewables = s.pvKw[h] + s.windKw[h];
        double balance = renewables + chpElec - demand.electricity[h] - hpElec - chillerElec - forced;
        double batCharge = 0.0, batDischarge = 0.0, tsFromHp = 0.0, exportKw = 0.0, curtailed = 0.0;
        double evDischarge = 0.0, importKw = 0.0, unmetElec = 0.0;
        if (balance > 0.0) {
            for (int k = 0; k < cohorts; ++k) {
                const EvCohort &c = s.evCohorts[k];
                if (!c.parked[h])
                    continue;
                const double room = (c.capacityKwh - eEv[k]) / c.efficiency - evCharge[k];
                const double extra = std::clamp(std::min(room, c.chargerKw - evCharge[k]), 0.0, balance);
                evCharge[k] += extra;
                balance -= extra;
            }
            double batPower = bat.powerKw;
            batCharge = take(std::min(balance, (bat.maxKwh() - eBat) / bat.chargeEfficiency), batPower);
            balance -= batCharge;
            const double hpSpare = std::min(hpCapacity, balance * s.heatPumpCop[h]);
            tsFromHp = take(std::min(hpSpare, (ts.maxKwh() - eTs) / ts.chargeEfficiency), tsPower);
            eTs += tsFromHp * ts.chargeEfficiency;
            balance -= tsFromHp / s.heatPumpCop[h];
            double exportRoom = s.exportLimitKw;
            exportKw = take(balance, exportRoom);
            // Spilled: renewables, or CHP power at minimum load that nobody takes.
            curtailed = balance - exportKw;
            balance = 0.0;
        }
        if (balance < 0.0) {
            double deficit = -balance;
            double batPower = bat.powerKw;
            batDischarge = take(std::min(deficit, (eBat - bat.minKwh()) * bat.dischargeEfficiency), batPower);
            deficit -= batDischarge;
            const bool dearest = !s.importPrice.empty() && s.importPrice[size_t(h)] >= monthPeakPrice[size_t(WeatherYear::monthOf(h))];
            for (int k = 0; k < cohorts && dearest; ++k) {
                const EvCohort &c = s.evCohorts[k];
                if (!c.parked[h] || !c.v2g || evCharge[k] > 0.0)
                    continue;
                // Never below min SOC, and never so low that the departure charge can no longer be reached.
                const double later = (toDeparture[k][h] - 1) * c.chargerKw * c.efficiency;
                const double spare = std::min(eEv[k] - c.minSoc * c.capacityKwh, eEv[k] + later - evTarget[k]);
                const double out = std::clamp(std::min(deficit, spare * c.efficiency), 0.0, c.chargerKw);
                eEv[k] -= out / c.efficiency;
                evDischarge += out;
                deficit -= out;
            }
            double importRoom = s.importLimitKw;
            importKw = take(deficit, importRoom);
            unmetElec = deficit - importKw;
        }
        eBat += batCharge * bat.chargeEfficiency - batDischarge / bat.dischargeEfficiency;
        double evChargeTotal = 0.0, evSoc = 0.0;
        for (int k = 0; k < cohorts; ++k) {
            const EvCohort &c = s.evCohorts[k];
            eEv[k] += evCharge[k] * c.efficiency;
            evChargeTotal += evCharge[k];
            if (c.departs[h] && eEv[k] < evTarget[k]) {
                // Charged elsewhere at a penalty: the shortfall shows up as a number.
                evShort += evTarget[k] - eEv[k];
                eEv[k] = evTarget[k];
            }
            evSoc += eEv[k];
        }

        set(Flow::ElecDemand, demand.electricity[h]);
        set(Flow::HeatDemand, demand.heat[h]);
        set(Flow::CoolDemand, demand.cooling[h]);
        set(Flow::Pv, s.pvKw[h]);
        set(Flow::Wind, s.windKw[h]);
        set(Flow::ElecCurtailed, curtailed);
        set(Flow::ChpElec, chpElec);
        set(Flow::ChpHeat, chpHeat);
        set(Flow::ChpGas, chpElec / s.chpElecEfficiency);
        set(Flow::AbsorptionHeat, absHeat);
        set(Flow::AbsorptionCool, absCool);
        set(Flow::GasBoilerHeat, gasHeat);
        set(Flow::GasBoilerGas, gasHeat / s.gasBoilerEfficiency);
        set(Flow::BiomassHeat, bioHeat);
        set(Flow::BiomassFuel, bioHeat / s.biomassBoilerEfficiency);
        set(Flow::HeatPumpElec, hpElec + tsFromHp / s.heatPumpCop[h]);
        set(Flow::HeatPumpHeat, hpHeat + tsFromHp);
        set(Flow::HeatPumpCool, hpCool);
        set(Flow::ChillerElec, chillerElec);
        set(Flow::ChillerCool, chillerCool);
        set(Flow::BatteryCharge, batCharge);
        set(Flow::BatteryDischarge, batDischarge);
        set(Flow::BatterySoc, eBat);
        set(Flow::ThermalCharge, tsFromChp + tsFromHp);
        set(Flow::ThermalDischarge, tsOut);
        set(Flow::ThermalSoc, eTs);
        set(Flow::EvCharge, evChargeTotal);
        set(Flow::EvDischarge, evDischarge);
        set(Flow::EvSoc, evSoc);
        set(Flow::EvTrip, evTrip);
        set(Flow::GridImport, importKw);
        set(Flow::GridExport, exportKw);
        set(Flow::HeatDump, dump);
        set(Flow::UnmetElec, unmetElec);
        set(Flow::UnmetHeat, heat);
        set(Flow::UnmetCool, unmetCool);
        set(Flow::EvShortfall, evShort);
    }
    return r;
}

} // namespace tt
