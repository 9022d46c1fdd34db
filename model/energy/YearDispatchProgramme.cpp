// SPDX-License-Identifier: MIT
#include "YearDispatchProgramme.h"

#include "LpLayout.h"
#include "WeatherYear.h"

#include <ClpEventHandler.hpp>
#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <CoinPackedMatrix.hpp>

#include <algorithm>

namespace tt {

using namespace lp;

namespace {
constexpr int kHours = WeatherYear::kHours;
constexpr int kMonths = 12;

// Rows of one hour; one more per EV cohort. The capacities are in the right-hand sides
// of the electricity and export rows (PV and wind) and of the three shared-capacity rows.
enum Row { rElec, rHeat, rCool, rBattery, rThermal, rExport, rDump, rPeak, rHeatPump, rBatPower, rTankPower, kHourRows };

// A kg of CO2 above the cap costs this much (CNY, or kg under the CO2 objective): every
// choice of capacities then has a dispatch (and so a cut), and any cap that can be kept
// for less than 10,000 CNY per tonne abated is kept exactly; a dearer one shows as excess.
// (1,000 CNY/kg made the capped solves twice as slow.)
constexpr double kCo2CapPenalty = 10.0;

int index(Capacity k) { return int(k); }

struct Triplets {
    std::vector<int> rows, cols;
    std::vector<double> values;
    void add(int row, int col, double v)
    {
        if (v == 0.0)
            return;
        rows.push_back(row);
        cols.push_back(col);
        values.push_back(v);
    }
};
} // namespace

namespace {
//! Stops CLP between iterations when the user cancels.
class CancelHandler : public ClpEventHandler {
public:
    explicit CancelHandler(const Progress &progress)
        : m_progress(progress)
    {
    }
    ClpEventHandler *clone() const override { return new CancelHandler(*this); }
    int event(Event which) override
    {
        if (which != endOfIteration || !m_progress || ++m_iterations % 200 != 0)
            return -1;
        return m_progress(fraction, QStringLiteral("sizing")) ? -1 : 5;
    }
    double fraction = 0.0;

private:
    Progress m_progress;
    int m_iterations = 0;
};
} // namespace

struct YearDispatchProgramme::Solver {
    explicit Solver(const Progress &progress)
        : handler(progress)
    {
    }
    ClpSimplex model;
    CancelHandler handler;
};

YearDispatchProgramme::~YearDispatchProgramme() = default;

const double *YearDispatchProgramme::hours() const { return m_solver->model.primalColumnSolution(); }

double YearDispatchProgramme::co2Excess() const
{
    return m_co2Slack < 0 ? 0.0 : m_solver->model.primalColumnSolution()[m_co2Slack];
}

bool YearDispatchProgramme::optimal() const { return m_solver->model.isProvenOptimal(); }
int YearDispatchProgramme::rows() const { return m_solver->model.numberRows(); }
int YearDispatchProgramme::columns() const { return m_solver->model.numberColumns(); }
qint64 YearDispatchProgramme::nonZeros() const { return m_solver->model.getNumElements(); }

YearDispatchProgramme::YearDispatchProgramme(const YearProblem &p, const Progress &progress)
    : m_problem(p)
    , m_solver(std::make_unique<Solver>(progress))
{
    const EnergySystem &s = *p.base;
    const DispatchDemand &d = *p.demand;
    const int cohorts = s.evCohorts.size();
    m_colsPerHour = kHourColumns + cohorts * kEvColumns;
    m_rowsPerHour = kHourRows + cohorts;
    const bool co2Cap = std::isfinite(p.co2CapKg);
    const int monthCol = kHours * m_colsPerHour, yearCol = monthCol + kMonths;
    m_co2Slack = co2Cap ? yearCol + 1 : -1;
    const int nCols = yearCol + 1 + (co2Cap ? 1 : 0);
    const int monthRow = kHours * m_rowsPerHour, co2Row = monthRow + kMonths;
    const int nRows = co2Row + (co2Cap ? 1 : 0);
    const bool co2 = p.objective == DispatchObjective::Co2;
    const double money = co2 ? kCostTieBreak : 1.0;
    const double chpHeat = s.chpHeatPerElec();
    const TechnologyCosts &c = p.costs;

    m_colLower.assign(nCols, 0.0);
    m_colUpper.assign(nCols, COIN_DBL_MAX);
    m_rowLower.assign(nRows, -COIN_DBL_MAX);
    m_rowUpper.assign(nRows, 0.0);
    std::vector<double> objective(nCols, 0.0);
    Triplets m;
    m.rows.reserve(size_t(kHours) * 64);
    m.cols.reserve(size_t(kHours) * 64);
    m.values.reserve(size_t(kHours) * 64);
    const auto equal = [&](int row, double rhs) { m_rowLower[row] = m_rowUpper[row] = rhs; };

    for (int t = 0; t < kHours; ++t) {
        const int c0 = t * m_colsPerHour, r0 = t * m_rowsPerHour;
        const int prev = (t == 0 ? kHours - 1 : t - 1) * m_colsPerHour;  // the year wraps: storage ends as it began
        const auto bound = [&](int col, double hi, double cost) {
            m_colUpper[c0 + col] = hi;
            objective[c0 + col] = cost;
        };
        const double cop = s.heatPumpCop[size_t(t)], eer = s.heatPumpCoolingCopAt(t);
        const double gridCo = co2 ? s.co2Grid : 0.0, gasCo = co2 ? s.co2Gas : 0.0, bioCo = co2 ? s.co2Biomass : 0.0;
        const double price = s.importPrice.empty() ? 0.0 : s.importPrice[size_t(t)];
        // Bounds that depend on the capacities are set by solveAt.
        bound(cImport, s.importLimitKw, gridCo + money * price);
        bound(cExport, s.exportLimitKw, -money * exportValue(s, t));
        bound(cCurtail, COIN_DBL_MAX, 0.0);
        bound(cChpElec, COIN_DBL_MAX, (gasCo + money * s.gasPrice) / s.chpElecEfficiency + money * c.chp.variableOm);
        bound(cGasBoiler, COIN_DBL_MAX,
              (gasCo + money * s.gasPrice) / s.gasBoilerEfficiency + money * c.gasBoiler.variableOm);
        bound(cBiomass, s.biomassBoilerKw,
              (bioCo + money * s.biomassPrice) / s.biomassBoilerEfficiency + money * c.biomassBoiler.variableOm);
        bound(cHpElec, COIN_DBL_MAX, money * cop * c.heatPump.variableOm);
        bound(cHpCoolElec, eer > 0.0 ? COIN_DBL_MAX : 0.0, money * eer * c.heatPump.variableOm);
        bound(cChillerElec, COIN_DBL_MAX, money * s.chillerCop * c.chiller.variableOm);
        bound(cAbsHeat, COIN_DBL_MAX, 0.0);
        bound(cDump, COIN_DBL_MAX, 0.0);
        // Battery ageing is in its replacements here, not a price per kWh.
        bound(cBatCharge, COIN_DBL_MAX, kCycleCost);
        bound(cBatDischarge, COIN_DBL_MAX, kCycleCost + money * c.battery.variableOm);
        bound(cBatSoc, COIN_DBL_MAX, 0.0);
        bound(cTsCharge, COIN_DBL_MAX, kCycleCost);
        bound(cTsDischarge, COIN_DBL_MAX, kCycleCost + money * c.thermalStorage.variableOm);
        bound(cTsSoc, COIN_DBL_MAX, 0.0);
        bound(cUnmetElec, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
        bound(cUnmetHeat, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);
        bound(cUnmetCool, COIN_DBL_MAX, EnergySystem::kUnmetPenalty);

        // Electricity: supply − extra loads = demand − PV and wind (the right-hand side).
        const int e = r0 + rElec;
        for (const auto &[col, v] : {std::pair{cImport, 1.0}, {cExport, -1.0}, {cCurtail, -1.0}, {cChpElec, 1.0},
                                     {cBatDischarge, 1.0}, {cBatCharge, -1.0}, {cHpElec, -1.0}, {cHpCoolElec, -1.0},
                                     {cChillerElec, -1.0}, {cUnmetElec, 1.0}})
            m.add(e, c0 + col, v);
        equal(r0 + rHeat, d.heat[size_t(t)]);
        for (const auto &[col, v] : {std::pair{cChpElec, chpHeat}, {cGasBoiler, 1.0}, {cBiomass, 1.0}, {cHpElec, cop},
                                     {cTsDischarge, 1.0}, {cTsCharge, -1.0}, {cAbsHeat, -1.0}, {cDump, -1.0},
                                     {cUnmetHeat, 1.0}})
            m.add(r0 + rHeat, c0 + col, v);
        equal(r0 + rCool, d.cooling[size_t(t)]);
        for (const auto &[col, v] : {std::pair{cAbsHeat, s.absorptionCop}, {cHpCoolElec, eer},
                                     {cChillerElec, s.chillerCop}, {cUnmetCool, 1.0}})
            m.add(r0 + rCool, c0 + col, v);
        // Storage: soc − keep·soc(previous hour) − η_c·charge + discharge/η_d = 0.
        const auto storage = [&](int row, int socCol, int chCol, int disCol, const StorageUnit &u) {
            equal(r0 + row, 0.0);
            m.add(r0 + row, c0 + socCol, 1.0);
            m.add(r0 + row, prev + socCol, -(1.0 - u.lossPerHour));
            m.add(r0 + row, c0 + chCol, -u.chargeEfficiency);
            m.add(r0 + row, c0 + disCol, 1.0 / u.dischargeEfficiency);
        };
        storage(rBattery, cBatSoc, cBatCharge, cBatDischarge, s.battery);
        storage(rThermal, cTsSoc, cTsCharge, cTsDischarge, s.thermal);
        // Only local generation is sold: export + curtailed − CHP ≤ PV + wind.
        m.add(r0 + rExport, c0 + cExport, 1.0);
        m.add(r0 + rExport, c0 + cCurtail, 1.0);
        m.add(r0 + rExport, c0 + cChpElec, -1.0);
        m.add(r0 + rDump, c0 + cDump, 1.0);
        m.add(r0 + rDump, c0 + cChpElec, -chpHeat);
        m.add(r0 + rPeak, c0 + cImport, 1.0);
        m.add(r0 + rPeak, monthCol + WeatherYear::monthOf(t), -1.0);
        // Heat pumps heat and cool with the same machines; one inverter (or pump) charges
        // and discharges.
        m.add(r0 + rHeatPump, c0 + cHpElec, cop);
        m.add(r0 + rHeatPump, c0 + cHpCoolElec, eer);
        m.add(r0 + rBatPower, c0 + cBatCharge, 1.0);
        m.add(r0 + rBatPower, c0 + cBatDischarge, 1.0);
        m.add(r0 + rTankPower, c0 + cTsCharge, 1.0);
        m.add(r0 + rTankPower, c0 + cTsDischarge, 1.0);

        for (int k = 0; k < cohorts; ++k) {
            const EvCohort &ev = s.evCohorts[k];
            const int e0 = c0 + kHourColumns + k * kEvColumns;
            const int row = r0 + kHourRows + k;
            const bool parked = ev.parked[size_t(t)];
            m_colUpper[e0 + eCharge] = parked ? ev.chargerKw : 0.0;
            m_colUpper[e0 + eDischarge] = parked && ev.v2g ? ev.chargerKw : 0.0;
            objective[e0 + eDischarge] = kCycleCost + money * s.v2gWearCostPerKwh;
            m_colLower[e0 + eSoc] = ev.departs[size_t(t)] ? ev.departureSoc * ev.capacityKwh : ev.minSoc * ev.capacityKwh;
            m_colUpper[e0 + eSoc] = ev.capacityKwh;
            m_colUpper[e0 + eShort] = ev.departs[size_t(t)] ? COIN_DBL_MAX : 0.0;
            objective[e0 + eShort] = EnergySystem::kUnmetPenalty;
            m.add(e, e0 + eCharge, -1.0);
            m.add(e, e0 + eDischarge, 1.0);
            m.add(row, e0 + eSoc, 1.0);
            m.add(row, prev + kHourColumns + k * kEvColumns + eSoc, -1.0);
            m.add(row, e0 + eCharge, -ev.efficiency);
            m.add(row, e0 + eDischarge, 1.0 / ev.efficiency);
            m.add(row, e0 + eShort, -1.0);
            equal(row, -ev.tripKwh[size_t(t)]);
        }
        if (co2Cap) {
            m.add(co2Row, c0 + cImport, s.co2Grid);
            m.add(co2Row, c0 + cChpElec, s.co2Gas / s.chpElecEfficiency);
            m.add(co2Row, c0 + cGasBoiler, s.co2Gas / s.gasBoilerEfficiency);
            m.add(co2Row, c0 + cBiomass, s.co2Biomass / s.biomassBoilerEfficiency);
        }
    }
    // Demand charge on each month's peak; the connection is built for the year's.
    for (int month = 0; month < kMonths; ++month) {
        objective[monthCol + month] = money * s.demandChargePerKwMonth;
        m.add(monthRow + month, monthCol + month, 1.0);
        m.add(monthRow + month, yearCol, -1.0);
    }
    objective[yearCol] = money * p.gridUnitCost;
    if (co2Cap) {
        m.add(co2Row, m_co2Slack, -1.0);
        objective[m_co2Slack] = kCo2CapPenalty;
        m_rowUpper[co2Row] = p.co2CapKg;
    }

    ClpSimplex &model = m_solver->model;
    model.setLogLevel(0);
    const CoinPackedMatrix matrix(true, m.rows.data(), m.cols.data(), m.values.data(), CoinBigIndex(m.values.size()));
    model.loadProblem(matrix, m_colLower.data(), m_colUpper.data(), objective.data(), m_rowLower.data(),
                      m_rowUpper.data());
    model.passInEventHandler(&m_solver->handler);
}

bool YearDispatchProgramme::solveAt(const double *k, double fraction)
{
    const YearProblem &p = m_problem;
    const EnergySystem &s = *p.base;
    const DispatchDemand &d = *p.demand;
    m_k.assign(k, k + kCapacityCount);
    const auto cap = [&](Capacity c) { return k[index(c)]; };
    const auto generation = [&](int t) {
        double kw = 0.0;
        for (Capacity c : {Capacity::RoofPv, Capacity::GroundPv, Capacity::Wind})
            if (!p.units[index(c)].profile.empty())
                kw += cap(c) * p.units[index(c)].profile[size_t(t)];
        return kw;
    };
    for (int t = 0; t < kHours; ++t) {
        const int c0 = t * m_colsPerHour, r0 = t * m_rowsPerHour;
        const double renewables = generation(t);
        m_rowLower[r0 + rElec] = m_rowUpper[r0 + rElec] = d.electricity[size_t(t)] - renewables;
        m_rowUpper[r0 + rExport] = renewables;
        m_rowUpper[r0 + rHeatPump] = cap(Capacity::HeatPump);
        m_rowUpper[r0 + rBatPower] = cap(Capacity::BatteryKw);
        m_rowUpper[r0 + rTankPower] = cap(Capacity::Tank) * p.tankPowerPerKwh;
        m_colUpper[c0 + cChpElec] = cap(Capacity::Chp);
        m_colUpper[c0 + cGasBoiler] = cap(Capacity::Boiler);
        m_colUpper[c0 + cChillerElec] = cap(Capacity::Chiller) / s.chillerCop;
        m_colUpper[c0 + cAbsHeat] = cap(Capacity::Absorption) / s.absorptionCop;
        m_colLower[c0 + cBatSoc] = s.battery.socMin * cap(Capacity::BatteryKwh);
        m_colUpper[c0 + cBatSoc] = s.battery.socMax * cap(Capacity::BatteryKwh);
        m_colLower[c0 + cTsSoc] = s.thermal.socMin * cap(Capacity::Tank);
        m_colUpper[c0 + cTsSoc] = s.thermal.socMax * cap(Capacity::Tank);
    }
    ClpSimplex &model = m_solver->model;
    model.chgColumnLower(m_colLower.data());
    model.chgColumnUpper(m_colUpper.data());
    model.chgRowLower(m_rowLower.data());
    model.chgRowUpper(m_rowUpper.data());

    m_solver->handler.fraction = fraction;
    if (m_warm) {
        model.dual();
    } else {
        // The first solve has no basis to start from: presolve, then dual simplex.
        ClpSolve how;
        how.setSolveType(ClpSolve::useDual);
        how.setPresolveType(ClpSolve::presolveOn);
        model.initialSolve(how);
        m_warm = true;
    }
    if (!model.isProvenOptimal() && model.status() != 5)
        model.primal();
    m_iterations += model.numberIterations();
    return model.status() != 5;
}

double YearDispatchProgramme::value() const
{
    const double money = m_problem.objective == DispatchObjective::Co2 ? kCostTieBreak : 1.0;
    double v = m_solver->model.objectiveValue();
    for (int i = 0; i < kCapacityCount; ++i)
        v += money * m_problem.units[i].annualCost * m_k[size_t(i)];
    return v;
}

double YearDispatchProgramme::derivative(Capacity k) const
{
    const YearProblem &p = m_problem;
    const EnergySystem &s = *p.base;
    const double money = p.objective == DispatchObjective::Co2 ? kCostTieBreak : 1.0;
    const double *y = m_solver->model.dualRowSolution();       // ∂cost/∂(right-hand side)
    const double *rc = m_solver->model.dualColumnSolution();  // ∂cost/∂(bound) of a column at that bound
    // A column whose upper bound is `perUnit` × the capacity adds its reduced cost there;
    // a storage level adds it at whichever of its two bounds binds.
    const auto atUpper = [&](int col, double perUnit) {
        double sum = 0.0;
        for (int t = 0; t < kHours; ++t)
            sum += std::min(0.0, rc[t * m_colsPerHour + col]) * perUnit;
        return sum;
    };
    const auto level = [&](int col, const StorageUnit &u) {
        double sum = 0.0;
        for (int t = 0; t < kHours; ++t) {
            const double r = rc[t * m_colsPerHour + col];
            sum += r * (r < 0.0 ? u.socMax : u.socMin);
        }
        return sum;
    };
    const auto rows = [&](int row, double perUnit) {
        double sum = 0.0;
        for (int t = 0; t < kHours; ++t)
            sum += y[t * m_rowsPerHour + row] * perUnit;
        return sum;
    };
    double g = money * p.units[index(k)].annualCost;
    switch (k) {
    case Capacity::RoofPv:
    case Capacity::GroundPv:
    case Capacity::Wind: {
        // A kW(p) lowers the electricity row's right-hand side and raises the export row's.
        const std::vector<double> &profile = p.units[index(k)].profile;
        if (!profile.empty())
            for (int t = 0; t < kHours; ++t) {
                const int r0 = t * m_rowsPerHour;
                g += profile[size_t(t)] * (y[r0 + rExport] - y[r0 + rElec]);
            }
        break;
    }
    case Capacity::BatteryKwh: g += level(cBatSoc, s.battery); break;
    case Capacity::BatteryKw: g += rows(rBatPower, 1.0); break;
    case Capacity::Chp: g += atUpper(cChpElec, 1.0); break;
    case Capacity::Absorption: g += atUpper(cAbsHeat, 1.0 / s.absorptionCop); break;
    case Capacity::HeatPump: g += rows(rHeatPump, 1.0); break;
    case Capacity::Tank: g += level(cTsSoc, s.thermal) + rows(rTankPower, p.tankPowerPerKwh); break;
    case Capacity::Boiler: g += atUpper(cGasBoiler, 1.0); break;
    case Capacity::Chiller: g += atUpper(cChillerElec, 1.0 / s.chillerCop); break;
    }
    return g;
}

} // namespace tt
