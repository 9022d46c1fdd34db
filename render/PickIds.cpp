// SPDX-License-Identifier: MIT
#include "PickIds.h"

#include <osg/Array>
#include <osg/Geometry>

namespace tt::PickIds {

void attach(osg::Geometry *geometry, const std::vector<EntityId> &idsPerVertex)
{
    osg::ref_ptr<osg::UInt64Array> ids = new osg::UInt64Array(idsPerVertex.begin(), idsPerVertex.end());
    geometry->setUserData(ids.get());
}

EntityId entityAt(const osgUtil::LineSegmentIntersector::Intersection &hit)
{
    const osg::Drawable *drawable = hit.drawable.get();
    if (!drawable || hit.indexList.empty())
        return kNoEntity;
    const auto *ids = dynamic_cast<const osg::UInt64Array *>(drawable->getUserData());
    const unsigned int vertex = hit.indexList.front();
    if (!ids || vertex >= ids->size())
        return kNoEntity;
    return (*ids)[vertex];
}

} // namespace tt::PickIds
