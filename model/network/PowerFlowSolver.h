// SPDX-License-Identifier: MIT
#pragma once

#include "ElectricNetwork.h"

#include <complex>
#include <memory>
#include <vector>

namespace tt {

//! A link's flow: at its `from` end (negative: towards `from`), its current, loading
//! and losses.
struct LinkFlow {
    double pKw = 0.0, qKvar = 0.0;
    double currentA = 0.0;
    double loading = 0.0;  //!< current / ampacity; 0 where the ampacity is not known
    double lossKw = 0.0, lossKvar = 0.0;
};

struct PowerFlowResult {
    Status status;
    QString method;   //!< "backward/forward sweep" or "Newton-Raphson"
    int iterations = 0;
    std::vector<std::complex<double>> voltagePu;  //!< per node, the source at 1∠0 (or its setting)
    std::vector<LinkFlow> links;                  //!< per link; an open link carries nothing
    double lossesKw = 0.0, lossesKvar = 0.0;
    double minVoltagePu = 0.0;
    int minVoltageNode = -1;
    double maxLoading = 0.0;
    int maxLoadingLink = -1;  //!< -1 when no link has an ampacity
};

//! Balanced three-phase AC power flow of a distribution network with constant-power
//! loads: a backward/forward sweep where the closed links form a tree (radial
//! feeders, the usual case), Newton-Raphson in polar form (Eigen's sparse LU) where
//! closed switches make loops.
class PowerFlowSolver {
public:
    enum class Method { Automatic, Sweep, NewtonRaphson };
    struct Options {
        Method method = Method::Automatic;
        double sourceVoltagePu = 1.0;
        double tolerance = 1e-10;  //!< largest voltage change (sweep) or power mismatch (NR), per unit
        int maxIterations = 100;
    };

    //! Validates and prepares `network` once for any number of solves (a year of hours).
    PowerFlowSolver(const ElectricNetwork &network, const Options &options);
    explicit PowerFlowSolver(const ElectricNetwork &network);
    ~PowerFlowSolver();
    //! Why the network cannot be solved (ElectricNetwork::validate), or success.
    const Status &status() const { return m_status; }

    //! Flows with every node's load `pKw`/`qKvar` (one value per node, in the network's
    //! order; negative: generation). A flow that does not converge (loads beyond what
    //! the feeder can carry) is an error naming the iterations.
    //! `startPu`, when given, are the voltages to start from (the hour before's): a year of
    //! hours converges in fewer iterations than from the flat start.
    PowerFlowResult solve(const std::vector<double> &pKw, const std::vector<double> &qKvar,
                          const std::vector<std::complex<double>> *startPu = nullptr) const;
    //! The same with the nodes' own loads.
    PowerFlowResult solve() const;

    struct Prepared;

private:
    ElectricNetwork m_network;
    Options m_options;
    Status m_status;
    std::unique_ptr<Prepared> m_prepared;
};

} // namespace tt
