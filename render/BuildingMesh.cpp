// SPDX-License-Identifier: MIT
#include "BuildingMesh.h"

#include "Palette.h"
#include "PickIds.h"
#include "PolygonTriangulator.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <osg/Image>
#include <osg/Texture2D>

#include <utility>

namespace tt::BuildingMesh {

void append(MeshBuilder &mesh, const Building &building, const osg::Vec4ub &color)
{
    const Polygon &footprint = building.footprint;
    if (footprint.isEmpty())
        return;
    const float ground = float(building.groundM);
    const float roof = float(building.groundM + std::max(0.0, building.heightM));
    QVector<const Ring *> rings{&footprint.outer};
    for (const Ring &hole : footprint.holes)
        rings.append(&hole);
    int ringVertices = 0;
    for (const Ring *ring : rings)
        ringVertices += ring->size();

    const quint32 base = mesh.vertexCount();
    for (const float z : {ground, roof})
        for (const Ring *ring : rings)
            for (const Vec2 &p : *ring)
                mesh.addVertex(osg::Vec3(float(p.x), float(p.y), z), color, building.id);

    const quint32 top = base + quint32(ringVertices);
    quint32 first = 0;
    for (const Ring *ring : rings) {
        const quint32 n = quint32(ring->size());
        // Walls face outwards (front faces, so back faces can be culled): the
        // outer ring runs counter-clockwise, holes clockwise, whatever the data say.
        const bool counterClockwise = geometry::signedArea(*ring) > 0.0;
        const bool reverse = (ring == rings.front()) != counterClockwise;
        for (quint32 i = 0; n >= 3 && i < n; ++i) {
            quint32 a = first + i, b = first + (i + 1) % n;
            if (reverse)
                std::swap(a, b);
            mesh.addQuad(base + a, base + b, top + b, top + a);
        }
        first += n;
    }
    const std::vector<quint32> roofTriangles = PolygonTriangulator::triangulate(footprint);
    for (size_t i = 0; i + 2 < roofTriangles.size(); i += 3)
        mesh.addTriangle(top + roofTriangles[i], top + roofTriangles[i + 1], top + roofTriangles[i + 2]);
}

osg::ref_ptr<osg::Geometry> build(const std::vector<const Building *> &buildings, const ColorFn &color)
{
    MeshBuilder mesh;
    for (const Building *building : buildings)
        append(mesh, *building, color(*building));
    return mesh.isEmpty() ? nullptr : mesh.finish();
}

osg::ref_ptr<osg::Geometry> buildImpostor(const std::vector<const Building *> &buildings, const ColorFn &color)
{
    Bounds2 extent;
    double roofs = 0.0;
    for (const Building *building : buildings) {
        extent.add(geometry::bounds(building->footprint.outer));
        roofs += building->groundM + std::max(0.0, building->heightM);
    }
    if (buildings.empty() || extent.isEmpty())
        return nullptr;
    const double span = std::max({extent.width(), extent.height(), 1.0});
    int size = 16;
    while (size < kImpostorMaxTexels && span / size > kImpostorTexelM)
        size *= 2;

    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(size, size, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    // Painted straight into the texture memory; row 0 is the northern edge.
    QImage canvas(image->data(), size, size, size * 4, QImage::Format_RGBA8888_Premultiplied);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    painter.setPen(Qt::NoPen);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double scale = size / span;
    auto toPolygon = [&](const Ring &ring) {
        QPolygonF polygon;
        polygon.reserve(ring.size());
        for (const Vec2 &p : ring)
            polygon << QPointF((p.x - extent.minX) * scale, (extent.maxY - p.y) * scale);
        return polygon;
    };
    for (const Building *building : buildings) {
        const osg::Vec4ub c = color(*building);
        // Hatching needs pixels a far view does not have: guessed heights are drawn darker instead.
        const double shade = c.a() < 128 ? 0.6 : 1.0;
        painter.setBrush(QColor(int(c.r() * shade), int(c.g() * shade), int(c.b() * shade)));
        if (building->footprint.holes.isEmpty()) {
            painter.drawPolygon(toPolygon(building->footprint.outer));
            continue;
        }
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        path.addPolygon(toPolygon(building->footprint.outer));
        for (const Ring &hole : building->footprint.holes)
            path.addPolygon(toPolygon(hole));
        painter.drawPath(path);
    }
    painter.end();

    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image.get());
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);

    // One quad at the mean roof height over the square the texture covers.
    const float z = float(roofs / buildings.size());
    const float x0 = float(extent.minX), x1 = float(extent.minX + span);
    const float y1 = float(extent.maxY), y0 = float(extent.maxY - span);
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    vertices->push_back({x0, y0, z});
    vertices->push_back({x1, y0, z});
    vertices->push_back({x1, y1, z});
    vertices->push_back({x0, y1, z});
    osg::ref_ptr<osg::Vec2Array> texCoords = new osg::Vec2Array;
    texCoords->push_back({0.0f, 1.0f});
    texCoords->push_back({1.0f, 1.0f});
    texCoords->push_back({1.0f, 0.0f});
    texCoords->push_back({0.0f, 0.0f});
    osg::ref_ptr<osg::Vec3Array> up = new osg::Vec3Array;
    up->push_back(osg::Vec3(0.0f, 0.0f, 1.0f));
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(vertices.get());
    geometry->setTexCoordArray(0, texCoords.get());
    geometry->setNormalArray(up.get(), osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));
    geometry->getOrCreateStateSet()->setTextureAttributeAndModes(0, texture.get(), osg::StateAttribute::ON);
    return geometry;
}

void recolor(osg::Geometry *geometry, const EntityTable<Building> &buildings, const ColorFn &color)
{
    const osg::UInt64Array *ids = PickIds::ids(geometry);
    auto *colors = dynamic_cast<osg::Vec4ubArray *>(geometry->getColorArray());
    if (!ids || !colors || colors->size() != ids->size())
        return;
    // A building's vertices are contiguous: one lookup per run of equal ids.
    EntityId current = kNoEntity;
    osg::Vec4ub value;
    for (size_t i = 0; i < ids->size(); ++i) {
        if ((*ids)[i] != current) {
            current = (*ids)[i];
            const Building *building = buildings.find(current);
            value = building ? color(*building) : Palette::toVec4ub(Palette::noValue());
        }
        (*colors)[i] = value;
    }
    colors->dirty();
}

} // namespace tt::BuildingMesh
