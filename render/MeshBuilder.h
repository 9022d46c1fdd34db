// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <osg/Array>
#include <osg/Geometry>
#include <osg/ref_ptr>

#include <vector>

namespace tt {

//! Accumulates an indexed triangle mesh with per-vertex colour and entity id,
//! then hands it over as one osg::Geometry (the batching unit of the scene).
//! Indices are 16-bit when the vertex count allows it, to keep batches lean.
class MeshBuilder {
public:
    MeshBuilder();

    //! Index of the new vertex.
    quint32 addVertex(const osg::Vec3 &position, const osg::Vec4ub &color, EntityId id);
    void addTriangle(quint32 a, quint32 b, quint32 c);
    //! Two triangles a-b-c, a-c-d.
    void addQuad(quint32 a, quint32 b, quint32 c, quint32 d);
    //! Optional smooth normals, one per vertex, in the order vertices were added.
    void addNormal(const osg::Vec3 &normal);
    quint32 vertexCount() const { return quint32(m_vertices->size()); }
    //! Gives every vertex from `first` on one colour (a symbol tinted as a whole).
    void recolorFrom(quint32 first, const osg::Vec4ub &color);
    bool isEmpty() const { return m_indices.empty(); }

    //! The finished geometry (VBOs, ids attached for picking); the builder is empty afterwards.
    osg::ref_ptr<osg::Geometry> finish();

private:
    osg::ref_ptr<osg::Vec3Array> m_vertices;
    osg::ref_ptr<osg::Vec4ubArray> m_colors;
    osg::ref_ptr<osg::Vec3Array> m_normals;
    std::vector<EntityId> m_ids;
    std::vector<quint32> m_indices;
};

} // namespace tt
