// SPDX-License-Identifier: MIT
#pragma once

#include "DispatchResult.h"
#include "core/Progress.h"

namespace tt {

//! Optimal dispatch with COIN-OR CLP over rolling windows: each window (48 h
//! by default) is one linear programme minimising cost or CO2 with every
//! balance, capacity, storage and EV constraint; its first `step` hours are
//! kept and the storage and EV contents carried into the next window.
//! Unmet demand and EV shortfall are penalised slack variables, so the
//! programme is always feasible.
class LpDispatcher {
public:
    explicit LpDispatcher(DispatchObjective objective = DispatchObjective::Cost, int horizonHours = 48,
                          int stepHours = 24);

    //! Reports stage "dispatch" before each window; when `progress` cancels, stops there and
    //! returns a result marked `cancelled` whose later hours are empty.
    DispatchResult dispatch(const EnergySystem &system, const DispatchDemand &demand,
                            const Progress &progress = {}) const;

private:
    DispatchObjective m_objective;
    int m_horizon;
    int m_step;
};

} // namespace tt
