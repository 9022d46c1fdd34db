// SPDX-License-Identifier: MIT
#include "GroundGrid.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>

#include <cmath>

namespace tt::GroundGrid {

osg::ref_ptr<osg::Node> create(double halfSize, double spacing)
{
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    const int n = int(std::round(halfSize / spacing));
    const float h = float(halfSize);
    for (int i = -n; i <= n; ++i) {
        const float c = float(i * spacing);
        const osg::Vec4 color = (i % 5 == 0) ? osg::Vec4(0.35f, 0.40f, 0.45f, 1) : osg::Vec4(0.55f, 0.60f, 0.65f, 1);
        vertices->push_back({c, -h, 0});
        vertices->push_back({c, h, 0});
        vertices->push_back({-h, c, 0});
        vertices->push_back({h, c, 0});
        for (int k = 0; k < 4; ++k)
            colors->push_back(color);
    }
    osg::ref_ptr<osg::Geometry> lines = new osg::Geometry;
    lines->setVertexArray(vertices.get());
    lines->setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
    lines->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(vertices->size())));

    // A muted ground plane under the lines so the view does not look empty.
    osg::ref_ptr<osg::Vec3Array> quad = new osg::Vec3Array;
    quad->push_back({-h, -h, -0.05f});
    quad->push_back({h, -h, -0.05f});
    quad->push_back({h, h, -0.05f});
    quad->push_back({-h, h, -0.05f});
    osg::ref_ptr<osg::Vec4Array> quadColor = new osg::Vec4Array;
    quadColor->push_back({0.80f, 0.83f, 0.78f, 1.0f});
    osg::ref_ptr<osg::Geometry> plane = new osg::Geometry;
    plane->setVertexArray(quad.get());
    plane->setColorArray(quadColor.get(), osg::Array::BIND_OVERALL);
    plane->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(plane.get());
    geode->addDrawable(lines.get());
    geode->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    return geode;
}

} // namespace tt::GroundGrid
