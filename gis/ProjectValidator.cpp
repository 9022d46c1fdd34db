// SPDX-License-Identifier: MIT
#include "ProjectValidator_p.h"

#include "RoadClass.h"
#include "core/Plausibility.h"

#include <cmath>
#include <vector>

namespace tt {

namespace {

bool allFinite(const QVector<Vec2> &points)
{
    for (Vec2 p : points)
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            return false;
    return true;
}

//! Why a polygon cannot be drawn or measured; empty when it can.
QString shapeProblem(const Polygon &polygon)
{
    if (polygon.outer.isEmpty())
        return QStringLiteral("no geometry (NULL or empty)");
    if (polygon.outer.size() < 3)
        return QStringLiteral("fewer than 3 corners");
    bool finite = allFinite(polygon.outer);
    for (const Ring &hole : polygon.holes)
        finite = finite && allFinite(hole);
    if (!finite)
        return QStringLiteral("a coordinate is not a number");
    if (!(geometry::area(polygon) > 0.0))
        return QStringLiteral("zero area");
    return QString();
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

//! The ids of a table, so entities can be removed while walking them.
template <typename T> std::vector<EntityId> idsOf(const EntityTable<T> &table)
{
    std::vector<EntityId> ids;
    ids.reserve(size_t(table.size()));
    for (const T &item : table)
        ids.push_back(item.id);
    return ids;
}

} // namespace

QString ProjectValidator::where(const char *layer, EntityId id, const QString &sourceId) const
{
    return QStringLiteral("%1: layer '%2', id %3%4")
        .arg(m_path, QString::fromLatin1(layer))
        .arg(id)
        .arg(sourceId.isEmpty() ? QString() : QStringLiteral(" (source id '%1')").arg(sourceId));
}

QStringList ProjectValidator::apply(Town *town) const
{
    QStringList messages;
    checkTerrain(town, &messages);  // first: buildings may need it for their ground
    checkBuildings(town, &messages);
    checkZonesAndRoads(town, &messages);
    checkAssets(town, &messages);  // after the buildings: rooftop PV needs its roof
    checkNetworks(town, &messages);  // after the buildings: load nodes name theirs
    checkSettings(town, &messages);
    return messages;
}

void ProjectValidator::checkBuildings(Town *town, QStringList *messages) const
{
    for (EntityId id : idsOf(town->buildings)) {
        Building &b = *town->buildings.find(id);
        const QString at = where("buildings", id, b.sourceId);
        if (const QString problem = shapeProblem(b.footprint); !problem.isEmpty()) {
            messages->append(QStringLiteral("%1: %2: left out").arg(at, problem));
            town->buildings.remove(id);
            continue;
        }
        // 0 storeys is the model's "unknown" (the floor area then follows the height).
        const QString heightProblem = plausibility::heightProblem(b.heightM);
        const QString levelsProblem = b.levels == 0.0 ? QString() : plausibility::levelsProblem(b.levels);
        if (!heightProblem.isEmpty() || !levelsProblem.isEmpty()) {
            QStringList problems;
            if (!heightProblem.isEmpty())
                problems.append(QStringLiteral("height %1 m is %2").arg(number(b.heightM), heightProblem));
            if (!levelsProblem.isEmpty())
                problems.append(QStringLiteral("%1 storeys is %2").arg(number(b.levels), levelsProblem));
            else if (b.levels == 0.0)
                problems.append(QStringLiteral("no storeys recorded"));
            QString how;
            plausibility::settleHeight(&b, heightProblem.isEmpty(), levelsProblem.isEmpty() && b.levels != 0.0, &how);
            messages->append(QStringLiteral("%1: %2: %3").arg(at, problems.join(QStringLiteral("; ")), how));
        }
        if (const QString problem = plausibility::elevationProblem(b.groundM); !problem.isEmpty()) {
            const double ground = town->terrain.isEmpty() ? NAN : town->terrain.groundUnder(b.footprint);
            const double fixed = std::isfinite(ground) ? ground : 0.0;
            messages->append(QStringLiteral("%1: ground %2 m is %3: set to %4 m (%5)")
                                 .arg(at, number(b.groundM), problem, number(fixed),
                                      std::isfinite(ground) ? QStringLiteral("the terrain under it")
                                                            : QStringLiteral("no terrain under it")));
            b.groundM = fixed;
        }
        if (const QString problem = plausibility::basementLevelsProblem(b.basementLevels); !problem.isEmpty()) {
            messages->append(QStringLiteral("%1: %2 storeys below ground is %3: set to none")
                                 .arg(at, number(b.basementLevels), problem));
            b.basementLevels = 0.0;
        }
        if (b.year != 0) {
            if (const QString problem = plausibility::yearProblem(b.year); !problem.isEmpty()) {
                messages->append(QStringLiteral("%1: year %2 is %3: left unknown").arg(at).arg(b.year).arg(problem));
                b.year = 0;
            }
        }
        if (!b.mix.isEmpty()) {
            double total = 0.0;
            bool usable = true;
            QStringList shares;
            for (const UseShare &s : b.mix) {
                usable = usable && std::isfinite(s.share) && s.share > 0.0;
                total += s.share;
                shares.append(QStringLiteral("%1 %2").arg(buildinguse::key(s.use), number(s.share)));
            }
            if (!usable) {
                messages->append(QStringLiteral("%1: use shares (%2) are not all above 0: left out, the building is "
                                                "all %3")
                                     .arg(at, shares.join(QStringLiteral(", ")), buildinguse::key(b.use)));
                b.mix.clear();
            } else if (std::abs(total - 1.0) > 0.01) {
                messages->append(QStringLiteral("%1: use shares (%2) sum to %3, not 1: each is divided by %3")
                                     .arg(at, shares.join(QStringLiteral(", ")), number(total)));
                for (UseShare &s : b.mix)
                    s.share /= total;
            }
        }
    }
}

void ProjectValidator::checkZonesAndRoads(Town *town, QStringList *messages) const
{
    for (EntityId id : idsOf(town->zones)) {
        const Zone &z = *town->zones.find(id);
        if (const QString problem = shapeProblem(z.area); !problem.isEmpty()) {
            messages->append(QStringLiteral("%1: %2: left out").arg(where("zones", id, z.sourceId), problem));
            town->zones.remove(id);
        }
    }
    for (EntityId id : idsOf(town->roads)) {
        Road &r = *town->roads.find(id);
        const QString at = where("roads", id, r.sourceId);
        if (r.line.size() < 2 || !allFinite(r.line)) {
            messages->append(QStringLiteral("%1: %2: left out")
                                 .arg(at, r.line.isEmpty() ? QStringLiteral("no geometry (NULL or empty)")
                                          : r.line.size() < 2 ? QStringLiteral("fewer than 2 points")
                                                              : QStringLiteral("a coordinate is not a number")));
            town->roads.remove(id);
            continue;
        }
        if (const QString problem = plausibility::roadWidthProblem(r.widthM); !problem.isEmpty()) {
            const double width = roadclass::widthM(r.roadClass);
            messages->append(QStringLiteral("%1: width %2 m is %3: set to %4 m, typical for '%5'")
                                 .arg(at, number(r.widthM), problem, number(width), r.roadClass));
            r.widthM = width;
        }
    }
}

void ProjectValidator::checkAssets(Town *town, QStringList *messages) const
{
    for (EntityId id : idsOf(town->assets)) {
        const EnergyAsset &a = *town->assets.find(id);
        QString problem;
        if (m_assetsWithoutPosition.contains(id))
            problem = QStringLiteral("no position (NULL or empty geometry)");
        else if (!std::isfinite(a.position.x) || !std::isfinite(a.position.y))
            problem = QStringLiteral("the position is not a number");
        else if (!a.area.outer.isEmpty() && !shapeProblem(a.area).isEmpty())
            problem = QStringLiteral("its area has %1").arg(shapeProblem(a.area));
        else if (a.hostBuilding != kNoEntity && !town->buildings.contains(a.hostBuilding))
            problem = QStringLiteral("its host building %1 is not in the project").arg(a.hostBuilding);
        if (problem.isEmpty())
            continue;
        messages->append(QStringLiteral("%1 (%2): %3: left out")
                             .arg(where("energy_assets", id), a.name.isEmpty() ? energyassettype::key(a.type) : a.name,
                                  problem));
        town->assets.remove(id);
    }
}

void ProjectValidator::checkNetworks(Town *town, QStringList *messages) const
{
    for (EntityId id : idsOf(town->networkNodes)) {
        const NetworkNode &n = *town->networkNodes.find(id);
        QString problem;
        if (!std::isfinite(n.position.x) || !std::isfinite(n.position.y))
            problem = QStringLiteral("the position is not a number");
        else if (n.building != kNoEntity && !town->buildings.contains(n.building))
            problem = QStringLiteral("its building %1 is not in the project").arg(n.building);
        if (problem.isEmpty())
            continue;
        messages->append(QStringLiteral("%1: %2: left out").arg(where("network_nodes", id, n.sourceId), problem));
        town->networkNodes.remove(id);
    }
    // After the nodes: a link to a node left out goes too.
    for (EntityId id : idsOf(town->networkLinks)) {
        const NetworkLink &l = *town->networkLinks.find(id);
        QString problem;
        for (EntityId end : {l.from, l.to}) {
            const NetworkNode *n = town->networkNodes.find(end);
            if (!n)
                problem = QStringLiteral("node %1 is not in the project").arg(end);
            else if (n->carrier != l.carrier)
                problem = QStringLiteral("node %1 is on the %2 network, the link on the %3 network")
                              .arg(end)
                              .arg(networkcarrier::key(n->carrier), networkcarrier::key(l.carrier));
            if (!problem.isEmpty())
                break;
        }
        if (problem.isEmpty() && l.from == l.to)
            problem = QStringLiteral("it starts and ends at node %1").arg(l.from);
        if (problem.isEmpty() && (l.route.size() < 2 || !allFinite(l.route)))
            problem = QStringLiteral("its route is not a line of at least two points");
        if (problem.isEmpty() && l.circuits < 1)
            problem = QStringLiteral("%1 circuits").arg(l.circuits);
        if (problem.isEmpty())
            continue;
        messages->append(QStringLiteral("%1: %2: left out").arg(where("network_links", id, l.sourceId), problem));
        town->networkLinks.remove(id);
    }
}

void ProjectValidator::checkTerrain(Town *town, QStringList *messages) const
{
    if (town->terrain.isEmpty())
        return;
    int implausible = 0;
    double example = 0.0;
    for (float &h : town->terrain.samples()) {
        if (std::isnan(h) || plausibility::elevationProblem(h).isEmpty())
            continue;
        if (implausible++ == 0)
            example = h;
        h = NAN;
    }
    if (implausible == 0)
        return;
    messages->append(QStringLiteral("%1: raster 'terrain': %2 samples are outside %3..%4 m (such as %5 m): read as NoData")
                         .arg(m_path)
                         .arg(implausible)
                         .arg(plausibility::kMinElevationM)
                         .arg(plausibility::kMaxElevationM)
                         .arg(number(example)));
    if (town->terrain.noDataCount() == town->terrain.samples().size()) {
        messages->append(QStringLiteral("%1: raster 'terrain' holds no valid elevation: left out (flat ground)").arg(m_path));
        town->terrain = Terrain();
    }
}

void ProjectValidator::checkSettings(Town *town, QStringList *messages) const
{
    for (const QString &key : town->settings.keys()) {
        const QVariant value = town->settings.value(key);
        const QString problem = plausibility::settingProblem(key, value);
        if (problem.isEmpty())
            continue;
        messages->append(QStringLiteral("%1: setting '%2' = %3 %4: removed, its default applies")
                             .arg(m_path, key, value.toString(), problem));
        town->settings.remove(key);
    }
}

} // namespace tt
