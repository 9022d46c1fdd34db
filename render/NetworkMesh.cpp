// SPDX-License-Identifier: MIT
#include "NetworkMesh.h"

#include "DrapedMesh.h"
#include "MeshBuilder.h"
#include "Palette.h"
#include "SceneShading.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/LineWidth>

#include <algorithm>
#include <cmath>

namespace tt::NetworkMesh {

namespace {
constexpr float kLift = 1.0f;       // ribbons: above the road ribbons
constexpr float kLineLift = 2.0f;   // lines: above the ribbons
constexpr float kCasingLift = 1.7f;  // a dark casing under each line, as maps draw roads
constexpr float kCasingExtraPx = 2.5f;
// Drawn wider than they are: a town seen whole is metres per pixel.
constexpr double kCableWidthM = 2.0;
constexpr double kPipeWidthM = 3.5;
constexpr double kSourceSizeM = 12.0;
constexpr double kTransformerSizeM = 5.0;
constexpr double kMarkerSizeM = 7.0;
constexpr int kWidthClasses = 3;
constexpr float kLineWidths[kWidthClasses] = {2.5f, 4.0f, 6.0f};

double sideOffsetM(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return 4.0;
    case NetworkCarrier::Heating: return -0.5;
    case NetworkCarrier::Cooling: return -5.0;
    }
    return 0.0;
}

void appendBox(MeshBuilder &mesh, const Town &town, Vec2 at, double size, double height, const osg::Vec4ub &color,
               EntityId id, double base = 0.0)
{
    const double half = size * 0.5;
    const double ground = DrapedMesh::groundAt(town.terrain, at) + base;
    const float x0 = float(at.x - half), x1 = float(at.x + half);
    const float y0 = float(at.y - half), y1 = float(at.y + half);
    const float z0 = float(ground), z1 = float(ground + height);
    const osg::Vec3 corners[8] = {{x0, y0, z0}, {x1, y0, z0}, {x1, y1, z0}, {x0, y1, z0},
                                  {x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}};
    const int faces[5][4] = {{4, 5, 6, 7}, {0, 1, 5, 4}, {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
    for (const auto &face : faces) {
        const quint32 first = mesh.addVertex(corners[face[0]], color, id);
        for (int k = 1; k < 4; ++k)
            mesh.addVertex(corners[face[k]], color, id);
        mesh.addQuad(first, first + 1, first + 2, first + 3);
    }
}

//! Lines of one width: vertex pairs with colours and (distance along the flow, speed).
struct LineBatch {
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colors = new osg::Vec4ubArray;
    osg::ref_ptr<osg::Vec2Array> flow = new osg::Vec2Array;

    float lift = kLineLift;

    void add(const Town &town, const QVector<Vec2> &route, double offsetM, const osg::Vec4ub &color, double direction,
             float speed)
    {
        // The line runs where the ribbon's middle does.
        double along = 0.0;
        const double total = geometry::length(route);
        for (int i = 0; i + 1 < route.size(); ++i) {
            const Vec2 a = route[i], b = route[i + 1];
            const Vec2 d = b - a;
            const double len = d.length();
            if (len <= 0.0)
                continue;
            const Vec2 side = Vec2{-d.y / len, d.x / len} * offsetM;
            for (const auto &[p, s] : {std::pair{a + side, along}, std::pair{b + side, along + len}}) {
                vertices->push_back(osg::Vec3(float(p.x), float(p.y), float(DrapedMesh::groundAt(town.terrain, p)) + lift));
                colors->push_back(color);
                // Against the route, distances count down from its end so dashes run the other way.
                flow->push_back(osg::Vec2(float(direction >= 0.0 ? s : total - s), speed));
            }
            along += len;
        }
    }

    osg::ref_ptr<osg::Geometry> finish(float width) const
    {
        if (vertices->empty())
            return nullptr;
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setUseDisplayList(false);
        g->setUseVertexBufferObjects(true);
        g->setVertexArray(vertices.get());
        g->setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
        colors->setNormalize(true);
        g->setTexCoordArray(0, flow.get(), osg::Array::BIND_PER_VERTEX);
        g->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(vertices->size())));
        osg::StateSet *state = g->getOrCreateStateSet();
        state->setAttributeAndModes(new osg::LineWidth(width), osg::StateAttribute::ON);
        SceneShading::setLit(state, false);
        return g;
    }
};
} // namespace

osg::Vec4ub carrierColor(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return {250, 200, 30, 255};
    case NetworkCarrier::Heating: return {220, 60, 40, 255};
    case NetworkCarrier::Cooling: return {40, 140, 230, 255};
    }
    return {200, 200, 200, 255};
}

osg::Vec4ub loadingColor(double loading)
{
    struct Stop {
        double at;
        osg::Vec4ub color;
    };
    static const Stop stops[] = {{0.0, {40, 170, 80, 255}},
                                 {0.5, {235, 210, 40, 255}},
                                 {0.8, {245, 140, 30, 255}},
                                 {1.0, {220, 30, 30, 255}}};
    if (loading >= 1.0)
        return stops[3].color;
    for (int i = 0; i < 3; ++i) {
        if (loading > stops[i + 1].at)
            continue;
        const double t = (std::max(loading, 0.0) - stops[i].at) / (stops[i + 1].at - stops[i].at);
        osg::Vec4ub c;
        for (int k = 0; k < 4; ++k)
            c[k] = (unsigned char)std::lround(stops[i].color[k] + t * (stops[i + 1].color[k] - stops[i].color[k]));
        return c;
    }
    return stops[3].color;
}

osg::ref_ptr<osg::Node> build(const Town &town, const NetworkSnapshot *snapshot)
{
    if (town.networkLinks.isEmpty() && town.networkNodes.isEmpty())
        return nullptr;
    const bool shown = snapshot && !snapshot->isEmpty() && snapshot->status.ok;
    // Power of the busiest link of each carrier: line widths and dash speeds are relative to it.
    double busiest[kNetworkCarrierCount] = {};
    if (shown)
        for (const NetworkLink &link : town.networkLinks)
            if (const auto it = snapshot->links.constFind(link.id); it != snapshot->links.constEnd())
                busiest[int(link.carrier)] = std::max(busiest[int(link.carrier)], std::abs(it->kw));

    MeshBuilder mesh;
    LineBatch lines[kWidthClasses], casings[kWidthClasses];
    for (LineBatch &casing : casings)
        casing.lift = kCasingLift;
    const osg::Vec4ub casingColor(45, 45, 50, 255);
    const osg::Vec4ub open(150, 150, 150, 255), flagged(220, 30, 30, 255);
    for (const NetworkLink &link : town.networkLinks) {
        const NetworkNode *from = town.networkNodes.find(link.from), *to = town.networkNodes.find(link.to);
        const bool transformer = from && to && from->kv != to->kv;
        const NetworkSnapshot::Link *state = nullptr;
        bool quiet = false;
        if (shown)
            if (const auto it = snapshot->links.constFind(link.id); it != snapshot->links.constEnd()) {
                // A live link without data for a while: grey, no flow.
                quiet = !std::isfinite(it->kw);
                state = quiet ? nullptr : &*it;
            }
        const bool rated = link.carrier == NetworkCarrier::Electricity && link.ampacityA > 0.0;
        osg::Vec4ub color = !link.closed ? open
            : quiet                      ? Palette::toVec4ub(Palette::noValue())
            : state && rated             ? loadingColor(state->loading)
                                         : carrierColor(link.carrier);
        if (transformer) {
            appendBox(mesh, town, link.route.first(), kTransformerSizeM, kTransformerSizeM * 0.8, color, link.id);
            if (state && state->loading > 1.0)
                appendBox(mesh, town, link.route.first(), kMarkerSizeM, 1.0, flagged, link.id, kTransformerSizeM * 0.8);
            continue;
        }
        const bool cable = link.carrier == NetworkCarrier::Electricity;
        const double offset = sideOffsetM(link.carrier);
        DrapedMesh::appendRibbon(mesh, link.route, cable ? kCableWidthM : kPipeWidthM, town.terrain, kLift, color, link.id,
                                 offset);
        const double share = state && busiest[int(link.carrier)] > 0.0 ? std::abs(state->kw) / busiest[int(link.carrier)] : 0.0;
        const int width = state ? std::min(kWidthClasses - 1, int(share * kWidthClasses)) : 0;
        const float speed = state && link.closed && std::abs(state->kw) > 1e-3 ? float(15.0 + 45.0 * std::sqrt(share)) : 0.0f;
        lines[width].add(town, link.route, offset, color, state ? state->kw : 1.0, speed);
        casings[width].add(town, link.route, offset, casingColor, 1.0, 0.0f);
        if (state && rated && state->loading > 1.0 && !link.route.isEmpty())
            appendBox(mesh, town, link.route[link.route.size() / 2], kMarkerSizeM, 3.0, flagged, link.id);
    }
    for (const NetworkNode &node : town.networkNodes) {
        if (node.kind == NetworkNode::Kind::Source)
            appendBox(mesh, town, node.position, kSourceSizeM, kSourceSizeM * 0.6, carrierColor(node.carrier), node.id);
        if (shown)
            if (const auto v = snapshot->voltagePu.constFind(node.id); v != snapshot->voltagePu.constEnd()
                && (*v < 0.95 || *v > 1.05))
                appendBox(mesh, town, node.position, kMarkerSizeM, 4.0, flagged, node.id);
    }

    osg::ref_ptr<osg::Group> group = new osg::Group;
    if (!mesh.isEmpty())
        group->addChild(mesh.finish().get());
    osg::ref_ptr<osg::Geode> lineGeode = new osg::Geode;
    for (int w = 0; w < kWidthClasses; ++w)
        if (osg::ref_ptr<osg::Geometry> g = casings[w].finish(kLineWidths[w] + kCasingExtraPx))
            lineGeode->addDrawable(g.get());
    for (int w = 0; w < kWidthClasses; ++w)
        if (osg::ref_ptr<osg::Geometry> g = lines[w].finish(kLineWidths[w]))
            lineGeode->addDrawable(g.get());
    if (lineGeode->getNumDrawables() > 0) {
        SceneShading::setFlowDashes(lineGeode->getOrCreateStateSet(), shown);
        group->addChild(lineGeode.get());
    }
    return group;
}

} // namespace tt::NetworkMesh
