// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QString>

#include <vector>

namespace tt {

//! A district heating or cooling network: the plant (source) and the pipe pairs (supply
//! and return laid together) out to the buildings' substations. Radial, as such networks
//! are built; the plant keeps the supply temperature and every substation returns at the
//! return temperature.
struct PipeNetwork {
    struct Node {
        QString id;
        bool source = false;
    };
    struct Pipe {
        QString id;
        int from = -1, to = -1;  //!< node indices
        double lengthM = 0.0;
        double innerDiameterMm = 0.0;  //!< of each pipe
        double lossWPerMK = 0.0;  //!< each of the two pipes, per metre and kelvin to the ground
        int pairs = 1;            //!< supply and return pairs laid side by side, sharing the flow
        double supplyC = 0.0, returnC = 0.0;
    };
    std::vector<Node> nodes;
    std::vector<Pipe> pipes;  //!< open valves are left out

    //! One source, pipes between known distinct nodes with a length, a bore and a
    //! temperature difference, a tree reaching every node. The first problem, named.
    Status validate() const;
};

//! One hour of a pipe network.
struct PipeFlowResult {
    Status status;
    std::vector<double> massFlowKgS;  //!< per pipe, supply water from its `from` node to its `to` node (negative: the other way)
    double heatLossKw = 0.0;   //!< to the ground (negative: gained from it, as a cooling network does)
    double pumpingKw = 0.0;    //!< electricity of the plant's pumps
    double headKpa = 0.0;      //!< what the pumps lift: the worst path out and back plus a substation
};

//! Hourly mass flows, heat exchange with the ground and pumping of a radial pipe
//! network. Each pipe carries what the substations beyond it draw at the design
//! temperature difference; heat losses follow each pipe's loss coefficient, length and
//! the two pipes' temperatures above the ground's; the pressure drop is Darcy-Weisbach
//! with the Swamee-Jain friction factor.
class PipeFlowSolver {
public:
    //! Water and pump data; defaults for a low-temperature heating network at 55/40 °C.
    struct Options {
        double densityKgM3 = 988.0;
        double specificHeatKjKgK = 4.18;
        double kinematicViscosityM2S = 0.56e-6;
        double substationKpa = 50.0;   //!< differential pressure kept at the worst substation
        double pumpEfficiency = 0.7;   //!< wire to water (resources/networks/catalogue.json)
    };
    static Options heatingWater();
    static Options chilledWater();  //!< 7/12 °C: denser and more viscous
    //! Roughness of the steel service pipes of EN 253 (the catalogue's).
    static constexpr double kRoughnessMm = 0.05;
    //! Darcy friction factor: laminar 64/Re, else Swamee-Jain.
    static double frictionFactor(double reynolds, double diameterM);

    PipeFlowSolver(const PipeNetwork &network, const Options &options);
    const Status &status() const { return m_status; }

    //! `demandKw`: heat (or cooling) each node's substation draws this hour; `groundC`: the
    //! ground's temperature at the pipes' depth.
    PipeFlowResult solve(const std::vector<double> &demandKw, double groundC) const;

private:
    PipeNetwork m_network;
    Options m_options;
    Status m_status;
    std::vector<int> m_order;       //!< nodes from the source outwards
    std::vector<int> m_parentPipe;  //!< per node, the pipe towards the source
    std::vector<int> m_parent;
};

} // namespace tt
