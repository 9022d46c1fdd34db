// SPDX-License-Identifier: MIT
#include "TerrainMesh.h"

#include "SceneShading.h"

#include <osg/Geometry>
#include <osg/LOD>

#include <algorithm>
#include <cmath>

namespace tt::TerrainMesh {

namespace {


//! Slope normal from neighbours `step` samples away, one-sided at edges and NoData.
osg::Vec3 normalAt(const Terrain &t, int c, int r, int step)
{
    auto valid = [&](int cc, int rr) {
        return cc >= 0 && rr >= 0 && cc < t.columns() && rr < t.rows() && std::isfinite(t.sample(cc, rr));
    };
    auto slope = [&](int dc, int dr) {
        const int c0 = valid(c - dc * step, r - dr * step) ? c - dc * step : c;
        const int r0 = valid(c - dc * step, r - dr * step) ? r - dr * step : r;
        const int c1 = valid(c + dc * step, r + dr * step) ? c + dc * step : c;
        const int r1 = valid(c + dc * step, r + dr * step) ? r + dr * step : r;
        const int span = (c1 - c0) * dc + (r1 - r0) * dr;
        return span == 0 ? 0.0 : (double(t.sample(c1, r1)) - t.sample(c0, r0)) / (span * t.cellSize());
    };
    osg::Vec3 n(float(-slope(1, 0)), float(-slope(0, 1)), 1.0f);
    n.normalize();
    return n;
}

//! Hypsometric tint darkened by a classic hillshade (light from the north-west, 45° up).
osg::Vec4ub hillshadeColor(const osg::Vec3 &normal, double z, double zMin, double zMax)
{
    static const osg::Vec3 light = [] {
        osg::Vec3 l(-0.5f, 0.5f, 0.7071f);
        l.normalize();
        return l;
    }();
    const double t = zMax > zMin ? (z - zMin) / (zMax - zMin) : 0.0;
    const osg::Vec3 low(110, 150, 80), mid(205, 185, 135), high(240, 236, 228);
    const osg::Vec3 tint = t < 0.5 ? low + (mid - low) * float(t * 2.0) : mid + (high - mid) * float(t * 2.0 - 1.0);
    const float shade = 0.35f + 0.8f * std::max(0.0f, normal * light);
    auto channel = [&](float v) { return quint8(std::clamp(v * shade, 0.0f, 255.0f)); };
    return osg::Vec4ub(channel(tint.x()), channel(tint.y()), channel(tint.z()), 255);
}

//! Columns (or rows) from first to last every `step` samples; the last is always in.
std::vector<int> stepped(int first, int last, int step)
{
    std::vector<int> out;
    for (int i = first; i < last; i += step)
        out.push_back(i);
    out.push_back(last);
    return out;
}

//! One detail level of one tile: columns [c0,c1] and rows [r0,r1] every `step` samples.
osg::ref_ptr<osg::Geometry> tileLevel(const Terrain &t, int c0, int r0, int c1, int r1, int step, bool hillshade,
                                      double zMin, double zMax)
{
    const std::vector<int> cols = stepped(c0, c1, step), rows = stepped(r0, r1, step);

    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colors = new osg::Vec4ubArray;
    const size_t count = cols.size() * rows.size();
    vertices->reserve(count);
    normals->reserve(count);
    std::vector<bool> valid(count);
    for (const int r : rows) {
        for (const int c : cols) {
            const float z = t.sample(c, r);
            valid[vertices->size()] = std::isfinite(z);
            vertices->push_back(osg::Vec3(float(t.originX() + c * t.cellSize()), float(t.originY() + r * t.cellSize()),
                                          std::isfinite(z) ? z : 0.0f));
            normals->push_back(std::isfinite(z) ? normalAt(t, c, r, step) : osg::Vec3(0, 0, 1));
            if (hillshade)
                colors->push_back(hillshadeColor(normals->back(), z, zMin, zMax));
        }
    }
    if (!hillshade)
        colors->push_back(kPlainColor);

    const GLuint width = GLuint(cols.size());
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (GLuint j = 0; j + 1 < rows.size(); ++j) {
        for (GLuint i = 0; i + 1 < width; ++i) {
            const GLuint a = j * width + i, b = a + 1, c = a + width + 1, d = a + width;
            const int validCorners = valid[a] + valid[b] + valid[c] + valid[d];
            if (validCorners == 4) {
                for (const GLuint v : {a, b, c, a, c, d})
                    triangles->push_back(v);
            } else if (validCorners == 3) {
                // Keep the valid half so hole edges follow the NoData cells closely.
                std::vector<GLuint> corners;
                for (const GLuint v : {a, b, c, d})
                    if (valid[v])
                        corners.push_back(v);
                triangles->insert(triangles->end(), corners.begin(), corners.end());
            }
        }
    }
    if (triangles->empty())
        return nullptr;

    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(vertices.get());
    geometry->setNormalArray(normals.get(), osg::Array::BIND_PER_VERTEX);
    colors->setNormalize(true);
    geometry->setColorArray(colors.get(), hillshade ? osg::Array::BIND_PER_VERTEX : osg::Array::BIND_OVERALL);
    if (vertices->size() <= 0xFFFF)
        geometry->addPrimitiveSet(new osg::DrawElementsUShort(GL_TRIANGLES, triangles->begin(), triangles->end()));
    else
        geometry->addPrimitiveSet(triangles.get());
    return geometry;
}

} // namespace

double levelError(const Terrain &t, int c0, int r0, int c1, int r1, int step)
{
    const std::vector<int> cols = stepped(c0, c1, step), rows = stepped(r0, r1, step);
    double worst = 0.0;
    for (size_t j = 0; j + 1 < rows.size(); ++j) {
        for (size_t i = 0; i + 1 < cols.size(); ++i) {
            // The quad a-b-c-d is drawn as triangles a-b-c and a-c-d (see tileLevel).
            const int ca = cols[i], cb = cols[i + 1], ra = rows[j], rb = rows[j + 1];
            const double za = t.sample(ca, ra), zb = t.sample(cb, ra), zc = t.sample(cb, rb), zd = t.sample(ca, rb);
            for (int r = ra; r <= rb; ++r) {
                for (int c = ca; c <= cb; ++c) {
                    const double z = t.sample(c, r);
                    if (!std::isfinite(z) || !std::isfinite(za + zb + zc + zd))
                        return INFINITY;
                    const double u = double(c - ca) / (cb - ca), v = double(r - ra) / (rb - ra);
                    const double drawn = u >= v ? za + u * (zb - za) + v * (zc - zb) : za + v * (zd - za) + u * (zc - zd);
                    worst = std::max(worst, std::abs(z - drawn));
                }
            }
        }
    }
    return worst;
}

osg::ref_ptr<osg::Node> create(const Terrain &terrain, TerrainStyle style)
{
    osg::ref_ptr<osg::Group> group = new osg::Group;
    if (terrain.isEmpty())
        return group;
    const bool hillshade = style == TerrainStyle::Hillshade;
    const double cell = terrain.cellSize();
    const double zMin = terrain.minElevation(), zMax = terrain.maxElevation();
    for (int r0 = 0; r0 + 1 < terrain.rows(); r0 += kTileCells) {
        for (int c0 = 0; c0 + 1 < terrain.columns(); c0 += kTileCells) {
            const int c1 = std::min(c0 + kTileCells, terrain.columns() - 1);
            const int r1 = std::min(r0 + kTileCells, terrain.rows() - 1);
            const double tileRadius = std::hypot(c1 - c0, r1 - r0) * cell * 0.5;
            // Levels past the tile's size would draw the same two triangles a cell.
            int count = 1;
            while (count < int(std::size(kLevelSteps)) && kLevelSteps[count - 1] < std::max(c1 - c0, r1 - r0))
                ++count;
            // How far off each level is good enough: where the cells of the one before span
            // no more than about 1/150 of the distance (a few pixels), or, plain, where its
            // height error is under half a pixel from every point of the tile (a hillshade's
            // colours need the cells).
            std::vector<double> from(size_t(count), 0.0);
            for (int l = 1; l < count; ++l) {
                from[l] = kLevelSteps[l - 1] * cell * 150.0 + tileRadius;
                if (!hillshade) {
                    const double error = levelError(terrain, c0, r0, c1, r1, kLevelSteps[l]);
                    from[l] = std::min(from[l], error == 0.0 ? 0.0 : error * kPixelsPerRadian + tileRadius);
                }
            }
            // Each distance gets the coarsest level good enough there; ties go to the coarser.
            std::vector<std::pair<int, double>> shown;  // level, drawn until
            double until = 1e9;
            for (int l = count - 1; l >= 0; --l) {
                if (from[l] < until) {
                    shown.emplace_back(l, until);
                    until = from[l];
                }
            }
            osg::ref_ptr<osg::LOD> lod = new osg::LOD;
            for (auto it = shown.rbegin(); it != shown.rend(); ++it)
                if (osg::ref_ptr<osg::Geometry> geometry =
                        tileLevel(terrain, c0, r0, c1, r1, kLevelSteps[it->first], hillshade, zMin, zMax))
                    lod->addChild(geometry.get(), float(from[it->first]), float(it->second));
            if (lod->getNumChildren() > 0)
                group->addChild(lod.get());
        }
    }
    osg::StateSet *stateSet = group->getOrCreateStateSet();
    SceneShading::setSmoothNormals(stateSet, true);
    // The hillshade is baked into the colours; the sun would shade it twice.
    SceneShading::setLit(stateSet, !hillshade);

    if (style == TerrainStyle::Contours) {
        const double interval = contourInterval(terrain.minElevation(), terrain.maxElevation());
        if (osg::ref_ptr<osg::Geometry> lines = contours(terrain, interval)) {
            SceneShading::setLit(lines->getOrCreateStateSet(), false);
            group->addChild(lines.get());
        }
    }
    return group;
}

double contourInterval(double minElevation, double maxElevation)
{
    const double range = maxElevation - minElevation;
    if (!(range > 0.0))
        return 1.0;
    const double raw = range / 20.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double f : {1.0, 2.0, 5.0})
        if (raw <= f * magnitude * 1.5)
            return f * magnitude;
    return 10.0 * magnitude;
}

osg::ref_ptr<osg::Geometry> contours(const Terrain &t, double interval)
{
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colors = new osg::Vec4ubArray;
    const osg::Vec4ub minor(120, 95, 60, 255), major(80, 55, 30, 255);
    const float lift = float(std::max(0.2, t.cellSize() * 0.02));
    auto position = [&](int c, int r) {
        return osg::Vec3(float(t.originX() + c * t.cellSize()), float(t.originY() + r * t.cellSize()), t.sample(c, r));
    };
    for (int r = 0; r + 1 < t.rows(); ++r) {
        for (int c = 0; c + 1 < t.columns(); ++c) {
            const osg::Vec3 corner[4] = {position(c, r), position(c + 1, r), position(c + 1, r + 1),
                                         position(c, r + 1)};
            float lo = corner[0].z(), hi = lo;
            bool complete = true;
            for (const osg::Vec3 &p : corner) {
                complete = complete && std::isfinite(p.z());
                lo = std::min(lo, p.z());
                hi = std::max(hi, p.z());
            }
            if (!complete)
                continue;
            for (double level = std::ceil(lo / interval) * interval; level <= hi; level += interval) {
                // Where the level crosses each cell edge (marching squares); the
                // crossings pair up in edge order, which also settles saddles.
                std::vector<osg::Vec3> crossings;
                for (int e = 0; e < 4; ++e) {
                    const osg::Vec3 &a = corner[e], &b = corner[(e + 1) % 4];
                    if ((a.z() < level) == (b.z() < level))
                        continue;
                    const float f = float((level - a.z()) / (b.z() - a.z()));
                    crossings.push_back(a + (b - a) * f + osg::Vec3(0, 0, lift));
                }
                const bool isMajor = std::llround(level / interval) % 5 == 0;
                for (size_t k = 0; k + 1 < crossings.size(); k += 2) {
                    vertices->push_back(crossings[k]);
                    vertices->push_back(crossings[k + 1]);
                    colors->push_back(isMajor ? major : minor);
                    colors->push_back(isMajor ? major : minor);
                }
            }
        }
    }
    if (vertices->empty())
        return nullptr;
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(vertices.get());
    colors->setNormalize(true);
    geometry->setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(vertices->size())));
    return geometry;
}

} // namespace tt::TerrainMesh
