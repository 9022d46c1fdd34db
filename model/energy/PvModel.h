// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! Electrical data of a PV array (keys of rooftop_pv / ground_pv assets in docs/ENERGY_MODEL.md).
//! The energy system takes the defaults from resources/energy/technologies.json
//! ("pv", with sources); these initialisers are the same values for arrays built
//! by hand, and tst_energy_parameters fails when the two differ.
struct PvParameters {
    double kwp = 0.0;                 //!< DC rating at STC (1000 W/m², 25 °C cell)
    double noctC = 45.0;              //!< nominal operating cell temperature
    double tempCoeffPerK = -0.004;    //!< power temperature coefficient
    double inverterEfficiency = 0.96;
    double systemLosses = 0.10;       //!< wiring, soiling, mismatch, availability
};

//! PV array output from plane-of-array irradiance with the NOCT cell temperature model.
namespace PvModel {
//! Cell temperature: T_a + (NOCT − 20) / 800 × G_poa.
double cellTemperatureC(double poaWm2, double ambientC, double noctC);
//! AC output in kW: kWp × G/1000 × (1 + γ (T_c − 25)) × (1 − losses) × η_inv, never negative.
double acPowerKw(double poaWm2, double ambientC, const PvParameters &pv);
} // namespace PvModel

} // namespace tt
