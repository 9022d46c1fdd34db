// SPDX-License-Identifier: MIT
// Editing a network as a planner does, each step undoable: moving the plant takes the
// start of its cables along, deleting a node takes the links ending at it, opening a
// switch islands what lies beyond it (the feeder then names the node without supply)
// and closing it again restores the flow.
#include "core/Document.h"
#include "edit/EntityEdit.h"
#include "edit/EntityTransform.h"
#include "network/NetworkSnapshot.h"
#include "network/PowerFlowSolver.h"
#include "network/TownFeeder.h"

#include <QTest>
#include <QUndoStack>

using namespace tt;

namespace {
//! Plant (1) -- cable 10 -- junction (2) -- cable 11 -- load (3), 10 kV.
Town feeder()
{
    Town t;
    const auto node = [&t](EntityId id, NetworkNode::Kind kind, Vec2 at, double pKw) {
        NetworkNode n;
        n.id = id;
        n.kind = kind;
        n.position = at;
        n.pKw = pKw;
        t.networkNodes.put(n);
    };
    node(1, NetworkNode::Kind::Source, {0, 0}, 0.0);
    node(2, NetworkNode::Kind::Junction, {100, 0}, 0.0);
    node(3, NetworkNode::Kind::Load, {100, 200}, 500.0);
    const auto link = [&t](EntityId id, EntityId from, EntityId to, QVector<Vec2> route) {
        NetworkLink l;
        l.id = id;
        l.from = from;
        l.to = to;
        l.route = route;
        l.rOhm = 0.03;
        l.xOhm = 0.01;
        t.networkLinks.put(l);
    };
    link(10, 1, 2, {{0, 0}, {50, 5}, {100, 0}});
    link(11, 2, 3, {{100, 0}, {100, 200}});
    t.nextId = 100;
    return t;
}
} // namespace

class TestNetworkEdit : public QObject {
    Q_OBJECT

private slots:
    void movingThePlantMovesWhereItsCablesStart()
    {
        Document doc;
        doc.resetTown(feeder());
        EntityBatch moved;
        QVERIFY(EntityTransform(Vec2{-30, 40}, 0.0, Vec2{}).apply(doc.town(), {1}, &moved).ok);
        QVERIFY(doc.modifyEntities(moved, QStringLiteral("Move the plant")).ok);
        const NetworkLink &cable = *doc.town().networkLinks.find(10);
        QCOMPARE(doc.town().networkNodes.find(1)->position, (Vec2{-30, 40}));
        QCOMPARE(cable.route.first(), (Vec2{-30, 40}));
        QCOMPARE(cable.route[1], (Vec2{50, 5}));  // the drawn route stays
        QCOMPARE(cable.route.last(), (Vec2{100, 0}));
        QCOMPARE(*doc.town().networkLinks.find(11), *feeder().networkLinks.find(11));
        doc.undoStack()->undo();
        QVERIFY(doc.town() == feeder());
    }

    void movingALinkTakesItsNodesAlong()
    {
        Document doc;
        doc.resetTown(feeder());
        EntityBatch moved;
        QVERIFY(EntityTransform(Vec2{0, 10}, 0.0, Vec2{}).apply(doc.town(), {11}, &moved).ok);
        QVERIFY(doc.modifyEntities(moved, QStringLiteral("Move a cable")).ok);
        const Town &t = doc.town();
        QCOMPARE(t.networkNodes.find(2)->position, (Vec2{100, 10}));
        QCOMPARE(t.networkNodes.find(3)->position, (Vec2{100, 210}));
        QCOMPARE(t.networkLinks.find(11)->route, (QVector<Vec2>{{100, 10}, {100, 210}}));
        // The cable from the plant keeps its start and its drawn bend, and ends at the moved node.
        QCOMPARE(t.networkLinks.find(10)->route, (QVector<Vec2>{{0, 0}, {50, 5}, {100, 10}}));
        QCOMPARE(t.networkNodes.find(1)->position, (Vec2{0, 0}));
    }

    void deletingANodeTakesItsLinks()
    {
        Document doc;
        doc.resetTown(feeder());
        const QVector<EntityId> ids = entityedit::withAttachedLinks(doc.town(), {2});
        QCOMPARE(ids, (QVector<EntityId>{2, 10, 11}));
        QVERIFY(doc.removeEntities(ids, QStringLiteral("Delete")).ok);
        QVERIFY(doc.town().networkLinks.isEmpty());
        QCOMPARE(doc.town().networkNodes.size(), 2);
        doc.undoStack()->undo();
        QVERIFY(doc.town() == feeder());
    }

    void openingASwitchIslandsWhatLiesBeyond()
    {
        Document doc;
        doc.resetTown(feeder());
        TownFeeder before;
        QVERIFY(TownFeeder::build(doc.town(), &before).ok);
        const PowerFlowResult supplied = PowerFlowSolver(before.network).solve();
        QVERIFY(supplied.status.ok && supplied.lossesKw > 0.0);

        EntityBatch open;
        QVERIFY(entityedit::setLinkClosed(doc.town(), 11, false, &open).ok);
        QVERIFY(doc.modifyEntities(open, QStringLiteral("Open link 11")).ok);
        TownFeeder islanded;
        const Status s = TownFeeder::build(doc.town(), &islanded);
        QVERIFY(!s.ok);
        QVERIFY2(s.message.contains(QStringLiteral("node 3: no closed path to the source 1")), qPrintable(s.message));
        QVERIFY(!entityedit::setLinkClosed(doc.town(), 3, true, &open).ok);  // a node is no switch

        doc.undoStack()->undo();
        TownFeeder after;
        QVERIFY(TownFeeder::build(doc.town(), &after).ok);
        QCOMPARE(PowerFlowSolver(after.network).solve().lossesKw, supplied.lossesKw);
    }

    void drawingALinkToANewJunction()
    {
        Document doc;
        doc.resetTown(feeder());
        EntityBatch added;
        QVERIFY(entityedit::newLink(doc.town(), 3, kNoEntity, Vec2{100, 350}, &added).ok);
        QCOMPARE(added.networkNodes.size(), 1);
        QCOMPARE(added.networkLinks.size(), 1);
        const QVector<EntityId> ids = doc.addEntities(added, QStringLiteral("Draw network link"));
        const NetworkNode &junction = *doc.town().networkNodes.find(ids.first());
        const NetworkLink &link = *doc.town().networkLinks.find(ids.last());
        QCOMPARE(junction.position, (Vec2{100, 350}));
        QCOMPARE(junction.kind, NetworkNode::Kind::Junction);
        QCOMPARE(link.from, EntityId(3));
        QCOMPARE(link.to, junction.id);  // the provisional id rewritten to the one assigned
        // The kind of cable already at node 3 (link 11, 200 m): 150 m of it.
        QVERIFY(std::abs(link.rOhm - 0.03 * 150.0 / 200.0) < 1e-12);
        TownFeeder grown;
        QVERIFY(TownFeeder::build(doc.town(), &grown).ok);
        QCOMPARE(grown.network.links.size(), size_t(3));

        // Between two existing nodes: a loop, which the power flow then solves by Newton-Raphson.
        EntityBatch loop;
        QVERIFY(entityedit::newLink(doc.town(), junction.id, 1, Vec2{}, &loop).ok);
        QVERIFY(loop.networkNodes.isEmpty());
        doc.addEntities(loop, QStringLiteral("Draw network link"));
        TownFeeder meshed;
        QVERIFY(TownFeeder::build(doc.town(), &meshed).ok);
        const PowerFlowResult flow = PowerFlowSolver(meshed.network).solve();
        QVERIFY(flow.status.ok);
        QCOMPARE(flow.method, QStringLiteral("Newton-Raphson"));

        // Refused: the same pair twice, a node to itself, a node with no link to copy.
        QVERIFY(entityedit::newLink(doc.town(), 1, junction.id, Vec2{}, &loop).message.contains(QStringLiteral("already joins")));
        QVERIFY(entityedit::newLink(doc.town(), 2, 2, Vec2{}, &loop).message.contains(QStringLiteral("to itself")));
        Town lone = feeder();
        NetworkNode single = *lone.networkNodes.find(3);
        single.id = 50;
        lone.networkNodes.put(single);
        QVERIFY(entityedit::newLink(lone, 50, 3, Vec2{}, &loop).message.contains(QStringLiteral("has no link yet")));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.town() == feeder());
    }

    void snapshotOfEditedNetworksIsRefused()
    {
        // Loads simulated for the three-node feeder: two hours of 500 kW at the load.
        TownNetworks networks;
        QVERIFY(TownNetworks::build(feeder(), &networks).ok);
        NetworkLoads loads;
        loads.hours = 2;
        loads.electricKw = {0, 0, 500, 0, 0, 500};
        loads.electricKvar.assign(6, 0.0f);
        const NetworkSnapshot fine = NetworkSnapshot::at(networks, loads, 1);
        QVERIFY2(fine.status.ok, qPrintable(fine.status.message));
        QVERIFY(fine.links.value(11).kw > 500.0 - 1e-9);  // the load and nothing of the losses beyond it
        QVERIFY(!NetworkSnapshot::at(networks, loads, 2).status.ok);

        // The feeder grew a node since: the loads no longer fit it.
        Town grown = feeder();
        NetworkNode extra = *grown.networkNodes.find(3);
        extra.id = 4;
        grown.networkNodes.put(extra);
        NetworkLink spur = *grown.networkLinks.find(11);
        spur.id = 12;
        spur.from = 3;
        spur.to = 4;
        grown.networkLinks.put(spur);
        TownNetworks edited;
        QVERIFY(TownNetworks::build(grown, &edited).ok);
        const NetworkSnapshot stale = NetworkSnapshot::at(edited, loads, 1);
        QVERIFY(!stale.status.ok);
        QVERIFY(stale.status.message.contains(QStringLiteral("changed since")));
    }
};

QTEST_GUILESS_MAIN(TestNetworkEdit)
#include "tst_networkedit.moc"
