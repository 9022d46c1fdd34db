// SPDX-License-Identifier: MIT
#pragma once

#include "ServiceType.h"
#include "core/BuildingUse.h"

#include <QString>
#include <QVariantMap>

#include <array>

namespace tt {

//! Capacity factors and walking radii of the zoning analysis, read from
//! Town::settings. A default-constructed value holds the documented defaults;
//! keys, units, defaults and their sources are all listed here.
struct ZoningSettings {
    //! m² of residential gross floor area per resident: China's urban per-capita
    //! housing floor area was about 40 m² in 2019-2020 (National Bureau of
    //! Statistics). Fixed project-wide; the sample-town generator uses it.
    static constexpr double kDefaultResidentialM2PerPerson = 40.0;

    //! Gross floor area per job (m²) by BuildingUse, 0 = the use creates no jobs.
    //! Typical planning rules of thumb, in the ranges of the Homes & Communities
    //! Agency "Employment Density Guide" (3rd ed., 2015) converted from net to
    //! gross floor area, and of Chinese facility standards' staff ratios.
    static constexpr std::array<double, kBuildingUseCount> kDefaultM2PerJob = {
        0.0,    // residential: homes, not workplaces
        20.0,   // office: 12-16 m² NIA per desk plus circulation
        35.0,   // retail: high street 15-20 m² NIA, malls and supermarkets sparser
        60.0,   // hospital: ~90 m² per bed at ~1.5 staff per bed
        120.0,  // school: ~10 m² per pupil at ~1 staff per 12 pupils
        60.0,   // hotel: roughly one job per two rooms
        20.0,   // restaurant: kitchen and service staff are dense
        60.0,   // industrial: general manufacturing 36-47 m² NIA, plus plant space
        150.0,  // warehouse: storage and distribution sheds
        120.0,  // elderly care: ~40 m² per bed at one carer per three beds
        30.0,   // lab: research and development, office-like plus equipment
        500.0,  // server room: unattended halls
        0.0,    // parking
        50.0,   // public service: civic buildings, halls
        200.0,  // agricultural buildings: barns, greenhouses
        500.0,  // energy plant: automated, a few operators per shift
        50.0,   // other
    };

    //! Walking radii (m) by ServiceType, after the 5-, 10- and 15-minute life
    //! circles (300 m, 500 m, 800-1000 m) of China's Standard for Urban
    //! Residential Area Planning and Design (GB 50180-2018): primary school and
    //! daily shopping in the 10-minute circle, clinic and elderly care in the
    //! 15-minute circle, a pocket park in the 5-minute circle.
    static constexpr std::array<double, kServiceTypeCount> kDefaultReachRadiusM = {500.0, 1000.0, 1000.0, 500.0,
                                                                                  300.0};

    //! "residential_m2_per_person", m² per resident.
    double residentialM2PerPerson = kDefaultResidentialM2PerPerson;
    //! "m2_per_job_<use key>", m² GFA per job.
    std::array<double, kBuildingUseCount> m2PerJob = kDefaultM2PerJob;
    //! "school_m2_per_seat", m² School GFA per pupil place: Chinese urban school building standards give 8-12.
    double schoolM2PerSeat = 10.0;
    //! "hospital_m2_per_bed", m² Hospital GFA per bed: general hospitals 80-110 (建标110-2008).
    double hospitalM2PerBed = 90.0;
    //! "elderly_care_m2_per_bed", m² ElderlyCare GFA per bed: a typical planning figure for care homes.
    double elderlyCareM2PerBed = 40.0;
    //! "reach_radius_m_<service key>", metres.
    std::array<double, kServiceTypeCount> reachRadiusM = kDefaultReachRadiusM;

    //! Defaults overridden by every key present in settings; values that are not
    //! numbers, or not positive (not negative for jobs), are ignored.
    static ZoningSettings fromSettings(const QVariantMap &settings);

    //! Settings key of a use's m² per job, "m2_per_job_<use key>".
    static QString jobKey(BuildingUse use);
    //! Settings key of a service's walking radius, "reach_radius_m_<service key>".
    static QString radiusKey(ServiceType type);
};

} // namespace tt
