// SPDX-License-Identifier: MIT
#include "TechnologyParameters.h"

#include "core/BundledResources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace tt {

namespace {
using Range = TechnologyParameters::Range;
using Field = std::function<double &(TechnologyParameters &)>;

constexpr double kInf = std::numeric_limits<double>::infinity();
const QString kSource = QStringLiteral("source");
const QString kValue = QStringLiteral("value");

//! One numeric parameter of a technology: its key in the file, the values it
//! may take and where it goes.
struct NumberSpec {
    const char *technology;
    const char *key;
    Range range;
    Field field;
};

// The technologies in the file's order; "pv" (modules and inverters of both PV
// kinds) and "baseline" (the reference system) are not asset types.
const char *const kTechnologies[] = {"pv", "rooftop_pv", "ground_pv", "wind_turbine", "chp", "gas_boiler",
                                     "biomass_boiler", "heat_pump", "chiller", "battery", "thermal_storage",
                                     "ev_fleet", "grid_connection", "baseline", "finance"};

// Parameters that are not numbers: the EV fleet's V2G switch and its trips.
const char *const kEvV2g = "v2g";
const char *const kEvTrips = "trips";

// Ranges are what is physically sensible; where the energy system clamps an
// asset's parameter, it clamps to the same range (EnergySystem::fromTown).
const std::vector<NumberSpec> &numberSpecs()
{
    using T = TechnologyParameters;
    static const std::vector<NumberSpec> specs = [] {
        std::vector<NumberSpec> s;
        const auto add = [&s](const char *technology, const char *key, Range range, Field field) {
            s.push_back({technology, key, range, std::move(field)});
        };
        add("pv", "noct_c", {20.0, 80.0}, [](T &t) -> double & { return t.pv.noctC; });
        add("pv", "temp_coeff_per_k", {-0.01, 0.0}, [](T &t) -> double & { return t.pv.tempCoeffPerK; });
        add("pv", "inverter_efficiency", {0.0, 1.0, true}, [](T &t) -> double & { return t.pv.inverterEfficiency; });
        add("pv", "system_losses", {0.0, 0.5}, [](T &t) -> double & { return t.pv.systemLosses; });
        add("rooftop_pv", "area_share", {0.0, 1.0}, [](T &t) -> double & { return t.rooftopPv.areaShare; });
        add("rooftop_pv", "module_efficiency", {0.0, 0.5, true},
            [](T &t) -> double & { return t.rooftopPv.moduleEfficiency; });
        add("rooftop_pv", "tilt_deg", {0.0, 90.0}, [](T &t) -> double & { return t.rooftopPv.tiltDeg; });
        add("ground_pv", "land_share", {0.0, 1.0}, [](T &t) -> double & { return t.groundPv.landShare; });
        add("ground_pv", "kwp_per_m2", {0.0, 0.5, true}, [](T &t) -> double & { return t.groundPv.kwpPerM2; });
        add("ground_pv", "tilt_deg", {0.0, 90.0}, [](T &t) -> double & { return t.groundPv.tiltDeg; });
        add("wind_turbine", "count", {0.0, 10000.0}, [](T &t) -> double & { return t.wind.count; });
        add("wind_turbine", "rated_kw", {0.0, 30000.0, true}, [](T &t) -> double & { return t.wind.turbine.ratedKw; });
        add("wind_turbine", "hub_height_m", {1.0, 300.0}, [](T &t) -> double & { return t.wind.turbine.hubHeightM; });
        add("wind_turbine", "cut_in_ms", {0.0, 40.0}, [](T &t) -> double & { return t.wind.turbine.cutInMs; });
        add("wind_turbine", "rated_speed_ms", {0.0, 40.0, true},
            [](T &t) -> double & { return t.wind.turbine.ratedSpeedMs; });
        add("wind_turbine", "cut_out_ms", {0.0, 70.0, true}, [](T &t) -> double & { return t.wind.turbine.cutOutMs; });
        add("wind_turbine", "shear_alpha", {0.0, 1.0}, [](T &t) -> double & { return t.wind.turbine.shearAlpha; });
        add("wind_turbine", "availability", {0.0, 1.0}, [](T &t) -> double & { return t.wind.availability; });
        add("chp", "elec_efficiency", {0.05, 0.9}, [](T &t) -> double & { return t.chp.elecEfficiency; });
        add("chp", "thermal_efficiency", {0.0, ChpParameters::kMaxTotalEfficiency},
            [](T &t) -> double & { return t.chp.thermalEfficiency; });
        add("chp", "absorption_cop", {0.1, 2.0}, [](T &t) -> double & { return t.chp.absorptionCop; });
        add("chp", "min_load", {0.0, 1.0}, [](T &t) -> double & { return t.chp.minLoad; });
        // Condensing boilers exceed 1 on the lower heating value.
        add("gas_boiler", "efficiency", {0.1, 1.1}, [](T &t) -> double & { return t.gasBoiler.efficiency; });
        add("biomass_boiler", "efficiency", {0.1, 1.0}, [](T &t) -> double & { return t.biomassBoiler.efficiency; });
        add("heat_pump", "source_depth_m", {0.0, 500.0}, [](T &t) -> double & { return t.heatPump.sourceDepthM; });
        add("heat_pump", "carnot_efficiency", {0.0, 1.0, true},
            [](T &t) -> double & { return t.heatPump.carnotEfficiency; });
        add("heat_pump", "max_cop", {1.0, 20.0}, [](T &t) -> double & { return t.heatPump.maxCop; });
        add("heat_pump", "supply_temp_min_c", {15.0, 95.0}, [](T &t) -> double & { return t.heatPump.supplyTempMinC; });
        add("heat_pump", "supply_temp_max_c", {15.0, 95.0}, [](T &t) -> double & { return t.heatPump.supplyTempMaxC; });
        add("heat_pump", "outdoor_temp_at_min_supply_c", {-50.0, 40.0},
            [](T &t) -> double & { return t.heatPump.outdoorTempAtMinSupplyC; });
        add("heat_pump", "outdoor_temp_at_max_supply_c", {-50.0, 40.0},
            [](T &t) -> double & { return t.heatPump.outdoorTempAtMaxSupplyC; });
        add("heat_pump", "min_lift_k", {0.0, 50.0, true}, [](T &t) -> double & { return t.heatPump.minLiftK; });
        add("heat_pump", "dhw_supply_temp_c", {40.0, 95.0}, [](T &t) -> double & { return t.heatPump.dhwSupplyTempC; });
        add("heat_pump", "cooling_carnot_efficiency", {0.0, 1.0},
            [](T &t) -> double & { return t.heatPump.coolingCarnotEfficiency; });
        add("heat_pump", "cooling_supply_temp_c", {0.0, 25.0},
            [](T &t) -> double & { return t.heatPump.coolingSupplyTempC; });
        add("heat_pump", "cooling_rejection_rise_k", {0.0, 30.0},
            [](T &t) -> double & { return t.heatPump.coolingRejectionRiseK; });
        add("chiller", "cop", {0.5, 15.0}, [](T &t) -> double & { return t.chiller.cop; });
        for (const auto &[technology, member] : {std::pair{"battery", &T::battery},
                                                 std::pair{"thermal_storage", &T::thermalStorage}}) {
            const auto m = member;
            add(technology, "power_kw_per_kwh", {0.0, 10.0, true},
                [m](T &t) -> double & { return (t.*m).powerKwPerKwh; });
            add(technology, "charge_efficiency", {0.0, 1.0, true},
                [m](T &t) -> double & { return (t.*m).unit.chargeEfficiency; });
            add(technology, "discharge_efficiency", {0.0, 1.0, true},
                [m](T &t) -> double & { return (t.*m).unit.dischargeEfficiency; });
            add(technology, "soc_min", {0.0, 1.0}, [m](T &t) -> double & { return (t.*m).unit.socMin; });
            add(technology, "soc_max", {0.0, 1.0}, [m](T &t) -> double & { return (t.*m).unit.socMax; });
            add(technology, "initial_soc", {0.0, 1.0}, [m](T &t) -> double & { return (t.*m).unit.initialSoc; });
            add(technology, "loss_per_hour", {0.0, 0.5}, [m](T &t) -> double & { return (t.*m).unit.lossPerHour; });
            add(technology, "wear_cost_per_kwh", {0.0, 100.0},
                [m](T &t) -> double & { return (t.*m).unit.wearCostPerKwh; });
        }
        add("ev_fleet", "vehicles", {0.0, 1e6}, [](T &t) -> double & { return t.evFleet.vehicles; });
        add("ev_fleet", "battery_kwh", {1.0, 1000.0}, [](T &t) -> double & { return t.evFleet.batteryKwh; });
        add("ev_fleet", "charger_kw", {0.0, 1000.0}, [](T &t) -> double & { return t.evFleet.chargerKw; });
        add("ev_fleet", "efficiency", {0.0, 1.0, true}, [](T &t) -> double & { return t.evFleet.efficiency; });
        add("ev_fleet", "departure_soc", {0.0, 1.0}, [](T &t) -> double & { return t.evFleet.departureSoc; });
        add("ev_fleet", "min_soc", {0.0, 1.0}, [](T &t) -> double & { return t.evFleet.minSoc; });
        add("ev_fleet", "v2g_wear_cost_per_kwh", {0.0, 100.0},
            [](T &t) -> double & { return t.evFleet.v2gWearCostPerKwh; });
        add("grid_connection", "import_limit_kw", {0.0, 1e9}, [](T &t) -> double & { return t.grid.importLimitKw; });
        add("grid_connection", "export_limit_kw", {0.0, 1e9}, [](T &t) -> double & { return t.grid.exportLimitKw; });
        add("grid_connection", "co2_grid", {0.0, 2.0}, [](T &t) -> double & { return t.grid.co2Grid; });
        add("grid_connection", "co2_gas", {0.0, 2.0}, [](T &t) -> double & { return t.grid.co2Gas; });
        add("grid_connection", "co2_biomass", {0.0, 2.0}, [](T &t) -> double & { return t.grid.co2Biomass; });
        add("grid_connection", "pef_grid", {0.0, 10.0}, [](T &t) -> double & { return t.grid.pefGrid; });
        add("grid_connection", "pef_gas", {0.0, 10.0}, [](T &t) -> double & { return t.grid.pefGas; });
        add("grid_connection", "pef_biomass", {0.0, 10.0}, [](T &t) -> double & { return t.grid.pefBiomass; });
        add("baseline", "gas_boiler_efficiency", {0.1, 1.1},
            [](T &t) -> double & { return t.baseline.gasBoilerEfficiency; });
        add("baseline", "chiller_cop", {0.5, 15.0}, [](T &t) -> double & { return t.baseline.chillerCop; });
        using C = TechnologyCosts;
        for (const auto &[technology, member] :
             {std::pair{"rooftop_pv", &C::rooftopPv}, std::pair{"ground_pv", &C::groundPv},
              std::pair{"wind_turbine", &C::wind}, std::pair{"chp", &C::chp}, std::pair{"gas_boiler", &C::gasBoiler},
              std::pair{"biomass_boiler", &C::biomassBoiler}, std::pair{"heat_pump", &C::heatPump},
              std::pair{"chiller", &C::chiller}, std::pair{"battery", &C::battery},
              std::pair{"thermal_storage", &C::thermalStorage}, std::pair{"ev_fleet", &C::evFleet},
              std::pair{"grid_connection", &C::grid}}) {
            const auto m = member;
            add(technology, "capex", {0.0, 1e6}, [m](T &t) -> double & { return (t.costs.*m).capex; });
            add(technology, "fixed_om", {0.0, 1e5}, [m](T &t) -> double & { return (t.costs.*m).fixedOm; });
            add(technology, "variable_om", {0.0, 100.0}, [m](T &t) -> double & { return (t.costs.*m).variableOm; });
            add(technology, "lifetime_years", {1.0, 100.0},
                [m](T &t) -> double & { return (t.costs.*m).lifetimeYears; });
            add(technology, "replacement_cost", {0.0, 1e6},
                [m](T &t) -> double & { return (t.costs.*m).replacementCost; });
            add(technology, "replacement_years", {0.0, 100.0},
                [m](T &t) -> double & { return (t.costs.*m).replacementYears; });
        }
        add("battery", "capex_power", {0.0, 1e6}, [](T &t) -> double & { return t.costs.batteryPowerCapex; });
        add("thermal_storage", "capex_power", {0.0, 1e6},
            [](T &t) -> double & { return t.costs.thermalStoragePowerCapex; });
        add("chp", "absorption_capex", {0.0, 1e6}, [](T &t) -> double & { return t.costs.absorptionCapex; });
        add("chp", "absorption_fixed_om", {0.0, 1e5}, [](T &t) -> double & { return t.costs.absorptionFixedOm; });
        add("finance", "discount_rate", {0.0, 0.5}, [](T &t) -> double & { return t.finance.discountRate; });
        add("finance", "analysis_years", {1.0, 100.0}, [](T &t) -> double & { return t.finance.analysisYears; });
        return s;
    }();
    return specs;
}

// "from 0.05 up to 0.9", "above 0 up to 1".
QString rangeText(const Range &r)
{
    return QStringLiteral("%1 %2 up to %3")
        .arg(r.minExclusive ? QStringLiteral("above") : QStringLiteral("from"))
        .arg(r.min)
        .arg(r.max);
}

bool contains(const Range &r, double v)
{
    return std::isfinite(v) && (r.minExclusive ? v > r.min : v >= r.min) && v <= r.max;
}

// A JSON value as an error message shows it.
QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("\"%1\" (text)").arg(v.toString().left(40));
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("null");
    }
}

QStringList knownParameters(const QString &technology)
{
    QStringList keys;
    for (const NumberSpec &s : numberSpecs())
        if (technology == QLatin1String(s.technology))
            keys.append(QLatin1String(s.key));
    if (technology == QLatin1String("ev_fleet"))
        keys << QLatin1String(kEvV2g) << QLatin1String(kEvTrips);
    return keys;
}

//! Reads one technologies file into a TechnologyParameters; every error names the
//! file, and where there is one the technology and the parameter.
class Reader {
public:
    Reader(const QString &fileName, TechnologyParameters *out)
        : m_fileName(fileName), m_out(out)
    {
    }

    Status read(const QByteArray &json);

private:
    Status error(const QString &what) const { return Status::error(m_fileName + QStringLiteral(": ") + what); }
    Status checkTechnology(const QString &technology, const QJsonValue &value);
    //! The parameter's value, unwrapping {"value": ..., "source": ...}; records its source.
    Status value(const QString &technology, const QString &key, QJsonValue *out);
    Status readTrips(const QJsonValue &value);
    Status checkTogether() const;

    QString m_fileName;
    TechnologyParameters *m_out;
    QJsonObject m_technologies;
};

Status Reader::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return error(QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != QLatin1String("version") && it.key() != QLatin1String("notes")
            && it.key() != QLatin1String("technologies"))
            return error(QStringLiteral("unknown key '%1' (known: version, notes, technologies)").arg(it.key()));
    // A later layout gets a new version, so an old TownTwin does not misread it.
    if (root.value(QLatin1String("version")) != QJsonValue(1))
        return error(QStringLiteral("version is %1, expected 1").arg(describe(root.value(QLatin1String("version")))));
    if (!root.value(QLatin1String("technologies")).isObject())
        return error(QStringLiteral("'technologies' must be an object of technologies"));
    m_technologies = root.value(QLatin1String("technologies")).toObject();

    QStringList known;
    for (const char *t : kTechnologies)
        known.append(QLatin1String(t));
    for (auto it = m_technologies.begin(); it != m_technologies.end(); ++it)
        if (!known.contains(it.key()))
            return error(QStringLiteral("unknown technology '%1' (known: %2)")
                             .arg(it.key(), known.join(QStringLiteral(", "))));
    for (const QString &technology : known) {
        const Status s = checkTechnology(technology, m_technologies.value(technology));
        if (!s)
            return s;
    }

    for (const NumberSpec &spec : numberSpecs()) {
        const QString technology = QLatin1String(spec.technology), key = QLatin1String(spec.key);
        QJsonValue v;
        const Status s = value(technology, key, &v);
        if (!s)
            return s;
        if (!v.isDouble())
            return error(QStringLiteral("%1: %2 is %3, not a number").arg(technology, key, describe(v)));
        if (!contains(spec.range, v.toDouble()))
            return error(QStringLiteral("%1: %2 is %3, out of range: must be %4")
                             .arg(technology, key, describe(v), rangeText(spec.range)));
        spec.field(*m_out) = v.toDouble();
    }
    QJsonValue v2g;
    if (const Status s = value(QStringLiteral("ev_fleet"), QLatin1String(kEvV2g), &v2g); !s)
        return s;
    if (!v2g.isBool())
        return error(QStringLiteral("ev_fleet: v2g is %1, not true or false").arg(describe(v2g)));
    m_out->evFleet.v2g = v2g.toBool();
    QJsonValue trips;
    if (const Status s = value(QStringLiteral("ev_fleet"), QLatin1String(kEvTrips), &trips); !s)
        return s;
    if (const Status s = readTrips(trips); !s)
        return s;
    return checkTogether();
}

Status Reader::checkTechnology(const QString &technology, const QJsonValue &value)
{
    if (value.isUndefined())
        return error(QStringLiteral("technology '%1' is missing").arg(technology));
    if (!value.isObject())
        return error(QStringLiteral("%1: must be an object of parameters, is %2").arg(technology, describe(value)));
    const QJsonObject parameters = value.toObject();
    const QStringList keys = knownParameters(technology);
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (it.key() == kSource) {
            if (!it.value().isString())
                return error(QStringLiteral("%1: source must be text").arg(technology));
            continue;
        }
        if (!keys.contains(it.key()))
            return error(QStringLiteral("%1: unknown parameter '%2' (known: %3)")
                             .arg(technology, it.key(), keys.join(QStringLiteral(", "))));
    }
    return Status::success();
}

Status Reader::value(const QString &technology, const QString &key, QJsonValue *out)
{
    const QJsonObject parameters = m_technologies.value(technology).toObject();
    QJsonValue v = parameters.value(key);
    if (v.isUndefined())
        return error(QStringLiteral("%1: parameter '%2' is missing").arg(technology, key));
    QString source = parameters.value(kSource).toString();
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != kValue && it.key() != kSource)
                return error(QStringLiteral("%1: %2: unknown key '%3' (known: value, source)")
                                 .arg(technology, key, it.key()));
        if (!o.contains(kValue))
            return error(QStringLiteral("%1: %2 has no value").arg(technology, key));
        if (o.contains(kSource) && !o.value(kSource).isString())
            return error(QStringLiteral("%1: %2: source must be text").arg(technology, key));
        v = o.value(kValue);
        source = o.value(kSource).toString(source);
    }
    m_out->sources.insert(technology + QLatin1Char('/') + key, source);
    *out = v;
    return Status::success();
}

Status Reader::readTrips(const QJsonValue &value)
{
    const QString where = QStringLiteral("ev_fleet: trips");
    if (!value.isArray() || value.toArray().isEmpty())
        return error(QStringLiteral("%1 is %2, must be a list of at least one trip").arg(where, describe(value)));
    const QStringList keys{QStringLiteral("name"), QStringLiteral("share"), QStringLiteral("depart_hour"),
                           QStringLiteral("return_hour"), QStringLiteral("trip_kwh"), QStringLiteral("weekdays_only")};
    double shares = 0.0;
    m_out->evFleet.trips.clear();
    const QJsonArray list = value.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString trip = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!list[i].isObject())
            return error(QStringLiteral("%1 is %2, must be an object").arg(trip, describe(list[i])));
        const QJsonObject o = list[i].toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!keys.contains(it.key()))
                return error(QStringLiteral("%1: unknown key '%2' (known: %3)")
                                 .arg(trip, it.key(), keys.join(QStringLiteral(", "))));
        for (const QString &key : keys)
            if (!o.contains(key))
                return error(QStringLiteral("%1: '%2' is missing").arg(trip, key));
        EvTrip t;
        const QJsonValue name = o.value(QLatin1String("name"));
        if (!name.isString() || name.toString().isEmpty())
            return error(QStringLiteral("%1.name is %2, must be a text that is not empty").arg(trip, describe(name)));
        t.name = name.toString();
        const auto number = [&](const char *key, Range r, bool whole, double *out) {
            const QJsonValue v = o.value(QLatin1String(key));
            const double d = v.toDouble();
            if (!v.isDouble() || !contains(r, d) || (whole && d != std::floor(d)))
                return error(QStringLiteral("%1.%2 is %3, must be %4%5")
                                 .arg(trip, QLatin1String(key), describe(v),
                                      whole ? QStringLiteral("a whole number ") : QString(), rangeText(r)));
            *out = d;
            return Status::success();
        };
        double depart = 0.0, back = 0.0;
        Status s = number("share", {0.0, 1.0}, false, &t.share);
        if (s)
            s = number("depart_hour", {double(EvTrip::kEarliestDepartHour), double(EvTrip::kLatestDepartHour)}, true,
                       &depart);
        if (s)
            s = number("return_hour", {depart + 1.0, double(EvTrip::kLatestReturnHour)}, true, &back);
        if (s)
            s = number("trip_kwh", {0.0, 1000.0}, false, &t.tripKwh);
        if (!s)
            return s;
        if (!o.value(QLatin1String("weekdays_only")).isBool())
            return error(QStringLiteral("%1.weekdays_only is %2, not true or false")
                             .arg(trip, describe(o.value(QLatin1String("weekdays_only")))));
        t.departHour = int(depart);
        t.returnHour = int(back);
        t.weekdaysOnly = o.value(QLatin1String("weekdays_only")).toBool();
        shares += t.share;
        m_out->evFleet.trips.append(t);
    }
    if (shares > 1.0 + 1e-9)
        return error(QStringLiteral("%1: the shares add up to %2, more than the whole fleet").arg(where).arg(shares));
    return Status::success();
}

// Parameters that only make sense together.
Status Reader::checkTogether() const
{
    const TechnologyParameters &t = *m_out;
    if (t.chp.elecEfficiency + t.chp.thermalEfficiency > ChpParameters::kMaxTotalEfficiency)
        return error(QStringLiteral("chp: thermal_efficiency %1 with elec_efficiency %2 is %3 in all, above %4")
                         .arg(t.chp.thermalEfficiency).arg(t.chp.elecEfficiency)
                         .arg(t.chp.elecEfficiency + t.chp.thermalEfficiency).arg(ChpParameters::kMaxTotalEfficiency));
    const WindTurbineParameters &w = t.wind.turbine;
    if (!(w.cutInMs < w.ratedSpeedMs && w.ratedSpeedMs < w.cutOutMs))
        return error(QStringLiteral("wind_turbine: rated_speed_ms %1 must lie between cut_in_ms %2 and cut_out_ms %3")
                         .arg(w.ratedSpeedMs).arg(w.cutInMs).arg(w.cutOutMs));
    const HeatPumpParameters &hp = t.heatPump;
    if (hp.supplyTempMaxC < hp.supplyTempMinC)
        return error(QStringLiteral("heat_pump: supply_temp_max_c %1 is below supply_temp_min_c %2")
                         .arg(hp.supplyTempMaxC).arg(hp.supplyTempMinC));
    if (hp.outdoorTempAtMaxSupplyC >= hp.outdoorTempAtMinSupplyC)
        return error(QStringLiteral("heat_pump: outdoor_temp_at_max_supply_c %1 must be colder than "
                                    "outdoor_temp_at_min_supply_c %2")
                         .arg(hp.outdoorTempAtMaxSupplyC).arg(hp.outdoorTempAtMinSupplyC));
    for (const auto &[technology, storage] :
         {std::pair{"battery", &t.battery}, std::pair{"thermal_storage", &t.thermalStorage}}) {
        const StorageUnit &u = storage->unit;
        if (!(u.socMin <= u.initialSoc && u.initialSoc <= u.socMax))
            return error(QStringLiteral("%1: initial_soc %2 must lie between soc_min %3 and soc_max %4")
                             .arg(QLatin1String(technology)).arg(u.initialSoc).arg(u.socMin).arg(u.socMax));
    }
    const auto checkCosts = [this](const char *technology, const CostParameters &c) {
        if (c.replacementCost > c.capex)
            return error(QStringLiteral("%1: replacement_cost %2 is above capex %3: it is a part of the capex")
                             .arg(QLatin1String(technology)).arg(c.replacementCost).arg(c.capex));
        if (c.replacementCost > 0.0 && !(c.replacementYears > 0.0 && c.replacementYears < c.lifetimeYears))
            return error(QStringLiteral("%1: replacement_years %2 must lie above 0 and below lifetime_years %3")
                             .arg(QLatin1String(technology)).arg(c.replacementYears).arg(c.lifetimeYears));
        return Status::success();
    };
    const TechnologyCosts &c = t.costs;
    for (const auto &[technology, costs] :
         {std::pair{"rooftop_pv", &c.rooftopPv}, std::pair{"ground_pv", &c.groundPv}, std::pair{"wind_turbine", &c.wind},
          std::pair{"chp", &c.chp}, std::pair{"gas_boiler", &c.gasBoiler}, std::pair{"biomass_boiler", &c.biomassBoiler},
          std::pair{"heat_pump", &c.heatPump}, std::pair{"chiller", &c.chiller}, std::pair{"battery", &c.battery},
          std::pair{"thermal_storage", &c.thermalStorage}, std::pair{"ev_fleet", &c.evFleet},
          std::pair{"grid_connection", &c.grid}})
        if (const Status s = checkCosts(technology, *costs); !s)
            return s;
    if (t.evFleet.minSoc > t.evFleet.departureSoc)
        return error(QStringLiteral("ev_fleet: min_soc %1 is above departure_soc %2")
                         .arg(t.evFleet.minSoc).arg(t.evFleet.departureSoc));
    return Status::success();
}
} // namespace

double HeatPumpParameters::supplyTempC(double outdoorC) const
{
    return std::clamp(supplyTempMinC
                          + (supplyTempMaxC - supplyTempMinC) * (outdoorTempAtMinSupplyC - outdoorC)
                              / (outdoorTempAtMinSupplyC - outdoorTempAtMaxSupplyC),
                      supplyTempMinC, supplyTempMaxC);
}

namespace {
// A heat pump lifting heat to `supplyC`: a share of the Carnot COP, never below 1 (the
// compressor's work ends up as heat too) nor above maxCop.
double heatingCop(const HeatPumpParameters &p, double supplyC, double sourceC)
{
    const double lift = std::max(p.minLiftK, supplyC - sourceC);
    return std::clamp(p.carnotEfficiency * (supplyC + 273.15) / lift, 1.0, p.maxCop);
}
} // namespace

double HeatPumpParameters::cop(double outdoorC, double sourceC) const
{
    return heatingCop(*this, supplyTempC(outdoorC), sourceC);
}

double HeatPumpParameters::dhwCop(double sourceC) const
{
    return heatingCop(*this, dhwSupplyTempC, sourceC);
}

double HeatPumpParameters::coolingCop(double sourceC) const
{
    if (coolingCarnotEfficiency <= 0.0)
        return 0.0;
    const double lift = std::max(minLiftK, sourceC + coolingRejectionRiseK - coolingSupplyTempC);
    return std::clamp(coolingCarnotEfficiency * (coolingSupplyTempC + 273.15) / lift, 1.0, maxCop);
}

QString TechnologyParameters::bundledFileName()
{
    return QStringLiteral("resources/energy/technologies.json");
}

Status TechnologyParameters::load(const QByteArray &json, const QString &fileName, TechnologyParameters *out)
{
    TechnologyParameters parsed;
    const Status s = Reader(fileName, &parsed).read(json);
    if (s)
        *out = std::move(parsed);
    return s;
}

Status TechnologyParameters::loadFile(const QString &path, TechnologyParameters *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::error(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    return load(file.readAll(), path, out);
}

Status TechnologyParameters::loadBundled(TechnologyParameters *out)
{
    return load(BundledResources::read(QStringLiteral("energy/technologies.json")), bundledFileName(), out);
}

const TechnologyParameters &TechnologyParameters::bundled()
{
    static const TechnologyParameters parameters = [] {
        TechnologyParameters p;
        const Status s = loadBundled(&p);
        if (!s)
            qFatal("%s", qPrintable(s.message));
        return p;
    }();
    return parameters;
}

TechnologyParameters::Range TechnologyParameters::range(const char *technology, const char *parameter)
{
    for (const NumberSpec &s : numberSpecs())
        if (qstrcmp(s.technology, technology) == 0 && qstrcmp(s.key, parameter) == 0)
            return s.range;
    Q_ASSERT_X(false, "TechnologyParameters::range", parameter);
    return {-kInf, kInf};
}

} // namespace tt
