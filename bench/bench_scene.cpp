// SPDX-License-Identifier: MIT
// Scene benchmark on synthetic towns (rectangles on a grid, flat terrain):
// scene-build throughput for 10k, 100k and 1M buildings, peak memory per
// building at 1M, and the frame time of 100k buildings batched versus one
// drawable per building. Needs a display (xvfb-run) for the GL frames.
#include "GridTown.h"
#include "BuildingLayer.h"
#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "core/Document.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>
#include <osg/Group>

#include <cmath>
#include <cstdio>

using namespace tt;

namespace {

Town syntheticTown(int count)
{
    Town town;
    town.buildings.reserve(count);
    const int perRow = int(std::ceil(std::sqrt(double(count))));
    for (int i = 0; i < count; ++i) {
        Building b;
        b.id = town.allocateId();
        b.use = BuildingUse(i % kBuildingUseCount);
        b.heightM = 4.0 + (i % 7) * 3.0;
        const double x = (i % perRow) * 20.0, y = (i / perRow) * 20.0;
        b.footprint.outer = {{x, y}, {x + 12, y}, {x + 12, y + 10}, {x, y + 10}};
        town.buildings.put(b);
    }
    town.terrain = Terrain::flat(town.dataBounds(), 0.0, 50.0);
    return town;
}

//! Peak resident set of this process (VmHWM), in kB.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression re(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(status.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

//! Builds the scene of a town; returns the seconds it took.
double buildScene(Document &document, std::unique_ptr<SceneController> &scene)
{
    QElapsedTimer timer;
    timer.start();
    scene = std::make_unique<SceneController>(&document);
    return timer.nsecsElapsed() * 1e-9;
}

double msPerFrame(OffscreenRenderer &renderer, osg::Node *node, const osg::BoundingBox &bounds, int frames)
{
    renderer.setSceneData(node);
    renderer.camera().setSceneBounds(bounds);
    renderer.camera().home();
    bench::require(renderer.drawFrame()); // uploads buffers and compiles the shader outside the timing
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i)
        bench::require(renderer.drawFrame());
    return timer.nsecsElapsed() * 1e-6 / frames;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    std::printf("bench_scene: synthetic towns, rectangles 12 x 10 m on a 20 m grid, flat terrain\n");

    // 1M first so the peak resident set belongs to this scene alone.
    for (const int count : {1000000, 100000, 10000}) {
        Document document;
        document.resetTown(syntheticTown(count));
        std::unique_ptr<SceneController> scene;
        const double seconds = buildScene(document, scene);
        std::printf("scene build   %8d buildings: %7.2f s  %10.0f buildings/s  (%d tiles)\n", count, seconds,
                    count / seconds, scene->buildingLayer().tileCount());
        if (count == 1000000) {
            const qint64 kb = peakRssKb();
            std::printf(
                "peak RSS after model + scene of 1M buildings: %lld MB = %.0f bytes/building (target <= 2048)\n",
                kb / 1024, kb * 1024.0 / count);
            OffscreenRenderer renderer;
            if (renderer.initialize(QSize(1280, 800), 0).ok) {
                const double ms = msPerFrame(renderer, scene->root(), scene->dataBounds(), 2);
                const qint64 drawn = peakRssKb();
                std::printf(
                    "1M buildings drawn: %.0f ms/frame; peak RSS with GL buffers: %lld MB = %.0f bytes/building\n", ms,
                    drawn / 1024, drawn * 1024.0 / count);
            }
        }
    }

    OffscreenRenderer renderer;
    const Status ready = renderer.initialize(QSize(1280, 800), 0);
    if (!ready) {
        std::printf("frame time skipped: %s\n", qPrintable(ready.message));
        return 0;
    }
    const int count = 100000, frames = 20;
    Document document;
    document.resetTown(syntheticTown(count));
    std::unique_ptr<SceneController> scene;
    buildScene(document, scene);
    scene->setLayerVisible(SceneLayer::Terrain, false);
    const osg::BoundingBox bounds = scene->dataBounds();
    const double batched = msPerFrame(renderer, scene->root(), bounds, frames);

    // The same batches without the distant impostors: batching alone.
    osg::Group *layer = scene->layerNode(SceneLayer::Buildings);
    osg::ref_ptr<osg::Group> fullDetail = new osg::Group;
    fullDetail->setStateSet(scene->root()->getStateSet());
    osg::ref_ptr<osg::Group> tiles = new osg::Group;
    tiles->setStateSet(layer->getStateSet());
    fullDetail->addChild(tiles.get());
    for (unsigned i = 0; i < layer->getNumChildren(); ++i)
        tiles->addChild(layer->getChild(i)->asGroup()->getChild(0));
    const double batchedFull = msPerFrame(renderer, fullDetail.get(), bounds, frames);

    // One geometry per building, under the same shader and state.
    osg::ref_ptr<osg::Group> naive = new osg::Group;
    naive->setStateSet(scene->root()->getStateSet());
    osg::ref_ptr<osg::Group> buildings = new osg::Group;
    buildings->setStateSet(layer->getStateSet());
    naive->addChild(buildings.get());
    for (const Building &b : document.town().buildings)
        buildings->addChild(
            BuildingMesh::build({&b}, [](const Building &) { return osg::Vec4ub(200, 200, 200, 255); }));
    const double oneEach = msPerFrame(renderer, naive.get(), bounds, frames);

    std::printf("frame 100k buildings, home view, 1280x800, %d frames each (Mesa llvmpipe if no GPU):\n", frames);
    std::printf("  batched, %d tiles with impostors far off: %8.2f ms/frame\n", scene->buildingLayer().tileCount(),
                batched);
    std::printf("  batched, full meshes only:               %8.2f ms/frame\n", batchedFull);
    std::printf("  one drawable per building:               %8.2f ms/frame\n", oneEach);
    std::printf("batched / naive = 1/%.1f as drawn (target <= 1/40); batching alone 1/%.1f\n", oneEach / batched,
                oneEach / batchedFull);
    return 0;
}
