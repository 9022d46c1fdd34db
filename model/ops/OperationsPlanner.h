// SPDX-License-Identifier: MIT
#pragma once

#include "Alarm.h"
#include "core/Status.h"
#include "energy/DispatchResult.h"

#include <QStringList>
#include <cmath>
#include <vector>

namespace tt {

struct Town;

//! What the meters say now (NaN: not measured; the plan then uses the simulation's own state).
struct MeasuredState {
    double batterySocPct = NAN;  //!< the town's batteries together, % of their capacity
    double thermalSocPct = NAN;  //!< the hot-water tanks together
    //! The EV fleet's stored energy over its whole capacity, % (as SimulatedTelemetry reports it:
    //! vehicles away included).
    double evSocPct = NAN;
    double evAvailable = NAN;    //!< vehicles plugged in now
};

//! One run of the operations cycle: the dispatch of the next hours and the set-points from it.
struct OperationsPlan {
    Status status;
    int startHour = 0;  //!< hour of the year of the plan's first hour
    int hours = 0;
    DispatchResult dispatch;          //!< the horizon's hours: index i is hour startHour + i
    std::vector<Setpoint> setpoints;  //!< per asset (the town's order), hour by hour
    double solveSeconds = 0.0;        //!< the linear programme's time
    //! What was assumed, e.g. "battery state of charge not measured: the simulation's …".
    QStringList notes;
};

//! The "small cycle" of the operators' platform: every hour (or as configured) the next
//! 24-48 hours are optimised again from the measured state (storage charges, vehicles
//! plugged in) and a load forecast (LoadForecast), as one linear programme over the whole
//! horizon (LpDispatcher with one window), and its dispatch is turned into set-points for
//! the town's batteries, CHP plants, EV fleets and heat pumps. Publishing and recording
//! them is the caller's.
class OperationsPlanner {
public:
    explicit OperationsPlanner(DispatchObjective objective = DispatchObjective::Cost, int horizonHours = 48);

    int horizonHours() const { return m_horizon; }
    DispatchObjective objective() const { return m_objective; }

    //! year: the town's full-year EnergySystem; town: the assets the set-points go to and
    //! their ratings (each asset's share of its kind: battery "capacity_kwh", CHP "elec_kw",
    //! EV fleet "vehicles", heat pump "heat_kw"; equal shares where the ratings are missing);
    //! forecast: the demand of the horizon's hours, at least horizonHours() of them (index 0 is
    //! startHour); startHour: hour of the year (0-8759) the plan begins with; startTs: epoch
    //! seconds UTC at which startHour begins (set-point i applies from startTs + 3600·i);
    //! issuedTs: now. Storage the meters do not report starts where the simulated year
    //! (`yearDispatch`, when given) was at the end of hour startHour − 1, else at the
    //! system's own initial contents; `notes` says which.
    //! Set-points: "battery_kw" = discharge − charge, "chp_kw" = CHP electricity, "ev_kw" =
    //! V2G discharge − charging (to the grid positive), "heat_pump_kw" = heat output.
    OperationsPlan plan(const EnergySystem &year, const Town &town, const DispatchDemand &forecast, int startHour,
                        const MeasuredState &state, double startTs, double issuedTs,
                        const DispatchResult *yearDispatch = nullptr) const;

    //! The horizon's system: year.window(startHour, hours) with the initial contents of
    //! battery, tank and EV cohorts from `state` (else `yearDispatch`, else the system's own),
    //! EV cohorts split where the vehicles plugged in differ from the schedule. What was
    //! assumed is appended to `notes`. plan() dispatches this system.
    static EnergySystem initialSystem(const EnergySystem &year, int startHour, int hours, const MeasuredState &state,
                                      const DispatchResult *yearDispatch, QStringList *notes = nullptr);

private:
    DispatchObjective m_objective;
    int m_horizon;
};

} // namespace tt
