// SPDX-License-Identifier: MIT
#include "LpDispatcher.h"

#include "LpLayout.h"
#include "WeatherYear.h"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <vector>

namespace tt {

using namespace lp;

namespace {
// Rows of one hour; one more per EV cohort.
// rHeatPump: a reversible heat pump heats or cools with the same machines.
// rDump: only CHP heat can be dumped (its dry coolers), no more than it makes.
// rExport: only local generation (PV, wind, CHP) is sold, not stored grid power.
// rPeak (with a demand charge only): import up to the month's peak variable.
enum Row { rElec, rHeat, rCool, rBattery, rThermal, rHeatPump, rDump, rExport, rPeak, kHourRows };
// A window spans at most two months; each has a peak column after the hours'.
constexpr int kPeakColumns = 2;
// CHP output below this is off, not a part load.
constexpr double kChpOffKw = 1e-6;

void solve(ClpSimplex *model)
{
    model->dual();
    if (!model->isProvenOptimal())
        model->primal();
}

// CHP minimum load, which an LP cannot state (off or at least min_load): hours the
// relaxation runs the CHP below it are rounded, on at the minimum when it ran at half
// of that or more, else off, and the window is solved again with them fixed, until no
// hour is left in between (each pass fixes more hours, so at most one pass per hour).
// Only the `hours` kept of the window: the rest is solved again in the next one.
// Should forced output have nowhere to go (export limits), that pass's hours are off
// instead: off is always feasible, the slack takes what the CHP would have given.
void roundChpMinimumLoad(ClpSimplex *model, int hours, int colsPerHour, double minKw)
{
    for (int pass = 0; pass < hours; ++pass) {
        const double *x = model->primalColumnSolution();
        std::vector<int> forcedOn, forcedOff;
        for (int i = 0; i < hours; ++i) {
            const int col = i * colsPerHour + cChpElec;
            const double chp = x[col];
            if (chp <= kChpOffKw || chp >= minKw - kChpOffKw)
                continue;
            (chp >= 0.5 * minKw ? forcedOn : forcedOff).push_back(col);
        }
        if (forcedOn.empty() && forcedOff.empty())
            return;
        for (int col : forcedOn)
            model->setColumnLower(col, minKw);
        for (int col : forcedOff)
            model->setColumnUpper(col, 0.0);
        solve(model);
        if (!model->isProvenOptimal()) {
            for (int col : forcedOn) {
                model->setColumnLower(col, 0.0);
                model->setColumnUpper(col, 0.0);
            }
            solve(model);
        }
    }
}

struct Window {
    std::vector<int> rows, cols;
    std::vector<double> values;
    std::vector<double> colLower, colUpper, objective, rowLower, rowUpper;

    void add(int row, int col, double v)
    {
        rows.push_back(row);
        cols.push_back(col);
        values.push_back(v);
    }
};
} // namespace

LpDispatcher::LpDispatcher(DispatchObjective objective, int horizonHours, int stepHours)
    : m_objective(objective)
    , m_horizon(std::max(1, horizonHours))
    , m_step(std::clamp(stepHours, 1, std::max(1, horizonHours)))
{
}

DispatchResult LpDispatcher::dispatch(const EnergySystem &s, const DispatchDemand &demand,
                                      const Progress &progress) const
{
    const int hours = int(demand.electricity.size());
    const int cohorts = s.evCohorts.size();
    const int colsPerHour = kHourColumns + cohorts * kEvColumns;
    const bool peaks = s.demandChargePerKwMonth > 0.0 && !s.importPrice.empty();
    const int hourRows = peaks ? kHourRows : kHourRows - 1;
    const int rowsPerHour = hourRows + cohorts;
    const int extraCols = peaks ? kPeakColumns : 0;
    const StorageUnit &bat = s.battery, &ts = s.thermal;
    const bool co2 = m_objective == DispatchObjective::Co2;
    const double moneyWeight = co2 ? kCostTieBreak : 1.0;
    const double chpHeat = s.chpHeatPerElec();
    const double minChpKw = s.chpMinLoad * s.chpElecKw;

    DispatchResult r;
    r.resize(hours);
    double eBat = bat.initialSoc * bat.capacityKwh;
    double eTs = ts.initialSoc * ts.capacityKwh;
    std::vector<double> eEv(cohorts);
    for (int k = 0; k < cohorts; ++k)
        eEv[k] = s.evCohorts[k].initialKwh;

    // Each month's peak import so far: the demand charge is paid on it anyway.
    double monthPeak[12] = {};

    Window w;
    ClpSimplex model;
    model.setLogLevel(0);
    int modelHours = 0, modelSplit = -1;
    for (int t0 = 0; t0 < hours; t0 += m_step) {
        if (progress && !progress(double(t0) / double(hours), QStringLiteral("dispatch"))) {
            r.cancelled = true;
            return r;
        }
        const int n = std::min(m_horizon, hours - t0);
        const int nCols = n * colsPerHour + extraCols, nRows = n * rowsPerHour;
        // Hours from `split` on belong to the window's second month.
        const int month0 = WeatherYear::monthOf(t0);
        int split = n;
        while (peaks && split > 0 && WeatherYear::monthOf(t0 + split - 1) != month0)
            --split;
        w.rows.clear();
        w.cols.clear();
        w.values.clear();
        w.colLower.assign(nCols, 0.0);
        w.colUpper.assign(nCols, 0.0);
        w.objective.assign(nCols, 0.0);
        w.rowLower.assign(nRows, 0.0);
        w.rowUpper.assign(nRows, 0.0);

        for (int i = 0; i < n; ++i) {
            const int t = t0 + i;
            const int c0 = i * colsPerHour, r0 = i * rowsPerHour;
            const auto bound = [&](int col, double lo, double hi, double cost) {
                w.colLower[c0 + col] = lo;
                w.colUpper[c0 + col] = std::max(lo, hi);
                w.objective[c0 + col] = cost;
            };
            const double cop = s.heatPumpCop[t];
            const double gasCo = co2 ? s.co2Gas : 0.0, bioCo = co2 ? s.co2Biomass : 0.0;
            const double gridCo = co2 ? s.co2Grid : 0.0;
            bound(cImport, 0, s.importLimitKw, gridCo + moneyWeight * s.importPrice[t]);
            bound(cExport, 0, s.exportLimitKw, -moneyWeight * exportValue(s, t));
            bound(cCurtail, 0, s.pvKw[t] + s.windKw[t], 0.0);
            bound(cChpElec, 0, s.chpElecKw, (gasCo + moneyWeight * s.gasPrice) / s.chpElecEfficiency);
            bound(cGasBoiler, 0, s.gasBoilerKw, (gasCo + moneyWeight * s.gasPrice) / s.gasBoilerEfficiency);
            bound(cBiomass, 0, s.biomassBoilerKw, (bioCo + moneyWeight * s.biomassPrice) / s.biomassBoilerEfficiency);
            const double eer = s.heatPumpCoolingCopAt(t);
            bound(cHpElec, 0, s.heatPumpKw / cop, 0.0);
            bound(cHpCoolElec, 0, eer > 0.0 ? s.heatPumpKw / eer : 0.0, 0.0);
            bound(cChillerElec, 0, s.chillerKw / s.chillerCop, 0.0);
            bound(cAbsHeat, 0, s.absorptionCoolKw / s.absorptionCop, 0.0);
            bound(cDump, 0, COIN_DBL_MAX, 0.0);
            bound(cBatCharge, 0, bat.powerKw, kCycleCost);
            bound(cBatDischarge, 0, bat.powerKw, kCycleCost + moneyWeight * bat.wearCostPerKwh);
            bound(cBatSoc, bat.minKwh(), bat.maxKwh(), 0.0);
            bound(cTsCharge, 0, ts.powerKw, kCycleCost);
            bound(cTsDischarge, 0, ts.powerKw, kCycleCost);
            bound(cTsSoc, ts.minKwh(), ts.maxKwh(), 0.0);
            bound(cUnmetElec, 0, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
            bound(cUnmetHeat, 0, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
            bound(cUnmetCool, 0, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);

            // Electricity: supply − extra loads = building demand − renewables.
            const double rhsElec = demand.electricity[t] - s.pvKw[t] - s.windKw[t];
            w.rowLower[r0 + rElec] = w.rowUpper[r0 + rElec] = rhsElec;
            w.add(r0 + rElec, c0 + cImport, 1);
            w.add(r0 + rElec, c0 + cExport, -1);
            w.add(r0 + rElec, c0 + cCurtail, -1);
            w.add(r0 + rElec, c0 + cChpElec, 1);
            w.add(r0 + rElec, c0 + cBatDischarge, 1);
            w.add(r0 + rElec, c0 + cBatCharge, -1);
            w.add(r0 + rElec, c0 + cHpElec, -1);
            w.add(r0 + rElec, c0 + cHpCoolElec, -1);
            w.add(r0 + rElec, c0 + cChillerElec, -1);
            w.add(r0 + rElec, c0 + cUnmetElec, 1);
            // Heat.
            w.rowLower[r0 + rHeat] = w.rowUpper[r0 + rHeat] = demand.heat[t];
            w.add(r0 + rHeat, c0 + cChpElec, chpHeat);
            w.add(r0 + rHeat, c0 + cGasBoiler, 1);
            w.add(r0 + rHeat, c0 + cBiomass, 1);
            w.add(r0 + rHeat, c0 + cHpElec, cop);
            w.add(r0 + rHeat, c0 + cTsDischarge, 1);
            w.add(r0 + rHeat, c0 + cTsCharge, -1);
            w.add(r0 + rHeat, c0 + cAbsHeat, -1);
            w.add(r0 + rHeat, c0 + cDump, -1);
            w.add(r0 + rHeat, c0 + cUnmetHeat, 1);
            // Cooling.
            w.rowLower[r0 + rCool] = w.rowUpper[r0 + rCool] = demand.cooling[t];
            w.add(r0 + rCool, c0 + cAbsHeat, s.absorptionCop);
            w.add(r0 + rCool, c0 + cHpCoolElec, eer);
            w.add(r0 + rCool, c0 + cChillerElec, s.chillerCop);
            // Heat pumps: heat out plus cooling out within their capacity.
            w.add(r0 + rHeatPump, c0 + cHpElec, cop);
            w.add(r0 + rHeatPump, c0 + cHpCoolElec, eer);
            w.rowLower[r0 + rHeatPump] = -COIN_DBL_MAX;
            w.rowUpper[r0 + rHeatPump] = s.heatPumpKw;
            w.add(r0 + rDump, c0 + cDump, 1);
            w.add(r0 + rDump, c0 + cChpElec, -chpHeat);
            w.rowLower[r0 + rDump] = -COIN_DBL_MAX;
            w.rowUpper[r0 + rDump] = 0.0;
            w.add(r0 + rCool, c0 + cUnmetCool, 1);
            w.add(r0 + rExport, c0 + cExport, 1);
            w.add(r0 + rExport, c0 + cCurtail, 1);
            w.add(r0 + rExport, c0 + cChpElec, -1);
            w.rowLower[r0 + rExport] = -COIN_DBL_MAX;
            w.rowUpper[r0 + rExport] = s.pvKw[t] + s.windKw[t];
            if (peaks) {
                w.add(r0 + rPeak, c0 + cImport, 1);
                w.add(r0 + rPeak, n * colsPerHour + (i < split ? 0 : 1), -1);
                w.rowLower[r0 + rPeak] = -COIN_DBL_MAX;
                w.rowUpper[r0 + rPeak] = 0.0;
            }
            // Storage: soc[i] − keep·soc[i−1] − η_c·charge + discharge/η_d = keep·soc0 (first hour) or 0.
            const auto storage = [&](int row, int socCol, int chCol, int disCol, const StorageUnit &u, double e0) {
                const double keep = 1.0 - u.lossPerHour;
                w.add(r0 + row, c0 + socCol, 1);
                if (i > 0)
                    w.add(r0 + row, c0 - colsPerHour + socCol, -keep);
                w.add(r0 + row, c0 + chCol, -u.chargeEfficiency);
                w.add(r0 + row, c0 + disCol, 1.0 / u.dischargeEfficiency);
                w.rowLower[r0 + row] = w.rowUpper[r0 + row] = i == 0 ? keep * e0 : 0.0;
            };
            storage(rBattery, cBatSoc, cBatCharge, cBatDischarge, bat, eBat);
            storage(rThermal, cTsSoc, cTsCharge, cTsDischarge, ts, eTs);

            for (int k = 0; k < cohorts; ++k) {
                const EvCohort &c = s.evCohorts[k];
                const int e0 = c0 + kHourColumns + k * kEvColumns;
                const int row = r0 + hourRows + k;
                const bool parked = c.parked[t];
                w.colUpper[e0 + eCharge] = parked ? c.chargerKw : 0.0;
                w.colUpper[e0 + eDischarge] = parked && c.v2g ? c.chargerKw : 0.0;
                w.objective[e0 + eDischarge] = kCycleCost + moneyWeight * s.v2gWearCostPerKwh;
                // Leaving requires the departure charge; a shortfall is bought in at the penalty.
                // A cohort that starts the window below its minimum may stay there (it can only charge).
                const double floor = std::min(c.minSoc * c.capacityKwh, eEv[k]);
                w.colLower[e0 + eSoc] = c.departs[t] ? c.departureSoc * c.capacityKwh : floor;
                w.colUpper[e0 + eSoc] = c.capacityKwh;
                w.colUpper[e0 + eShort] = c.departs[t] ? COIN_DBL_MAX : 0.0;
                w.objective[e0 + eShort] = EnergySystem::kUnmetPenalty;
                w.add(r0 + rElec, e0 + eCharge, -1);
                w.add(r0 + rElec, e0 + eDischarge, 1);
                w.add(row, e0 + eSoc, 1);
                if (i > 0)
                    w.add(row, e0 - colsPerHour + eSoc, -1);
                w.add(row, e0 + eCharge, -c.efficiency);
                w.add(row, e0 + eDischarge, 1.0 / c.efficiency);
                w.add(row, e0 + eShort, -1);
                w.rowLower[row] = w.rowUpper[row] = (i == 0 ? eEv[k] : 0.0) - c.tripKwh[t];
            }
        }

        if (peaks) {
            for (int m = 0; m < kPeakColumns; ++m) {
                const int col = n * colsPerHour + m;
                w.colLower[col] = monthPeak[(month0 + m) % 12];
                w.colUpper[col] = COIN_DBL_MAX;
                w.objective[col] = moneyWeight * s.demandChargePerKwMonth;
            }
        }

        // Windows of equal length share the matrix except for the heat pumps' COPs (and,
        // with a demand charge, where a month ends), and 24 h apart their optimal bases
        // look alike: keep the model and warm-start.
        if (n != modelHours || split != modelSplit) {
            const CoinPackedMatrix matrix(false, w.rows.data(), w.cols.data(), w.values.data(),
                                          CoinBigIndex(w.values.size()));
            model.loadProblem(matrix, w.colLower.data(), w.colUpper.data(), w.objective.data(), w.rowLower.data(),
                              w.rowUpper.data());
            modelHours = n;
            modelSplit = split;
        } else {
            model.chgColumnLower(w.colLower.data());
            model.chgColumnUpper(w.colUpper.data());
            model.chgRowLower(w.rowLower.data());
            model.chgRowUpper(w.rowUpper.data());
            model.chgObjCoefficients(w.objective.data());
            for (int i = 0; i < n; ++i) {
                const int r0 = i * rowsPerHour, c0 = i * colsPerHour;
                const double cop = s.heatPumpCop[t0 + i], eer = s.heatPumpCoolingCopAt(t0 + i);
                // keepZero: a heat pump that cannot cool in some hours keeps the matrix's shape.
                model.modifyCoefficient(r0 + rHeat, c0 + cHpElec, cop, true);
                model.modifyCoefficient(r0 + rHeatPump, c0 + cHpElec, cop, true);
                model.modifyCoefficient(r0 + rCool, c0 + cHpCoolElec, eer, true);
                model.modifyCoefficient(r0 + rHeatPump, c0 + cHpCoolElec, eer, true);
            }
        }
        solve(&model);
        if (minChpKw > 0.0)
            roundChpMinimumLoad(&model, std::min(m_step, n), colsPerHour, minChpKw);
        if (!model.isProvenOptimal())
            r.warnings.append(QStringLiteral("LP window starting at hour %1: solver status %2, solution kept")
                                  .arg(t0)
                                  .arg(model.status()));
        const double *x = model.primalColumnSolution();

        const int keep = std::min(m_step, n);
        for (int i = 0; i < keep; ++i)
            storeHour(&r, t0 + i, x + i * colsPerHour, s, demand);
        for (int i = 0; i < keep; ++i) {
            double &peak = monthPeak[WeatherYear::monthOf(t0 + i)];
            peak = std::max(peak, x[i * colsPerHour + cImport]);
        }
        const double *last = x + (keep - 1) * colsPerHour;
        eBat = last[cBatSoc];
        eTs = last[cTsSoc];
        for (int k = 0; k < cohorts; ++k)
            eEv[k] = last[kHourColumns + k * kEvColumns + eSoc];
    }
    return r;
}

} // namespace tt
