// SPDX-License-Identifier: MIT
#include "NetworkMesh.h"

#include "DrapedMesh.h"
#include "MeshBuilder.h"

namespace tt::NetworkMesh {

namespace {
constexpr float kLift = 1.0f;  // above the road ribbons
constexpr double kCableWidthM = 0.8;
constexpr double kPipeWidthM = 1.6;
constexpr double kSourceSizeM = 8.0;

double sideOffsetM(NetworkCarrier carrier)
{
    switch (carrier) {
    case NetworkCarrier::Electricity: return 2.5;
    case NetworkCarrier::Heating: return 0.0;
    case NetworkCarrier::Cooling: return -2.5;
    }
    return 0.0;
}

void appendBlock(MeshBuilder &mesh, const Town &town, const NetworkNode &node)
{
    const double half = kSourceSizeM * 0.5;
    const double ground = DrapedMesh::groundAt(town.terrain, node.position);
    const osg::Vec4ub color = carrierColor(node.carrier);
    const float x0 = float(node.position.x - half), x1 = float(node.position.x + half);
    const float y0 = float(node.position.y - half), y1 = float(node.position.y + half);
    const float z0 = float(ground), z1 = float(ground + kSourceSizeM * 0.6);
    const osg::Vec3 corners[8] = {{x0, y0, z0}, {x1, y0, z0}, {x1, y1, z0}, {x0, y1, z0},
                                  {x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}};
    const int faces[5][4] = {{4, 5, 6, 7}, {0, 1, 5, 4}, {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
    for (const auto &face : faces) {
        const quint32 first = mesh.addVertex(corners[face[0]], color, node.id);
        for (int k = 1; k < 4; ++k)
            mesh.addVertex(corners[face[k]], color, node.id);
        mesh.addQuad(first, first + 1, first + 2, first + 3);
    }
}
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

osg::ref_ptr<osg::Geometry> build(const Town &town)
{
    MeshBuilder mesh;
    for (const NetworkLink &link : town.networkLinks) {
        const bool cable = link.carrier == NetworkCarrier::Electricity;
        const osg::Vec4ub color = link.closed ? carrierColor(link.carrier) : osg::Vec4ub(150, 150, 150, 255);
        DrapedMesh::appendRibbon(mesh, link.route, cable ? kCableWidthM : kPipeWidthM, town.terrain, kLift, color, link.id,
                                 sideOffsetM(link.carrier));
    }
    for (const NetworkNode &node : town.networkNodes)
        if (node.kind == NetworkNode::Kind::Source)
            appendBlock(mesh, town, node);
    return mesh.isEmpty() ? nullptr : mesh.finish();
}

} // namespace tt::NetworkMesh
