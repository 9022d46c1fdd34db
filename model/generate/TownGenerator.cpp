// SPDX-License-Identifier: MIT
#include "TownGenerator.h"

#include "edit/EntityEdit.h"
#include "energy/ProjectWeather.h"

#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace tt::TownGenerator {

namespace {

// EPSG:32651 exactly as `gdalsrsinfo -o wkt2 EPSG:32651` prints it: the model does not link GDAL.
const char *const kUtm51nWkt = R"wkt(PROJCRS["WGS 84 / UTM zone 51N",
    BASEGEOGCRS["WGS 84",
        ENSEMBLE["World Geodetic System 1984 ensemble",
            MEMBER["World Geodetic System 1984 (Transit)"],
            MEMBER["World Geodetic System 1984 (G730)"],
            MEMBER["World Geodetic System 1984 (G873)"],
            MEMBER["World Geodetic System 1984 (G1150)"],
            MEMBER["World Geodetic System 1984 (G1674)"],
            MEMBER["World Geodetic System 1984 (G1762)"],
            MEMBER["World Geodetic System 1984 (G2139)"],
            ELLIPSOID["WGS 84",6378137,298.257223563,
                LENGTHUNIT["metre",1]],
            ENSEMBLEACCURACY[2.0]],
        PRIMEM["Greenwich",0,
            ANGLEUNIT["degree",0.0174532925199433]],
        ID["EPSG",4326]],
    CONVERSION["UTM zone 51N",
        METHOD["Transverse Mercator",
            ID["EPSG",9807]],
        PARAMETER["Latitude of natural origin",0,
            ANGLEUNIT["degree",0.0174532925199433],
            ID["EPSG",8801]],
        PARAMETER["Longitude of natural origin",123,
            ANGLEUNIT["degree",0.0174532925199433],
            ID["EPSG",8802]],
        PARAMETER["Scale factor at natural origin",0.9996,
            SCALEUNIT["unity",1],
            ID["EPSG",8805]],
        PARAMETER["False easting",500000,
            LENGTHUNIT["metre",1],
            ID["EPSG",8806]],
        PARAMETER["False northing",0,
            LENGTHUNIT["metre",1],
            ID["EPSG",8807]]],
    CS[Cartesian,2],
        AXIS["(E)",east,
            ORDER[1],
            LENGTHUNIT["metre",1]],
        AXIS["(N)",north,
            ORDER[2],
            LENGTHUNIT["metre",1]],
    USAGE[
        SCOPE["Engineering survey, topographic mapping."],
        AREA["Between 120°E and 126°E, northern hemisphere between equator and 84°N, onshore and offshore. China. Indonesia. Japan. North Korea. Philippines. Russian Federation. South Korea. Taiwan."],
        BBOX[0,120,84,126]],
    ID["EPSG",32651]])wkt";

// The site centre, 31.10 N 121.05 E, is 314018.86 E 3442319.67 N in UTM 51N (PROJ); the
// origin is the round point beside it, its WGS 84 position from gdaltransform.
constexpr double kOriginE = 314000.0;
constexpr double kOriginN = 3442300.0;
constexpr double kOriginLatitude = 31.0998196574999;
constexpr double kOriginLongitude = 121.049806018405;

// Layout in local metres. The site box (1800 m × 1690 m less its cut corners) holds the
// 1 km × 1 km town north of the middle and farmland around it; the river crosses the
// southern farmland. All farmland breaks lie on a 20 m grid so parcels share the river's vertices.
constexpr double kSiteHalfWidth = 900.0;
constexpr double kSiteHalfHeight = 845.0;
constexpr double kTownWest = -500.0;
constexpr double kTownSouth = -300.0;
constexpr double kTownSize = 1000.0;
constexpr double kRiverY = -575.0;
constexpr double kGrid = 20.0;
constexpr double kTerrainCell = 10.0;
constexpr double kTerrainMargin = 50.0;

struct Rect {
    double x0, y0, x1, y1;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

Polygon polygon(const Rect &r)
{
    return Polygon{{{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}}, {}};
}

//! A bar with a wing as wide as the bar is deep, hanging south from its west or east end.
Polygon lShape(const Rect &bar, double wingLength, bool wingEast)
{
    const double d = bar.height(), s = bar.y0 - wingLength;
    if (wingEast)
        return Polygon{
            {{bar.x0, bar.y0}, {bar.x1 - d, bar.y0}, {bar.x1 - d, s}, {bar.x1, s}, {bar.x1, bar.y1}, {bar.x0, bar.y1}},
            {}};
    return Polygon{
        {{bar.x0, s}, {bar.x0 + d, s}, {bar.x0 + d, bar.y0}, {bar.x1, bar.y0}, {bar.x1, bar.y1}, {bar.x0, bar.y1}}, {}};
}

//! Town-frame rectangle (u, v in 0..1000 from the town's south-west corner) in local coordinates.
Rect town(double u0, double v0, double u1, double v1)
{
    return Rect{kTownWest + u0, kTownSouth + v0, kTownWest + u1, kTownSouth + v1};
}

Vec2 townPoint(double u, double v)
{
    return Vec2{kTownWest + u, kTownSouth + v};
}

//! Sutherland-Hodgman: the part of `subject` inside the convex, counter-clockwise `clip`.
Ring clipToConvex(const Ring &subject, const Ring &clip)
{
    Ring out = subject;
    for (int i = 0; i < clip.size() && !out.isEmpty(); ++i) {
        const Vec2 a = clip[i], edge = clip[(i + 1) % clip.size()] - a;
        const Ring in = out;
        out.clear();
        for (int j = 0; j < in.size(); ++j) {
            const Vec2 p = in[j], q = in[(j + 1) % in.size()];
            const double sp = edge.cross(p - a), sq = edge.cross(q - a);
            if (sp >= 0)
                out.append(p);
            if ((sp >= 0) != (sq >= 0))
                out.append(p + (q - p) * (sp / (sp - sq)));
        }
    }
    Ring cleaned;
    for (const Vec2 &v : out)
        if (cleaned.isEmpty() || (v - cleaned.last()).length() > 1e-6)
            cleaned.append(v);
    while (cleaned.size() > 1 && (cleaned.first() - cleaned.last()).length() <= 1e-6)
        cleaned.removeLast();
    return cleaned;
}

//! The river's centre line: a slow meander with a shorter overtone.
struct River {
    double amplitude;
    double wavelength;
    double phase;
    double overtonePhase;
    double width;

    double centreY(double x) const
    {
        return kRiverY + amplitude * std::sin(2 * M_PI * x / wavelength + phase)
               + 0.3 * amplitude * std::sin(2 * M_PI * x / (0.45 * wavelength) + overtonePhase);
    }
    //! Bank vertices between x0 and x1 (on the 20 m grid), south (side -1) or north (+1) bank.
    QVector<Vec2> bank(double x0, double x1, int side) const
    {
        QVector<Vec2> points;
        for (double x = x0; x <= x1 + 1e-9; x += kGrid)
            points.append(Vec2{x, centreY(x) + side * width / 2});
        return points;
    }
};

class Builder {
public:
    explicit Builder(quint32 seed) : m_rng(seed) {}
    Town build();

private:
    double uniform(double lo, double hi) { return lo + (hi - lo) * m_rng.generateDouble(); }
    int integer(int lo, int hi) { return lo + int(m_rng.bounded(quint32(hi - lo + 1))); }

    void makeSite();
    void makeTerrain();
    void makeFarmland();
    void makeTownZonesAndRoads();
    void makeTownBuildings();
    void fitResidentialFloorArea();
    void finishBuildings();
    void makeOverviewTour();

    //! Cuts [a, b] at the (ascending) fixed points and about every meanWidth metres, on the 20 m grid.
    QVector<double> breaks(double a, double b, const QVector<double> &fixed, double meanWidth);
    //! The site boundary's lowest or highest y on the vertical line x.
    double boundaryY(double x, bool top) const;
    //! Adds the part of ring inside the site; a rectangle may get greenhouses.
    void addParcel(const Ring &ring, bool greenhouses);
    EntityId addZone(ZoneClass zoneClass, const QString &name, const Polygon &area);
    void addRoad(const QString &name, const QString &roadClass, double widthM, const QVector<Vec2> &line);
    void addBuilding(BuildingUse use, const QString &name, const Polygon &footprint, double levels);
    void addHomes(const Rect &zone, const QString &zoneName, bool lowRise);
    void addGreenhouses(const Polygon &parcel, const Rect &bounds);

    QRandomGenerator m_rng;
    Town m_town;
    River m_river{};
    QVector<Building> m_buildings;
    QVector<int> m_highRiseHomes;  // indices into m_buildings whose storeys fit the floor-area target
    int m_zoneCount = 0;
    int m_roadCount = 0;
    QHash<QChar, int> m_buildingCounts;
    int m_parcelCount = 0;
};

double Builder::boundaryY(double x, bool top) const
{
    const Ring &ring = m_town.site.boundary.outer;
    double best = top ? -INFINITY : INFINITY;
    for (int i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        if (a.x == b.x || x < std::min(a.x, b.x) || x > std::max(a.x, b.x))
            continue;
        const double y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
        best = top ? std::max(best, y) : std::min(best, y);
    }
    return best;
}

void Builder::makeSite()
{
    Site &site = m_town.site;
    site.name = QStringLiteral("Lianhu Green Smart Town");
    site.crsName = QStringLiteral("EPSG:32651");
    site.crsWkt = QString::fromUtf8(kUtm51nWkt);
    site.originE = kOriginE;
    site.originN = kOriginN;
    site.latitude = kOriginLatitude;
    site.longitude = kOriginLongitude;
    site.utcOffsetHours = 8.0;
    // Hongqiao airport, 30 km east: the climate of the brief's site.
    m_town.settings.insert(ProjectWeather::kSettingKey, ProjectWeather::kShanghai);

    // A box with cut corners and the north and south edges bowed out a little at the county
    // road (x = 0): irregular, but convex so farmland can be clipped to it simply.
    const double w = kSiteHalfWidth, h = kSiteHalfHeight;
    double cut[4][2];
    for (auto &c : cut) {
        c[0] = std::round(uniform(40, 120));
        c[1] = std::round(uniform(40, 120));
    }
    const double bowSouth = std::round(uniform(0, 20)), bowNorth = std::round(uniform(0, 20));
    site.boundary.outer
        = {{-w + cut[0][0], -h}, {0, -h - bowSouth}, {w - cut[1][0], -h}, {w, -h + cut[1][1]}, {w, h - cut[2][1]},
           {w - cut[2][0], h},   {0, h + bowNorth},  {-w + cut[3][0], h}, {-w, h - cut[3][1]}, {-w, -h + cut[0][1]}};

    m_river.amplitude = uniform(45, 75);
    m_river.wavelength = uniform(700, 1000);
    m_river.phase = uniform(0, 2 * M_PI);
    m_river.overtonePhase = uniform(0, 2 * M_PI);
    m_river.width = std::round(uniform(24, 32));
}

void Builder::makeTerrain()
{
    // Yangtze delta plain: 2-7 m above sea level, a gentle rise to the north, low swells and
    // the river's shallow valley.
    const double p1 = uniform(0, 2 * M_PI), p2 = uniform(0, 2 * M_PI), p3 = uniform(0, 2 * M_PI);
    const Bounds2 b = geometry::bounds(m_town.site.boundary);
    const double x0 = std::floor((b.minX - kTerrainMargin) / kTerrainCell) * kTerrainCell;
    const double y0 = std::floor((b.minY - kTerrainMargin) / kTerrainCell) * kTerrainCell;
    const int columns = int(std::ceil((b.maxX + kTerrainMargin - x0) / kTerrainCell)) + 1;
    const int rows = int(std::ceil((b.maxY + kTerrainMargin - y0) / kTerrainCell)) + 1;
    Terrain terrain(columns, rows, x0, y0, kTerrainCell);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const double x = x0 + c * kTerrainCell, y = y0 + r * kTerrainCell;
            const double fromRiver = (y - m_river.centreY(x)) / 80.0;
            const double h = 4.6 + 0.8 * (y + kSiteHalfHeight) / (2 * kSiteHalfHeight)
                             + 0.9 * std::sin(x / 260.0 + p1) * std::cos(y / 330.0 + p2)
                             + 0.4 * std::sin((x - y) / 170.0 + p3) - 2.2 * std::exp(-fromRiver * fromRiver);
            terrain.setSample(c, r, float(h));
        }
    }
    m_town.terrain = terrain;
}

QVector<double> Builder::breaks(double a, double b, const QVector<double> &fixed, double meanWidth)
{
    QVector<double> anchors = fixed;
    anchors.append(b);
    QVector<double> stops{a};
    double start = a;
    for (double end : anchors) {
        const int pieces = std::max(1, int(std::lround((end - start) / meanWidth)));
        for (int k = 1; k < pieces; ++k) {
            const double at = start + (end - start) * k / pieces + uniform(-20, 20);
            stops.append(std::round(at / kGrid) * kGrid);
        }
        stops.append(end);
        start = end;
    }
    return stops;
}

EntityId Builder::addZone(ZoneClass zoneClass, const QString &name, const Polygon &area)
{
    Zone z;
    z.id = m_town.allocateId();
    z.sourceId = QStringLiteral("GEN-Z-%1").arg(++m_zoneCount, 4, 10, QLatin1Char('0'));
    z.name = name;
    z.zoneClass = zoneClass;
    z.area = area;
    m_town.zones.put(z);
    return z.id;
}

void Builder::addRoad(const QString &name, const QString &roadClass, double widthM, const QVector<Vec2> &line)
{
    Road r;
    r.id = m_town.allocateId();
    r.sourceId = QStringLiteral("GEN-W-%1").arg(++m_roadCount, 4, 10, QLatin1Char('0'));
    r.name = name;
    r.roadClass = roadClass;
    r.widthM = widthM;
    r.line = line;
    m_town.roads.put(r);
}

void Builder::addBuilding(BuildingUse use, const QString &name, const Polygon &footprint, double levels)
{
    // Source-id prefix by kind: R homes, P public services, C commerce, I industry, E energy, A farming.
    QChar prefix = QLatin1Char('C');
    switch (use) {
    case BuildingUse::Residential: prefix = QLatin1Char('R'); break;
    case BuildingUse::Hospital:
    case BuildingUse::School:
    case BuildingUse::ElderlyCare: prefix = QLatin1Char('P'); break;
    case BuildingUse::Industrial:
    case BuildingUse::Warehouse: prefix = QLatin1Char('I'); break;
    case BuildingUse::Energy: prefix = QLatin1Char('E'); break;
    case BuildingUse::Agricultural: prefix = QLatin1Char('A'); break;
    default: break;
    }
    Building b;
    b.sourceId = QStringLiteral("GEN-%1-%2").arg(prefix).arg(++m_buildingCounts[prefix], 4, 10, QLatin1Char('0'));
    b.name = name;
    b.use = use;
    b.levels = levels;
    b.footprint = footprint;
    m_buildings.append(b);
}

void Builder::addParcel(const Ring &ring, bool greenhouses)
{
    const Ring clipped = clipToConvex(ring, m_town.site.boundary.outer);
    if (clipped.size() < 3)
        return;
    const Polygon area{clipped, {}};
    addZone(ZoneClass::Agricultural,
            QStringLiteral("Farmland parcel F%1").arg(++m_parcelCount, 2, 10, QLatin1Char('0')), area);
    if (greenhouses && m_rng.generateDouble() < 0.35)
        addGreenhouses(area, Rect{ring[0].x, ring[0].y, ring[2].x, ring[2].y});
}

void Builder::addGreenhouses(const Polygon &parcel, const Rect &bounds)
{
    // Plastic greenhouses: 10 m wide, long axis east-west, 6 m apart, 15 m in from the farm tracks.
    const double inset = 15.0, width = 10.0, gap = 6.0;
    const double length = std::min(90.0, bounds.width() - 2 * inset);
    const int count = std::min(6, int((bounds.height() - 2 * inset + gap) / (width + gap)));
    for (int i = 0; i < count; ++i) {
        const double y = bounds.y0 + inset + i * (width + gap);
        const Polygon footprint = polygon(Rect{bounds.x0 + inset, y, bounds.x0 + inset + length, y + width});
        const bool inside = std::all_of(footprint.outer.begin(), footprint.outer.end(),
                                        [&](Vec2 v) { return geometry::contains(parcel, v); });
        if (length > 30.0 && inside)
            addBuilding(BuildingUse::Agricultural, QStringLiteral("Greenhouse"), footprint, 1);
    }
}

void Builder::makeFarmland()
{
    const Bounds2 site = geometry::bounds(m_town.site.boundary);
    const double w = kSiteHalfWidth;
    const double townEast = kTownWest + kTownSize, townNorth = kTownSouth + kTownSize;

    // The river, as one water zone from the west edge of the site to the east edge.
    QVector<Vec2> south = m_river.bank(-w, w, -1), north = m_river.bank(-w, w, +1);
    std::reverse(north.begin(), north.end());
    addZone(ZoneClass::Water, QStringLiteral("Lianhu River"), Polygon{south + north, {}});

    // North band: strips running up from the town to the site edge.
    const QVector<double> northCuts = breaks(-w, w, {0.0}, 200.0);
    for (int i = 0; i + 1 < northCuts.size(); ++i)
        addParcel(polygon(Rect{northCuts[i], townNorth, northCuts[i + 1], site.maxY}).outer,
                  northCuts[i] != 0.0);  // the cooperative's barn stands east of the county road
    // West and east bands: two columns of fields beside the town.
    for (const double x0 : {-w, townEast}) {
        const double x2 = x0 + (w - townEast);
        const QVector<double> cuts = breaks(kTownSouth, townNorth, {}, 200.0);
        for (int i = 0; i + 1 < cuts.size(); ++i) {
            addParcel(polygon(Rect{x0, cuts[i], (x0 + x2) / 2, cuts[i + 1]}).outer, true);
            addParcel(polygon(Rect{(x0 + x2) / 2, cuts[i], x2, cuts[i + 1]}).outer, true);
        }
        addRoad(QStringLiteral("Farm track"), QStringLiteral("track"), 4.0,
                {Vec2{(x0 + x2) / 2, kTownSouth}, Vec2{(x0 + x2) / 2, townNorth}});
        for (int i = 1; i + 1 < cuts.size(); ++i) {
            const double edge = x0 < 0 ? kTownWest + 7.0 : townEast - 7.0;
            addRoad(QStringLiteral("Farm track"), QStringLiteral("track"), 4.0,
                    {Vec2{x0 < 0 ? -w : edge, cuts[i]}, Vec2{x0 < 0 ? edge : w, cuts[i]}});
        }
    }
    // South band: strips cut in two by the river.
    const QVector<double> southCuts = breaks(-w, w, {0.0}, 180.0);
    for (int i = 0; i + 1 < southCuts.size(); ++i) {
        const double x0 = southCuts[i], x1 = southCuts[i + 1];
        QVector<Vec2> lower = m_river.bank(x0, x1, -1), upper = m_river.bank(x0, x1, +1);
        std::reverse(lower.begin(), lower.end());
        addParcel(Ring{Vec2{x0, site.minY}, Vec2{x1, site.minY}} + lower, false);
        addParcel(upper + Ring{Vec2{x1, kTownSouth}, Vec2{x0, kTownSouth}}, false);
    }

    // Farm tracks along the strip boundaries, from the town's ring road to the site edge or the river.
    const double ringNorth = townNorth - 7.0, ringSouth = kTownSouth + 7.0;
    for (int i = 1; i + 1 < northCuts.size(); ++i) {
        const double x = northCuts[i];
        if (x != 0.0)
            addRoad(QStringLiteral("Farm track"), QStringLiteral("track"), 4.0,
                    {Vec2{x, ringNorth}, Vec2{x, boundaryY(x, true)}});
    }
    for (int i = 1; i + 1 < southCuts.size(); ++i) {
        const double x = southCuts[i];
        if (x == 0.0)
            continue;
        const double riverSouth = m_river.centreY(x) - m_river.width / 2;
        const double riverNorth = m_river.centreY(x) + m_river.width / 2;
        addRoad(QStringLiteral("Farm track"), QStringLiteral("track"), 4.0, {Vec2{x, ringSouth}, Vec2{x, riverNorth}});
        addRoad(QStringLiteral("Farm track"), QStringLiteral("track"), 4.0,
                {Vec2{x, riverSouth}, Vec2{x, boundaryY(x, false)}});
    }
    // The county road runs north-south through the site along x = 0 and bridges the river.
    addRoad(QStringLiteral("Qingxi County Road"), QStringLiteral("secondary"), 9.0,
            {Vec2{0, boundaryY(0, false)}, Vec2{0, ringSouth}});
    addRoad(QStringLiteral("Qingxi County Road"), QStringLiteral("secondary"), 9.0,
            {Vec2{0, ringNorth}, Vec2{0, boundaryY(0, true)}});

    // The village cooperative's barn beside the county road.
    const Rect barn{20.0, townNorth + 15.0, 56.0, townNorth + 33.0};
    addBuilding(BuildingUse::Agricultural, QStringLiteral("Lianhu Farmers' Cooperative"), polygon(barn), 1);
}

void Builder::makeTownZonesAndRoads()
{
    // Street grid: ring road on the edge, collectors, the central avenue (u = 500) and local
    // streets; each with its road reserve as a road zone. Positions in the town frame.
    struct Street {
        double at;
        double reserve;
        double carriageway;
        const char *roadClass;
        const char *name;
    };
    const Street northSouth[] = {{7, 14, 9, "tertiary", "West Ring Road"},
                                 {250, 24, 16, "secondary", "Xiyuan Road"},
                                 {500, 40, 24, "primary", "Lianhu Avenue"},
                                 {750, 24, 16, "secondary", "Dongyuan Road"},
                                 {993, 14, 9, "tertiary", "East Ring Road"}};
    const Street eastWest[] = {{7, 14, 9, "tertiary", "South Ring Road"},
                               {250, 16, 9, "residential", "Hehua Lane"},
                               {500, 30, 16, "secondary", "Zhongxin Road"},
                               {750, 16, 9, "residential", "Liushu Lane"},
                               {993, 14, 9, "tertiary", "North Ring Road"}};
    for (const Street &s : northSouth) {
        addZone(ZoneClass::Road, QStringLiteral("%1 reserve").arg(QLatin1String(s.name)),
                polygon(town(s.at - s.reserve / 2, 0, s.at + s.reserve / 2, kTownSize)));
        addRoad(QLatin1String(s.name), QLatin1String(s.roadClass), s.carriageway,
                {townPoint(s.at, 7), townPoint(s.at, 993)});
    }
    for (const Street &s : eastWest) {
        for (int i = 0; i + 1 < 5; ++i) {
            const double u0 = northSouth[i].at + northSouth[i].reserve / 2;
            const double u1 = northSouth[i + 1].at - northSouth[i + 1].reserve / 2;
            addZone(ZoneClass::Road, QStringLiteral("%1 reserve").arg(QLatin1String(s.name)),
                    polygon(town(u0, s.at - s.reserve / 2, u1, s.at + s.reserve / 2)));
        }
        addRoad(QLatin1String(s.name), QLatin1String(s.roadClass), s.carriageway,
                {townPoint(7, s.at), townPoint(993, s.at)});
    }

    // Linear parks along the avenue north of the parks.
    const double blockRows[][2] = {{258, 485}, {515, 742}, {758, 986}};
    for (const auto &row : blockRows) {
        addZone(ZoneClass::Green, QStringLiteral("Avenue green corridor"), polygon(town(460, row[0], 480, row[1])));
        addZone(ZoneClass::Green, QStringLiteral("Avenue green corridor"), polygon(town(520, row[0], 540, row[1])));
    }
    addZone(ZoneClass::Green, QStringLiteral("Lianhu Central Park (west)"), polygon(town(262, 14, 480, 242)));
    addZone(ZoneClass::Green, QStringLiteral("Lianhu Central Park (east)"), polygon(town(520, 14, 738, 242)));
    addZone(ZoneClass::Green, QStringLiteral("East Wetland Park"), polygon(town(762, 14, 986, 242)));

    addZone(ZoneClass::Industrial, QStringLiteral("Agri-food industry park"), polygon(town(14, 14, 164, 242)));
    addZone(ZoneClass::Energy, QStringLiteral("District energy station"), polygon(town(164, 14, 238, 242)));
    addZone(ZoneClass::Commercial, QStringLiteral("Town centre"), polygon(town(262, 258, 460, 485)));
    addZone(ZoneClass::PublicService, QStringLiteral("Lianhu Hospital"), polygon(town(540, 258, 738, 394)));
    addZone(ZoneClass::PublicService, QStringLiteral("Elderly care campus"), polygon(town(540, 394, 738, 485)));
    addZone(ZoneClass::PublicService, QStringLiteral("West Primary School"), polygon(town(14, 515, 238, 742)));
    addZone(ZoneClass::PublicService, QStringLiteral("East Primary School"), polygon(town(762, 515, 986, 742)));
    addZone(ZoneClass::PublicService, QStringLiteral("Lianhu Middle School"), polygon(town(540, 872, 738, 986)));
    addZone(ZoneClass::PublicService, QStringLiteral("Kindergarten and health centre"),
            polygon(town(262, 758, 460, 872)));
}

void Builder::addHomes(const Rect &zone, const QString &zoneName, bool lowRise)
{
    addZone(ZoneClass::Residential, zoneName, polygon(zone));
    // Rows of slabs facing south, as Chinese housing is laid out for winter sun; the gaps
    // are simplified sunlight and fire spacings (GB 50180 / GB 50016 give 13 m between towers).
    const double setback = 8.0, gap = 14.0;
    const double depth = lowRise ? std::round(uniform(12, 14)) : std::round(uniform(14, 18));
    const double spacing = lowRise ? 24.0 : 34.0;
    const double w = zone.width() - 2 * setback, h = zone.height() - 2 * setback;
    const int rows = std::max(1, int((h + spacing) / (depth + spacing)));
    const double pitch = rows > 1 ? (h - depth) / (rows - 1) : 0.0;
    int number = 0;
    for (int r = 0; r < rows; ++r) {
        const double y0 = zone.y0 + setback + (rows > 1 ? r * pitch : (h - depth) / 2);
        const double nominal = lowRise ? uniform(40, 60) : uniform(50, 70);
        const int count = std::max(1, int((w + gap) / (nominal + gap)));
        const double length = std::min(80.0, (w - (count - 1) * gap) / count);
        const double x0 = zone.x0 + setback + (w - (count * length + (count - 1) * gap)) / 2;
        for (int c = 0; c < count; ++c) {
            const Rect bar{x0 + c * (length + gap), y0, x0 + c * (length + gap) + length, y0 + depth};
            // Low-rise rows end in an L where the row below leaves room for the wing.
            const bool withWing = lowRise && r > 0 && c == count - 1 && pitch - depth >= 24.0;
            const Polygon footprint = withWing ? lShape(bar, 12.0, true) : polygon(bar);
            const double levels = lowRise ? integer(4, 6) : integer(11, 18);
            if (!lowRise)
                m_highRiseHomes.append(m_buildings.size());
            addBuilding(BuildingUse::Residential, QStringLiteral("%1, building %2").arg(zoneName).arg(++number),
                        footprint, levels);
        }
    }
}

void Builder::makeTownBuildings()
{
    // Each school campus spreads its buildings to opposite corners of its block, by the streets,
    // so that homes on every side have a short walk to one of them.
    addHomes(town(14, 258, 238, 485), QStringLiteral("Xiyuan Residence"), false);
    addHomes(town(762, 258, 986, 485), QStringLiteral("Dongyuan Residence"), false);
    addHomes(town(262, 515, 460, 742), QStringLiteral("Lianhua Residence"), false);
    addHomes(town(540, 515, 738, 742), QStringLiteral("Zhongxin Residence"), false);
    addHomes(town(14, 758, 238, 986), QStringLiteral("Beiyuan Residence"), false);
    addHomes(town(262, 872, 460, 986), QStringLiteral("Hepan Garden"), true);
    addHomes(town(540, 758, 738, 872), QStringLiteral("Lianyun Court"), false);
    addHomes(town(762, 758, 986, 986), QStringLiteral("Dongbei Residence"), false);

    // Town centre: mall, two office towers and the science and innovation centre.
    const double mallLength = std::round(uniform(120, 140)), mallDepth = std::round(uniform(70, 80));
    addBuilding(BuildingUse::Retail, QStringLiteral("Lianhu Mall"),
                polygon(town(272, 268, 272 + mallLength, 268 + mallDepth)), 4);
    addBuilding(BuildingUse::Office, QStringLiteral("Lianhu Tower A"), polygon(town(272, 453, 308, 475)),
                integer(12, 16));
    addBuilding(BuildingUse::Office, QStringLiteral("Lianhu Tower B"), polygon(town(322, 453, 358, 475)),
                integer(12, 16));
    addBuilding(BuildingUse::Lab, QStringLiteral("Lianhu Science and Innovation Centre"),
                lShape(town(372, 455, 450, 475), 50, true), integer(4, 5));

    // Health and care.
    addBuilding(BuildingUse::Hospital, QStringLiteral("Lianhu Hospital, ward block"),
                lShape(town(552, 352, 682, 374), 70, false), integer(8, 10));
    addBuilding(BuildingUse::Hospital, QStringLiteral("Lianhu Hospital, outpatients"),
                polygon(town(590, 282, 720, 330)), 3);
    addBuilding(BuildingUse::ElderlyCare, QStringLiteral("Lianhu Elderly Care Home"),
                lShape(town(552, 455, 662, 473), 45, false), integer(5, 6));
    addBuilding(BuildingUse::ElderlyCare, QStringLiteral("Lianhu Elderly Care Home, day centre"),
                polygon(town(590, 410, 720, 428)), 4);
    addBuilding(BuildingUse::Hospital, QStringLiteral("Community Health Service Centre"),
                polygon(town(372, 820, 440, 850)), 3);

    // Schools.
    addBuilding(BuildingUse::School, QStringLiteral("West Primary School"), polygon(town(24, 525, 134, 543)), 4);
    addBuilding(BuildingUse::School, QStringLiteral("West Primary School, south building"),
                polygon(town(24, 565, 134, 583)), 4);
    addBuilding(BuildingUse::School, QStringLiteral("West Primary School, gym and canteen"),
                lShape(town(170, 714, 228, 732), 30, true), 2);
    addBuilding(BuildingUse::School, QStringLiteral("East Primary School"), polygon(town(866, 525, 976, 543)), 4);
    addBuilding(BuildingUse::School, QStringLiteral("East Primary School, south building"),
                polygon(town(866, 565, 976, 583)), 4);
    addBuilding(BuildingUse::School, QStringLiteral("East Primary School, gym and canteen"),
                lShape(town(772, 714, 830, 732), 30, false), 2);
    addBuilding(BuildingUse::School, QStringLiteral("Lianhu Middle School, north wing"),
                polygon(town(552, 950, 672, 968)), 5);
    addBuilding(BuildingUse::School, QStringLiteral("Lianhu Middle School, south wing"),
                polygon(town(552, 915, 672, 933)), 5);
    addBuilding(BuildingUse::School, QStringLiteral("Lianhu Middle School, gym"), polygon(town(690, 885, 726, 935)), 2);
    addBuilding(BuildingUse::School, QStringLiteral("Lianhu Kindergarten"), polygon(town(276, 820, 336, 850)), 3);

    // Industry and energy.
    addBuilding(BuildingUse::Industrial, QStringLiteral("Agri-food processing plant"),
                polygon(town(26, 26, 26 + std::round(uniform(100, 120)), 96)), 2);
    addBuilding(BuildingUse::Warehouse, QStringLiteral("Cold-chain logistics warehouse"),
                polygon(town(26, 130, 26 + std::round(uniform(80, 110)), 180)), 1);
    addBuilding(BuildingUse::Energy, QStringLiteral("District energy plant"), polygon(town(176, 40, 226, 100)), 2);
}

void Builder::fitResidentialFloorArea()
{
    // Storeys of the high-rise slabs are nudged (within 11-18) until homes add up to the target.
    const auto total = [this] {
        double sum = 0.0;
        for (const Building &b : m_buildings)
            if (b.use == BuildingUse::Residential)
                sum += b.grossFloorArea();
        return sum;
    };
    double gfa = total();
    for (int guard = 0; guard < 100000 && std::abs(gfa - kResidentialGfaM2) > 0.002 * kResidentialGfaM2; ++guard) {
        Building &b = m_buildings[m_highRiseHomes[int(m_rng.bounded(quint32(m_highRiseHomes.size())))]];
        const double step = gfa < kResidentialGfaM2 ? 1.0 : -1.0;
        if (b.levels + step < 11 || b.levels + step > 18)
            continue;
        b.levels += step;
        gfa += step * b.footprintArea();
    }
}

void Builder::finishBuildings()
{
    for (Building &b : m_buildings) {
        b.id = m_town.allocateId();
        entityedit::setStoreys(&b, b.levels);
        entityedit::reseat(&b, m_town.terrain);
        m_town.buildings.put(b);
    }
}

void Builder::makeOverviewTour()
{
    const auto zoneNamed = [this](const QString &name) {
        for (const Zone &z : m_town.zones)
            if (z.name == name)
                return geometry::bounds(z.area.outer);
        return Bounds2{};
    };
    // The greenhouse parcel nearest the river bend south-west of the town: farmland at its busiest.
    Bounds2 farm;
    double best = INFINITY;
    for (const Building &b : m_town.buildings) {
        if (b.name != QLatin1String("Greenhouse"))
            continue;
        const Vec2 c = geometry::centroid(b.footprint);
        const double d = (c - Vec2{kTownWest, kRiverY}).length();
        if (d < best) {
            best = d;
            farm = geometry::bounds(b.footprint);
        }
    }
    const auto view = [this](const QString &name, const Bounds2 &box, double distance, double heading, double pitch,
                             int hour = kSummerMorningHour) {
        SavedView v;
        v.name = name;
        const Vec2 c{(box.minX + box.maxX) * 0.5, (box.minY + box.maxY) * 0.5};
        v.camera = {c.x, c.y, m_town.terrain.elevationAt(c), distance, heading, pitch};
        v.layers = viewLayerKeys();
        v.hour = hour;
        m_town.presentation.views << v;
        return name;
    };
    Tour tour{QStringLiteral("Overview"), {}};
    tour.stops << TourStop{view(QStringLiteral("Whole site"), geometry::bounds(m_town.site.boundary), 3300.0, 30.0, 48.0),
                           0.0, 6.0,
                           QStringLiteral("Lianhu: 3 km² for 30,000 people, two thirds of it modern farmland")};
    // The centre under a low western sun, whose long shadows fall towards the camera.
    tour.stops << TourStop{view(QStringLiteral("Town centre"), zoneNamed(QStringLiteral("Town centre")), 700.0, 40.0, 35.0,
                                kSummerMorningHour + 6),
                           4.0, 6.0, QStringLiteral("The town centre: shops, offices and homes within a short walk")};
    tour.stops << TourStop{view(QStringLiteral("Energy station"), zoneNamed(QStringLiteral("District energy station")),
                                650.0, 110.0, 35.0),
                           4.0, 6.0,
                           QStringLiteral("The district energy station: the town's heat, cold and storage, next to its industry")};
    tour.stops << TourStop{view(QStringLiteral("Farmland"), farm, 900.0, 320.0, 30.0), 4.0, 6.0,
                           QStringLiteral("Farmland with greenhouses along the river, with room for ground-mounted PV")};
    m_town.presentation.tours << tour;
    // Figures the plan itself has; energy figures need the energy system the sample leaves open.
    m_town.presentation.kpiCards = QStringList{QStringLiteral("residents"), QStringLiteral("jobs"), QStringLiteral("built_up"),
                                               QStringLiteral("farmland")};
}

Town Builder::build()
{
    makeSite();
    makeTerrain();
    makeFarmland();
    makeTownZonesAndRoads();
    makeTownBuildings();
    fitResidentialFloorArea();
    finishBuildings();
    makeOverviewTour();
    return m_town;
}

}  // namespace

Town generate(quint32 seed)
{
    return Builder(seed).build();
}

}  // namespace tt::TownGenerator
