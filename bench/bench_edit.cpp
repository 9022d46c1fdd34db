// SPDX-License-Identifier: MIT
// Interactive editing on the sample town and a synthetic 10,000-building town:
// edit → zoning KPIs (target ≤ 16 ms), edit → energy re-simulation (target
// ≤ 1 s) and the time per step of a drag (edit + scene update + frame). Needs
// a display (xvfb-run) for the frames. Weather: argv[1] or TOWNTWIN_TEST_DATA
// (environment, else tests/data in the source tree). Prints milliseconds.
#include "GridTown.h"
#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "analysis/ZoningKpiEngine.h"
#include "core/Document.h"
#include "edit/EntityTransform.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/LpDispatcher.h"
#include "energy/RuleBasedDispatcher.h"
#include "generate/TownGenerator.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QRandomGenerator>
#include <QUndoStack>
#include <osg/Geometry>
#include <osg/NodeVisitor>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace tt;

namespace {

constexpr int kZoningEdits = 200;
constexpr int kEnergyEdits = 10;
constexpr int kDragSteps = 60;
constexpr int kPlainFrames = 30;
constexpr int kSplitFrames = 8;
const QSize kFrameSize(1600, 1000);

//! Milliseconds on a monotonic clock, comparable between a caller and a slot.
double nowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

struct Stats {
    double median = NAN;
    double p95 = NAN;
    double max = NAN;
    int count = 0;
};

Stats summarise(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.count = int(ms.size());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[size_t(std::ceil(0.95 * double(ms.size()))) - 1];
    s.max = ms.back();
    return s;
}

//! One line of the closing table.
struct Row {
    std::string town;
    std::string what;
    Stats stats;
    double targetMs;  //!< NAN: no target
};
std::vector<Row> g_rows;

void addRow(const std::string &town, const std::string &what, const Stats &s, double targetMs = NAN)
{
    g_rows.push_back({town, what, s, targetMs});
}

std::vector<EntityId> buildingIds(const Town &town)
{
    std::vector<EntityId> ids;
    ids.reserve(size_t(town.buildings.size()));
    for (const Building &b : town.buildings)
        ids.push_back(b.id);
    return ids;
}

//! The building nearest the middle of the buildings and its `count - 1` nearest neighbours.
QVector<EntityId> centralGroup(const Town &town, int count)
{
    Bounds2 box;
    for (const Building &b : town.buildings)
        box.add(geometry::bounds(b.footprint));
    const Vec2 middle = box.center();
    std::vector<std::pair<double, EntityId>> byDistance;
    for (const Building &b : town.buildings)
        byDistance.push_back({(geometry::centroid(b.footprint) - middle).length(), b.id});
    std::sort(byDistance.begin(), byDistance.end());
    const Vec2 first = geometry::centroid(town.buildings.find(byDistance.front().second)->footprint);
    for (auto &[d, id] : byDistance)
        d = (geometry::centroid(town.buildings.find(id)->footprint) - first).length();
    std::sort(byDistance.begin(), byDistance.end());
    QVector<EntityId> ids;
    for (int i = 0; i < count && i < int(byDistance.size()); ++i)
        ids.append(byDistance[size_t(i)].second);
    return ids;
}

//! Largest relative difference between two KPI metric sets (keys of either).
double maxMetricDifference(const QHash<QString, double> &a, const QHash<QString, double> &b)
{
    double worst = 0.0;
    for (auto it = a.begin(); it != a.end(); ++it) {
        const double other = b.value(it.key(), NAN);
        if (std::isnan(it.value()) && std::isnan(other))
            continue;
        const double scale = std::max(1.0, std::max(std::abs(it.value()), std::abs(other)));
        const double d = std::abs(it.value() - other) / scale;
        worst = std::max(worst, std::isnan(d) ? INFINITY : d);
    }
    if (a.size() != b.size())
        worst = INFINITY;
    return worst;
}

//! Vertices and triangles (of triangle primitive sets) below a node, for the frame-time split.
class GeometryCounter : public osg::NodeVisitor {
public:
    GeometryCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry &geometry) override
    {
        if (const osg::Array *v = geometry.getVertexArray())
            vertices += v->getNumElements();
        for (unsigned i = 0; i < geometry.getNumPrimitiveSets(); ++i) {
            const osg::PrimitiveSet *p = geometry.getPrimitiveSet(i);
            if (p->getMode() == GL_TRIANGLES || p->getMode() == GL_TRIANGLE_STRIP || p->getMode() == GL_TRIANGLE_FAN)
                triangles += p->getNumPrimitives();
        }
    }
    using osg::NodeVisitor::apply;
    quint64 vertices = 0;
    quint64 triangles = 0;
};

// --- 1. Edit → zoning KPIs ------------------------------------------------------

void zoningLatency(const std::string &name, const Town &town)
{
    std::printf("\n[%s] 1. edit -> zoning KPIs: %d moves of one building by 1 m\n", name.c_str(), kZoningEdits);
    Document doc;
    doc.resetTown(town);
    QElapsedTimer timer;
    timer.start();
    ZoningKpiEngine engine(&doc);
    std::printf("  engine start (full analysis): %.1f ms\n", timer.nsecsElapsed() / 1e6);

    int signalCount = 0;
    double signalAt = 0.0;
    QObject::connect(&engine, &ZoningKpiEngine::kpisChanged, [&](const KpiReport &) {
        ++signalCount;
        signalAt = nowMs();
    });

    const std::vector<EntityId> ids = buildingIds(doc.town());
    QRandomGenerator rng(11);
    const Vec2 directions[] = {{1.0, 0.0}, {0.0, 1.0}, {-1.0, 0.0}, {0.0, -1.0}};
    std::vector<double> latency, returned, transform, checks;
    int refused = 0, missed = 0, deferred = 0;
    double worstCheck = 0.0;
    for (int i = 0; i < kZoningEdits; ++i) {
        const EntityId id = ids[size_t(rng.bounded(int(ids.size())))];
        EntityBatch moved;
        double t = nowMs();
        const Status ok = EntityTransform(directions[i % 4]).apply(doc.town(), {id}, &moved);
        transform.push_back(nowMs() - t);
        if (!ok) {
            ++refused;
            continue;
        }
        const int before = signalCount;
        const double t0 = nowMs();
        bench::require(doc.modifyEntities(moved, QStringLiteral("Move 1 entities")));
        const double t1 = nowMs();
        // The engine updates synchronously; should it ever defer, wait for its signal.
        if (signalCount == before) {
            ++deferred;
            QElapsedTimer guard;
            guard.start();
            while (signalCount == before && guard.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        if (signalCount == before) {
            ++missed;
            continue;
        }
        latency.push_back(signalAt - t0);
        returned.push_back(t1 - t0);
        // Now and then, check the incremental report against a full recompute (untimed).
        if (i % 50 == 49) {
            t = nowMs();
            const KpiReport full = computeKpis(doc.town());
            checks.push_back(nowMs() - t);
            worstCheck = std::max(worstCheck, maxMetricDifference(engine.report().metrics(), full.metrics()));
        }
    }
    const Stats l = summarise(latency), r = summarise(returned), tr = summarise(transform), c = summarise(checks);
    std::printf("  EntityTransform::apply:                     median %7.3f ms, max %7.3f ms\n", tr.median, tr.max);
    std::printf("  modifyEntities -> kpisChanged:              median %7.3f ms, p95 %7.3f ms, max %7.3f ms "
                "(%d edits, target <= 16 ms)\n",
                l.median, l.p95, l.max, l.count);
    std::printf("  modifyEntities returned:                    median %7.3f ms, p95 %7.3f ms, max %7.3f ms\n",
                r.median, r.p95, r.max);
    std::printf("  signal synchronous: %s (deferred %d, missed %d, refused moves %d)\n",
                deferred == 0 ? "yes" : "no", deferred, missed, refused);
    std::printf("  incremental vs full computeKpis at %d checkpoints: largest relative metric difference %.2e "
                "(full recompute median %.1f ms)\n",
                c.count, worstCheck, c.median);
    addRow(name, "edit -> zoning KPIs", l, 16.0);
}

// --- 2. Edit → energy -----------------------------------------------------------

double sum(const std::vector<double> &v)
{
    double s = 0.0;
    for (const double x : v)
        s += x;
    return s;
}

void energyLatency(const std::string &name, const Town &town, const WeatherYear &weather)
{
    std::printf("\n[%s] 2. edit -> energy: %d storey changes, rerunBuilding\n", name.c_str(), kEnergyEdits);
    Document doc;
    doc.resetTown(town);
    EnergySimulator simulator;
    const SimulationOptions rule{DispatchStrategy::RuleBased, DispatchObjective::Cost, true};
    const SimulationOptions optimal{DispatchStrategy::Optimal, DispatchObjective::Cost, true};
    double t = nowMs();
    SimulationResult ruleResult = simulator.run(doc.town(), weather, rule);
    const double ruleFull = nowMs() - t;
    t = nowMs();
    SimulationResult optimalResult = simulator.run(doc.town(), weather, optimal);
    const double optimalFull = nowMs() - t;
    if (!ruleResult.status || !optimalResult.status) {
        std::printf("  simulation failed: %s\n",
                    qPrintable(ruleResult.status ? optimalResult.status.message : ruleResult.status.message));
        return;
    }
    std::printf("  full run: rule %.0f ms, optimal %.0f ms (%d buildings, %d default assets)\n", ruleFull,
                optimalFull, doc.town().buildings.size(), int(ruleResult.defaultAssets.size()));
    addRow(name, "energy full run, rule", summarise({ruleFull}));
    addRow(name, "energy full run, optimal", summarise({optimalFull}));

    const std::vector<EntityId> ids = buildingIds(doc.town());
    QRandomGenerator rng(5);
    std::vector<double> ruleMs, optimalMs;
    for (int i = 0; i < kEnergyEdits; ++i) {
        Building b = *doc.town().buildings.find(ids[size_t(rng.bounded(int(ids.size())))]);
        b.levels = std::max(1.0, b.levels + (i % 2 == 0 ? 1.0 : -1.0));
        b.heightM = b.levels * buildinguse::storeyHeight(b.use);
        bench::require(doc.modifyEntities(EntityBatch{{b}, {}, {}, {}, {}, {}}, QStringLiteral("Set storeys")));
        t = nowMs();
        const Status sr = simulator.rerunBuilding(doc.town(), b.id, weather, rule, &ruleResult);
        ruleMs.push_back(nowMs() - t);
        t = nowMs();
        const Status so = simulator.rerunBuilding(doc.town(), b.id, weather, optimal, &optimalResult);
        optimalMs.push_back(nowMs() - t);
        if (!sr || !so)
            std::printf("  rerun failed: %s\n", qPrintable(sr ? so.message : sr.message));
    }
    const Stats r = summarise(ruleMs), o = summarise(optimalMs);
    std::printf("  rerunBuilding, rule:    median %8.1f ms, max %8.1f ms (target <= 1000 ms)\n", r.median, r.max);
    std::printf("  rerunBuilding, optimal: median %8.1f ms, max %8.1f ms (target <= 1000 ms)\n", o.median, o.max);
    addRow(name, "edit -> energy rerun, rule", r, 1000.0);
    addRow(name, "edit -> energy rerun, optimal", o, 1000.0);

    // Where a rerun's time goes: the steps of rerunBuilding + dispatch, timed one by one.
    {
        const Town &now = doc.town();
        const Building &b = *now.buildings.find(ids[0]);
        DemandSeries series;
        t = nowMs();
        bench::require(simulator.buildingHourly(b, weather, &series));
        const double oneBuilding = nowMs() - t;
        t = nowMs();
        Town sized = now;
        for (const EnergyAsset &a : ruleResult.defaultAssets)
            sized.assets.put(a);
        const double copy = nowMs() - t;
        t = nowMs();
        const EnergySystem system = EnergySystem::fromTown(sized, weather);
        const double systemMs = nowMs() - t;
        t = nowMs();
        const DispatchDemand demand = DispatchDemand::fromSeries(ruleResult.townDemand);
        const double demandMs = nowMs() - t;
        t = nowMs();
        const DispatchResult ruleDispatch = RuleBasedDispatcher().dispatch(system, demand);
        const double ruleDispatchMs = nowMs() - t;
        t = nowMs();
        const DispatchResult lpDispatch = LpDispatcher(DispatchObjective::Cost).dispatch(system, demand);
        const double lpDispatchMs = nowMs() - t;
        t = nowMs();
        const EnergyKpis kpis = EnergyKpis::compute(sized, ruleResult.buildings, ruleDispatch, system);
        const double kpiMs = nowMs() - t;
        std::printf("  split of one rerun: old + new building demand 2 x %.1f ms, town copy %.1f ms, "
                    "EnergySystem::fromTown %.1f ms, DispatchDemand %.1f ms, rule dispatch %.1f ms, "
                    "LP dispatch %.1f ms, EnergyKpis %.1f ms\n",
                    oneBuilding, copy, systemMs, demandMs, ruleDispatchMs, lpDispatchMs, kpiMs);
        Q_UNUSED(lpDispatch);
        Q_UNUSED(kpis);
    }

    // The reruns must agree with a full run of the edited town.
    const SimulationResult check = simulator.run(doc.town(), weather, rule);
    const auto annual = [](const DemandSeries &d) {
        return sum(d.electricity) + sum(d.heating) + sum(d.cooling) + sum(d.dhw);
    };
    const double a = annual(ruleResult.townDemand), f = annual(check.townDemand);
    std::printf("  after the edits: rerun town demand %.6g kWh vs full run %.6g kWh (relative %.1e), "
                "cost %.6g vs %.6g\n",
                a, f, std::abs(a - f) / std::max(1.0, std::abs(f)), ruleResult.kpis.cost, check.kpis.cost);
}

// --- 3. Frame time while dragging -----------------------------------------------

void dragFrames(const std::string &name, const Town &town)
{
    std::printf("\n[%s] 3. drag: %d steps of 1 m, one modifyEntities (merged) + one frame each, %dx%d\n",
                name.c_str(), kDragSteps, kFrameSize.width(), kFrameSize.height());
    Document doc;
    doc.resetTown(town);
    double t = nowMs();
    SceneController scene(&doc);
    std::printf("  scene build: %.0f ms\n", nowMs() - t);
    // As in MainWindow: the scene follows the document first, then the KPI engine.
    ZoningKpiEngine engine(&doc);
    double sceneAt = 0.0, kpiAt = 0.0;
    QObject::connect(&scene, &SceneController::sceneChanged, [&] { sceneAt = nowMs(); });
    QObject::connect(&engine, &ZoningKpiEngine::kpisChanged, [&](const KpiReport &) { kpiAt = nowMs(); });

    OffscreenRenderer renderer;
    const Status ready = renderer.initialize(kFrameSize);
    if (!ready) {
        std::printf("  frames skipped: %s\n", qPrintable(ready.message));
        return;
    }
    renderer.setSceneData(scene.root());
    renderer.camera().setSceneBounds(scene.dataBounds());
    renderer.camera().home();
    t = nowMs();
    bench::require(renderer.drawFrame());  // uploads buffers and compiles shaders
    std::printf("  first frame: %.0f ms\n", nowMs() - t);
    bench::require(renderer.drawFrame());

    std::vector<double> plain;
    for (int i = 0; i < kPlainFrames; ++i) {
        t = nowMs();
        bench::require(renderer.drawFrame());
        plain.push_back(nowMs() - t);
    }
    const Stats p = summarise(plain);
    std::printf("  plain frame, no edit:       median %7.2f ms, p95 %7.2f ms, max %7.2f ms (%d frames)\n", p.median,
                p.p95, p.max, p.count);
    addRow(name, "plain frame", p);
    if (const QOpenGLContext *gl = QOpenGLContext::currentContext()) {
        const auto *glRenderer = reinterpret_cast<const char *>(gl->functions()->glGetString(GL_RENDERER));
        std::printf("  GL renderer: %s\n", glRenderer ? glRenderer : "?");
    }

    // Where a frame's time goes: the same view with one layer hidden, and without multisampling.
    const auto medianFrame = [](OffscreenRenderer &r) {
        std::vector<double> ms;
        for (int i = 0; i < kSplitFrames; ++i) {
            const double t0 = nowMs();
            bench::require(r.drawFrame());
            ms.push_back(nowMs() - t0);
        }
        return summarise(ms).median;
    };
    const char *layerNames[kSceneLayerCount] = {"terrain", "zones", "roads", "buildings", "assets", "networks"};
    std::printf("  scene size:");
    for (int layer = 0; layer < kSceneLayerCount; ++layer) {
        GeometryCounter counter;
        scene.layerNode(SceneLayer(layer))->accept(counter);
        std::printf(" %s %llu vertices / %llu triangles%s", layerNames[layer], (unsigned long long)counter.vertices,
                    (unsigned long long)counter.triangles, layer + 1 < kSceneLayerCount ? "," : "\n");
    }
    std::printf("  frame with one layer hidden (median of %d):", kSplitFrames);
    for (int layer = 0; layer < kSceneLayerCount; ++layer) {
        scene.setLayerVisible(SceneLayer(layer), false);
        bench::require(renderer.drawFrame());
        std::printf(" %s %.1f ms%s", layerNames[layer], medianFrame(renderer),
                    layer + 1 < kSceneLayerCount ? "," : "\n");
        scene.setLayerVisible(SceneLayer(layer), true);
    }
    {
        OffscreenRenderer single;
        if (single.initialize(kFrameSize, 0)) {
            single.setSceneData(scene.root());
            single.camera().setSceneBounds(scene.dataBounds());
            single.camera().home();
            bench::require(single.drawFrame());
            std::printf("  frame without multisampling (samples 0 instead of 4): %.1f ms\n", medianFrame(single));
        }
    }

    int serial = 0;
    for (const int count : {1, 5}) {
        const QVector<EntityId> ids = centralGroup(doc.town(), count);
        // TransformTool copies the town when the drag starts and moves from that copy.
        t = nowMs();
        const Town before = doc.town();
        const double snapshot = nowMs() - t;
        const int mergeId = (1 << 21) + ++serial;
        const int commandsBefore = doc.undoStack()->count();
        std::vector<double> total, transformMs, sceneMs, kpiMs, editMs, frameMs;
        int refused = 0;
        for (int step = 1; step <= kDragSteps; ++step) {
            const double t0 = nowMs();
            EntityBatch moved;
            const Status ok = EntityTransform(Vec2{double(step), 0.0}).apply(before, ids, &moved);
            const double t1 = nowMs();
            if (!ok) {
                ++refused;
                continue;
            }
            sceneAt = kpiAt = NAN;
            bench::require(doc.modifyEntities(moved, QStringLiteral("Move %1 entities").arg(count), mergeId));
            const double t2 = nowMs();
            bench::require(renderer.drawFrame());
            const double t3 = nowMs();
            total.push_back(t3 - t0);
            transformMs.push_back(t1 - t0);
            sceneMs.push_back(sceneAt - t1);
            kpiMs.push_back(kpiAt - sceneAt);
            editMs.push_back(t2 - t1);
            frameMs.push_back(t3 - t2);
        }
        const Stats s = summarise(total);
        const char *label = count == 1 ? "drag 1 building" : "drag 5 buildings";
        std::printf("  %-26s median %7.2f ms, p95 %7.2f ms, max %7.2f ms per step (%d steps, %d refused)\n",
                    label, s.median, s.p95, s.max, s.count, refused);
        std::printf("    split (medians): transform %.3f ms, command + scene update %.3f ms, zoning KPIs %.3f ms, "
                    "modifyEntities total %.3f ms, frame %.2f ms; town copy at drag start %.1f ms; "
                    "undo steps added %d\n",
                    summarise(transformMs).median, summarise(sceneMs).median, summarise(kpiMs).median,
                    summarise(editMs).median, summarise(frameMs).median, snapshot,
                    doc.undoStack()->count() - commandsBefore);
        addRow(name, std::string(label) + " (step)", s);
    }
}

void printTable()
{
    std::printf("\nSummary (ms)\n");
    std::printf("%-8s %-32s %10s %10s %10s %8s  %s\n", "town", "measure", "median", "p95", "max", "target",
                "verdict");
    for (const Row &r : g_rows) {
        char target[32] = "-";
        const char *verdict = "";
        if (!std::isnan(r.targetMs)) {
            std::snprintf(target, sizeof target, "%.0f", r.targetMs);
            verdict = r.stats.median <= r.targetMs && r.stats.max <= r.targetMs ? "ok"
                : r.stats.median <= r.targetMs                                 ? "median ok, max over"
                                                                                : "OVER";
        }
        const auto cell = [](double v) {
            if (std::isnan(v))
                return std::string("-");
            char s[32];
            std::snprintf(s, sizeof s, "%.2f", v);
            return std::string(s);
        };
        // A single timing has no spread worth printing.
        const bool single = r.stats.count == 1;
        std::printf("%-8s %-32s %10s %10s %10s %8s  %s\n", r.town.c_str(), r.what.c_str(),
                    cell(r.stats.median).c_str(), single ? "-" : cell(r.stats.p95).c_str(),
                    single ? "-" : cell(r.stats.max).c_str(), target, verdict);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    QGuiApplication app(argc, argv);
    QElapsedTimer wall;
    wall.start();

    QString data = QStringLiteral(TOWNTWIN_TEST_DATA);
    if (argc > 1)
        data = QString::fromLocal8Bit(argv[1]);
    else if (!qEnvironmentVariableIsEmpty("TOWNTWIN_TEST_DATA"))
        data = qEnvironmentVariable("TOWNTWIN_TEST_DATA");
    WeatherYear weather;
    const Status read = EpwReader::read(data + QStringLiteral("/zug-cea/weather.epw"), &weather);
    if (!read)
        std::printf("weather not read, energy part skipped: %s\n", qPrintable(read.message));

    double t = nowMs();
    const Town sample = TownGenerator::generate(1);
    std::printf("sample town (TownGenerator::generate(1)): %d buildings, %d zones, %d roads, %d assets; "
                "generated in %.0f ms\n",
                sample.buildings.size(), sample.zones.size(), sample.roads.size(), sample.assets.size(),
                nowMs() - t);
    t = nowMs();
    const Town big = bench::gridTown();
    std::printf("synthetic town (bench_zoning's grid, flat terrain): %d buildings, %d zones, %d roads; "
                "generated in %.0f ms\n",
                big.buildings.size(), big.zones.size(), big.roads.size(), nowMs() - t);

    for (const auto &[name, town] : {std::pair<std::string, const Town *>{"sample", &sample},
                                     std::pair<std::string, const Town *>{"10k", &big}}) {
        zoningLatency(name, *town);
        if (read)
            energyLatency(name, *town, weather);
        dragFrames(name, *town);
    }
    printTable();
    std::printf("total %.1f s\n", wall.nsecsElapsed() * 1e-9);
    return 0;
}
