// SPDX-License-Identifier: MIT
#include "NetworkCatalogue.h"

#include "PipeNetwork.h"
#include "core/BundledResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
//! Reads positive numbers of one entry, naming the first that is missing or not positive.
class Entry {
public:
    Entry(const QJsonObject &o, QString where) : m_o(o), m_where(std::move(where)) {}
    double number(const char *key, Status *error) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isDouble() && v.toDouble() > 0.0 && std::isfinite(v.toDouble()))
            return v.toDouble();
        if (*error)
            *error = Status::error(QStringLiteral("%1: '%2' must be a positive number").arg(m_where, QLatin1String(key)));
        return 0.0;
    }
    QString name() const { return m_o.value(QStringLiteral("name")).toString(); }

private:
    QJsonObject m_o;
    QString m_where;
};
} // namespace

Status NetworkCatalogue::load(const QByteArray &json, const QString &fileName, NetworkCatalogue *out)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Status::error(QStringLiteral("%1: not a JSON object (%2)").arg(fileName, parseError.errorString()));
    const QJsonObject root = doc.object();
    NetworkCatalogue c;
    Status error;
    const auto entries = [&](const char *key) {
        const QJsonArray list = root.value(QLatin1String(key)).toArray();
        if (list.isEmpty() && error)
            error = Status::error(QStringLiteral("%1: no '%2'").arg(fileName, QLatin1String(key)));
        return list;
    };
    const auto where = [&fileName](const char *list, int i, const QJsonObject &o) {
        return QStringLiteral("%1: %2[%3] '%4'").arg(fileName, QLatin1String(list)).arg(i).arg(o.value(QStringLiteral("name")).toString());
    };
    const QJsonArray cables = entries("cables");
    for (int i = 0; i < cables.size(); ++i) {
        const Entry e(cables[i].toObject(), where("cables", i, cables[i].toObject()));
        c.cables.push_back({e.name(), e.number("kv", &error), e.number("r_ohm_per_km", &error),
                            e.number("x_ohm_per_km", &error), e.number("ampacity_a", &error),
                            e.number("cost_cny_per_m", &error)});
    }
    const QJsonArray transformers = entries("transformers");
    for (int i = 0; i < transformers.size(); ++i) {
        const Entry e(transformers[i].toObject(), where("transformers", i, transformers[i].toObject()));
        c.transformers.push_back({e.name(), e.number("kva", &error), e.number("uk_percent", &error),
                                  e.number("load_loss_kw", &error), e.number("cost_cny", &error)});
    }
    const QJsonArray pipes = entries("pipes");
    for (int i = 0; i < pipes.size(); ++i) {
        const Entry e(pipes[i].toObject(), where("pipes", i, pipes[i].toObject()));
        c.pipes.push_back({e.name(), e.number("inner_diameter_m", &error) * 1000.0, e.number("u_w_per_mk", &error),
                           e.number("max_velocity_m_s", &error), e.number("cost_cny_per_m", &error)});
    }
    const Entry design(root.value(QStringLiteral("design")).toObject(), fileName + QStringLiteral(": design"));
    c.design.cableDerating = design.number("cable_derating", &error);
    c.design.powerFactor = design.number("power_factor", &error);
    c.design.heatingSupplyC = design.number("heating_supply_c", &error);
    c.design.heatingReturnC = design.number("heating_return_c", &error);
    c.design.coolingSupplyC = design.number("cooling_supply_c", &error);
    c.design.coolingReturnC = design.number("cooling_return_c", &error);
    c.design.maxPressureGradientPaPerM = design.number("max_pressure_gradient_pa_per_m", &error);
    c.design.transformerLoading = design.number("transformer_loading", &error);
    c.design.lowVoltageReachM = design.number("low_voltage_reach_m", &error);
    c.design.lowVoltageDropPercent = design.number("low_voltage_drop_percent", &error);
    c.design.highVoltageDropPercentPerKm = design.number("high_voltage_drop_percent_per_km", &error);
    if (!error)
        return error;
    std::stable_sort(c.cables.begin(), c.cables.end(),
                     [](const Cable &a, const Cable &b) { return a.kv != b.kv ? a.kv > b.kv : a.ampacityA < b.ampacityA; });
    std::stable_sort(c.transformers.begin(), c.transformers.end(),
                     [](const Transformer &a, const Transformer &b) { return a.kva < b.kva; });
    std::stable_sort(c.pipes.begin(), c.pipes.end(),
                     [](const Pipe &a, const Pipe &b) { return a.innerDiameterMm < b.innerDiameterMm; });
    *out = std::move(c);
    return Status::success();
}

Status NetworkCatalogue::loadBundled(NetworkCatalogue *out)
{
    const QString name = QStringLiteral("networks/catalogue.json");
    return load(BundledResources::read(name), name, out);
}

double NetworkCatalogue::dropPercentPerKm(const Cable &cable, double currentA) const
{
    const double cosPhi = design.powerFactor, sinPhi = std::sqrt(1.0 - cosPhi * cosPhi);
    return 100.0 * std::sqrt(3.0) * currentA * (cable.rOhmPerKm * cosPhi + cable.xOhmPerKm * sinPhi) / (cable.kv * 1000.0);
}

const NetworkCatalogue::Cable &NetworkCatalogue::cableFor(double kv, double currentA) const
{
    const double dropLimit = kv < 1.0 ? design.lowVoltageDropPercent / (design.lowVoltageReachM / 1000.0)
                                      : design.highVoltageDropPercentPerKm;
    const Cable *largest = nullptr;
    for (const Cable &c : cables) {
        if (std::abs(c.kv - kv) > 1e-9)
            continue;
        largest = &c;
        if (c.ampacityA * design.cableDerating >= currentA && dropPercentPerKm(c, currentA) <= dropLimit)
            return c;
    }
    return largest ? *largest : cables.back();
}

const NetworkCatalogue::Transformer &NetworkCatalogue::transformerFor(double kva) const
{
    for (const Transformer &t : transformers)
        if (t.kva * design.transformerLoading >= kva)
            return t;
    return transformers.back();
}

const NetworkCatalogue::Pipe &NetworkCatalogue::pipeFor(double massFlowKgS, double densityKgM3,
                                                        double kinematicViscosityM2S) const
{
    for (const Pipe &p : pipes) {
        const double d = p.innerDiameterMm / 1000.0;
        const double velocity = massFlowKgS / (densityKgM3 * M_PI * d * d / 4.0);
        const double gradientPaPerM
            = PipeFlowSolver::frictionFactor(velocity * d / kinematicViscosityM2S, d) / d * densityKgM3 * velocity * velocity / 2.0;
        if (velocity <= p.maxVelocityMs && gradientPaPerM <= design.maxPressureGradientPaPerM)
            return p;
    }
    return pipes.back();
}

} // namespace tt
