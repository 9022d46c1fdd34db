// SPDX-License-Identifier: MIT
#pragma once

#include <osg/Camera>
#include <osg/Group>
#include <osg/Scissor>
#include <osg/Viewport>
#include <osg/ref_ptr>

namespace tt {

//! Two scenes in one view, for comparing scenarios under the same camera: a swipe (left
//! of a movable vertical line from the first scene, right of it from the second) or side
//! by side (each half shows the middle of the view at the view's scale).
//! Each scene hangs under a nested camera relative to the view's, with its own viewport
//! and scissor, which follow the view's size at every cull.
class ComparisonScene {
public:
    enum class Layout { Swipe, SideBySide };

    ComparisonScene(osg::Node *left, osg::Node *right);

    //! The node to hand to the viewport.
    osg::Node *root() const { return m_root.get(); }
    void setLayout(Layout layout) { m_layout = layout; }
    Layout layout() const { return m_layout; }
    //! Where the swipe divides the view, 0 (left edge) to 1 (right edge).
    void setSplit(double fraction);
    double split() const { return m_split; }
    //! The scissor rectangle a side drew into at the last cull (0 left, 1 right), in pixels.
    const osg::Scissor &scissor(int side) const { return *m_scissors[side]; }

private:
    class FitToView;
    //! Lays both sides out in a view of this many pixels.
    void fit(int width, int height);

    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Camera> m_cameras[2];
    osg::ref_ptr<osg::Viewport> m_viewports[2];
    osg::ref_ptr<osg::Scissor> m_scissors[2];
    Layout m_layout = Layout::Swipe;
    double m_split = 0.5;
};

} // namespace tt
