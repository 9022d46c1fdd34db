// SPDX-License-Identifier: MIT
#include "SunShadow.h"

#include <osg/ComputeBoundsVisitor>
#include <osg/CullFace>
#include <osg/Depth>
#include <osg/Program>
#include <osg/Viewport>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>

namespace tt {

namespace {

const char *kDepthVertexShader = R"(#version 120
void main()
{
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
)";

const char *kDepthFragmentShader = R"(#version 120
void main()
{
}
)";

//! Texture unit of the map; unit 0 is the scene's colour texture.
constexpr int kMapUnit = 1;
//! Receivers count as this much farther from the sun than they are (m): the ground at the
//! foot of a wall in its own shade compares behind the wall, not level with it.
constexpr double kReceiverBiasM = 0.3;

} // namespace

SunShadow::SunShadow()
    : m_camera(new osg::Camera), m_casters(new osg::Group), m_map(new osg::Texture2D),
      m_matrix(new osg::Uniform(osg::Uniform::FLOAT_MAT4, "tt_shadowMatrix")),
      m_sampler(new osg::Uniform(osg::Uniform::SAMPLER_2D_SHADOW, "tt_shadowMap"))
{
    m_map->setTextureSize(kMapSide, kMapSide);
    m_map->setInternalFormat(GL_DEPTH_COMPONENT24);
    m_map->setSourceFormat(GL_DEPTH_COMPONENT);
    m_map->setSourceType(GL_UNSIGNED_INT);
    m_map->setShadowComparison(true);
    m_map->setShadowCompareFunc(osg::Texture::LEQUAL);
    m_map->setShadowTextureMode(osg::Texture::LUMINANCE);
    // Linear filtering compares four texels and blends: soft edges for one lookup.
    m_map->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR);
    m_map->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    // Beyond the map nothing casts: the border is the farthest depth, always lit.
    m_map->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_BORDER);
    m_map->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_BORDER);
    m_map->setBorderColor(osg::Vec4d(1.0, 1.0, 1.0, 1.0));
    m_sampler->set(kMapUnit);

    m_camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    m_camera->setRenderOrder(osg::Camera::PRE_RENDER);
    m_camera->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    m_camera->setViewport(0, 0, kMapSide, kMapSide);
    m_camera->setClearMask(GL_DEPTH_BUFFER_BIT);
    m_camera->setDrawBuffer(GL_NONE);
    m_camera->setReadBuffer(GL_NONE);
    m_camera->attach(osg::Camera::DEPTH_BUFFER, m_map.get());
    // The view's own cull settings would pick far impostors (flat roofs) and drop small
    // buildings: the map wants every caster's full shape.
    m_camera->setInheritanceMask(m_camera->getInheritanceMask()
                                 & ~(osg::CullSettings::COMPUTE_NEAR_FAR_MODE | osg::CullSettings::CULLING_MODE
                                     | osg::CullSettings::LOD_SCALE | osg::CullSettings::SMALL_FEATURE_CULLING_PIXEL_SIZE));
    m_camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    m_camera->setCullingMode(osg::CullSettings::VIEW_FRUSTUM_CULLING);
    m_camera->setLODScale(1e-6f);

    osg::StateSet *state = m_camera->getOrCreateStateSet();
    osg::ref_ptr<osg::Program> depthOnly = new osg::Program;
    depthOnly->addShader(new osg::Shader(osg::Shader::VERTEX, kDepthVertexShader));
    depthOnly->addShader(new osg::Shader(osg::Shader::FRAGMENT, kDepthFragmentShader));
    const auto forced = osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE;
    state->setAttributeAndModes(depthOnly.get(), forced);
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, true), forced);
    // Casters store their far side from the sun: their sunlit faces are then well in front
    // of what the map holds and never shade themselves, and the ground where a shaded wall
    // stands is behind it by the receivers' bias, so no light leaks under the wall.
    state->setAttributeAndModes(new osg::CullFace(osg::CullFace::FRONT), forced);
    state->setMode(GL_BLEND, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    // A scene drawn inside another camera (one side of a comparison) inherits that side's
    // viewport and scissor as state: the map must fill its own texture whatever it is under.
    state->setAttribute(new osg::Viewport(0, 0, kMapSide, kMapSide), forced);
    state->setMode(GL_SCISSOR_TEST, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    m_camera->addChild(m_casters.get());
    addChild(m_camera.get());
}

void SunShadow::addCaster(osg::Node *caster)
{
    m_casters->addChild(caster);
    invalidate();
}

void SunShadow::applyTo(osg::StateSet *receivers) const
{
    receivers->setTextureAttribute(kMapUnit, m_map.get());
    receivers->addUniform(m_sampler.get());
    receivers->addUniform(m_matrix.get());
}

void SunShadow::setSun(const osg::Vec3 &towardsSun, bool up, osg::StateSet *receivers)
{
    m_towardsSun = towardsSun;
    m_sunUp = up;
    receivers->setDefine("TT_SHADOWS", up ? osg::StateAttribute::ON : osg::StateAttribute::OFF);
    invalidate();
}

osg::Matrix SunShadow::worldToMap() const
{
    return m_camera->getViewMatrix() * m_camera->getProjectionMatrix() * osg::Matrix::translate(1.0, 1.0, 1.0)
        * osg::Matrix::scale(0.5, 0.5, 0.5);
}

void SunShadow::fit()
{
    m_fitted = m_generation;
    osg::ComputeBoundsVisitor bounds;
    m_casters->accept(bounds);
    osg::BoundingBox box = bounds.getBoundingBox();
    if (!box.valid())
        box = osg::BoundingBox(-1.0f, -1.0f, 0.0f, 1.0f, 1.0f, 1.0f);
    const osg::Vec3d center = box.center();
    const double radius = std::max(1.0, double(box.radius()));
    // Near the zenith "up" on the map cannot be the sky's up.
    const osg::Vec3d up = std::abs(m_towardsSun.z()) < 0.99f ? osg::Vec3d(0.0, 0.0, 1.0) : osg::Vec3d(0.0, 1.0, 0.0);
    const osg::Matrixd view = osg::Matrixd::lookAt(center + osg::Vec3d(m_towardsSun) * (2.0 * radius), center, up);
    // The casters' box seen from the sun, with a metre to spare on each side.
    osg::BoundingBox seen;
    for (unsigned i = 0; i < 8; ++i)
        seen.expandBy(box.corner(i) * view);
    const double near = -seen.zMax() - 1.0, far = -seen.zMin() + 1.0;
    m_camera->setViewMatrix(view);
    m_camera->setProjectionMatrix(
        osg::Matrixd::ortho(seen.xMin() - 1.0, seen.xMax() + 1.0, seen.yMin() - 1.0, seen.yMax() + 1.0, near, far));
    m_matrix->set(osg::Matrixf(worldToMap() * osg::Matrixd::translate(0.0, 0.0, kReceiverBiasM / (far - near))));
}

bool SunShadow::takeDraw(osg::State *state)
{
    if (!m_sunUp || !state)
        return false;
    Drawn &drawn = m_drawn[state->getContextID()];
    osg::GraphicsContext *context = state->getGraphicsContext();
    // A context that was closed and whose id came back has lost its map.
    if (context && drawn.context.get() == context && drawn.generation == m_generation)
        return false;
    if (m_fitted != m_generation)
        fit();
    drawn.context = context;
    drawn.generation = m_generation;
    ++m_drawCount;
    return true;
}

void SunShadow::traverse(osg::NodeVisitor &nv)
{
    auto *cull = dynamic_cast<osgUtil::CullVisitor *>(&nv);
    if (cull && takeDraw(cull->getState()))
        osg::Group::traverse(nv);
}

} // namespace tt
