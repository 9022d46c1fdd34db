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
varying vec3 vWorld;
varying vec3 vNormal;
varying vec4 vColor;
varying vec2 vTexCoord;
void main()
{
    // The scene has no transforms: model coordinates are the local world frame.
    vWorld = gl_Vertex.xyz;
    vNormal = gl_Normal;
    vColor = gl_Color;
    vTexCoord = gl_MultiTexCoord0.xy;
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
)";

const char *kFragmentShader = R"(#version 120
uniform vec3 tt_sunDirection;
uniform float tt_sunStrength;
uniform bool tt_smoothNormals;
uniform bool tt_lit;
uniform bool tt_hatchLowAlpha;
uniform bool tt_textured;
uniform sampler2D tt_texture;
uniform bool tt_flowDashes;
uniform float tt_flowPhase;
varying vec3 vWorld;
varying vec3 vNormal;
varying vec4 vColor;
varying vec2 vTexCoord;
void main()
{
    vec4 color = vColor;
    // Flow lines: x is the distance along the flow (m), y the dashes' speed; gaps are dropped.
    if (tt_flowDashes && vTexCoord.y > 0.0 && mod(vTexCoord.x - tt_flowPhase * vTexCoord.y, 40.0) > 26.0)
        discard;
    if (tt_textured) {
        // Premultiplied colour: mipmaps of sparse roofs fade instead of vanishing.
        color = texture2D(tt_texture, vTexCoord);
        if (color.a < 0.02)
            discard;
    }
    if (tt_lit) {
        // Derivatives span the triangle's plane and face the viewer.
        vec3 n = tt_smoothNormals ? normalize(vNormal) : normalize(cross(dFdx(vWorld), dFdy(vWorld)));
        float sun = max(dot(n, tt_sunDirection), 0.0) * tt_sunStrength;
        float sky = 0.5 + 0.5 * n.z;
        color.rgb *= 0.30 + 0.30 * sky + 0.55 * sun;
    }
    if (tt_hatchLowAlpha) {
        if (vColor.a < 0.5 && mod(gl_FragCoord.x + gl_FragCoord.y, 8.0) < 3.0)
            color.rgb *= 0.45;
        color.a = 1.0;
    }
    gl_FragColor = color;
}
)";

void setBool(osg::StateSet *stateSet, const char *name, bool value)
{
    stateSet->getOrCreateUniform(name, osg::Uniform::BOOL)->set(value);
}

} // namespace

void install(osg::StateSet *root)
{
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->addShader(new osg::Shader(osg::Shader::VERTEX, kVertexShader));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kFragmentShader));
    root->setAttributeAndModes(program.get(), osg::StateAttribute::ON);
    setBool(root, "tt_smoothNormals", false);
    setBool(root, "tt_lit", true);
    setBool(root, "tt_hatchLowAlpha", false);
    setBool(root, "tt_textured", false);
    setBool(root, "tt_flowDashes", false);
    root->getOrCreateUniform("tt_flowPhase", osg::Uniform::FLOAT)->set(0.0f);
    root->getOrCreateUniform("tt_texture", osg::Uniform::SAMPLER_2D)->set(0);
    setSun(root, SunAngles{45.0, 135.0});
}

void setSun(osg::StateSet *root, const SunAngles &sun)
{
    const double el = sun.elevationDeg * M_PI / 180.0, az = sun.azimuthDeg * M_PI / 180.0;
    const osg::Vec3 direction(float(std::sin(az) * std::cos(el)), float(std::cos(az) * std::cos(el)),
                              float(std::sin(el)));
    root->getOrCreateUniform("tt_sunDirection", osg::Uniform::FLOAT_VEC3)->set(direction);
    // Fade in over the first degrees so dawn does not switch the light on at once.
    const float strength = float(std::clamp(sun.elevationDeg / 10.0, 0.0, 1.0));
    root->getOrCreateUniform("tt_sunStrength", osg::Uniform::FLOAT)->set(strength);
}

void setSmoothNormals(osg::StateSet *stateSet, bool smooth)
{
    setBool(stateSet, "tt_smoothNormals", smooth);
}

void setLit(osg::StateSet *stateSet, bool lit)
{
    setBool(stateSet, "tt_lit", lit);
}

void setHatchLowAlpha(osg::StateSet *stateSet, bool hatch)
{
    setBool(stateSet, "tt_hatchLowAlpha", hatch);
}

void setTextured(osg::StateSet *stateSet, bool textured)
{
    setBool(stateSet, "tt_textured", textured);
}

void setFlowDashes(osg::StateSet *stateSet, bool dashes)
{
    setBool(stateSet, "tt_flowDashes", dashes);
}

void setFlowPhase(osg::StateSet *stateSet, double seconds)
{
    stateSet->getOrCreateUniform("tt_flowPhase", osg::Uniform::FLOAT)->set(float(seconds));
}

} // namespace tt::SceneShading
