// SPDX-License-Identifier: MIT
#include "SkyBackground.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/NodeCallback>
#include <osg/Program>
#include <osgUtil/CullVisitor>

#include <cmath>

namespace tt::SkyBackground {

namespace {

//! Below this elevation (sine) the haze is the land colour.
constexpr double kHazeDepth = -0.125;

const char *kVertexShader = R"(#version 120
varying vec3 vColor;
void main()
{
    // A corner of the band at the far plane, and its world direction from the eye.
    gl_Position = vec4(gl_Vertex.xy, 1.0, 1.0);
    vec4 eye = gl_ProjectionMatrixInverse * gl_Position;
    float up = normalize((gl_ModelViewMatrixInverse * vec4(eye.xyz / eye.w, 0.0)).xyz).z;
    vec3 horizon = vec3(0.86, 0.90, 0.94);
    vec3 zenith = vec3(0.33, 0.54, 0.82);
    vec3 land = vec3(0.70, 0.75, 0.69);
    vColor = up >= 0.0 ? mix(horizon, zenith, pow(up, 0.55)) : mix(horizon, land, min(-up * 8.0, 1.0));
}
)";

const char *kFragmentShader = R"(#version 120
varying vec3 vColor;
void main()
{
    gl_FragColor = vec4(vColor, 1.0);
}
)";

//! Rows of the band: enough that the gradient's bend at the horizon does not show.
constexpr int kRows = 32;

//! The elevation (sine) of the ray through a point of the view in normalised coordinates.
double elevation(const osg::Matrixd &inverseModelViewProjection, double x, double y)
{
    const osg::Vec3d near = osg::Vec3d(x, y, -1.0) * inverseModelViewProjection;
    const osg::Vec3d far = osg::Vec3d(x, y, 1.0) * inverseModelViewProjection;
    osg::Vec3d d = far - near;
    d.normalize();
    return d.z();
}

//! Refits the band to the camera: from the lowest row where the haze is not yet the land
//! colour (the view's side edges, where rays are flattest) to the top of the view.
class FitBand : public osg::NodeCallback {
public:
    explicit FitBand(osg::Geometry *band) : m_band(band) {}
    void operator()(osg::Node *node, osg::NodeVisitor *nv) override
    {
        auto *cv = dynamic_cast<osgUtil::CullVisitor *>(nv);
        if (!cv) {
            traverse(node, nv);
            return;
        }
        const osg::Matrixd inverse = osg::Matrixd::inverse(*cv->getModelViewMatrix() * *cv->getProjectionMatrix());
        // With no roll the elevation grows from the bottom of the view to the top.
        double low = -1.0, high = 1.0;
        if (elevation(inverse, 1.0, 1.0) < kHazeDepth) {
            low = 1.0;  // all land: an empty band
        } else if (elevation(inverse, 1.0, -1.0) < kHazeDepth) {
            for (int i = 0; i < 24; ++i) {
                const double mid = 0.5 * (low + high);
                (elevation(inverse, 1.0, mid) < kHazeDepth ? low : high) = mid;
            }
        }
        fit(low);
        traverse(node, nv);
    }

private:
    void fit(double bottom)
    {
        if (bottom == m_bottom)
            return;
        m_bottom = bottom;
        auto *corners = static_cast<osg::Vec3Array *>(m_band->getVertexArray());
        for (int row = 0; row <= kRows; ++row) {
            const float y = float(bottom + (1.0 - bottom) * row / kRows);
            (*corners)[size_t(2 * row)].set(-1.0f, y, 0.0f);
            (*corners)[size_t(2 * row + 1)].set(1.0f, y, 0.0f);
        }
        corners->dirty();
    }

    osg::Geometry *m_band;
    double m_bottom = 2.0;
};

} // namespace

osg::ref_ptr<osg::Node> create()
{
    osg::ref_ptr<osg::Geometry> band = new osg::Geometry;
    band->setVertexArray(new osg::Vec3Array(2 * (kRows + 1)));
    band->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLE_STRIP, 0, 2 * (kRows + 1)));
    band->setUseVertexBufferObjects(true);
    band->setDataVariance(osg::Object::DYNAMIC);
    // It is where the camera looks, wherever that is: never culled, never in near/far.
    band->setCullingActive(false);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(band.get());
    geode->setCullingActive(false);
    geode->setCullCallback(new FitBand(band.get()));

    osg::StateSet *state = geode->getOrCreateStateSet();
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->addShader(new osg::Shader(osg::Shader::VERTEX, kVertexShader));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kFragmentShader));
    state->setAttributeAndModes(program.get(), osg::StateAttribute::ON);
    // After the opaque scene, at the far plane, not writing depth: only the background shows it.
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false), osg::StateAttribute::ON);
    state->setRenderBinDetails(5, "RenderBin");
    return geode;
}

} // namespace tt::SkyBackground
