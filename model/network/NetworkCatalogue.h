// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace tt {

//! The standard equipment networks are laid with and the design values they are sized
//! by (resources/networks/catalogue.json; sources in docs/research/network-catalogue-sources.md).
struct NetworkCatalogue {
    struct Cable {
        QString name;
        double kv = 0.0;
        double rOhmPerKm = 0.0, xOhmPerKm = 0.0;
        double ampacityA = 0.0;  //!< buried, at the catalogue's 25 °C soil reference
        double costPerM = 0.0;
    };
    struct Transformer {
        QString name;
        double kva = 0.0;
        double ukPercent = 0.0;
        double loadLossKw = 0.0;
        double cost = 0.0;
    };
    struct Pipe {
        QString name;
        double innerDiameterMm = 0.0;
        double lossWPerMK = 0.0;  //!< each pipe of the pair
        double maxVelocityMs = 0.0;
        double costPerM = 0.0;
    };
    struct Design {
        double cableDerating = 1.0;  //!< on every ampacity: soil temperature and grouping
        double powerFactor = 0.95;
        double heatingSupplyC = 55.0, heatingReturnC = 40.0;
        double coolingSupplyC = 7.0, coolingReturnC = 12.0;
        double maxPressureGradientPaPerM = 150.0;
        double transformerLoading = 0.8;  //!< coincident peak over rating, at most
        double lowVoltageReachM = 250.0;
        double lowVoltageDropPercent = 4.0;        //!< over the low-voltage reach
        double highVoltageDropPercentPerKm = 1.0;
    };

    std::vector<Cable> cables;  //!< smallest first within each voltage
    std::vector<Transformer> transformers;  //!< smallest first
    std::vector<Pipe> pipes;  //!< smallest first
    Design design;

    //! Parses the catalogue; errors name the file, the entry and the field.
    static Status load(const QByteArray &json, const QString &fileName, NetworkCatalogue *out);
    static Status loadBundled(NetworkCatalogue *out);

    //! The smallest cable of `kv` that carries `currentA` after derating and drops no more
    //! voltage per km than the design allows; the largest when none does.
    const Cable &cableFor(double kv, double currentA) const;
    //! Voltage drop of `currentA` in a cable, % of `kv` per km, at the design power factor.
    double dropPercentPerKm(const Cable &cable, double currentA) const;
    //! The smallest transformer whose rating at the design loading covers `kva`; the largest when none does.
    const Transformer &transformerFor(double kva) const;
    //! The smallest pipe within both its velocity and the design pressure gradient at
    //! `massFlowKgS` of water of `densityKgM3`; the largest when none is.
    const Pipe &pipeFor(double massFlowKgS, double densityKgM3, double kinematicViscosityM2S) const;
};

} // namespace tt
