// SPDX-License-Identifier: MIT
#include "NetworkLayout.h"

#include "PipeNetwork.h"
#include "analysis/RoadNetwork.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace tt {

namespace {

constexpr double kHighKv = 10.0;
constexpr double kLowKv = 0.4;
constexpr double kDesignVoltagePu = 0.95;
//! Buildings drawing less than this from a thermal network at their peak are not connected to it.
constexpr double kMinThermalPeakKw = 1.0;

using Series = std::vector<float>;

void addTo(Series &to, const Series &from)
{
    if (to.empty())
        to.assign(from.size(), 0.0f);
    for (size_t h = 0; h < from.size(); ++h)
        to[h] += from[h];
}

Series toSeries(const std::vector<double> &values)
{
    return Series(values.begin(), values.end());
}

double peakAbs(const Series &s)
{
    double peak = 0.0;
    for (float v : s)
        peak = std::max(peak, double(std::abs(v)));
    return peak;
}

double peakAbsOfSum(const Series &a, const Series &b)
{
    if (a.empty())
        return peakAbs(b);
    if (b.empty())
        return peakAbs(a);
    double peak = 0.0;
    for (size_t h = 0; h < a.size(); ++h)
        peak = std::max(peak, double(std::abs(a[h] + b[h])));
    return peak;
}

Vec2 plantPosition(const Town &town)
{
    // The first present of these, in order: where the town meets the grid, then its plant.
    for (EnergyAssetType type : {EnergyAssetType::GridConnection, EnergyAssetType::Chp, EnergyAssetType::HeatPump,
                                 EnergyAssetType::Chiller, EnergyAssetType::GasBoiler, EnergyAssetType::BiomassBoiler,
                                 EnergyAssetType::ThermalStorage, EnergyAssetType::Battery})
        for (const EnergyAsset &a : town.assets)
            if (a.type == type)
                return a.position;
    Vec2 sum;
    int count = 0;
    for (const Building &b : town.buildings)
        if (!b.context) {
            sum = sum + geometry::centroid(b.footprint);
            ++count;
        }
    return count > 0 ? sum * (1.0 / count) : Vec2{};
}

//! The road tree from the plant to every building.
struct RoadTree {
    RoadNetwork roads;
    int root = -1;
    Vec2 plant;
    QVector<Vec2> plantRoute;  //!< plant to the root node
    std::vector<double> distance;
    std::vector<int> parent;  //!< road node towards the root
    std::vector<int> order;   //!< used road nodes, root first, each after its parent
    std::vector<std::vector<int>> children;
    struct Attachment {
        const Building *building;
        int node;
        QVector<Vec2> route;  //!< from the road node to the building
    };
    std::vector<Attachment> attachments;
    std::vector<std::vector<int>> attachedAt;  //!< per road node, attachment indices
};

int nearestReachedNode(const RoadTree &t, Vec2 p)
{
    int best = t.root;
    for (int n = 0; n < t.roads.nodeCount(); ++n)
        if (std::isfinite(t.distance[size_t(n)])
            && (t.roads.nodePosition(n) - p).length() < (t.roads.nodePosition(best) - p).length())
            best = n;
    return best;
}

//! Buildings join their nearest road at the end of it nearer the plant (by road).
Status buildTree(const Town &town, RoadTree *t, QStringList *notes)
{
    t->roads.build(town.roads);
    if (t->roads.isEmpty())
        return Status::error(QStringLiteral("the town has no roads to lay networks along"));
    t->plant = plantPosition(town);
    const RoadAccess plantAccess = t->roads.locate(t->plant);
    const int e = plantAccess.edge;
    const bool nearFrom = plantAccess.offsetM <= t->roads.edgeLengthM(e) / 2.0;
    t->root = nearFrom ? t->roads.edgeFrom(e) : t->roads.edgeTo(e);
    t->plantRoute = {t->plant, t->roads.pointOn(e, plantAccess.offsetM), t->roads.nodePosition(t->root)};

    const int n = t->roads.nodeCount();
    t->distance.assign(size_t(n), INFINITY);
    t->parent.assign(size_t(n), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    t->distance[size_t(t->root)] = 0.0;
    queue.push({0.0, t->root});
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > t->distance[size_t(node)])
            continue;
        for (const auto &[next, edge] : t->roads.neighbours(node)) {
            const double nd = d + t->roads.edgeLengthM(edge);
            if (nd < t->distance[size_t(next)]) {
                t->distance[size_t(next)] = nd;
                t->parent[size_t(next)] = node;
                queue.push({nd, next});
            }
        }
    }

    t->attachedAt.assign(size_t(n), {});
    std::vector<char> used(size_t(n), 0);
    used[size_t(t->root)] = 1;
    for (const Building &b : town.buildings) {
        if (b.context)
            continue;
        const Vec2 centre = geometry::centroid(b.footprint);
        const RoadAccess access = t->roads.locate(centre);
        const int from = t->roads.edgeFrom(access.edge), to = t->roads.edgeTo(access.edge);
        const double viaFrom = t->distance[size_t(from)] + access.offsetM;
        const double viaTo = t->distance[size_t(to)] + t->roads.edgeLengthM(access.edge) - access.offsetM;
        int node = viaFrom <= viaTo ? from : to;
        QVector<Vec2> route;
        if (std::isfinite(std::min(viaFrom, viaTo))) {
            route = {t->roads.nodePosition(node)};
            const Vec2 foot = t->roads.pointOn(access.edge, access.offsetM);
            if ((foot - route.first()).length() > 0.01)
                route.append(foot);
        } else {
            // Its nearest road is not connected to the plant's (a farm track): a straight
            // service from the nearest road node that is.
            node = nearestReachedNode(*t, centre);
            route = {t->roads.nodePosition(node)};
            notes->append(QStringLiteral("building %1%2: its nearest road does not reach the plant; served straight from "
                                         "the nearest one that does, %3 m away")
                              .arg(b.id)
                              .arg(b.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(b.name))
                              .arg((route.first() - centre).length(), 0, 'f', 0));
        }
        route.append(centre);
        t->attachedAt[size_t(node)].push_back(int(t->attachments.size()));
        t->attachments.push_back({&b, node, route});
        for (int m = node; m >= 0 && !used[size_t(m)]; m = t->parent[size_t(m)])
            used[size_t(m)] = 1;
    }
    t->children.assign(size_t(n), {});
    for (int m = 0; m < n; ++m)
        if (used[size_t(m)] && m != t->root)
            t->children[size_t(t->parent[size_t(m)])].push_back(m);
    t->order = {t->root};
    for (size_t i = 0; i < t->order.size(); ++i)
        for (int c : t->children[size_t(t->order[i])])
            t->order.push_back(c);
    return Status::success();
}

//! Adds nodes and links to the town being laid out, with ids from its allocator.
class Builder {
public:
    Builder(Town *town, NetworkCarrier carrier, NetworkLayout::CarrierSummary *summary)
        : m_town(town), m_carrier(carrier), m_summary(summary)
    {
    }

    EntityId node(NetworkNode::Kind kind, Vec2 at, double kv, EntityId building = kNoEntity)
    {
        NetworkNode n;
        n.id = m_town->allocateId();
        n.carrier = m_carrier;
        n.kind = kind;
        n.position = at;
        n.kv = kv;
        n.building = building;
        m_town->networkNodes.put(n);
        ++m_summary->nodes;
        return n.id;
    }
    void link(NetworkLink l, EntityId from, EntityId to, const QVector<Vec2> &route, double costPerM)
    {
        l.id = m_town->allocateId();
        l.carrier = m_carrier;
        l.from = from;
        l.to = to;
        l.route = route;
        m_town->networkLinks.put(l);
        ++m_summary->links;
        m_summary->lengthM += l.lengthM();
        m_summary->cost += costPerM * l.lengthM();
    }

private:
    Town *m_town;
    NetworkCarrier m_carrier;
    NetworkLayout::CarrierSummary *m_summary;
};

//! The straight road piece from a node's parent to it.
QVector<Vec2> edgeRoute(const RoadTree &t, int node)
{
    return {t.roads.nodePosition(t.parent[size_t(node)]), t.roads.nodePosition(node)};
}

class FeederLayout {
public:
    FeederLayout(const RoadTree &tree, const NetworkCatalogue &catalogue, const std::vector<Series> &buildingKw,
                 Town *town, NetworkLayout::CarrierSummary *summary, QStringList *notes)
        : m_t(tree), m_c(catalogue), m_buildingKw(buildingKw), m_out(town, NetworkCarrier::Electricity, summary),
          m_summary(summary), m_notes(notes)
    {
        const NetworkCatalogue::Cable &largestLow = catalogue.cableFor(kLowKv, INFINITY);
        m_lowCableKva = std::sqrt(3.0) * kLowKv * largestLow.ampacityA * catalogue.design.cableDerating;
        m_transformerKva = catalogue.transformers.back().kva * catalogue.design.transformerLoading;
    }

    void lay()
    {
        const size_t n = size_t(m_t.roads.nodeCount());
        m_low.assign(n, {});
        m_high.assign(n, {});
        m_reach.assign(n, 0.0);
        m_cut.assign(n, 0);
        m_highNeeded.assign(n, 0);
        m_dedicated.assign(m_t.attachments.size(), 0);
        for (int node : m_t.order)
            for (int a : m_t.attachedAt[size_t(node)]) {
                const double kva = peakAbs(m_buildingKw[size_t(a)]) / m_c.design.powerFactor;
                if (kva > m_lowCableKva) {
                    m_dedicated[size_t(a)] = 1;
                    addTo(m_high[size_t(node)], m_buildingKw[size_t(a)]);
                    m_highNeeded[size_t(node)] = 1;
                } else {
                    addTo(m_low[size_t(node)], m_buildingKw[size_t(a)]);
                }
            }
        // Low-voltage areas grow from the leaves; a child that does not fit starts its own.
        for (size_t i = m_t.order.size(); i-- > 0;) {
            const int node = m_t.order[i];
            for (int child : m_t.children[size_t(node)]) {
                const double length = (m_t.roads.nodePosition(child) - m_t.roads.nodePosition(node)).length();
                const Series &area = m_low[size_t(child)];
                const bool cut = peakAbs(area) / m_c.design.powerFactor > m_lowCableKva
                    || peakAbsOfSum(m_low[size_t(node)], area) / m_c.design.powerFactor > m_transformerKva
                    || m_reach[size_t(child)] + length > m_c.design.lowVoltageReachM;
                if (cut) {
                    m_cut[size_t(child)] = 1;
                    addTo(m_high[size_t(node)], area);
                } else {
                    addTo(m_low[size_t(node)], area);
                    m_reach[size_t(node)] = std::max(m_reach[size_t(node)], m_reach[size_t(child)] + length);
                }
                if (m_cut[size_t(child)] || m_highNeeded[size_t(child)]) {
                    addTo(m_high[size_t(node)], m_high[size_t(child)]);
                    m_highNeeded[size_t(node)] = 1;
                }
            }
        }
        // The plant's own area gets its transformer at the root road node: the plant's
        // access then carries 10 kV only.
        m_cut[size_t(m_t.root)] = 1;
        Series all = m_high[size_t(m_t.root)];
        addTo(all, m_low[size_t(m_t.root)]);

        const EntityId source = m_out.node(NetworkNode::Kind::Source, m_t.plant, kHighKv);
        m_highNode.assign(n, kNoEntity);
        m_lowNode.assign(n, kNoEntity);
        m_highNode[size_t(m_t.root)] = m_out.node(NetworkNode::Kind::Junction, m_t.roads.nodePosition(m_t.root), kHighKv);
        highCable(source, m_highNode[size_t(m_t.root)], m_t.plantRoute, peakAbs(all));
        for (int node : m_t.order) {
            const Vec2 at = m_t.roads.nodePosition(node);
            if (node != m_t.root) {
                const int parent = m_t.parent[size_t(node)];
                if (m_cut[size_t(node)] || m_highNeeded[size_t(node)]) {
                    Series carried = m_high[size_t(node)];
                    if (m_cut[size_t(node)])
                        addTo(carried, m_low[size_t(node)]);
                    m_highNode[size_t(node)] = m_out.node(NetworkNode::Kind::Junction, at, kHighKv);
                    highCable(m_highNode[size_t(parent)], m_highNode[size_t(node)], edgeRoute(m_t, node), peakAbs(carried));
                }
                if (!m_cut[size_t(node)]) {
                    m_lowNode[size_t(node)] = m_out.node(NetworkNode::Kind::Junction, at, kLowKv);
                    lowCable(m_lowNode[size_t(parent)], m_lowNode[size_t(node)], edgeRoute(m_t, node),
                             peakAbs(m_low[size_t(node)]));
                }
            }
            if (m_cut[size_t(node)]) {
                m_lowNode[size_t(node)] = m_out.node(NetworkNode::Kind::Junction, at, kLowKv);
                transformer(m_highNode[size_t(node)], m_lowNode[size_t(node)], at, peakAbs(m_low[size_t(node)]));
            }
            for (int a : m_t.attachedAt[size_t(node)])
                connectBuilding(a, node);
        }
    }

private:
    //! A building's service: a 0.4 kV cable from its area, or its own transformer fed at 10 kV.
    void connectBuilding(int a, int node)
    {
        const RoadTree::Attachment &att = m_t.attachments[size_t(a)];
        const double peakKw = peakAbs(m_buildingKw[size_t(a)]);
        const Vec2 at = att.route.last();
        if (!m_dedicated[size_t(a)]) {
            const EntityId b = m_out.node(NetworkNode::Kind::Load, at, kLowKv, att.building->id);
            lowCable(m_lowNode[size_t(node)], b, att.route, peakKw);
            return;
        }
        const EntityId high = m_out.node(NetworkNode::Kind::Junction, at, kHighKv);
        highCable(m_highNode[size_t(node)], high, att.route, peakKw);
        const EntityId low = m_out.node(NetworkNode::Kind::Load, at, kLowKv, att.building->id);
        transformer(high, low, at, peakKw);
    }

    void lowCable(EntityId from, EntityId to, const QVector<Vec2> &route, double peakKw)
    {
        cable(from, to, route, peakKw, kLowKv);
    }

    void highCable(EntityId from, EntityId to, const QVector<Vec2> &route, double peakKw)
    {
        cable(from, to, route, peakKw, kHighKv);
    }

    //! The smallest cable for the peak current; at 10 kV as many in parallel as it takes.
    void cable(EntityId from, EntityId to, const QVector<Vec2> &route, double peakKw, double kv)
    {
        // At the lowest voltage the design allows the same power draws that much more current.
        const double currentA = peakKw / (std::sqrt(3.0) * kv * kDesignVoltagePu * m_c.design.powerFactor);
        const NetworkCatalogue::Cable &largest = m_c.cableFor(kv, INFINITY);
        int circuits = 1;
        if (kv == kHighKv)
            circuits = std::max({1, int(std::ceil(currentA / (largest.ampacityA * m_c.design.cableDerating))),
                                 int(std::ceil(m_c.dropPercentPerKm(largest, currentA) / m_c.design.highVoltageDropPercentPerKm))});
        const NetworkCatalogue::Cable &c = m_c.cableFor(kv, currentA / circuits);
        if (kv == kLowKv && c.ampacityA * m_c.design.cableDerating < currentA)
            m_notes->append(QStringLiteral("a 0.4 kV cable carries %1 A at its peak, more than the largest (%2)")
                                .arg(currentA, 0, 'f', 0)
                                .arg(c.name));
        NetworkLink l;
        const double km = geometry::length(route) / 1000.0;
        l.type = circuits > 1 ? QStringLiteral("%1 × %2").arg(circuits).arg(c.name) : c.name;
        l.circuits = circuits;
        l.rOhm = std::max(c.rOhmPerKm * km / circuits, 1e-6);  // a service drawn to its own road node has no length
        l.xOhm = c.xOhmPerKm * km / circuits;
        l.kv = kv;
        l.ampacityA = c.ampacityA * m_c.design.cableDerating * circuits;
        m_out.link(l, from, to, route, c.costPerM * circuits);
    }

    void transformer(EntityId high, EntityId low, Vec2 at, double peakKw)
    {
        const double kva = peakKw / (m_c.design.powerFactor * kDesignVoltagePu);
        const NetworkCatalogue::Transformer &t = m_c.transformerFor(kva);
        if (t.kva * m_c.design.transformerLoading < kva)
            m_notes->append(QStringLiteral("a transformer serves %1 kVA at its peak, more than the largest (%2) at %3 % loading")
                                .arg(kva, 0, 'f', 0)
                                .arg(t.name)
                                .arg(100.0 * m_c.design.transformerLoading, 0, 'f', 0));
        // Impedance on the 0.4 kV side from the short-circuit voltage and the load losses.
        const double zBase = kLowKv * kLowKv / (t.kva / 1000.0);
        const double z = t.ukPercent / 100.0 * zBase;
        const double r = t.loadLossKw / t.kva * zBase;
        NetworkLink l;
        l.type = t.name;
        l.rOhm = r;
        l.xOhm = std::sqrt(std::max(0.0, z * z - r * r));
        l.kv = kLowKv;
        l.ampacityA = t.kva / (std::sqrt(3.0) * kLowKv);
        m_out.link(l, high, low, {at, at}, 0.0);
        ++m_summary->transformers;
        m_summary->cost += t.cost;
    }

    const RoadTree &m_t;
    const NetworkCatalogue &m_c;
    const std::vector<Series> &m_buildingKw;  // per attachment
    Builder m_out;
    NetworkLayout::CarrierSummary *m_summary;
    QStringList *m_notes;
    double m_lowCableKva = 0.0, m_transformerKva = 0.0;
    std::vector<Series> m_low, m_high;  // per road node: its low-voltage area's load, what 10 kV carries beyond it
    std::vector<double> m_reach;
    std::vector<char> m_cut, m_highNeeded, m_dedicated;
    std::vector<EntityId> m_highNode, m_lowNode;
};

void layPipes(const RoadTree &t, const NetworkCatalogue &c, NetworkCarrier carrier, const std::vector<Series> &buildingKw,
              Town *town, NetworkLayout::CarrierSummary *summary)
{
    const bool heating = carrier == NetworkCarrier::Heating;
    const double supplyC = heating ? c.design.heatingSupplyC : c.design.coolingSupplyC;
    const double returnC = heating ? c.design.heatingReturnC : c.design.coolingReturnC;
    const PipeFlowSolver::Options water = heating ? PipeFlowSolver::heatingWater() : PipeFlowSolver::chilledWater();
    const NetworkCatalogue::Pipe &largest = c.pipes.back();
    const double largestArea = M_PI * std::pow(largest.innerDiameterMm / 1000.0, 2) / 4.0;
    std::vector<Series> subtree(size_t(t.roads.nodeCount()));
    for (size_t i = t.order.size(); i-- > 0;) {
        const int node = t.order[i];
        for (int a : t.attachedAt[size_t(node)])
            if (peakAbs(buildingKw[size_t(a)]) >= kMinThermalPeakKw)
                addTo(subtree[size_t(node)], buildingKw[size_t(a)]);
        if (node != t.root && !subtree[size_t(node)].empty())
            addTo(subtree[size_t(t.parent[size_t(node)])], subtree[size_t(node)]);
    }
    if (subtree[size_t(t.root)].empty())
        return;
    Builder out(town, carrier, summary);
    // The smallest pipe for the peak flow; pairs of the largest side by side where one is not enough.
    const auto pipe = [&](EntityId from, EntityId to, const QVector<Vec2> &route, double peakKw) {
        const double massFlow = peakKw / (water.specificHeatKjKgK * std::abs(supplyC - returnC));
        const int pairs = std::max(1, int(std::ceil(massFlow / (water.densityKgM3 * largestArea * largest.maxVelocityMs))));
        const NetworkCatalogue::Pipe &p = c.pipeFor(massFlow / pairs, water.densityKgM3, water.kinematicViscosityM2S);
        NetworkLink l;
        l.type = pairs > 1 ? QStringLiteral("%1 × %2").arg(pairs).arg(p.name) : p.name;
        l.circuits = pairs;
        l.innerDiameterMm = p.innerDiameterMm;
        l.lossWPerMK = p.lossWPerMK;
        l.supplyC = supplyC;
        l.returnC = returnC;
        // A building on its own road node is still reached by a pipe of some length.
        QVector<Vec2> laid = route;
        if (geometry::length(laid) < 1.0)
            laid.last() = laid.first() + Vec2{1.0, 0.0};
        out.link(l, from, to, laid, p.costPerM * pairs);
    };
    std::vector<EntityId> nodes(size_t(t.roads.nodeCount()), kNoEntity);
    const EntityId plant = out.node(NetworkNode::Kind::Source, t.plant, 0.0);
    nodes[size_t(t.root)] = out.node(NetworkNode::Kind::Junction, t.roads.nodePosition(t.root), 0.0);
    pipe(plant, nodes[size_t(t.root)], t.plantRoute, peakAbs(subtree[size_t(t.root)]));
    for (int node : t.order) {
        if (subtree[size_t(node)].empty())
            continue;
        if (node != t.root) {
            nodes[size_t(node)] = out.node(NetworkNode::Kind::Junction, t.roads.nodePosition(node), 0.0);
            pipe(nodes[size_t(t.parent[size_t(node)])], nodes[size_t(node)], edgeRoute(t, node),
                 peakAbs(subtree[size_t(node)]));
        }
        for (int a : t.attachedAt[size_t(node)]) {
            const double peak = peakAbs(buildingKw[size_t(a)]);
            if (peak < kMinThermalPeakKw)
                continue;
            const RoadTree::Attachment &att = t.attachments[size_t(a)];
            const EntityId b = out.node(NetworkNode::Kind::Load, att.route.last(), 0.0, att.building->id);
            pipe(nodes[size_t(node)], b, att.route, peak);
        }
    }
}

} // namespace

NetworkLayout::Result NetworkLayout::lay(const Town &town, const NetworkCatalogue &catalogue,
                                         const BuildingLoadSource &loads, const Options &options)
{
    Result r;
    RoadTree tree;
    r.status = buildTree(town, &tree, &r.notes);
    if (!r.status)
        return r;
    if (tree.attachments.empty()) {
        r.status = Status::error(QStringLiteral("no building is reached by the roads: nothing to connect"));
        return r;
    }
    std::array<std::vector<Series>, kNetworkCarrierCount> kw;
    BuildingLoad load;
    for (const RoadTree::Attachment &a : tree.attachments) {
        loads(*a.building, &load);
        kw[size_t(NetworkCarrier::Electricity)].push_back(toSeries(load.electricKw));
        kw[size_t(NetworkCarrier::Heating)].push_back(toSeries(load.heatingKw));
        kw[size_t(NetworkCarrier::Cooling)].push_back(toSeries(load.coolingKw));
    }

    r.town = town;
    // The chosen carriers' networks are replaced whole.
    for (const NetworkLink &l : town.networkLinks)
        if (options.carriers[size_t(l.carrier)])
            r.town.networkLinks.remove(l.id);
    for (const NetworkNode &n : town.networkNodes)
        if (options.carriers[size_t(n.carrier)])
            r.town.networkNodes.remove(n.id);
    if (options.carriers[size_t(NetworkCarrier::Electricity)])
        FeederLayout(tree, catalogue, kw[size_t(NetworkCarrier::Electricity)], &r.town,
                     &r.summary[size_t(NetworkCarrier::Electricity)], &r.notes)
            .lay();
    for (NetworkCarrier carrier : {NetworkCarrier::Heating, NetworkCarrier::Cooling})
        if (options.carriers[size_t(carrier)])
            layPipes(tree, catalogue, carrier, kw[size_t(carrier)], &r.town, &r.summary[size_t(carrier)]);
    return r;
}

} // namespace tt
