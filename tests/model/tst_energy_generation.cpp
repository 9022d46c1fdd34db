// SPDX-License-Identifier: MIT
// PV under known irradiance and temperature, and the wind turbine power curve
// with hub-height shear: every expectation is computed by hand here.
#include "energy/EnergySystem.h"
#include "energy/PvModel.h"
#include "energy/WindModel.h"

#include <QTest>

#include <cmath>

using namespace tt;

class TestEnergyGeneration : public QObject {
    Q_OBJECT
private slots:
    void pvAtStandardConditions()
    {
        PvParameters pv;
        pv.kwp = 100.0;
        pv.noctC = 45.0;
        pv.inverterEfficiency = 0.96;
        pv.systemLosses = 0.0;
        // NOCT model: the cell is at 25 °C under 1000 W/m² when the air is 25 − 25/800·1000 = −6.25 °C.
        QCOMPARE(PvModel::cellTemperatureC(1000.0, -6.25, 45.0), 25.0);
        QVERIFY(std::abs(PvModel::acPowerKw(1000.0, -6.25, pv) - 96.0) < 1e-9);
        // Half the irradiance with the cell again at 25 °C: half the power.
        const double air = 25.0 - 25.0 / 800.0 * 500.0;
        QVERIFY(std::abs(PvModel::acPowerKw(500.0, air, pv) - 48.0) < 1e-9);
    }

    void pvTemperatureDerating()
    {
        PvParameters pv;
        pv.kwp = 10.0;
        pv.systemLosses = 0.1;
        pv.inverterEfficiency = 0.95;
        // 800 W/m² at 20 °C air: cell 20 + 25 = 45 °C, 20 K above STC: −8 %.
        const double expected = 10.0 * 0.8 * (1.0 - 0.004 * 20.0) * 0.9 * 0.95;
        QVERIFY(std::abs(PvModel::acPowerKw(800.0, 20.0, pv) - expected) < 1e-9);
        QCOMPARE(PvModel::acPowerKw(0.0, 20.0, pv), 0.0);
    }

    void windShearAndCurve()
    {
        // 5 m/s at 10 m, α = 0.14, hub at 100 m: 5 × 10^0.14.
        const double v = WindModel::hubSpeed(5.0, 100.0, 0.14);
        QVERIFY(std::abs(v - 5.0 * std::pow(10.0, 0.14)) < 1e-12);
        WindTurbineParameters t;  // 2000 kW, cut-in 3, rated 12, cut-out 25
        QCOMPARE(WindModel::powerKw(2.9, t), 0.0);
        QCOMPARE(WindModel::powerKw(12.0, t), 2000.0);
        QCOMPARE(WindModel::powerKw(24.9, t), 2000.0);
        QCOMPARE(WindModel::powerKw(25.0, t), 0.0);
        const double expected = 2000.0 * (8.0 * 8.0 * 8.0 - 27.0) / (1728.0 - 27.0);
        QVERIFY(std::abs(WindModel::powerKw(8.0, t) - expected) < 1e-9);
    }

    void systemFromAssets()
    {
        // A ground PV field facing the sun at noon-like constant conditions and a wind turbine.
        WeatherYear w = WeatherYear::constant(-6.25, 0.0, 0.0, 0.0, 8.0);
        w.latitudeDeg = 47.0;
        w.longitudeDeg = 8.5;
        w.utcOffsetHours = 1.0;
        Town town;
        EnergyAsset field;
        field.id = town.allocateId();
        field.type = EnergyAssetType::GroundPv;
        field.area.outer = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
        field.parameters = {{"land_share", 0.5}, {"kwp_per_m2", 0.04}};
        town.assets.put(field);
        EnergyAsset turbine;
        turbine.id = town.allocateId();
        turbine.type = EnergyAssetType::WindTurbine;
        turbine.parameters = {{"count", 2}, {"hub_height_m", 10.0}, {"availability", 1.0}};
        town.assets.put(turbine);
        QStringList warnings;
        const EnergySystem s = EnergySystem::fromTown(town, w, &warnings);
        // No light, no PV; wind at hub = 10 m is the EPW speed itself.
        double pv = 0.0;
        for (double kw : s.pvKw)
            pv += kw;
        QCOMPARE(pv, 0.0);
        const double perTurbine = 2000.0 * (512.0 - 27.0) / (1728.0 - 27.0);
        QVERIFY(std::abs(s.windKw[1234] - 2 * perTurbine) < 1e-9);
        QVERIFY(warnings.join(' ').contains(QLatin1String("no grid connection")));
    }
};

QTEST_GUILESS_MAIN(TestEnergyGeneration)
#include "tst_energy_generation.moc"
