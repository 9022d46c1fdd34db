// SPDX-License-Identifier: MIT
#include "MeshBuilder.h"

#include "PickIds.h"

#include <osg/PrimitiveSet>

namespace tt {

MeshBuilder::MeshBuilder()
    : m_vertices(new osg::Vec3Array), m_colors(new osg::Vec4ubArray), m_normals(new osg::Vec3Array)
{
}

quint32 MeshBuilder::addVertex(const osg::Vec3 &position, const osg::Vec4ub &color, EntityId id)
{
    m_vertices->push_back(position);
    m_colors->push_back(color);
    m_ids.push_back(id);
    return quint32(m_vertices->size() - 1);
}

void MeshBuilder::recolorFrom(quint32 first, const osg::Vec4ub &color)
{
    for (quint32 i = first; i < quint32(m_colors->size()); ++i)
        (*m_colors)[i] = color;
}

void MeshBuilder::addTriangle(quint32 a, quint32 b, quint32 c)
{
    m_indices.push_back(a);
    m_indices.push_back(b);
    m_indices.push_back(c);
}

void MeshBuilder::addQuad(quint32 a, quint32 b, quint32 c, quint32 d)
{
    addTriangle(a, b, c);
    addTriangle(a, c, d);
}

void MeshBuilder::addNormal(const osg::Vec3 &normal)
{
    m_normals->push_back(normal);
}

osg::ref_ptr<osg::Geometry> MeshBuilder::finish()
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    // Growth slack would otherwise stay allocated for the life of the batch.
    m_vertices->trim();
    m_colors->trim();
    m_normals->trim();
    geometry->setVertexArray(m_vertices.get());
    m_colors->setNormalize(true);
    geometry->setColorArray(m_colors.get(), osg::Array::BIND_PER_VERTEX);
    if (!m_normals->empty())
        geometry->setNormalArray(m_normals.get(), osg::Array::BIND_PER_VERTEX);
    if (m_vertices->size() <= 0xFFFF) {
        osg::ref_ptr<osg::DrawElementsUShort> elements = new osg::DrawElementsUShort(GL_TRIANGLES);
        elements->reserve(m_indices.size());
        for (quint32 i : m_indices)
            elements->push_back(GLushort(i));
        geometry->addPrimitiveSet(elements.get());
    } else {
        geometry->addPrimitiveSet(new osg::DrawElementsUInt(GL_TRIANGLES, GLsizei(m_indices.size()), m_indices.data()));
    }
    PickIds::attach(geometry.get(), m_ids);

    m_vertices = new osg::Vec3Array;
    m_colors = new osg::Vec4ubArray;
    m_normals = new osg::Vec3Array;
    m_ids.clear();
    m_indices.clear();
    return geometry;
}

} // namespace tt
