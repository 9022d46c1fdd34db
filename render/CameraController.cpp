// SPDX-License-Identifier: MIT
#include "CameraController.h"

#include <algorithm>
#include <cmath>

namespace tt {

CameraController::Pose CameraController::poseOf(const ViewCamera &c)
{
    Pose p;
    p.target = osg::Vec3d(c.targetX, c.targetY, c.targetZ);
    p.distance = c.distance;
    p.headingDeg = c.headingDeg;
    p.pitchDeg = c.pitchDeg;
    return p;
}

ViewCamera CameraController::cameraOf(const Pose &p)
{
    return ViewCamera{p.target.x(), p.target.y(), p.target.z(), p.distance, p.headingDeg, p.pitchDeg};
}

namespace {
constexpr double kDegToRad = M_PI / 180.0;

osg::Vec3d viewDirection(double headingDeg, double pitchDeg)
{
    const double h = headingDeg * kDegToRad, p = pitchDeg * kDegToRad;
    return osg::Vec3d(std::sin(h) * std::cos(p), std::cos(h) * std::cos(p), -std::sin(p));
}
} // namespace

void CameraController::setPose(const Pose &pose)
{
    m_pose = pose;
    m_pose.pitchDeg = std::clamp(m_pose.pitchDeg, 5.0, 90.0);
    m_pose.distance = std::max(m_pose.distance, 1.0);
    m_pose.headingDeg = std::fmod(m_pose.headingDeg + 360.0, 360.0);
}

osg::Vec3d CameraController::eye() const
{
    return m_pose.target - viewDirection(m_pose.headingDeg, m_pose.pitchDeg) * m_pose.distance;
}

osg::Matrixd CameraController::viewMatrix() const
{
    const osg::Vec3d dir = viewDirection(m_pose.headingDeg, m_pose.pitchDeg);
    // Built from the ground "right" vector so that looking straight down still
    // has a defined up: the heading direction.
    const double h = m_pose.headingDeg * kDegToRad;
    const osg::Vec3d right(std::cos(h), -std::sin(h), 0.0);
    osg::Vec3d up = right ^ dir;
    up.normalize();
    return osg::Matrixd::lookAt(eye(), m_pose.target, up);
}

osg::Matrixd CameraController::projectionMatrix(double aspect) const
{
    const double radius = m_bounds.valid() ? m_bounds.radius() : 1000.0;
    const double zNear = std::max(0.5, m_pose.distance * 0.01);
    const double zFar = std::max(zNear * 10.0, m_pose.distance * 4.0 + radius * 4.0);
    return osg::Matrixd::perspective(fovYDeg(), aspect, zNear, zFar);
}

double CameraController::fitDistance(const osg::BoundingBox &box) const
{
    // Back off along the view direction until every corner of the box lies
    // inside the view frustum.
    const double h = m_pose.headingDeg * kDegToRad;
    const osg::Vec3d forward = viewDirection(m_pose.headingDeg, m_pose.pitchDeg);
    const osg::Vec3d right(std::cos(h), -std::sin(h), 0.0);
    const osg::Vec3d up = right ^ forward;
    const double t = std::tan(fovYDeg() * 0.5 * kDegToRad);
    const double tx = t * m_aspect;
    const osg::Vec3d center = box.center();
    double distance = 10.0;
    for (unsigned i = 0; i < 8; ++i) {
        const osg::Vec3d p = osg::Vec3d(box.corner(i)) - center;
        const double depth = p * forward;
        distance = std::max(distance, std::abs(p * right) / tx - depth);
        distance = std::max(distance, std::abs(p * up) / t - depth);
    }
    return distance * 1.05;
}

void CameraController::setViewportAspect(double aspect)
{
    if (aspect > 0.0 && std::isfinite(aspect))
        m_aspect = aspect;
}

void CameraController::frame(const osg::BoundingBox &box)
{
    if (!box.valid())
        return;
    Pose p = m_pose;
    p.target = box.center();
    p.distance = fitDistance(box);
    setPose(p);
}

void CameraController::home()
{
    Pose p;
    p.headingDeg = 30.0;
    p.pitchDeg = 40.0;
    setPose(p);
    frame(m_bounds);
}

void CameraController::top()
{
    Pose p;
    p.headingDeg = 0.0;
    p.pitchDeg = 90.0;
    setPose(p);
    if (m_bounds.valid()) {
        // Only the horizontal extent matters looking down: fit width and depth.
        const double width = m_bounds.xMax() - m_bounds.xMin(), depth = m_bounds.yMax() - m_bounds.yMin();
        const double half = std::max(width / m_aspect, depth) * 0.5;
        Pose t = m_pose;
        t.target = m_bounds.center();
        t.distance = half / std::tan(fovYDeg() * 0.5 * kDegToRad) * 1.08 + (m_bounds.zMax() - m_bounds.center().z());
        setPose(t);
    }
}

void CameraController::northUp()
{
    Pose p = m_pose;
    p.headingDeg = 0.0;
    setPose(p);
}

void CameraController::orbit(double dxPixels, double dyPixels)
{
    Pose p = m_pose;
    p.headingDeg += dxPixels * 0.3;
    p.pitchDeg += dyPixels * 0.3;
    setPose(p);
}

void CameraController::pan(double dxPixels, double dyPixels, int viewportHeight)
{
    // Metres per pixel at the target distance keep the ground under the cursor.
    const double metresPerPixel =
        2.0 * m_pose.distance * std::tan(fovYDeg() * 0.5 * kDegToRad) / std::max(1, viewportHeight);
    const double h = m_pose.headingDeg * kDegToRad;
    const osg::Vec3d forward(std::sin(h), std::cos(h), 0.0);
    const osg::Vec3d right(std::cos(h), -std::sin(h), 0.0);
    Pose p = m_pose;
    p.target += (right * -dxPixels + forward * dyPixels) * metresPerPixel;
    setPose(p);
}

void CameraController::zoom(double factor)
{
    Pose p = m_pose;
    p.distance *= factor;
    setPose(p);
}

} // namespace tt
