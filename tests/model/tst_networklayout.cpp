// SPDX-License-Identifier: MIT
// The networks laid out along the sample town's roads and sized from its simulated
// year (Shanghai weather, as the app ships it): every building is served once, the
// feeder is radial over two voltage levels and each route joins its two nodes; over
// the whole year no cable or transformer is overloaded, no building's voltage falls
// below 0.93 pu and no pipe runs faster than its catalogue limit; the losses and the
// pumping the year's flows give are exactly what the dispatch supplies on top of the
// buildings' demand; the Sankey diagram of the year balances.
#include "energy/EnergySankey.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"
#include "network/NetworkLayout.h"
#include "network/NetworkSnapshot.h"
#include "network/PipeNetwork.h"

#include <QTest>

#include <cmath>

using namespace tt;

class TestNetworkLayout : public QObject {
    Q_OBJECT

    Town m_town;
    WeatherYear m_weather;
    NetworkCatalogue m_catalogue;
    NetworkLayout::Result m_laid;
    SimulationResult m_result;

private slots:
    void initTestCase()
    {
        QVERIFY(EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &m_weather).ok);
        QVERIFY(NetworkCatalogue::loadBundled(&m_catalogue).ok);
        m_town = TownGenerator::generate(1);
        EnergySimulator simulator;
        BuildingLoadSource loads;
        QVERIFY(simulator.buildingLoads(m_town, m_weather, &loads).ok);
        m_laid = NetworkLayout::lay(m_town, m_catalogue, loads, NetworkLayout::Options());
        QVERIFY2(m_laid.status.ok, qPrintable(m_laid.status.message));
        SimulationOptions options;
        options.keepNetworkLoads = true;
        m_result = EnergySimulator().run(m_laid.town, m_weather, options);
        QVERIFY2(m_result.status.ok, qPrintable(m_result.status.message));
        QVERIFY2(!m_result.networks.isEmpty(), qPrintable(m_result.warnings.join(QLatin1Char('\n'))));
    }

    void everyBuildingIsServedOnce()
    {
        const Town &t = m_laid.town;
        QHash<EntityId, int> served[kNetworkCarrierCount];
        for (const NetworkNode &n : t.networkNodes)
            if (n.building != kNoEntity)
                ++served[int(n.carrier)][n.building];
        int buildings = 0, heated = 0, cooled = 0;
        for (const BuildingDemand &b : m_result.buildings) {
            ++buildings;
            QCOMPARE(served[int(NetworkCarrier::Electricity)].value(b.id), 1);
            // A building that needs heat (or cold) is on that network once; greenhouses and barns are not.
            const bool heats = b.peakHeatingKw >= 1.0, cools = b.peakCoolingKw >= 1.0;
            QCOMPARE(served[int(NetworkCarrier::Heating)].value(b.id), heats ? 1 : 0);
            QCOMPARE(served[int(NetworkCarrier::Cooling)].value(b.id), cools ? 1 : 0);
            heated += heats;
            cooled += cools;
        }
        QCOMPARE(served[int(NetworkCarrier::Electricity)].size(), buildings);
        QVERIFY(heated > 80 && cooled > 80);
        // The town's own nodes were kept apart from what the layout added.
        QCOMPARE(m_town.networkNodes.size(), 0);
    }

    void feederIsRadialOverTwoVoltagesAndRoutesJoinTheirNodes()
    {
        const Town &t = m_laid.town;
        TownNetworks networks;
        QVERIFY(TownNetworks::build(t, &networks).ok);
        const ElectricNetwork &feeder = networks.feeder()->network;
        QCOMPARE(feeder.links.size() + 1, feeder.nodes.size());
        int transformers = 0;
        for (const NetworkLink &l : t.networkLinks) {
            const NetworkNode *from = t.networkNodes.find(l.from), *to = t.networkNodes.find(l.to);
            QVERIFY(from && to);
            QCOMPARE(l.route.first(), from->position);
            QCOMPARE(l.route.last(), to->position);
            if (l.carrier == NetworkCarrier::Electricity && from->kv != to->kv) {
                ++transformers;
                QCOMPARE(from->kv, 10.0);
                QCOMPARE(to->kv, 0.4);
                QVERIFY(l.type.startsWith(QLatin1String("S13-M-")));
            }
        }
        QCOMPARE(transformers, m_laid.summary[int(NetworkCarrier::Electricity)].transformers);
        QVERIFY(transformers >= 10);  // 40 MW of peak demand cannot hang on a handful
    }

    void nothingIsOverloadedOverTheYear()
    {
        const NetworkYearResult &n = m_result.networks;
        QCOMPARE(int(n.hours.size()), 8760);
        QVERIFY2(n.hours[size_t(n.maxLoadingHour)].maxLineLoading <= 1.0,
                 qPrintable(QStringLiteral("%1 at %2").arg(n.hours[size_t(n.maxLoadingHour)].maxLineLoading).arg(NetworkYear::hourName(n.maxLoadingHour))));
        QVERIFY(n.hours[size_t(n.maxLoadingHour)].maxLineLoading > 0.5);  // sized to the peak, not oversized
        QVERIFY2(n.hours[size_t(n.minVoltageHour)].minVoltagePu >= 0.93,
                 qPrintable(QString::number(n.hours[size_t(n.minVoltageHour)].minVoltagePu)));
        // Pipes within their velocity limit in the hour of peak heat.
        const std::vector<double> &heat = m_result.dispatch.flows[int(Flow::HeatDemand)];
        const int peak = int(std::max_element(heat.begin(), heat.end()) - heat.begin());
        TownNetworks networks;
        QVERIFY(TownNetworks::build(m_laid.town, &networks).ok);
        const NetworkSnapshot at = NetworkSnapshot::at(networks, *m_result.networkLoads, peak);
        QVERIFY(at.status.ok);
        const PipeFlowSolver::Options water = PipeFlowSolver::heatingWater();
        int pipes = 0;
        for (const NetworkLink &l : m_laid.town.networkLinks) {
            if (l.carrier != NetworkCarrier::Heating)
                continue;
            const auto entry = std::find_if(m_catalogue.pipes.begin(), m_catalogue.pipes.end(),
                                            [&l](const NetworkCatalogue::Pipe &p) { return l.type.endsWith(p.name); });
            QVERIFY(entry != m_catalogue.pipes.end());
            // Each of the pairs laid side by side carries its share.
            const double mass = std::abs(at.links.value(l.id).kw) / (water.specificHeatKjKgK * (l.supplyC - l.returnC))
                / l.circuits;
            const double d = l.innerDiameterMm / 1000.0;
            const double velocity = mass / (water.densityKgM3 * M_PI * d * d / 4.0);
            QVERIFY2(velocity <= entry->maxVelocityMs * 1.001, qPrintable(QStringLiteral("%1: %2 m/s").arg(l.type).arg(velocity)));
            ++pipes;
        }
        QVERIFY(pipes > 50);
    }

    void lossesAreSuppliedOnTopOfTheBuildings()
    {
        const NetworkYearResult &n = m_result.networks;
        double buildingsElectricity = 0.0, buildingsHeat = 0.0;
        for (const BuildingDemand &b : m_result.buildings) {
            buildingsElectricity += b.electricityKwh;
            buildingsHeat += b.heatingKwh + b.dhwKwh;
        }
        const DispatchResult &d = m_result.dispatch;
        const double electricExtra = n.electricLossesKwh() + n.pumpingKwh();
        QVERIFY(std::abs(d.total(Flow::ElecDemand) - buildingsElectricity - electricExtra) < 1e-6 * buildingsElectricity);
        QVERIFY(std::abs(d.total(Flow::HeatDemand) - buildingsHeat - n.heatLossesKwh()) < 1e-6 * buildingsHeat);
        // Orders of magnitude of real networks: a few per cent.
        QVERIFY(n.electricLossesKwh() > 0.002 * buildingsElectricity && n.electricLossesKwh() < 0.05 * buildingsElectricity);
        QVERIFY(n.heatLossesKwh() > 0.02 * buildingsHeat && n.heatLossesKwh() < 0.15 * buildingsHeat);
        QVERIFY(n.coolingGainsKwh() > 0.0 && n.pumpingKwh() > 0.0);
    }

    void sankeyOfTheYearBalances()
    {
        const EnergySankey s = EnergySankey::fromResult(m_result, 0, 8760);
        const DispatchResult &d = m_result.dispatch;
        QVERIFY(std::abs(s.linkKwh(QStringLiteral("grid"), QStringLiteral("electricity")) - d.total(Flow::GridImport)) < 1e-6);
        const NetworkYearResult &n = m_result.networks;
        const double networkLosses = n.electricLossesKwh() + n.pumpingKwh() + n.heatLossesKwh() + n.coolingGainsKwh();
        QVERIFY(std::abs(s.throughput(s.nodeIndex(QStringLiteral("network_losses"))) - networkLosses) < 1e-6 * networkLosses);
        // The electricity node balances when the dispatch does.
        const int e = s.nodeIndex(QStringLiteral("electricity"));
        double in = 0.0, out = 0.0;
        for (const EnergySankey::Link &l : s.links) {
            in += l.to == e ? l.kwh : 0.0;
            out += l.from == e ? l.kwh : 0.0;
        }
        QVERIFY2(std::abs(in - out) < 1e-3 * in, qPrintable(QStringLiteral("in %1, out %2").arg(in).arg(out)));
        for (const EnergySankey::Link &l : s.links)
            QVERIFY(s.nodes[l.to].column > s.nodes[l.from].column);
    }
};

QTEST_GUILESS_MAIN(TestNetworkLayout)
#include "tst_networklayout.moc"
