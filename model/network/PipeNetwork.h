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
        double innerDiameterMm = 0.0;
        double lossWPerMK = 0.0;  //!< each of the two pipes, per metre and kelvin to the ground
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
    std::vector<double> massFlowKgS;  //!< per pipe, away from the source
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
    //! Water and pump data; defaults for a heating network at 70/40 °C.
    struct Options {
        double densityKgM3 = 978.0;
        double specificHeatKjKgK = 4.19;
        double kinematicViscosityM2S = 0.41e-6;
        double roughnessMm = 0.1;  //!< steel service pipes (EN 253), aged
        double substationKpa = 50.0;  //!< differential pressure kept at the worst substation
        double pumpEfficiency = 0.65;  //!< pump and motor
    };
    static Options heatingWater();
    static Options chilledWater();  //!< 6/12 °C: denser and more viscous

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
