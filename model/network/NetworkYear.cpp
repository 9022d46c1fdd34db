// SPDX-License-Identifier: MIT
#include "NetworkYear.h"

#include "network/PowerFlowSolver.h"

#include <QDate>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tt {

namespace {
double sum(const std::vector<NetworkHour> &hours, double NetworkHour::*field)
{
    return std::accumulate(hours.begin(), hours.end(), 0.0,
                           [field](double total, const NetworkHour &h) { return total + h.*field; });
}
} // namespace

double NetworkYearResult::electricLossesKwh() const
{
    return sum(hours, &NetworkHour::electricLossesKw);
}

double NetworkYearResult::heatLossesKwh() const
{
    return sum(hours, &NetworkHour::heatLossesKw);
}

double NetworkYearResult::coolingGainsKwh() const
{
    return sum(hours, &NetworkHour::coolingGainsKw);
}

double NetworkYearResult::pumpingKwh() const
{
    return sum(hours, &NetworkHour::pumpingKw);
}

QString NetworkYear::hourName(int hour)
{
    // A typical year has no leap day; 2001 is such a year.
    const QDate day = QDate(2001, 1, 1).addDays(hour / 24);
    return QStringLiteral("hour %1 (%2 %3:00)")
        .arg(hour)
        .arg(day.toString(QStringLiteral("d MMM")))
        .arg(hour % 24, 2, 10, QLatin1Char('0'));
}

NetworkYearResult NetworkYear::simulate(const TownNetworks &networks, const NetworkLoads &loads,
                                        const std::vector<double> &groundC, const Progress &progress)
{
    NetworkYearResult r;
    r.hours.assign(size_t(loads.hours), NetworkHour());
    const TownFeeder *feeder = networks.feeder();
    std::optional<PowerFlowSolver> power;
    if (feeder) {
        power.emplace(feeder->network);
        if (!power->status()) {
            r.status = power->status();
            return r;
        }
    }
    struct Thermal {
        NetworkCarrier carrier;
        std::optional<PipeFlowSolver> solver;
        const std::vector<float> *loads;
        int nodes = 0;
    };
    Thermal thermal[] = {{NetworkCarrier::Heating, {}, &loads.heatingKw, 0}, {NetworkCarrier::Cooling, {}, &loads.coolingKw, 0}};
    for (Thermal &t : thermal)
        if (const PipeNetwork *pipes = networks.pipes(t.carrier)) {
            t.solver.emplace(*pipes, t.carrier == NetworkCarrier::Heating ? PipeFlowSolver::heatingWater()
                                                                          : PipeFlowSolver::chilledWater());
            t.nodes = int(pipes->nodes.size());
        }

    const int electricNodes = feeder ? int(feeder->network.nodes.size()) : 0;
    std::vector<double> p(static_cast<size_t>(electricNodes)), q(static_cast<size_t>(electricNodes)), demand;
    std::vector<std::complex<double>> previous;  // the hour before's voltages: the next hour's start
    double worstVoltage = INFINITY, worstLoading = -1.0;
    for (int h = 0; h < loads.hours; ++h) {
        if (progress && h % 240 == 0 && !progress(double(h) / loads.hours, QStringLiteral("network flows"))) {
            r.status = Status::error(QStringLiteral("network flows cancelled"), ErrorCode::Cancelled);
            return r;
        }
        NetworkHour &hour = r.hours[size_t(h)];
        if (power) {
            const size_t base = size_t(h) * size_t(electricNodes);
            std::copy(loads.electricKw.begin() + long(base), loads.electricKw.begin() + long(base) + electricNodes, p.begin());
            std::copy(loads.electricKvar.begin() + long(base), loads.electricKvar.begin() + long(base) + electricNodes,
                      q.begin());
            PowerFlowResult flow = power->solve(p, q, previous.empty() ? nullptr : &previous);
            if (!flow.status) {
                r.status = Status::error(QStringLiteral("%1: %2").arg(hourName(h), flow.status.message));
                return r;
            }
            previous = std::move(flow.voltagePu);
            hour.electricLossesKw = flow.lossesKw;
            hour.minVoltagePu = flow.minVoltagePu;
            hour.maxLineLoading = flow.maxLoading;
            if (flow.minVoltagePu < worstVoltage) {
                worstVoltage = flow.minVoltagePu;
                r.minVoltageHour = h;
            }
            if (flow.maxLoading > worstLoading) {
                worstLoading = flow.maxLoading;
                r.maxLoadingHour = h;
            }
        }
        for (const Thermal &t : thermal) {
            if (!t.solver)
                continue;
            const size_t base = size_t(h) * size_t(t.nodes);
            demand.assign(t.loads->begin() + long(base), t.loads->begin() + long(base) + t.nodes);
            const PipeFlowResult flow = t.solver->solve(demand, groundC[size_t(h)]);
            if (!flow.status) {
                r.status = Status::error(QStringLiteral("the %1 network, %2: %3")
                                             .arg(networkcarrier::key(t.carrier), hourName(h), flow.status.message));
                return r;
            }
            (t.carrier == NetworkCarrier::Heating ? hour.heatLossesKw : hour.coolingGainsKw)
                = t.carrier == NetworkCarrier::Heating ? flow.heatLossKw : -flow.heatLossKw;
            hour.pumpingKw += flow.pumpingKw;
        }
    }
    return r;
}

} // namespace tt
