// SPDX-License-Identifier: MIT
#include "KpiReport.h"

#include <QJsonArray>

namespace tt {

namespace {
constexpr double kM2PerKm2 = 1e6;

QJsonObject tallyJson(const LandUseTally &t)
{
    return QJsonObject{{QStringLiteral("area_m2"), t.areaM2},       {QStringLiteral("footprint_m2"), t.footprintM2},
                       {QStringLiteral("gfa_m2"), t.gfaM2},         {QStringLiteral("far"), t.far()},
                       {QStringLiteral("coverage"), t.coverage()}, {QStringLiteral("buildings"), t.buildings}};
}

QJsonObject byUse(const std::array<double, kBuildingUseCount> &values)
{
    QJsonObject o;
    for (int u = 0; u < kBuildingUseCount; ++u)
        o.insert(buildinguse::key(BuildingUse(u)), values[u]);
    return o;
}

QJsonObject landUseJson(const LandUseStatistics &s)
{
    QJsonObject classes;
    for (int c = 0; c < kZoneClassCount; ++c) {
        QJsonObject o = tallyJson(s.classes[c]);
        o.insert(QStringLiteral("area_km2"), s.classes[c].areaM2 / kM2PerKm2);
        o.insert(QStringLiteral("share"), s.classShare(ZoneClass(c)));
        classes.insert(zoneclass::key(ZoneClass(c)), o);
    }
    QJsonArray zones;
    for (const ZoneLandUse &z : s.zones) {
        QJsonObject o = tallyJson(z.tally);
        o.insert(QStringLiteral("id"), qint64(z.id));
        o.insert(QStringLiteral("name"), z.name);
        o.insert(QStringLiteral("class"), zoneclass::key(z.zoneClass));
        zones.append(o);
    }
    return QJsonObject{
        {QStringLiteral("site_area_m2"), s.siteAreaM2},
        {QStringLiteral("site_area_km2"), s.siteAreaM2 / kM2PerKm2},
        {QStringLiteral("site_area_source"), s.siteFromBoundary ? QStringLiteral("boundary") : QStringLiteral("zones")},
        {QStringLiteral("classes"), classes},
        {QStringLiteral("built_up_area_m2"), s.builtUpAreaM2},
        {QStringLiteral("built_up_area_km2"), s.builtUpAreaM2 / kM2PerKm2},
        {QStringLiteral("agricultural_area_m2"), s.agriculturalAreaM2},
        {QStringLiteral("agricultural_area_km2"), s.agriculturalAreaM2 / kM2PerKm2},
        {QStringLiteral("farmland_share"), s.farmlandShare()},
        {QStringLiteral("green_area_km2"), s.greenAreaM2 / kM2PerKm2},
        {QStringLiteral("green_ratio"), s.greenRatio()},
        {QStringLiteral("footprint_m2"), s.footprintM2},
        {QStringLiteral("gfa_m2"), s.gfaM2},
        {QStringLiteral("gfa_by_use_m2"), byUse(s.gfaByUseM2)},
        {QStringLiteral("far_built_up"), s.farBuiltUp()},
        {QStringLiteral("coverage_built_up"), s.coverageBuiltUp()},
        {QStringLiteral("buildings"), s.buildings},
        {QStringLiteral("unzoned_buildings"), s.unzonedBuildings},
        {QStringLiteral("zones"), zones},
    };
}
} // namespace

QHash<QString, double> KpiReport::metrics() const
{
    const LandUseStatistics &s = landUse;
    QHash<QString, double> m{
        {QStringLiteral("site_area_km2"), s.siteAreaM2 / kM2PerKm2},
        {QStringLiteral("built_up_area_km2"), s.builtUpAreaM2 / kM2PerKm2},
        {QStringLiteral("agricultural_area_km2"), s.agriculturalAreaM2 / kM2PerKm2},
        {QStringLiteral("green_area_km2"), s.greenAreaM2 / kM2PerKm2},
        {QStringLiteral("farmland_share"), s.farmlandShare()},
        {QStringLiteral("green_ratio"), s.greenRatio()},
        {QStringLiteral("far_built_up"), s.farBuiltUp()},
        {QStringLiteral("coverage_built_up"), s.coverageBuiltUp()},
        {QStringLiteral("footprint_m2"), s.footprintM2},
        {QStringLiteral("gfa_m2"), s.gfaM2},
        {QStringLiteral("buildings"), double(s.buildings)},
        {QStringLiteral("unzoned_buildings"), double(s.unzonedBuildings)},
        {QStringLiteral("residents"), capacity.residents},
        {QStringLiteral("jobs"), capacity.jobs},
        {QStringLiteral("school_seats"), capacity.schoolSeats},
        {QStringLiteral("hospital_beds"), capacity.hospitalBeds},
        {QStringLiteral("elderly_care_beds"), capacity.elderlyCareBeds},
    };
    for (int c = 0; c < kZoneClassCount; ++c) {
        const QString key = zoneclass::key(ZoneClass(c));
        m.insert(QStringLiteral("area_km2.") + key, s.classes[c].areaM2 / kM2PerKm2);
        m.insert(QStringLiteral("share.") + key, s.classShare(ZoneClass(c)));
    }
    for (int u = 0; u < kBuildingUseCount; ++u)
        m.insert(QStringLiteral("gfa_m2.") + buildinguse::key(BuildingUse(u)), s.gfaByUseM2[u]);
    for (int t = 0; t < kServiceTypeCount; ++t)
        m.insert(QStringLiteral("reach.") + servicetype::key(ServiceType(t)), serviceReach.services[t].share);
    return m;
}

QJsonObject KpiReport::toJson() const
{
    const QJsonObject capacityJson{
        {QStringLiteral("residents"), capacity.residents},
        {QStringLiteral("jobs"), capacity.jobs},
        {QStringLiteral("jobs_by_use"), byUse(capacity.jobsByUse)},
        {QStringLiteral("school_seats"), capacity.schoolSeats},
        {QStringLiteral("hospital_beds"), capacity.hospitalBeds},
        {QStringLiteral("elderly_care_beds"), capacity.elderlyCareBeds},
    };
    QJsonObject services;
    for (int t = 0; t < kServiceTypeCount; ++t) {
        const ServiceReachEntry &e = serviceReach.services[t];
        services.insert(servicetype::key(ServiceType(t)),
                        QJsonObject{{QStringLiteral("share"), e.share},
                                    {QStringLiteral("radius_m"), e.radiusM},
                                    {QStringLiteral("providers"), e.providers}});
    }
    const QJsonObject reachJson{
        {QStringLiteral("method"),
         serviceReach.alongRoads ? QStringLiteral("road_network") : QStringLiteral("straight_line")},
        {QStringLiteral("residents"), serviceReach.residents},
        {QStringLiteral("services"), services},
    };
    QJsonArray checks;
    for (const PlanCheckResult &r : planCheck.results) {
        checks.append(QJsonObject{{QStringLiteral("id"), r.id},
                                  {QStringLiteral("label"), r.label},
                                  {QStringLiteral("metric"), r.metric},
                                  {QStringLiteral("unit"), r.unit},
                                  {QStringLiteral("value"), r.value},
                                  {QStringLiteral("target"), r.target},
                                  {QStringLiteral("status"), PlanChecker::key(r.status)}});
    }
    QJsonObject out{
        {QStringLiteral("land_use"), landUseJson(landUse)},
        {QStringLiteral("capacity"), capacityJson},
        {QStringLiteral("service_reach"), reachJson},
        {QStringLiteral("plan_check"), checks},
        {QStringLiteral("plan_check_summary"),
         QJsonObject{{QStringLiteral("pass"), planCheck.count(RuleStatus::Pass)},
                     {QStringLiteral("warn"), planCheck.count(RuleStatus::Warn)},
                     {QStringLiteral("fail"), planCheck.count(RuleStatus::Fail)}}},
    };
    if (!planCheck.status.ok)
        out.insert(QStringLiteral("plan_check_error"), planCheck.status.message);
    return out;
}

} // namespace tt
