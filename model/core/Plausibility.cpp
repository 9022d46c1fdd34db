// SPDX-License-Identifier: MIT
#include "Plausibility.h"

#include <algorithm>
#include <cmath>

namespace tt::plausibility {

namespace {

//! A numeric setting's plausible range; zeroAllowed for factors where 0 means "none".
struct SettingLimit {
    const char *key;  //!< whole key, or a prefix ending in '_' for a family ("m2_per_job_")
    double min;
    double max;
    bool zeroAllowed;
    const char *meaning;
};

// The numeric settings ZoningSettings reads (its defaults and sources are documented there).
// The ranges are wide: they catch signs, zeros, unit slips and typos, not choices.
const SettingLimit kSettingLimits[] = {
    {"residential_m2_per_person", 5.0, 500.0, false, "m² of residential floor area per resident"},
    {"school_m2_per_seat", 1.0, 200.0, false, "m² of school floor area per pupil place"},
    {"hospital_m2_per_bed", 5.0, 2000.0, false, "m² of hospital floor area per bed"},
    {"elderly_care_m2_per_bed", 5.0, 2000.0, false, "m² of elderly-care floor area per bed"},
    {"m2_per_job_", 1.0, 100000.0, true, "m² of floor area per job, or 0 for no jobs"},
    {"reach_radius_m_", 10.0, 50000.0, false, "walking radius in metres"},
    // LifecycleEconomics::financeFor reads these.
    {"discount_rate", 0.0, 0.5, false, "real discount rate per year, e.g. 0.06"},
    {"analysis_years", 1.0, 100.0, false, "years of the economic analysis"},
};

const SettingLimit *limitFor(const QString &key)
{
    for (const SettingLimit &limit : kSettingLimits) {
        const QLatin1String name(limit.key);
        if (name.endsWith(QLatin1Char('_')) ? key.startsWith(name) : key == name)
            return &limit;
    }
    return nullptr;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

QString heightProblem(double heightM)
{
    if (!std::isfinite(heightM))
        return QStringLiteral("not a number");
    if (heightM <= 0.0)
        return heightM < 0.0 ? QStringLiteral("negative") : QStringLiteral("zero");
    if (heightM < kMinHeightM)
        return QStringLiteral("lower than %1 m").arg(kMinHeightM);
    if (heightM > kMaxHeightM)
        return QStringLiteral("taller than any building on Earth (over %1 m)").arg(kMaxHeightM);
    return QString();
}

QString basementLevelsProblem(double levels)
{
    if (!std::isfinite(levels))
        return QStringLiteral("not a number");
    if (levels < 0.0)
        return QStringLiteral("negative");
    if (levels > kMaxBasementLevels)
        return QStringLiteral("more than %1 storeys below ground").arg(kMaxBasementLevels);
    return QString();
}

QString levelsProblem(double levels)
{
    if (!std::isfinite(levels))
        return QStringLiteral("not a number");
    if (levels <= 0.0)
        return levels < 0.0 ? QStringLiteral("negative") : QStringLiteral("zero storeys");
    if (levels > kMaxLevels)
        return QStringLiteral("more than %1 storeys").arg(kMaxLevels);
    return QString();
}

QString yearProblem(double year)
{
    if (!std::isfinite(year))
        return QStringLiteral("not a number");
    if (year < kMinYear || year > kMaxYear)
        return QStringLiteral("outside %1..%2").arg(kMinYear).arg(kMaxYear);
    return QString();
}

QString elevationProblem(double elevationM)
{
    if (!std::isfinite(elevationM))
        return QStringLiteral("not a number");
    if (elevationM < kMinElevationM || elevationM > kMaxElevationM)
        return QStringLiteral("outside %1..%2 m").arg(kMinElevationM).arg(kMaxElevationM);
    return QString();
}

void settleHeight(Building *b, bool heightKnown, bool levelsKnown, QString *how)
{
    const double storey = buildinguse::storeyHeight(b->use);
    b->heightGuessed = false;
    if (heightKnown && levelsKnown)
        return;
    const char *source = nullptr;
    if (heightKnown) {
        b->levels = std::max(1.0, std::round(b->heightM / storey));
        source = "the storeys from the height";
    } else if (levelsKnown) {
        b->heightM = b->levels * storey;
        source = "the height from the storeys";
    } else {
        b->levels = buildinguse::defaultLevels(b->use);
        b->heightM = b->levels * storey;
        b->heightGuessed = true;
    }
    // Formatted only on request: the importer settles millions of buildings without a message.
    if (how)
        *how = QStringLiteral("used %1 m and %2 storeys (%3)")
                   .arg(number(b->heightM), number(b->levels),
                        source ? QString::fromLatin1(source)
                               : QStringLiteral("guessed, typical for its use, %1").arg(buildinguse::key(b->use)));
}

QString roadWidthProblem(double widthM)
{
    if (!std::isfinite(widthM))
        return QStringLiteral("not a number");
    if (widthM <= 0.0)
        return widthM < 0.0 ? QStringLiteral("negative") : QStringLiteral("zero");
    if (widthM > kMaxRoadWidthM)
        return QStringLiteral("wider than %1 m").arg(kMaxRoadWidthM);
    return QString();
}

QString settingProblem(const QString &key, const QVariant &value)
{
    const SettingLimit *limit = limitFor(key);
    if (!limit)
        return QString();
    bool ok = false;
    const double v = value.toDouble(&ok);
    const QString range = QStringLiteral("must be %1%2 to %3 (%4)")
                              .arg(limit->zeroAllowed ? QStringLiteral("0 or ") : QString(), number(limit->min),
                                   number(limit->max), QString::fromUtf8(limit->meaning));
    if (!ok || !std::isfinite(v))
        return QStringLiteral("not a number: %1").arg(range);
    if (v == 0.0 && limit->zeroAllowed)
        return QString();
    if (v < limit->min || v > limit->max)
        return range;
    return QString();
}

} // namespace tt::plausibility
