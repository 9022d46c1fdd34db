// SPDX-License-Identifier: MIT
#include "ZoningSettings.h"

namespace tt {

namespace {
double positiveOr(const QVariantMap &settings, const QString &key, double fallback, bool allowZero)
{
    const auto it = settings.constFind(key);
    if (it == settings.constEnd())
        return fallback;
    bool ok = false;
    const double v = it->toDouble(&ok);
    return ok && (v > 0.0 || (allowZero && v == 0.0)) ? v : fallback;
}
} // namespace

ZoningSettings ZoningSettings::fromSettings(const QVariantMap &settings)
{
    ZoningSettings s;
    s.residentialM2PerPerson =
        positiveOr(settings, QStringLiteral("residential_m2_per_person"), s.residentialM2PerPerson, false);
    for (int i = 0; i < kBuildingUseCount; ++i)
        s.m2PerJob[i] = positiveOr(settings, jobKey(BuildingUse(i)), s.m2PerJob[i], true);
    s.schoolM2PerSeat = positiveOr(settings, QStringLiteral("school_m2_per_seat"), s.schoolM2PerSeat, false);
    s.hospitalM2PerBed = positiveOr(settings, QStringLiteral("hospital_m2_per_bed"), s.hospitalM2PerBed, false);
    s.elderlyCareM2PerBed =
        positiveOr(settings, QStringLiteral("elderly_care_m2_per_bed"), s.elderlyCareM2PerBed, false);
    for (int i = 0; i < kServiceTypeCount; ++i)
        s.reachRadiusM[i] = positiveOr(settings, radiusKey(ServiceType(i)), s.reachRadiusM[i], false);
    return s;
}

QString ZoningSettings::jobKey(BuildingUse use)
{
    return QStringLiteral("m2_per_job_") + buildinguse::key(use);
}

QString ZoningSettings::radiusKey(ServiceType type)
{
    return QStringLiteral("reach_radius_m_") + servicetype::key(type);
}

} // namespace tt
