// SPDX-License-Identifier: MIT
#include "BuildingDemandModel.h"

#include "SolarYear.h"

#include <algorithm>
#include <cmath>

namespace tt {

namespace {
constexpr int kHours = WeatherYear::kHours;
constexpr double kAirHeatCapacity = 0.34;  // ρ·c_p of air, Wh/(m³K)
constexpr double kNotCooled = 99.0;        // cooling set point that is never reached
constexpr double kOccupiedThreshold = 0.05;
// ISO 13790 §7.2.2.2: heat transfer coefficient between the mass and the surface node, W/(m²K).
constexpr double kHms = 9.1;
// Days of the year's end simulated first so that the mass temperature starts settled.
constexpr int kWarmupHours = 14 * 24;

int orientationOf(double nx, double ny)
{
    double az = std::atan2(nx, ny) * 180.0 / M_PI;  // clockwise from north
    if (az < 0)
        az += 360.0;
    return int(std::fmod(az + 45.0, 360.0) / 90.0);  // 0 N, 1 E, 2 S, 3 W
}

// Wall length per orientation of the footprint's rings (outward normals).
void addWallLengths(const Ring &ring, bool isHole, double lengths[4])
{
    const double sign = (geometry::signedArea(ring) > 0) != isHole ? 1.0 : -1.0;
    for (int i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i];
        const Vec2 b = ring[(i + 1) % ring.size()];
        const Vec2 d = b - a;
        const double len = d.length();
        if (len <= 0.0)
            continue;
        lengths[orientationOf(sign * d.y, -sign * d.x)] += len;
    }
}

double buildingHeight(const Building &b)
{
    if (b.heightM > 0.0)
        return b.heightM;
    const double levels = b.levels > 0.0 ? b.levels : buildinguse::defaultLevels(b.use);
    return levels * buildinguse::storeyHeight(b.use);
}
} // namespace

BuildingDemandModel::BuildingDemandModel(const ArchetypeLibrary &library, const WeatherYear &weather)
    : m_library(library)
    , m_weather(weather)
    , m_weatherHours(kHours)
{
    const SolarYear sun(weather);
    const double azimuths[4] = {0.0, 90.0, 180.0, 270.0};
    for (int o = 0; o < 4; ++o) {
        const std::vector<double> poa = sun.planeOfArray(90.0, azimuths[o]);
        for (int h = 0; h < kHours; ++h)
            m_weatherHours[h].facade[o] = float(poa[h]);
    }
    for (int h = 0; h < kHours; ++h)
        m_weatherHours[h].outdoorC = float(weather.dryBulbC[h]);

    for (int u = 0; u < kBuildingUseCount; ++u) {
        const Archetype &a = library.archetype(BuildingUse(u));
        std::vector<HourValues> &p = m_useProfiles[u];
        p.resize(kHours);
        for (int h = 0; h < kHours; ++h) {
            const int day = weather.isWeekend(h) ? 1 : 0;
            const int hod = WeatherYear::hourOfDay(h);
            const double occ = a.occupancy[day][hod];
            double dailyOcc = 0.0;
            for (double v : a.occupancy[day])
                dailyOcc += v;
            const double dhwShare = dailyOcc > 0.0 ? occ / dailyOcc : 1.0 / 24.0;
            const double elec = a.lighting[day][hod] * a.lightingWm2 + a.appliances[day][hod] * a.appliancesWm2
                + a.processWm2;
            const bool occupied = occ >= kOccupiedThreshold;
            HourValues &v = p[h];
            v.elecWm2 = float(elec);
            v.gainsWm2 = float(elec + occ * a.occupantGainW / a.m2PerPerson);
            v.dhwWm2 = float(a.dhwKwhM2Day * 1000.0 * dhwShare);
            v.heatSetC = float(occupied ? a.heatingSetpointC : a.heatingSetbackC);
            v.coolSetC = float(!a.isCooled() ? kNotCooled : occupied ? a.coolingSetpointC : a.coolingSetbackC);
            v.ventM3hM2 = float(occupied ? a.ventilationM3hM2 : 0.0);
        }
    }
}

const std::vector<BuildingDemandModel::HourValues> &BuildingDemandModel::profileFor(const Building &building)
{
    const QVector<UseShare> shares = building.useShares();
    if (shares.size() == 1)
        return m_useProfiles[int(shares.first().use)];
    QString key;
    for (const UseShare &s : shares)
        key += QStringLiteral("%1:%2;").arg(int(s.use)).arg(s.share, 0, 'g', 6);
    auto it = m_mixProfiles.find(key);
    if (it != m_mixProfiles.end())
        return *it;
    // Floor-area weighted blend; cooling set points are averaged over the cooled shares only.
    std::vector<HourValues> blend(kHours, HourValues{0, 0, 0, 0, 0, 0});
    for (int h = 0; h < kHours; ++h) {
        double cooledShare = 0.0, coolSet = 0.0;
        for (const UseShare &s : shares) {
            const HourValues &v = m_useProfiles[int(s.use)][h];
            HourValues &b = blend[h];
            b.gainsWm2 += float(s.share * v.gainsWm2);
            b.elecWm2 += float(s.share * v.elecWm2);
            b.dhwWm2 += float(s.share * v.dhwWm2);
            b.heatSetC += float(s.share * v.heatSetC);
            b.ventM3hM2 += float(s.share * v.ventM3hM2);
            if (v.coolSetC < kNotCooled) {
                cooledShare += s.share;
                coolSet += s.share * v.coolSetC;
            }
        }
        blend[h].coolSetC = float(cooledShare > 0.0 ? coolSet / cooledShare : kNotCooled);
    }
    return *m_mixProfiles.insert(key, std::move(blend));
}

BuildingThermal BuildingDemandModel::thermal(const Building &building) const
{
    BuildingThermal t;
    const QVector<UseShare> shares = building.useShares();
    double wwr = 0.0, infiltration = 0.0, cm = 0.0, am = 0.0;
    for (const UseShare &s : shares) {
        const Archetype &a = m_library.archetype(s.use);
        wwr += s.share * a.wwr;
        infiltration += s.share * a.infiltrationAch;
        cm += s.share * a.cmJPerKM2;
        am += s.share * a.amFactor;
    }
    const EnvelopeValues env = m_library.envelope(building.year);
    const double height = buildingHeight(building);
    const double footprint = building.footprintArea();
    t.floorAreaM2 = building.grossFloorArea();
    t.volumeM3 = footprint * height;

    double wallLength[4] = {};
    addWallLengths(building.footprint.outer, false, wallLength);
    for (const Ring &hole : building.footprint.holes)
        addWallLengths(hole, true, wallLength);
    double wallArea = 0.0, windowArea = 0.0;
    const double solarFactor = env.windowG * m_library.windowSolarFactor();
    for (int o = 0; o < 4; ++o) {
        const double facade = wallLength[o] * height;
        t.windowAreaM2[o] = wwr * facade;
        t.solarAperture[o] = t.windowAreaM2[o] * solarFactor;
        wallArea += facade - t.windowAreaM2[o];
        windowArea += t.windowAreaM2[o];
    }
    t.opaqueConductance = env.wallU * wallArea + env.roofU * footprint
        + m_library.groundReductionFactor() * env.floorU * footprint;
    t.windowConductance = env.windowU * windowArea;
    t.infiltrationConductance = kAirHeatCapacity * infiltration * t.volumeM3;
    t.massConductance = kHms * am * t.floorAreaM2;
    // H_op is H_em in series with H_ms (ISO 13790 eq. 64); keep H_em finite for tiny H_ms.
    t.emConductance = t.opaqueConductance < 0.99 * t.massConductance
        ? 1.0 / (1.0 / t.opaqueConductance - 1.0 / t.massConductance)
        : 100.0 * t.opaqueConductance;
    t.capacityWhPerK = cm * t.floorAreaM2 / 3600.0;
    return t;
}

template <typename Record>
BuildingDemand BuildingDemandModel::simulateWith(const Building &building, Record record)
{
    const BuildingThermal t = thermal(building);
    const std::vector<HourValues> &profile = profileFor(building);
    BuildingDemand d;
    d.id = building.id;
    d.gfaM2 = t.floorAreaM2;
    if (t.floorAreaM2 <= 0.0 || t.volumeM3 <= 0.0)
        return d;

    const double af = t.floorAreaM2;
    const double hw = t.windowConductance + t.infiltrationConductance;
    const double ventPerM3h = kAirHeatCapacity * af;
    const double hms = t.massConductance, hem = t.emConductance, cm = t.capacityWhPerK;
    const double massDenominator = 1.0 / (cm + hms + hem);
    const double sa0 = t.solarAperture[0], sa1 = t.solarAperture[1], sa2 = t.solarAperture[2],
                 sa3 = t.solarAperture[3];
    // Start the mass at its steady state for the first warm-up hour, so that
    // steady conditions give steady results from the first hour on.
    const int warmupStart = kHours - kWarmupHours;
    double tm = (hms * profile[warmupStart].heatSetC + hem * m_weatherHours[warmupStart].outdoorC) / (hms + hem);

    const auto step = [&](int h, double *heatW) {
        const HourValues &v = profile[h];
        const WeatherHour &w = m_weatherHours[h];
        const double to = w.outdoorC;
        const double internal = double(v.gainsWm2) * af;
        const double solar = sa0 * w.facade[0] + sa1 * w.facade[1] + sa2 * w.facade[2] + sa3 * w.facade[3];
        const double hao = hw + ventPerM3h * v.ventM3hM2;
        const double num = hao * to + hms * tm + 0.5 * internal;
        const double den = hao + hms;
        const double free = num / den;
        double ta = free;
        if (free < v.heatSetC)
            ta = v.heatSetC;
        else if (free > v.coolSetC)
            ta = v.coolSetC;
        *heatW = den * ta - num;  // positive heating, negative cooling
        tm = (cm * tm + hms * ta + hem * to + 0.5 * internal + solar) * massDenominator;
    };
    double q = 0.0;
    for (int h = warmupStart; h < kHours; ++h)
        step(h, &q);
    for (int h = 0; h < kHours; ++h) {
        step(h, &q);
        const double elec = double(profile[h].elecWm2) * af * 1e-3;
        const double dhw = double(profile[h].dhwWm2) * af * 1e-3;
        const double heat = q > 0.0 ? q * 1e-3 : 0.0;
        const double cool = q < 0.0 ? -q * 1e-3 : 0.0;
        d.electricityKwh += elec;
        d.heatingKwh += heat;
        d.coolingKwh += cool;
        d.dhwKwh += dhw;
        d.peakElectricKw = std::max(d.peakElectricKw, elec);
        d.peakHeatingKw = std::max(d.peakHeatingKw, heat + dhw);
        d.peakCoolingKw = std::max(d.peakCoolingKw, cool);
        record(h, elec, heat, cool, dhw);
    }
    return d;
}

BuildingDemand BuildingDemandModel::simulate(const Building &building, DemandSeries *addTo)
{
    if (!addTo)
        return simulateWith(building, [](int, double, double, double, double) {});
    double *e = addTo->electricity.data(), *h = addTo->heating.data(), *c = addTo->cooling.data(),
           *w = addTo->dhw.data();
    return simulateWith(building, [=](int i, double elec, double heat, double cool, double dhw) {
        e[i] += elec;
        h[i] += heat;
        c[i] += cool;
        w[i] += dhw;
    });
}

BuildingDemand BuildingDemandModel::hourly(const Building &building, DemandSeries *series)
{
    series->resize(kHours);
    return simulate(building, series);
}

Status BuildingDemandModel::run(const Town &town, QVector<BuildingDemand> *buildings, DemandSeries *townTotals,
                                const Progress &progress)
{
    townTotals->resize(kHours);
    buildings->clear();
    buildings->reserve(town.buildings.size());
    const int total = town.buildings.size();
    for (int i = 0; i < total; ++i) {
        if (!town.buildings[i].context)
            buildings->append(simulate(town.buildings[i], townTotals));
        if (progress && (i % 256 == 0 || i + 1 == total)
            && !progress(double(i + 1) / total, QStringLiteral("demand")))
            return Status::error(QStringLiteral("simulation cancelled"), ErrorCode::Cancelled);
    }
    return Status::success();
}

} // namespace tt
