// SPDX-License-Identifier: MIT
#pragma once

#include <osg/Camera>
#include <osg/Group>
#include <osg/Texture2D>
#include <osg/Uniform>
#include <osg/Vec3>
#include <osg/observer_ptr>
#include <osg/ref_ptr>

#include <map>

namespace tt {

//! Shadows of buildings, trees and energy assets cast by the sun: a depth map seen from
//! the sun, fitted to the casters, that the scene's lit shader samples.
//! The map is drawn again only when the sun or the casters change (once in each GL
//! context showing the scene), not every frame: a still town under a still sun needs
//! one map, and a software renderer cannot afford one per frame.
//! Only culling enters this node: picking and bounds never see the sun's camera.
class SunShadow : public osg::Group {
public:
    //! Side of the depth map in texels.
    static constexpr int kMapSide = 2048;

    SunShadow();

    //! Something that casts shadows. Its node mask is respected: hidden casters cast none.
    void addCaster(osg::Node *caster);
    //! Binds the map and its matrix for the lit shader under this state set.
    void applyTo(osg::StateSet *receivers) const;
    //! Aims at the sun (unit vector towards it). With `up` false (night) there are no shadows.
    void setSun(const osg::Vec3 &towardsSun, bool up, osg::StateSet *receivers);
    //! The casters moved, changed or were shown or hidden: draw the map again.
    void invalidate() { ++m_generation; }
    //! How many times a map has been drawn, in any context (for tests).
    unsigned drawCount() const { return m_drawCount; }
    //! World to map coordinates (x, y in [0, 1] over the map, z the depth in [0, 1]).
    osg::Matrix worldToMap() const;

    void traverse(osg::NodeVisitor &nv) override;
    osg::BoundingSphere computeBound() const override { return {}; }

private:
    //! True once per context and generation: whether this cull draws the map.
    bool takeDraw(osg::State *state);
    void fit();

    osg::ref_ptr<osg::Camera> m_camera;
    osg::ref_ptr<osg::Group> m_casters;
    osg::ref_ptr<osg::Texture2D> m_map;
    osg::ref_ptr<osg::Uniform> m_matrix;
    osg::ref_ptr<osg::Uniform> m_sampler;
    osg::Vec3 m_towardsSun{0.0f, 0.0f, 1.0f};
    bool m_sunUp = true;
    unsigned m_generation = 1;
    unsigned m_fitted = 0;
    unsigned m_drawCount = 0;
    struct Drawn {
        osg::observer_ptr<osg::GraphicsContext> context;
        unsigned generation = 0;
    };
    std::map<unsigned, Drawn> m_drawn;  // by GL context id
};

} // namespace tt
