// SPDX-License-Identifier: MIT
#include "ArchetypeLibrary.h"

#include "ArchetypeSets.h"
#include "WeatherYear.h"
#include "core/BundledResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tt {

namespace {
bool readDay(const QJsonValue &v, Archetype::Day *day)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 24)
        return false;
    for (int h = 0; h < 24; ++h)
        (*day)[h] = a[h].toDouble();
    return true;
}

bool readSeries(const QJsonObject &profile, const char *name, Archetype::Day out[2])
{
    const QJsonObject s = profile.value(QLatin1String(name)).toObject();
    return readDay(s.value(QLatin1String("weekday")), &out[0]) && readDay(s.value(QLatin1String("weekend")), &out[1]);
}

//! A schedule a profile may leave out: `fallback` then (all day at 1 when none is given).
bool readOptionalSeries(const QJsonObject &profile, const char *name, Archetype::Day out[2],
                        const Archetype::Day *fallback = nullptr)
{
    if (!profile.contains(QLatin1String(name))) {
        for (int day = 0; day < 2; ++day) {
            if (fallback)
                out[day] = fallback[day];
            else
                out[day].fill(1.0);
        }
        return true;
    }
    return readSeries(profile, name, out);
}

EnvelopeValues readEnvelope(const QJsonObject &o)
{
    EnvelopeValues e;
    e.wallU = o.value(QLatin1String("wall_u")).toDouble(e.wallU);
    e.roofU = o.value(QLatin1String("roof_u")).toDouble(e.roofU);
    e.floorU = o.value(QLatin1String("floor_u")).toDouble(e.floorU);
    e.windowU = o.value(QLatin1String("window_u")).toDouble(e.windowU);
    e.windowG = o.value(QLatin1String("window_g")).toDouble(e.windowG);
    return e;
}
} // namespace

Status ArchetypeLibrary::loadBundled(ArchetypeLibrary *out)
{
    return loadBundled(ArchetypeSets::kDefault, out);
}

Status ArchetypeLibrary::loadBundled(const QString &setKey, ArchetypeLibrary *out)
{
    const QString file = QStringLiteral("resources/energy/archetypes/%1.json").arg(setKey);
    const QByteArray json = BundledResources::read(QStringLiteral("energy/archetypes/%1.json").arg(setKey));
    if (json.isEmpty())
        return Status::error(QStringLiteral("%1: no such archetype set").arg(file), ErrorCode::CannotOpen);
    ArchetypeLibrary lib;
    if (const Status s = load(json, &lib); !s)
        return Status::error(QStringLiteral("%1: %2").arg(file, s.message), s.code);
    // The file name is the key projects and ArchetypeSets use: the file must agree.
    if (lib.key() != setKey)
        return Status::error(QStringLiteral("%1: its key '%2' is not its file name").arg(file, lib.key()));
    *out = std::move(lib);
    return Status::success();
}

Status ArchetypeLibrary::load(const QByteArray &json, ArchetypeLibrary *out)
{
    const auto err = [](const QString &what) {
        return Status::error(QStringLiteral("archetype set: %1").arg(what));
    };
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty())
        return err(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));

    ArchetypeLibrary lib;
    lib.m_key = root.value(QLatin1String("key")).toString();
    lib.m_name = root.value(QLatin1String("name")).toString();
    lib.m_groundReduction = root.value(QLatin1String("ground_reduction_factor")).toDouble(0.5);
    lib.m_frameFactor = root.value(QLatin1String("window_frame_factor")).toDouble(0.7);
    lib.m_shadingFactor = root.value(QLatin1String("window_shading_factor")).toDouble(0.8);
    const QJsonObject movable = root.value(QLatin1String("movable_shading")).toObject();
    lib.m_shadingThreshold = movable.value(QLatin1String("threshold_w_m2")).toDouble(300.0);
    lib.m_movableShading = std::clamp(movable.value(QLatin1String("factor")).toDouble(1.0), 0.0, 1.0);
    lib.m_itCooling = std::max(0.0, root.value(QLatin1String("it_cooling_factor")).toDouble(1.0));

    const QJsonObject envelopes = root.value(QLatin1String("envelope")).toObject();
    for (const QJsonValue &p : root.value(QLatin1String("envelope_periods")).toArray()) {
        const QString key = p.toObject().value(QLatin1String("key")).toString();
        if (!envelopes.contains(key))
            return err(QStringLiteral("envelope period '%1' has no envelope values").arg(key));
        const int untilYear = p.toObject().value(QLatin1String("until_year")).toInt(9999);
        lib.m_periods.append({untilYear, readEnvelope(envelopes.value(key).toObject())});
    }
    const QString unknownKey = root.value(QLatin1String("unknown_year_period")).toString();
    if (lib.m_periods.isEmpty() || !envelopes.contains(unknownKey))
        return err(QStringLiteral("envelope periods or unknown_year_period missing"));
    lib.m_unknownYear = readEnvelope(envelopes.value(unknownKey).toObject());

    const QJsonObject classes = root.value(QLatin1String("capacity_classes")).toObject();
    const QJsonObject profiles = root.value(QLatin1String("profiles")).toObject();
    const QJsonObject uses = root.value(QLatin1String("uses")).toObject();
    lib.m_uses.resize(kBuildingUseCount);
    for (int i = 0; i < kBuildingUseCount; ++i) {
        const QString key = buildinguse::key(BuildingUse(i));
        if (!uses.contains(key))
            return err(QStringLiteral("no archetype for use '%1'").arg(key));
        const QJsonObject u = uses.value(key).toObject();
        Archetype &a = lib.m_uses[i];
        a.use = BuildingUse(i);
        a.source = u.value(QLatin1String("note")).toString();
        const QString profileKey = u.value(QLatin1String("profile")).toString();
        const QJsonObject profile = profiles.value(profileKey).toObject();
        if (!readSeries(profile, "occupancy", a.occupancy) || !readSeries(profile, "lighting", a.lighting)
            || !readSeries(profile, "appliances", a.appliances) || !readOptionalSeries(profile, "process", a.process)
            || !readOptionalSeries(profile, "hvac", a.hvac)
            || !readOptionalSeries(profile, "hvac_heating", a.hvacHeating, a.hvac))
            return err(QStringLiteral("use '%1': profile '%2' needs 24 weekday and weekend values per schedule")
                           .arg(key, profileKey));
        const auto num = [&u](const char *name, double fallback) {
            return u.value(QLatin1String(name)).toDouble(fallback);
        };
        a.m2PerPerson = std::max(1.0, num("m2_per_person", a.m2PerPerson));
        a.occupantGainW = num("occupant_gain_w", a.occupantGainW);
        a.lightingWm2 = num("lighting_w_m2", a.lightingWm2);
        a.appliancesWm2 = num("appliances_w_m2", a.appliancesWm2);
        a.processWm2 = num("process_w_m2", a.processWm2);
        a.itWm2 = std::max(0.0, num("it_w_m2", a.itWm2));
        a.occupantLatentW = std::max(0.0, num("occupant_latent_w", a.occupantLatentW));
        a.conditionedShare = std::clamp(num("conditioned_share", a.conditionedShare), 0.0, 1.0);
        a.heatingSetpointC = num("heating_setpoint_c", a.heatingSetpointC);
        a.heatingSetbackC = num("heating_setback_c", a.heatingSetbackC);
        a.coolingSetpointC = num("cooling_setpoint_c", a.coolingSetpointC);
        a.coolingSetbackC = num("cooling_setback_c", a.coolingSetbackC);
        a.dhwKwhM2Day = num("dhw_kwh_m2_day", a.dhwKwhM2Day);
        a.ventilationM3hM2 = num("ventilation_m3h_m2", a.ventilationM3hM2);
        a.ventilationOccupancyShare = std::clamp(num("ventilation_occupancy_share", 0.0), 0.0, 1.0);
        a.infiltrationAch = num("infiltration_ach", a.infiltrationAch);
        a.wwr = num("wwr", a.wwr);
        const QString capacity = u.value(QLatin1String("thermal_capacity")).toString();
        if (!classes.contains(capacity))
            return err(QStringLiteral("use '%1': unknown thermal capacity class '%2'").arg(key, capacity));
        // The limit as a humidity ratio, or as relative humidity at the cooling set point.
        if (u.contains(QLatin1String("max_humidity_g_per_kg")))
            a.maxHumidityGPerKg = std::max(1.0, num("max_humidity_g_per_kg", 1000.0));
        else if (u.contains(QLatin1String("max_relative_humidity_pct")))
            a.maxHumidityGPerKg = WeatherYear::humidityRatioAt(
                a.coolingSetpointC, std::clamp(num("max_relative_humidity_pct", 100.0), 5.0, 100.0) / 100.0);
        a.cmJPerKM2 = classes.value(capacity).toObject().value(QLatin1String("cm_j_per_k_m2")).toDouble();
        a.amFactor = classes.value(capacity).toObject().value(QLatin1String("am_factor")).toDouble();
    }
    *out = std::move(lib);
    return Status::success();
}

EnvelopeValues ArchetypeLibrary::envelope(int year) const
{
    if (year <= 0)
        return m_unknownYear;
    for (const Period &p : m_periods)
        if (year <= p.untilYear)
            return p.values;
    return m_periods.last().values;
}

} // namespace tt
