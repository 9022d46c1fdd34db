// SPDX-License-Identifier: MIT
#include "SceneShading.h"

#include <osg/Program>
#include <osg/Shader>
#include <osg/Uniform>

#include <algorithm>
#include <cmath>

namespace tt::SceneShading {

namespace {

const char *kVertexShader = R"(#version 120
#pragma import_defines(TT_SHADOWS)
varying vec3 vWorld;
varying vec3 vNormal;
varying vec4 vColor;
varying vec2 vTexCoord;
#ifdef TT_SHADOWS
uniform mat4 tt_shadowMatrix;
varying vec3 vShadow;
#endif
void main()
{
    // The scene has no transforms: model coordinates are the local world frame.
    vWorld = gl_Vertex.xyz;
#ifdef TT_SHADOWS
    vShadow = (tt_shadowMatrix * gl_Vertex).xyz;
#endif
    vNormal = gl_Normal;
    vColor = gl_Color;
    vTexCoord = gl_MultiTexCoord0.xy;
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
)";

// Each feature is a define, not a uniform: OSG compiles a variant per combination a state
// set asks for, so a fragment runs only the code of its own layer (a software renderer
// would otherwise evaluate every branch for every pixel).
const char *kFragmentShader = R"(#version 120
#pragma import_defines(TT_UNLIT, TT_SMOOTH_NORMALS, TT_HATCH, TT_TEXTURED, TT_FLOW_DASHES, TT_WINDOWS, TT_SHADOWS)
uniform vec3 tt_sunDirection;
uniform float tt_sunStrength;
uniform sampler2D tt_texture;
uniform float tt_flowPhase;
varying vec3 vWorld;
varying vec3 vNormal;
varying vec4 vColor;
varying vec2 vTexCoord;
#ifdef TT_SHADOWS
uniform sampler2DShadow tt_shadowMap;
varying vec3 vShadow;
#endif
#ifdef TT_WINDOWS
// How much of a wall fragment is window: storeys of 3 m and bays of 3.2 m along the
// wall, the window in the middle of each. Where a storey spans only a few pixels the
// pattern would shimmer, so it fades to its average there.
float windowShare(vec3 n)
{
    vec2 f = fract(vec2(dot(vWorld.xy, vec2(-n.y, n.x)) / 3.2, vWorld.z / 3.0));
    float window = step(0.25, f.x) * step(f.x, 0.75) * step(0.35, f.y) * step(f.y, 0.8);
    float storeyPixels = 3.0 / max(length(vec2(dFdx(vWorld.z), dFdy(vWorld.z))), 1e-3);
    return 0.6 * mix(0.225, window, clamp((storeyPixels - 5.0) / 5.0, 0.0, 1.0));
}
#endif
void main()
{
    vec4 color = vColor;
#ifdef TT_FLOW_DASHES
    // Flow lines: x is the distance along the flow (m), y the dashes' speed; gaps are dropped.
    if (vTexCoord.y > 0.0 && mod(vTexCoord.x - tt_flowPhase * vTexCoord.y, 40.0) > 26.0)
        discard;
#endif
#ifdef TT_TEXTURED
    // Premultiplied colour: mipmaps of sparse roofs fade instead of vanishing.
    color = texture2D(tt_texture, vTexCoord);
    if (color.a < 0.02)
        discard;
#endif
#ifndef TT_UNLIT
#ifdef TT_SMOOTH_NORMALS
    vec3 n = normalize(vNormal);
#else
    // Derivatives span the triangle's plane and face the viewer.
    vec3 n = normalize(cross(dFdx(vWorld), dFdy(vWorld)));
#endif
#ifdef TT_WINDOWS
    if (abs(n.z) < 0.2)
        color.rgb = mix(color.rgb, vec3(0.20, 0.27, 0.34), windowShare(n));
#endif
    float sun = max(dot(n, tt_sunDirection), 0.0) * tt_sunStrength;
#ifdef TT_SHADOWS
    // Depths beyond the map's far side compare as the farthest: nothing there casts.
    sun *= shadow2D(tt_shadowMap, vec3(vShadow.xy, min(vShadow.z, 1.0))).r;
#endif
    float sky = 0.5 + 0.5 * n.z;
    color.rgb *= 0.30 + 0.30 * sky + 0.55 * sun;
#endif
#ifdef TT_HATCH
    if (vColor.a < 0.5 && mod(gl_FragCoord.x + gl_FragCoord.y, 8.0) < 3.0)
        color.rgb *= 0.45;
    color.a = 1.0;
#endif
    gl_FragColor = color;
}
)";

//! Turns a feature on or off for a state set and what is under it (unless set there again).
void setDefine(osg::StateSet *stateSet, const char *name, bool on)
{
    stateSet->setDefine(name, on ? osg::StateAttribute::ON : osg::StateAttribute::OFF);
}

} // namespace

void install(osg::StateSet *root)
{
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->addShader(new osg::Shader(osg::Shader::VERTEX, kVertexShader));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kFragmentShader));
    root->setAttributeAndModes(program.get(), osg::StateAttribute::ON);
    root->getOrCreateUniform("tt_flowPhase", osg::Uniform::FLOAT)->set(0.0f);
    root->getOrCreateUniform("tt_texture", osg::Uniform::SAMPLER_2D)->set(0);
    setSun(root, SunAngles{45.0, 135.0});
}

osg::Vec3 towardsSun(const SunAngles &sun)
{
    const double el = sun.elevationDeg * M_PI / 180.0, az = sun.azimuthDeg * M_PI / 180.0;
    return osg::Vec3(float(std::sin(az) * std::cos(el)), float(std::cos(az) * std::cos(el)), float(std::sin(el)));
}

void setSun(osg::StateSet *root, const SunAngles &sun)
{
    root->getOrCreateUniform("tt_sunDirection", osg::Uniform::FLOAT_VEC3)->set(towardsSun(sun));
    // Fade in over the first degrees so dawn does not switch the light on at once.
    const float strength = float(std::clamp(sun.elevationDeg / 10.0, 0.0, 1.0));
    root->getOrCreateUniform("tt_sunStrength", osg::Uniform::FLOAT)->set(strength);
}

void setSmoothNormals(osg::StateSet *stateSet, bool smooth)
{
    setDefine(stateSet, "TT_SMOOTH_NORMALS", smooth);
}

void setLit(osg::StateSet *stateSet, bool lit)
{
    setDefine(stateSet, "TT_UNLIT", !lit);
}

void setHatchLowAlpha(osg::StateSet *stateSet, bool hatch)
{
    setDefine(stateSet, "TT_HATCH", hatch);
}

void setTextured(osg::StateSet *stateSet, bool textured)
{
    setDefine(stateSet, "TT_TEXTURED", textured);
}

void setWindows(osg::StateSet *stateSet, bool windows)
{
    setDefine(stateSet, "TT_WINDOWS", windows);
}

void setFlowDashes(osg::StateSet *stateSet, bool dashes)
{
    setDefine(stateSet, "TT_FLOW_DASHES", dashes);
}

void setFlowPhase(osg::StateSet *stateSet, double seconds)
{
    stateSet->getOrCreateUniform("tt_flowPhase", osg::Uniform::FLOAT)->set(float(seconds));
}

} // namespace tt::SceneShading
