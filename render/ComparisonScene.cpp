// SPDX-License-Identifier: MIT
#include "ComparisonScene.h"

#include <osg/NodeCallback>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>

namespace tt {

//! Reads the view's size from the cull traversal, so that the layout follows every resize
//! without the widget telling it.
class ComparisonScene::FitToView : public osg::NodeCallback {
public:
    explicit FitToView(ComparisonScene *scene) : m_scene(scene) {}
    void operator()(osg::Node *node, osg::NodeVisitor *nv) override
    {
        if (auto *cv = dynamic_cast<osgUtil::CullVisitor *>(nv))
            if (const osg::Viewport *vp = cv->getViewport())
                m_scene->fit(int(vp->width()), int(vp->height()));
        traverse(node, nv);
    }

private:
    ComparisonScene *m_scene;
};

ComparisonScene::ComparisonScene(osg::Node *left, osg::Node *right) : m_root(new osg::Group)
{
    osg::Node *scenes[2] = {left, right};
    for (int side = 0; side < 2; ++side) {
        osg::ref_ptr<osg::Camera> camera = new osg::Camera;
        // Relative to the view's camera, so both sides follow it; the projection is
        // post-multiplied so that side by side can narrow the field of view afterwards.
        camera->setReferenceFrame(osg::Transform::RELATIVE_RF);
        camera->setTransformOrder(osg::Camera::POST_MULTIPLY);
        camera->setRenderOrder(osg::Camera::NESTED_RENDER);
        camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
        camera->setClearMask(0);
        // A nested camera's viewport only culls; as state it also places the drawing.
        m_viewports[side] = new osg::Viewport;
        m_scissors[side] = new osg::Scissor;
        osg::StateSet *state = camera->getOrCreateStateSet();
        state->setAttribute(m_viewports[side].get());
        state->setAttributeAndModes(m_scissors[side].get(), osg::StateAttribute::ON);
        camera->addChild(scenes[side]);
        m_cameras[side] = camera;
        m_root->addChild(camera.get());
    }
    m_root->setCullCallback(new FitToView(this));
}

void ComparisonScene::setSplit(double fraction)
{
    m_split = std::clamp(fraction, 0.0, 1.0);
}

void ComparisonScene::fit(int width, int height)
{
    const int divide = m_layout == Layout::Swipe ? int(std::lround(m_split * width)) : width / 2;
    const int lefts[2] = {0, divide};
    const int widths[2] = {divide, width - divide};
    for (int side = 0; side < 2; ++side) {
        m_scissors[side]->setScissor(lefts[side], 0, widths[side], height);
        if (m_layout == Layout::Swipe) {
            m_viewports[side]->setViewport(0, 0, width, height);
            m_cameras[side]->setProjectionMatrix(osg::Matrix::identity());
        } else {
            m_viewports[side]->setViewport(lefts[side], 0, widths[side], height);
            // Half the width at the view's scale: the middle half of its field of view.
            m_cameras[side]->setProjectionMatrix(osg::Matrix::scale(double(width) / std::max(1, widths[side]), 1.0, 1.0));
        }
        m_cameras[side]->setViewport(m_viewports[side].get());
    }
}

} // namespace tt
