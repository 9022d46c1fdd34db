// SPDX-License-Identifier: MIT
#pragma once

#include "present/SavedView.h"

#include <osg/BoundingBox>
#include <osg/Matrixd>
#include <osg/Vec3d>

namespace tt {

//! An orbit camera around a target point on the ground, Z up, headings
//! clockwise from north. Owns no OSG state: the viewport asks it for matrices,
//! tours and tests can drive it directly.
class CameraController {
public:
    struct Pose {
        osg::Vec3d target;
        double distance = 1000.0;
        double headingDeg = 0.0;  //!< direction of view, clockwise from north
        double pitchDeg = 45.0;   //!< angle below the horizon, 90 looks straight down
    };

    //! A saved view's camera as a pose, and back.
    static Pose poseOf(const ViewCamera &camera);
    static ViewCamera cameraOf(const Pose &pose);

    const Pose &pose() const { return m_pose; }
    void setPose(const Pose &pose);
    osg::Vec3d eye() const;
    osg::Matrixd viewMatrix() const;
    double fovYDeg() const { return 35.0; }
    osg::Matrixd projectionMatrix(double aspect) const;

    //! Width / height of the view; framing fits the wider horizontal field of view.
    void setViewportAspect(double aspect);
    //! Remembers the extent of the data for home/top views and clipping.
    void setSceneBounds(const osg::BoundingBox &bounds) { m_bounds = bounds; }
    const osg::BoundingBox &sceneBounds() const { return m_bounds; }

    //! Oblique view from the south-west that frames the whole scene.
    void home();
    //! Straight down, north up, framing the whole scene.
    void top();
    //! Keeps target and distance, turns to face north.
    void northUp();
    //! Moves the target to the box and backs off until it fits the view.
    void frame(const osg::BoundingBox &box);

    //! Turns by screen-space drag in pixels.
    void orbit(double dxPixels, double dyPixels);
    //! Slides the target in the ground plane so the ground follows the cursor.
    void pan(double dxPixels, double dyPixels, int viewportHeight);
    //! Multiplies the distance (>1 zooms out).
    void zoom(double factor);

private:
    double fitDistance(const osg::BoundingBox &box) const;

    Pose m_pose;
    osg::BoundingBox m_bounds;
    double m_aspect = 1.5;
};

} // namespace tt
