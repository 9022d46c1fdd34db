// SPDX-License-Identifier: MIT
// Scenarios on the sample town: a variant copies the plan, edits go to the active
// scenario only, switching and every scenario edit are undo steps, saved views follow
// renames, and the comparison of two scenarios reports what the edit changed.
#include "analysis/ScenarioComparison.h"
#include "analysis/ZoningAnalysis.h"
#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "generate/TownGenerator.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace tt;

namespace {

//! The first residential building of the town.
const Building &someHome(const Town &town)
{
    for (const Building &b : town.buildings)
        if (b.use == BuildingUse::Residential && !b.context)
            return b;
    qFatal("the sample town has no home");
}

EntityBatch batchOf(const Building &b)
{
    EntityBatch batch;
    batch.buildings.append(b);
    return batch;
}

const ComparisonRow &row(const ScenarioComparison &c, const QString &key)
{
    for (const ComparisonRow &r : c.rows())
        if (r.key == key)
            return r;
    qFatal("no row %s", qPrintable(key));
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private slots:
    void init();
    void aVariantStartsAsACopyAndUndoRemovesIt();
    void editsGoToTheActiveScenarioOnly();
    void undoWalksBackThroughSwitches();
    void namesAreCheckedAndViewsFollowRenames();
    void removingKeepsTheActiveScenario();
    void comparisonReportsWhatTheEditChanged();

private:
    Town m_sample;
    Document *m_doc = nullptr;
};

void TestScenarios::init()
{
    if (m_sample.buildings.isEmpty())
        m_sample = TownGenerator::generate(1);
    delete m_doc;
    m_doc = new Document(this);
    m_doc->resetTown(m_sample);
}

void TestScenarios::aVariantStartsAsACopyAndUndoRemovesIt()
{
    QSignalSpy resets(m_doc, &Document::townReset);
    QVERIFY(m_doc->addScenario(QStringLiteral("Denser"), QStringLiteral("Base"), QStringLiteral("New scenario")).ok);
    const Town &t = m_doc->town();
    QCOMPARE(t.scenarios.size(), 2);
    QCOMPARE(t.scenarios[0].name, QStringLiteral("Base"));
    QCOMPARE(t.activeScenarioName(), QStringLiteral("Denser"));
    QCOMPARE(t.activeScenario, 1);
    QVERIFY(t.buildings.sameContent(m_sample.buildings));
    QVERIFY(t.zones.sameContent(m_sample.zones));
    QCOMPARE(t.settings, m_sample.settings);
    // The base keeps its own copy in its slot.
    QVERIFY(t.scenarios[0].buildings.sameContent(m_sample.buildings));
    QVERIFY(t.scenarios[1].buildings.isEmpty());
    QCOMPARE(resets.count(), 1);

    m_doc->undoStack()->undo();
    QVERIFY(m_doc->town().scenarios.isEmpty());
    QVERIFY(m_doc->town() == m_sample);
}

void TestScenarios::editsGoToTheActiveScenarioOnly()
{
    QVERIFY(m_doc->addScenario(QStringLiteral("Denser"), QStringLiteral("Base"), QStringLiteral("New")).ok);
    Building home = someHome(m_doc->town());
    const double levels = home.levels;
    home.levels = levels + 4;
    home.heightM += 12.0;
    QVERIFY(m_doc->modifyEntities(batchOf(home), QStringLiteral("Raise")).ok);
    const QVector<EntityId> added = m_doc->addEntities(batchOf(home), QStringLiteral("Copy"));
    QCOMPARE(added.size(), 1);
    QVERIFY(added.first() >= m_sample.nextId);

    const quint64 revision = m_doc->revision();
    QVERIFY(m_doc->switchScenario(0, QStringLiteral("Switch")).ok);
    QVERIFY(m_doc->revision() > revision);
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("Base"));
    QCOMPARE(m_doc->town().buildings.find(home.id)->levels, levels);
    QVERIFY(!m_doc->town().buildings.contains(added.first()));
    QVERIFY(m_doc->town().buildings.sameContent(m_sample.buildings));

    QVERIFY(m_doc->switchScenario(1, QStringLiteral("Switch")).ok);
    QCOMPARE(m_doc->town().buildings.find(home.id)->levels, levels + 4);
    QVERIFY(m_doc->town().buildings.contains(added.first()));
    // A copy of the town with another scenario active leaves the document alone.
    const Town base = m_doc->town().withScenario(0);
    QCOMPARE(base.buildings.find(home.id)->levels, levels);
    QCOMPARE(m_doc->town().buildings.find(home.id)->levels, levels + 4);
    QVERIFY(!m_doc->switchScenario(2, QStringLiteral("Switch")).ok);
}

void TestScenarios::undoWalksBackThroughSwitches()
{
    QVERIFY(m_doc->addScenario(QStringLiteral("Denser"), QStringLiteral("Base"), QStringLiteral("New")).ok);
    Building home = someHome(m_doc->town());
    const double levels = home.levels;
    home.levels = levels + 2;
    QVERIFY(m_doc->modifyEntities(batchOf(home), QStringLiteral("Raise")).ok);
    QVERIFY(m_doc->switchScenario(0, QStringLiteral("Switch")).ok);
    // Undoing the switch brings back the scenario the edit was made in; the next undo undoes it there.
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("Denser"));
    QCOMPARE(m_doc->town().buildings.find(home.id)->levels, levels + 2);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->town().buildings.find(home.id)->levels, levels);
    QCOMPARE(m_doc->town().scenarios[0].buildings.find(home.id)->levels, levels);
    m_doc->undoStack()->redo();
    m_doc->undoStack()->redo();
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("Base"));
    QCOMPARE(m_doc->town().scenarios[1].buildings.find(home.id)->levels, levels + 2);
}

void TestScenarios::namesAreCheckedAndViewsFollowRenames()
{
    QVERIFY(m_doc->addScenario(QStringLiteral("Denser"), QStringLiteral("Base"), QStringLiteral("New")).ok);
    const Status taken = m_doc->addScenario(QStringLiteral("Base"), QString(), QStringLiteral("New"));
    QVERIFY(!taken.ok);
    QVERIFY2(taken.message.contains(QStringLiteral("already a scenario 'Base'")), qPrintable(taken.message));
    QVERIFY(!m_doc->addScenario(QStringLiteral("  "), QString(), QStringLiteral("New")).ok);
    QVERIFY(!m_doc->renameScenario(0, QStringLiteral("Denser"), QStringLiteral("Rename")).ok);

    Presentation p = m_doc->town().presentation;
    QVERIFY(!p.views.isEmpty());
    p.views[0].scenario = QStringLiteral("Denser");
    m_doc->setPresentation(p, QStringLiteral("View"));
    QVERIFY(m_doc->renameScenario(1, QStringLiteral("高密度"), QStringLiteral("Rename")).ok);
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("高密度"));
    QCOMPARE(m_doc->town().presentation.views[0].scenario, QStringLiteral("高密度"));
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->town().presentation.views[0].scenario, QStringLiteral("Denser"));
}

void TestScenarios::removingKeepsTheActiveScenario()
{
    QVERIFY(m_doc->addScenario(QStringLiteral("A"), QStringLiteral("Base"), QStringLiteral("New")).ok);
    QVERIFY(m_doc->addScenario(QStringLiteral("B"), QString(), QStringLiteral("New")).ok);
    QCOMPARE(m_doc->town().scenarios.size(), 3);
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("B"));
    Presentation p = m_doc->town().presentation;
    p.views[0].scenario = QStringLiteral("A");
    m_doc->setPresentation(p, QStringLiteral("View"));

    const Status active = m_doc->removeScenario(2, QStringLiteral("Remove"));
    QVERIFY(!active.ok);
    QVERIFY2(active.message.contains(QStringLiteral("'B' is the active one")), qPrintable(active.message));
    QVERIFY(m_doc->removeScenario(1, QStringLiteral("Remove")).ok);
    QCOMPARE(m_doc->town().scenarios.size(), 2);
    QCOMPARE(m_doc->town().scenarios[0].name, QStringLiteral("Base"));
    QCOMPARE(m_doc->town().activeScenarioName(), QStringLiteral("B"));
    QCOMPARE(m_doc->town().activeScenario, 1);
    QVERIFY(m_doc->town().scenarios[0].buildings.sameContent(m_sample.buildings));
    QVERIFY(m_doc->town().presentation.views[0].scenario.isEmpty());
}

void TestScenarios::comparisonReportsWhatTheEditChanged()
{
    QVERIFY(m_doc->addScenario(QStringLiteral("Denser"), QStringLiteral("Base"), QStringLiteral("New")).ok);
    Building home = someHome(m_doc->town());
    home.levels += 10;
    home.heightM += 30.0;
    QVERIFY(m_doc->modifyEntities(batchOf(home), QStringLiteral("Raise")).ok);

    ScenarioFigures a, b;
    QVERIFY(ScenarioFigures::compute(m_doc->town().withScenario(0), nullptr, SimulationOptions{}, {}, &a).ok);
    QVERIFY(ScenarioFigures::compute(m_doc->town(), nullptr, SimulationOptions{}, {}, &b).ok);
    QCOMPARE(a.scenario, QStringLiteral("Base"));
    QCOMPARE(b.scenario, QStringLiteral("Denser"));
    const ScenarioComparison c(a, b);
    // Ten more storeys of the home's footprint, at the plan's floor area per resident.
    const double extraGfa = b.zoning.landUse.gfaM2 - a.zoning.landUse.gfaM2;
    QVERIFY(extraGfa > 0.0);
    QCOMPARE(row(c, QStringLiteral("gfa_m2")).difference(), extraGfa);
    QVERIFY(row(c, QStringLiteral("residents")).difference() > 0.0);
    QCOMPARE(row(c, QStringLiteral("residents")).a, computeKpis(m_sample).capacity.residents);
    QCOMPARE(row(c, QStringLiteral("buildings")).difference(), 0.0);
    QCOMPARE(row(c, QStringLiteral("farmland_share")).difference(), 0.0);
    // Without simulated years there are no energy or economics rows.
    for (const ComparisonRow &r : c.rows())
        QCOMPARE(r.group, QStringLiteral("zoning"));
    const QJsonObject json = c.toJson();
    QCOMPARE(json.value(QLatin1String("a")).toObject().value(QLatin1String("scenario")).toString(), QStringLiteral("Base"));
    QVERIFY(!json.value(QLatin1String("b")).toObject().contains(QLatin1String("energy")));
    QCOMPARE(json.value(QLatin1String("differences")).toArray().size(), c.rows().size());
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
