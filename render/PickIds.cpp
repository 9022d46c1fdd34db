// SPDX-License-Identifier: MIT
#include "PickIds.h"

#include <osg/Array>
#include <osg/Camera>
#include <osg/Geometry>
#include <osgUtil/IntersectionVisitor>

namespace tt::PickIds {

void attach(osg::Geometry *geometry, const std::vector<EntityId> &idsPerVertex)
{
    osg::ref_ptr<osg::UInt64Array> ids = new osg::UInt64Array(idsPerVertex.begin(), idsPerVertex.end());
    geometry->setUserData(ids.get());
}

const osg::UInt64Array *ids(const osg::Geometry *geometry)
{
    return geometry ? dynamic_cast<const osg::UInt64Array *>(geometry->getUserData()) : nullptr;
}

EntityId entityAt(const osgUtil::LineSegmentIntersector::Intersection &hit)
{
    const osg::Drawable *drawable = hit.drawable.get();
    if (!drawable || hit.indexList.empty())
        return kNoEntity;
    const osg::UInt64Array *idArray = ids(drawable->asGeometry());
    const unsigned int vertex = hit.indexList.front();
    if (!idArray || vertex >= idArray->size())
        return kNoEntity;
    return (*idArray)[vertex];
}

EntityId pick(osg::Camera *camera, double x, double y)
{
    osg::Vec3d world;
    EntityId id = kNoEntity;
    return pickPoint(camera, x, y, &world, &id) ? id : kNoEntity;
}

bool pickPoint(osg::Camera *camera, double x, double y, osg::Vec3d *world, EntityId *id)
{
    osg::ref_ptr<osgUtil::LineSegmentIntersector> picker =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor visitor(picker.get());
    camera->accept(visitor);
    // Only the nearest surface counts: terrain in front of a building hides it.
    if (!picker->containsIntersections())
        return false;
    const osgUtil::LineSegmentIntersector::Intersection &hit = picker->getFirstIntersection();
    *world = hit.getWorldIntersectPoint();
    *id = entityAt(hit);
    return true;
}

} // namespace tt::PickIds
