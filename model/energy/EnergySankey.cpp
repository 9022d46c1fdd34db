// SPDX-License-Identifier: MIT
#include "EnergySankey.h"

#include <QCoreApplication>

#include <algorithm>

namespace tt {

namespace {
// The context lupdate gives the tr() calls in EnergySankey's members.
QString tr(const char *text)
{
    return QCoreApplication::translate("tt::EnergySankey", text);
}
} // namespace

EnergySankey EnergySankey::fromResult(const SimulationResult &result, int first, int count)
{
    const DispatchResult &d = result.dispatch;
    const int end = std::min(d.hours(), first + count);
    const auto sum = [&](Flow f) {
        double total = 0.0;
        for (int h = std::max(0, first); h < end; ++h)
            total += d.at(f, h);
        return total;
    };
    const auto network = [&](double NetworkHour::*field) {
        double total = 0.0;
        for (int h = std::max(0, first); h < end && size_t(h) < result.networks.hours.size(); ++h)
            total += result.networks.hours[size_t(h)].*field;
        return total;
    };

    EnergySankey s;
    const auto node = [&s](const char *key, const QString &name, int column, Kind kind) {
        s.nodes.append({QString::fromLatin1(key), name, column, kind});
    };
    node("grid", tr("Grid import"), 0, Kind::Source);
    node("pv", tr("PV"), 0, Kind::Source);
    node("wind", tr("Wind"), 0, Kind::Source);
    node("gas", tr("Gas"), 0, Kind::Source);
    node("biomass", tr("Biomass"), 0, Kind::Source);
    node("ambient", tr("Ground and air heat"), 0, Kind::Source);
    node("chp", tr("CHP"), 1, Kind::Converter);
    node("boilers", tr("Boilers"), 1, Kind::Converter);
    node("electricity", tr("Electricity"), 2, Kind::Carrier);
    node("heat_pumps", tr("Heat pumps"), 3, Kind::Converter);
    node("chillers", tr("Chillers"), 3, Kind::Converter);
    node("battery", tr("Battery"), 3, Kind::Converter);
    node("heat", tr("Heat"), 4, Kind::Carrier);
    node("absorption", tr("Absorption chillers"), 5, Kind::Converter);
    node("thermal_storage", tr("Heat storage"), 5, Kind::Converter);
    node("cooling", tr("Cooling"), 6, Kind::Carrier);
    node("buildings_electricity", tr("Buildings' electricity"), 7, Kind::Use);
    node("ev", tr("EV fleet"), 7, Kind::Use);
    node("export", tr("Export"), 7, Kind::Use);
    node("buildings_heat", tr("Space heat and hot water"), 7, Kind::Use);
    node("buildings_cooling", tr("Space cooling"), 7, Kind::Use);
    node("network_losses", tr("Network losses and pumping"), 7, Kind::Loss);
    node("conversion_losses", tr("Conversion and storage losses"), 7, Kind::Loss);
    node("heat_dumped", tr("Heat dumped"), 7, Kind::Loss);

    const auto link = [&s](const char *from, const char *to, double kwh) {
        if (kwh > 1e-6)
            s.links.append({s.nodeIndex(QLatin1String(from)), s.nodeIndex(QLatin1String(to)), kwh});
    };
    const double electricLosses = network(&NetworkHour::electricLossesKw) + network(&NetworkHour::pumpingKw);
    const double heatLosses = network(&NetworkHour::heatLossesKw), coolingGains = network(&NetworkHour::coolingGainsKw);

    link("grid", "electricity", sum(Flow::GridImport));
    link("pv", "electricity", std::max(0.0, sum(Flow::Pv) - sum(Flow::ElecCurtailed)));
    link("wind", "electricity", sum(Flow::Wind));
    link("gas", "chp", sum(Flow::ChpGas));
    link("chp", "electricity", sum(Flow::ChpElec));
    link("chp", "heat", sum(Flow::ChpHeat));
    link("chp", "conversion_losses", sum(Flow::ChpGas) - sum(Flow::ChpElec) - sum(Flow::ChpHeat));
    link("gas", "boilers", sum(Flow::GasBoilerGas));
    link("biomass", "boilers", sum(Flow::BiomassFuel));
    link("boilers", "heat", sum(Flow::GasBoilerHeat) + sum(Flow::BiomassHeat));
    link("boilers", "conversion_losses",
         sum(Flow::GasBoilerGas) + sum(Flow::BiomassFuel) - sum(Flow::GasBoilerHeat) - sum(Flow::BiomassHeat));
    // Heat pumps and chillers move more heat than the electricity they use: the rest is
    // drawn from the ground or the air (or, cooling, from the rooms).
    const double hpOut = sum(Flow::HeatPumpHeat) + sum(Flow::HeatPumpCool);
    link("electricity", "heat_pumps", sum(Flow::HeatPumpElec));
    link("ambient", "heat_pumps", hpOut - sum(Flow::HeatPumpElec));
    link("heat_pumps", "heat", sum(Flow::HeatPumpHeat));
    link("heat_pumps", "cooling", sum(Flow::HeatPumpCool));
    link("electricity", "chillers", sum(Flow::ChillerElec));
    link("ambient", "chillers", sum(Flow::ChillerCool) - sum(Flow::ChillerElec));
    link("chillers", "cooling", sum(Flow::ChillerCool));
    link("heat", "absorption", sum(Flow::AbsorptionHeat));
    link("absorption", "cooling", sum(Flow::AbsorptionCool));
    link("absorption", "conversion_losses", sum(Flow::AbsorptionHeat) - sum(Flow::AbsorptionCool));
    link("ambient", "absorption", sum(Flow::AbsorptionCool) - sum(Flow::AbsorptionHeat));
    // Storage gives back what it took less its losses: only the losses flow through it
    // (over a day it may also hold more or less than at the start).
    const double batteryNet = sum(Flow::BatteryCharge) - sum(Flow::BatteryDischarge);
    link("electricity", "battery", batteryNet);
    link("battery", "conversion_losses", batteryNet);
    const double thermalNet = sum(Flow::ThermalCharge) - sum(Flow::ThermalDischarge);
    link("heat", "thermal_storage", thermalNet);
    link("thermal_storage", "conversion_losses", thermalNet);
    link("electricity", "ev", sum(Flow::EvCharge) - sum(Flow::EvDischarge));
    link("electricity", "export", sum(Flow::GridExport));
    link("electricity", "buildings_electricity", sum(Flow::ElecDemand) - electricLosses);
    link("electricity", "network_losses", electricLosses);
    link("heat", "buildings_heat", sum(Flow::HeatDemand) - heatLosses);
    link("heat", "network_losses", heatLosses);
    link("heat", "heat_dumped", sum(Flow::HeatDump));
    link("cooling", "buildings_cooling", sum(Flow::CoolDemand) - coolingGains);
    link("cooling", "network_losses", coolingGains);

    // Nodes nothing flows through are left out (a town without wind has no wind node).
    QVector<int> kept(s.nodes.size(), -1);
    QVector<Node> nodes;
    for (int i = 0; i < s.nodes.size(); ++i)
        if (std::any_of(s.links.begin(), s.links.end(), [i](const Link &l) { return l.from == i || l.to == i; })) {
            kept[i] = nodes.size();
            nodes.append(s.nodes[i]);
        }
    for (Link &l : s.links) {
        l.from = kept[l.from];
        l.to = kept[l.to];
    }
    s.nodes = nodes;
    return s;
}

int EnergySankey::nodeIndex(const QString &key) const
{
    for (int i = 0; i < nodes.size(); ++i)
        if (nodes[i].key == key)
            return i;
    return -1;
}

double EnergySankey::throughput(int node) const
{
    double in = 0.0, out = 0.0;
    for (const Link &l : links) {
        in += l.to == node ? l.kwh : 0.0;
        out += l.from == node ? l.kwh : 0.0;
    }
    return std::max(in, out);
}

double EnergySankey::linkKwh(const QString &from, const QString &to) const
{
    const int a = nodeIndex(from), b = nodeIndex(to);
    for (const Link &l : links)
        if (l.from == a && l.to == b)
            return l.kwh;
    return 0.0;
}

} // namespace tt
