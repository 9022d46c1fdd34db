// SPDX-License-Identifier: MIT
#pragma once

namespace tt {

//! A wind turbine's generic power curve (keys of wind_turbine assets). The energy
//! system takes the defaults from resources/energy/technologies.json
//! ("wind_turbine", with sources); these initialisers are the same values for
//! turbines built by hand, and tst_energy_parameters fails when the two differ.
struct WindTurbineParameters {
    double ratedKw = 2000.0;
    double hubHeightM = 100.0;
    double cutInMs = 3.0;
    double ratedSpeedMs = 12.0;
    double cutOutMs = 25.0;
    double shearAlpha = 0.14;  //!< power-law exponent for open farmland
};

namespace WindModel {
//! Wind speed at hub height from the 10 m speed: v × (h / 10)^α.
double hubSpeed(double speed10m, double hubHeightM, double alpha);
//! Output of one turbine at a hub-height speed: cubic between cut-in and rated, rated up to cut-out.
double powerKw(double hubSpeedMs, const WindTurbineParameters &t);
} // namespace WindModel

} // namespace tt
