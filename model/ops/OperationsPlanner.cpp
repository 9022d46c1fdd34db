// SPDX-License-Identifier: MIT
#include "OperationsPlanner.h"

#include "core/Town.h"
#include "energy/LpDispatcher.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

// Set-points smaller than this (kW) are the solver's round-off: sent as 0.
constexpr double kSetpointZeroKw = 1e-6;
// Vehicles plugged in that differ from the schedule by less than this are the schedule.
constexpr double kVehicleTolerance = 0.5;

QString number(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

// Each asset's share of its kind's town-wide flow, by a rating parameter (as SimulatedTelemetry).
double share(const Town &town, const EnergyAsset &asset, const char *rating)
{
    double total = 0.0;
    int sameType = 0;
    for (const EnergyAsset &a : town.assets)
        if (a.type == asset.type) {
            total += std::max(0.0, a.parameter(QLatin1String(rating), 0.0));
            ++sameType;
        }
    if (total > 0.0)
        return std::max(0.0, asset.parameter(QLatin1String(rating), 0.0)) / total;
    return 1.0 / double(std::max(1, sameType));
}

// The previous hour of the year dispatch, wrapping to its last hour before hour 0.
int hourBefore(const DispatchResult &r, int startHour)
{
    const int n = r.hours();
    return ((startHour - 1) % n + n) % n;
}

// A storage unit's initial state of charge from the meters, else the simulated year, else its own.
void setStorageSoc(StorageUnit *u, const QString &what, double measuredPct, Flow socFlow, int startHour,
                   const DispatchResult *yearDispatch, QStringList *notes)
{
    if (u->capacityKwh <= 0.0) {
        if (std::isfinite(measuredPct))
            notes->append(QStringLiteral("%1 state of charge measured, but the town has none: ignored").arg(what));
        return;
    }
    const double lo = u->socMin, hi = std::max(u->socMin, u->socMax);
    if (std::isfinite(measuredPct)) {
        const double soc = measuredPct / 100.0;
        u->initialSoc = std::clamp(soc, lo, hi);
        if (u->initialSoc != soc)
            notes->append(QStringLiteral("%1 state of charge measured %2 %, outside its limits %3-%4 %: planned from %5 %")
                              .arg(what, number(measuredPct), number(100.0 * lo), number(100.0 * hi),
                                   number(100.0 * u->initialSoc)));
        return;
    }
    if (yearDispatch && yearDispatch->hours() > 0) {
        const int h = hourBefore(*yearDispatch, startHour);
        u->initialSoc = std::clamp(yearDispatch->at(socFlow, h) / u->capacityKwh, lo, hi);
        notes->append(QStringLiteral("%1 state of charge not measured: the simulation's at the end of hour %2 (%3 %)")
                          .arg(what)
                          .arg(h)
                          .arg(number(100.0 * u->initialSoc)));
        return;
    }
    u->initialSoc = std::clamp(u->initialSoc, lo, hi);
    notes->append(QStringLiteral("%1 state of charge not measured and no simulated year: the system's initial %2 %")
                      .arg(what, number(100.0 * u->initialSoc)));
}

// A part of a cohort: `share` of its vehicles with their battery, charger and trips.
EvCohort part(const EvCohort &c, double share, const QString &suffix)
{
    EvCohort p = c;
    p.name = c.name + suffix;
    p.capacityKwh *= share;
    p.chargerKw *= share;
    p.initialKwh *= share;
    for (double &kwh : p.tripKwh)
        kwh *= share;
    return p;
}

double totalCapacity(const QVector<EvCohort> &cohorts)
{
    double sum = 0.0;
    for (const EvCohort &c : cohorts)
        sum += c.capacityKwh;
    return sum;
}

bool parkedAtStart(const EvCohort &c)
{
    return !c.parked.empty() && c.parked[0];
}

// Where the vehicles plugged in now differ from the cohorts' schedule, splits cohorts: with
// fewer plugged in, that share of each parked cohort is taken as away until the cohort's next
// departure (no charging, no departure target; it follows the schedule afterwards); with more,
// that share of each cohort away is taken as back already (parked until its scheduled return,
// whose trip is then already in the measured charge).
void splitByAvailability(EnergySystem *s, double measured, QStringList *notes)
{
    if (!std::isfinite(measured))
        return;
    const double capacity = totalCapacity(s->evCohorts);
    if (capacity <= 0.0 || s->evVehicles <= 0.0) {
        notes->append(QStringLiteral("EVs plugged in measured, but the town has no EV fleet: ignored"));
        return;
    }
    const auto vehicles = [&](const EvCohort &c) { return s->evVehicles * c.capacityKwh / capacity; };
    double scheduled = 0.0;
    for (const EvCohort &c : s->evCohorts)
        if (parkedAtStart(c))
            scheduled += vehicles(c);
    const double away = s->evVehicles - scheduled;
    measured = std::max(0.0, measured);
    if (std::abs(measured - scheduled) < kVehicleTolerance)
        return;
    QVector<EvCohort> cohorts;
    if (measured < scheduled) {
        const double r = measured / scheduled;
        for (const EvCohort &c : s->evCohorts) {
            if (!parkedAtStart(c)) {
                cohorts.append(c);
                continue;
            }
            if (r > 0.0)
                cohorts.append(part(c, r, QString()));
            // Parked at hour 0, so the window has hours: away through the hour it would leave.
            EvCohort off = part(c, 1.0 - r, QStringLiteral(" (not plugged in)"));
            const int n = int(off.parked.size());
            int end = 0;
            while (end < n - 1 && !off.departs[size_t(end)])
                ++end;
            for (int i = 0; i <= end; ++i)
                off.parked[size_t(i)] = 0;
            off.departs[size_t(end)] = 0;
            cohorts.append(off);
        }
        notes->append(QStringLiteral("%1 EVs plugged in, %2 scheduled: the others taken as away until their next "
                                     "departure")
                          .arg(number(measured, 0), number(scheduled, 0)));
    } else {
        if (away <= 0.0) {
            notes->append(QStringLiteral("%1 EVs plugged in, more than the fleet's %2: the schedule is used")
                              .arg(number(measured, 0), number(s->evVehicles, 0)));
            return;
        }
        const double q = std::min(1.0, (measured - scheduled) / away);
        for (const EvCohort &c : s->evCohorts) {
            if (parkedAtStart(c)) {
                cohorts.append(c);
                continue;
            }
            EvCohort back = part(c, q, QStringLiteral(" (back early)"));
            const int n = int(back.parked.size());
            int ret = 0;
            while (ret < n && !back.parked[size_t(ret)])
                back.parked[size_t(ret++)] = 1;
            if (ret < n)
                back.tripKwh[size_t(ret)] = 0.0;
            cohorts.append(back);
            if (q < 1.0)
                cohorts.append(part(c, 1.0 - q, QString()));
        }
        notes->append(QStringLiteral("%1 EVs plugged in, %2 scheduled: %3 of those away taken as back already")
                          .arg(number(measured, 0), number(scheduled, 0), number(std::min(measured - scheduled, away), 0)));
    }
    s->evCohorts = cohorts;
}

// Places the fleet's stored energy over its cohorts: those away (not plugged in at hour 0) left
// with at least their departure charge, as the dispatch demands, and hold their share of it up
// to full; those plugged in share the rest alike by capacity.
void allocateFleetEnergy(QVector<EvCohort> *cohorts, double energyKwh, QStringList *notes)
{
    const double capacity = totalCapacity(*cohorts);
    if (capacity <= 0.0)
        return;
    const double f = std::clamp(energyKwh / capacity, 0.0, 1.0);
    double placed = 0.0, parkedCapacity = 0.0;
    for (EvCohort &c : *cohorts) {
        if (parkedAtStart(c)) {
            parkedCapacity += c.capacityKwh;
            continue;
        }
        c.initialKwh = std::clamp(f * c.capacityKwh, c.departureSoc * c.capacityKwh, c.capacityKwh);
        placed += c.initialKwh;
    }
    const double g = parkedCapacity > 0.0 ? std::clamp((energyKwh - placed) / parkedCapacity, 0.0, 1.0) : 0.0;
    for (EvCohort &c : *cohorts)
        if (parkedAtStart(c)) {
            c.initialKwh = g * c.capacityKwh;
            placed += c.initialKwh;
        }
    if (std::abs(placed - energyKwh) > 1e-3 * capacity)
        notes->append(QStringLiteral("EV fleet: %1 kWh stored do not fit the cohorts plugged in and away (vehicles "
                                     "away left with at least their departure charge): planned from %2 kWh")
                          .arg(number(energyKwh), number(placed)));
}

} // namespace

OperationsPlanner::OperationsPlanner(DispatchObjective objective, int horizonHours)
    : m_objective(objective)
    , m_horizon(std::max(1, horizonHours))
{
}

EnergySystem OperationsPlanner::initialSystem(const EnergySystem &year, int startHour, int hours,
                                              const MeasuredState &state, const DispatchResult *yearDispatch,
                                              QStringList *notes)
{
    QStringList scratch;
    if (!notes)
        notes = &scratch;
    if (yearDispatch && yearDispatch->hours() == 0)
        yearDispatch = nullptr;
    EnergySystem s = year.window(startHour, hours);
    setStorageSoc(&s.battery, QStringLiteral("battery"), state.batterySocPct, Flow::BatterySoc, startHour,
                  yearDispatch, notes);
    setStorageSoc(&s.thermal, QStringLiteral("hot-water tank"), state.thermalSocPct, Flow::ThermalSoc, startHour,
                  yearDispatch, notes);

    if (s.evCohorts.isEmpty()) {
        if (std::isfinite(state.evSocPct) || std::isfinite(state.evAvailable))
            notes->append(QStringLiteral("EV fleet measured, but the town has none: ignored"));
        return s;
    }
    const double capacity = totalCapacity(s.evCohorts);
    // The fleet's stored energy before any split (a split keeps it, scaled by share).
    double energy = 0.0;
    bool known = true;
    if (std::isfinite(state.evSocPct)) {
        energy = std::clamp(state.evSocPct / 100.0, 0.0, 1.0) * capacity;
    } else if (yearDispatch) {
        const int h = hourBefore(*yearDispatch, startHour);
        energy = std::clamp(yearDispatch->at(Flow::EvSoc, h), 0.0, capacity);
        notes->append(QStringLiteral("EV fleet's state of charge not measured: the simulation's at the end of hour "
                                     "%1 (%2 %)")
                          .arg(h)
                          .arg(number(100.0 * energy / capacity)));
    } else {
        known = false;
        notes->append(QStringLiteral("EV fleet's state of charge not measured and no simulated year: the "
                                     "system's initial"));
    }
    if (!std::isfinite(state.evAvailable))
        notes->append(QStringLiteral("EVs plugged in not measured: the fleet's schedule"));
    splitByAvailability(&s, state.evAvailable, notes);
    if (known) {
        allocateFleetEnergy(&s.evCohorts, energy, notes);
    } else {
        // The system's own contents; vehicles taken as away left with their departure charge.
        for (EvCohort &c : s.evCohorts)
            if (!parkedAtStart(c))
                c.initialKwh = std::max(c.initialKwh, c.departureSoc * c.capacityKwh);
    }
    return s;
}

OperationsPlan OperationsPlanner::plan(const EnergySystem &year, const Town &town, const DispatchDemand &forecast,
                                       int startHour, const MeasuredState &state, double startTs, double issuedTs,
                                       const DispatchResult *yearDispatch) const
{
    OperationsPlan p;
    p.startHour = startHour;
    const int hours = m_horizon;
    const size_t n = size_t(hours);
    if (forecast.electricity.size() < n || forecast.heat.size() < n || forecast.cooling.size() < n) {
        p.status = Status::error(QStringLiteral("the load forecast has %1 hours, the plan's horizon %2")
                                     .arg(std::min({forecast.electricity.size(), forecast.heat.size(),
                                                    forecast.cooling.size()}))
                                     .arg(hours));
        return p;
    }
    if (year.pvKw.empty() || year.windKw.empty() || year.heatPumpCop.empty() || year.importPrice.empty()) {
        p.status = Status::error(QStringLiteral("the energy system has no hourly availabilities, COPs or prices"));
        return p;
    }
    for (const EvCohort &c : year.evCohorts)
        if (c.parked.empty() || c.departs.empty() || c.tripKwh.empty()) {
            p.status = Status::error(QStringLiteral("EV cohort '%1' has no schedule").arg(c.name));
            return p;
        }

    const EnergySystem system = initialSystem(year, startHour, hours, state, yearDispatch, &p.notes);
    if (system.demandChargePerKwMonth > 0.0)
        p.notes.append(QStringLiteral("demand charge priced on the horizon's own peak import (the month's peak so "
                                      "far is not known to the plan)"));
    DispatchDemand demand;
    demand.electricity.assign(forecast.electricity.begin(), forecast.electricity.begin() + hours);
    demand.heat.assign(forecast.heat.begin(), forecast.heat.begin() + hours);
    demand.cooling.assign(forecast.cooling.begin(), forecast.cooling.begin() + hours);

    QElapsedTimer timer;
    timer.start();
    p.dispatch = LpDispatcher(m_objective, hours, hours).dispatch(system, demand);
    p.solveSeconds = double(timer.nsecsElapsed()) * 1e-9;
    p.hours = hours;
    p.notes.append(p.dispatch.warnings);

    const DispatchResult &d = p.dispatch;
    for (const EnergyAsset &a : town.assets) {
        const char *quantity = nullptr;
        double s = 0.0;
        std::vector<double> kw(n, 0.0);
        switch (a.type) {
        case EnergyAssetType::Battery:
            quantity = "battery_kw";
            s = share(town, a, "capacity_kwh");
            for (int i = 0; i < hours; ++i)
                kw[size_t(i)] = d.at(Flow::BatteryDischarge, i) - d.at(Flow::BatteryCharge, i);
            break;
        case EnergyAssetType::Chp:
            quantity = "chp_kw";
            s = share(town, a, "elec_kw");
            for (int i = 0; i < hours; ++i)
                kw[size_t(i)] = d.at(Flow::ChpElec, i);
            break;
        case EnergyAssetType::EvFleet:
            quantity = "ev_kw";
            s = share(town, a, "vehicles");
            for (int i = 0; i < hours; ++i)
                kw[size_t(i)] = d.at(Flow::EvDischarge, i) - d.at(Flow::EvCharge, i);
            break;
        case EnergyAssetType::HeatPump:
            quantity = "heat_pump_kw";
            s = share(town, a, "heat_kw");
            for (int i = 0; i < hours; ++i)
                kw[size_t(i)] = d.at(Flow::HeatPumpHeat, i);
            break;
        default:
            break;
        }
        if (!quantity)
            continue;
        const QString key = QLatin1String(quantity);
        for (int i = 0; i < hours; ++i) {
            const double v = kw[size_t(i)] * s;
            p.setpoints.push_back({a.id, key, startTs + 3600.0 * i, std::abs(v) < kSetpointZeroKw ? 0.0 : v, issuedTs});
        }
    }
    return p;
}

} // namespace tt
