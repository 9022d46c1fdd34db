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

double footprintVolume(const Building &b)
{
    return b.footprintArea() * buildingHeight(b);
}
} // namespace

BuildingDemandModel::BuildingDemandModel(const ArchetypeLibrary &library, const WeatherYear &weather)
    : m_library(library)
    , m_hasHumidity(weather.hasHumidity())
    , m_weatherHours(kHours)
{
    const SolarYear sun(weather);
    const double azimuths[4] = {0.0, 90.0, 180.0, 270.0};
    // Movable shading (ISO 52016-1 §6.5.13.3): blinds close on a façade while its irradiance
    // is above the threshold, so the gain through them is cut to the device's share.
    const double threshold = library.shadingThresholdWm2(), shaded = library.movableShadingFactor();
    for (int o = 0; o < 4; ++o) {
        const std::vector<double> poa = sun.planeOfArray(90.0, azimuths[o]);
        for (int h = 0; h < kHours; ++h)
            m_weatherHours[h].facade[o] = float(poa[h] > threshold ? shaded * poa[h] : poa[h]);
    }
    for (int h = 0; h < kHours; ++h) {
        m_weatherHours[h].outdoorC = float(weather.dryBulbC[h]);
        m_weatherHours[h].humidity = float(weather.humidityRatioGPerKg(h));
    }

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
            // Hot water is drawn by the people there: none on a day nobody comes.
            const double dhwShare = dailyOcc > 0.0 ? occ / dailyOcc : 0.0;
            const double roomElec = a.lighting[day][hod] * a.lightingWm2 + a.appliances[day][hod] * a.appliancesWm2
                + a.process[day][hod] * a.processWm2;
            const bool occupied = occ >= kOccupiedThreshold;
            const double people = occ / a.m2PerPerson;
            HourValues &v = p[h];
            v.elecWm2 = float(roomElec + a.itWm2);
            v.itWm2 = float(a.itWm2);
            v.dhwWm2 = float(a.dhwKwhM2Day * 1000.0 * dhwShare);
            v.gainsWm2 = float(roomElec + people * a.occupantGainW);
            v.latentWm2 = float(people * a.occupantLatentW);
            v.heatSetC = float(occupied ? a.heatingSetpointC : a.heatingSetbackC);
            v.coolSetC = float(!a.isCooled() ? kNotCooled : occupied ? a.coolingSetpointC : a.coolingSetbackC);
            const double ventShare = 1.0 - a.ventilationOccupancyShare * (1.0 - std::min(1.0, occ));
            v.ventM3hM2 = float(occupied ? a.ventilationM3hM2 * ventShare : 0.0);
            v.hvacHeat = float(std::clamp(a.hvacHeating[day][hod], 0.0, 1.0));
            v.hvacCool = float(std::clamp(a.hvac[day][hod], 0.0, 1.0));
            v.maxHumidity = float(a.maxHumidityGPerKg);
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
    // Electricity, IT and hot water by floor-area share. The zone's values are weighted by
    // the conditioned area each use brings to it, so a parking floor neither dilutes the
    // restaurant's set points nor adds to its gains; cooling set points and humidity over
    // the cooled shares only.
    double zoneShare = 0.0;
    for (const UseShare &s : shares)
        zoneShare += s.share * m_library.archetype(s.use).conditionedShare;
    std::vector<HourValues> blend(kHours, HourValues{});
    for (int h = 0; h < kHours; ++h) {
        HourValues &b = blend[h];
        double cooledWeight = 0.0, coolSet = 0.0, maxHumidity = 0.0;
        for (const UseShare &s : shares) {
            const HourValues &v = m_useProfiles[int(s.use)][h];
            b.elecWm2 += float(s.share * v.elecWm2);
            b.itWm2 += float(s.share * v.itWm2);
            b.dhwWm2 += float(s.share * v.dhwWm2);
            if (zoneShare <= 0.0)
                continue;
            const double w = s.share * m_library.archetype(s.use).conditionedShare / zoneShare;
            b.gainsWm2 += float(w * v.gainsWm2);
            b.latentWm2 += float(w * v.latentWm2);
            b.heatSetC += float(w * v.heatSetC);
            b.ventM3hM2 += float(w * v.ventM3hM2);
            b.hvacHeat += float(w * v.hvacHeat);
            b.hvacCool += float(w * v.hvacCool);
            if (v.coolSetC < kNotCooled && w > 0.0) {
                cooledWeight += w;
                coolSet += w * v.coolSetC;
                maxHumidity += w * v.maxHumidity;
            }
        }
        b.coolSetC = float(cooledWeight > 0.0 ? coolSet / cooledWeight : kNotCooled);
        b.maxHumidity = float(cooledWeight > 0.0 ? maxHumidity / cooledWeight : 1000.0);
    }
    return *m_mixProfiles.insert(key, std::move(blend));
}

BuildingThermal BuildingDemandModel::thermal(const Building &building) const
{
    BuildingThermal t;
    const QVector<UseShare> shares = building.useShares();
    double wwr = 0.0, infiltration = 0.0, cm = 0.0, am = 0.0, zone = 0.0;
    for (const UseShare &s : shares) {
        const Archetype &a = m_library.archetype(s.use);
        wwr += s.share * a.wwr;
        infiltration += s.share * a.infiltrationAch;
        cm += s.share * a.cmJPerKM2;
        am += s.share * a.amFactor;
        zone += s.share * a.conditionedShare;
    }
    const EnvelopeValues env = m_library.envelope(building.year);
    const double height = buildingHeight(building);
    const double footprint = building.footprintArea();
    t.grossFloorAreaM2 = building.grossFloorArea();
    t.zoneFraction = zone;
    t.floorAreaM2 = zone * t.grossFloorAreaM2;
    t.volumeM3 = zone * footprint * height;

    double wallLength[4] = {};
    addWallLengths(building.footprint.outer, false, wallLength);
    for (const Ring &hole : building.footprint.holes)
        addWallLengths(hole, true, wallLength);
    double wallArea = 0.0, windowArea = 0.0;
    const double solarFactor = env.windowG * m_library.windowSolarFactor();
    for (int o = 0; o < 4; ++o) {
        const double facade = zone * wallLength[o] * height;
        t.windowAreaM2[o] = wwr * facade;
        t.solarAperture[o] = t.windowAreaM2[o] * solarFactor;
        wallArea += facade - t.windowAreaM2[o];
        windowArea += t.windowAreaM2[o];
    }
    t.opaqueConductance = env.wallU * wallArea + zone * env.roofU * footprint
        + zone * m_library.groundReductionFactor() * env.floorU * footprint;
    t.windowConductance = env.windowU * windowArea;
    t.infiltrationM3h = infiltration * t.volumeM3;
    t.infiltrationConductance = kAirHeatCapacity * t.infiltrationM3h;
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
    d.gfaM2 = t.grossFloorAreaM2;
    d.basementM2 = building.basementFloorArea();
    if (t.grossFloorAreaM2 <= 0.0 || footprintVolume(building) <= 0.0)
        return d;

    const double gfa = t.grossFloorAreaM2, af = t.floorAreaM2, basement = d.basementM2;
    // Storeys below ground hold car parks, storage and plant rooms: lit and ventilated as a car
    // park, not heated or cooled (CEA's Hs_bg = 0), whatever the building above is used for.
    const std::vector<HourValues> &below = m_useProfiles[int(BuildingUse::Parking)];
    const bool hasZone = af > 0.0;
    const bool latent = hasZone && m_hasHumidity;
    const double itCooling = m_library.itCoolingFactor();
    const double hw = t.windowConductance + t.infiltrationConductance;
    const double hms = t.massConductance, hem = t.emConductance, cm = t.capacityWhPerK;
    const double massDenominator = hasZone ? 1.0 / (cm + hms + hem) : 0.0;
    const double sa0 = t.solarAperture[0], sa1 = t.solarAperture[1], sa2 = t.solarAperture[2],
                 sa3 = t.solarAperture[3];
    // Start the mass at its steady state for the first warm-up hour, so that
    // steady conditions give steady results from the first hour on.
    const int warmupStart = kHours - kWarmupHours;
    double tm = hasZone
        ? (hms * profile[warmupStart].heatSetC + hem * m_weatherHours[warmupStart].outdoorC) / (hms + hem)
        : 0.0;

    // Sensible heating (+) or cooling (−) of the zone, W; `latentW` the dehumidification.
    const auto step = [&](int h, double *heatW, double *latentW) {
        *heatW = *latentW = 0.0;
        if (!hasZone)
            return;
        const HourValues &v = profile[h];
        const WeatherHour &w = m_weatherHours[h];
        const double to = w.outdoorC;
        const double internal = double(v.gainsWm2) * af;
        const double solar = sa0 * w.facade[0] + sa1 * w.facade[1] + sa2 * w.facade[2] + sa3 * w.facade[3];
        const double outdoorAirM3h = double(v.ventM3hM2) * af;
        const double hao = hw + kAirHeatCapacity * outdoorAirM3h;
        const double num = hao * to + hms * tm + 0.5 * internal;
        const double den = hao + hms;
        const double free = num / den;
        double target = free, share = 0.0;
        if (free < v.heatSetC) {
            target = v.heatSetC;
            share = v.hvacHeat;
        } else if (free > v.coolSetC) {
            target = v.coolSetC;
            share = v.hvacCool;
        }
        // Part of the zone conditioned (split units in some rooms, some hours): the zone's
        // mean temperature moves that share of the way to the set point.
        const double ta = free + share * (target - free);
        *heatW = share * (den * target - num);  // = den·ta − num; positive heating, negative cooling
        tm = (cm * tm + hms * ta + hem * to + 0.5 * internal + solar) * massDenominator;
        // Dehumidification while the cooling is on and people are there (ISO 52016-1 §6.5.12 moisture
        // balance, steady state): outdoor air and infiltration bring x_out, people their moisture,
        // the coil removes what is above the zone's limit. 0.817 W per m³/h and g/kg is ρ·h_fg.
        if (latent && v.coolSetC < kNotCooled && v.hvacCool > 0.0f && *heatW <= 0.0
            && (v.latentWm2 > 0.0f || v.ventM3hM2 > 0.0f)) {
            const double airM3h = outdoorAirM3h + t.infiltrationM3h;
            const double moisture = 0.8167 * airM3h * (double(w.humidity) - double(v.maxHumidity))
                + double(v.latentWm2) * af;
            *latentW = double(v.hvacCool) * std::max(0.0, moisture);
        }
    };
    double q = 0.0, lat = 0.0;
    for (int h = warmupStart; h < kHours; ++h)
        step(h, &q, &lat);
    for (int h = 0; h < kHours; ++h) {
        step(h, &q, &lat);
        const double elec = (double(profile[h].elecWm2) * gfa + double(below[h].elecWm2) * basement) * 1e-3;
        const double dhw = double(profile[h].dhwWm2) * gfa * 1e-3;
        const double it = itCooling * double(profile[h].itWm2) * gfa * 1e-3;
        const double heat = q > 0.0 ? q * 1e-3 : 0.0;
        const double latentKw = lat * 1e-3;
        const double cool = (q < 0.0 ? -q * 1e-3 : 0.0) + latentKw + it;
        d.electricityKwh += elec;
        d.heatingKwh += heat;
        d.coolingKwh += cool;
        d.coolingLatentKwh += latentKw;
        d.coolingItKwh += it;
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
