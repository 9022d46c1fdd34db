// SPDX-License-Identifier: MIT
// The time bar over the sample town with its networks laid out: once the year is
// simulated it offers the hours worth seeing; jumping to the hour of the highest line
// loading shows the scene that hour's flows (the same loading the year's run found),
// lights it by that hour's sun and can colour the buildings by their load then;
// playing moves the hour on by itself; the Energy flows tab balances the year and
// follows the shown day.
#include "GuiTestMain.h"
#include "RunnerWait.h"
#include "SceneController.h"
#include "core/Document.h"
#include "energy/EnergySimulator.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"
#include "generate/TownGenerator.h"
#include "gui/EnergyPanel.h"
#include "gui/PlaybackController.h"
#include "gui/PropertiesPanel.h"
#include "gui/tools/DrawLinkTool.h"
#include "gui/tools/Selection.h"
#include "gui/SankeyWidget.h"
#include "gui/TimeBar.h"
#include "network/NetworkLayout.h"

#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QUndoStack>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace tt;

class TestPlayback : public QObject {
    Q_OBJECT

    std::unique_ptr<Document> m_document;
    std::unique_ptr<SceneController> m_scene;
    std::unique_ptr<EnergyRunner> m_runner;
    std::unique_ptr<EnergyPanel> m_panel;
    std::unique_ptr<TimeBar> m_timeBar;
    std::unique_ptr<PlaybackController> m_playback;

    const SimulationResult &result() const { return m_runner->result(); }

private slots:
    void initTestCase()
    {
        Town town = TownGenerator::generate(1);
        WeatherYear weather;
        QVERIFY(EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &weather).ok);
        NetworkCatalogue catalogue;
        QVERIFY(NetworkCatalogue::loadBundled(&catalogue).ok);
        EnergySimulator simulator;
        BuildingLoadSource loads;
        QVERIFY(simulator.buildingLoads(town, weather, &loads).ok);
        const NetworkLayout::Result laid = NetworkLayout::lay(town, catalogue, loads, NetworkLayout::Options());
        QVERIFY(laid.status.ok);

        m_document = std::make_unique<Document>();
        m_document->resetTown(laid.town);
        m_scene = std::make_unique<SceneController>(m_document.get());
        m_runner = std::make_unique<EnergyRunner>(m_document.get());
        m_panel = std::make_unique<EnergyPanel>(m_document.get(), m_runner.get(), m_scene.get());
        m_timeBar = std::make_unique<TimeBar>();
        m_playback = std::make_unique<PlaybackController>(m_document.get(), m_runner.get(), m_scene.get(), m_panel.get(),
                                                          m_timeBar.get());
        m_panel->resize(500, 900);
        m_panel->show();
        m_timeBar->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(guitest::waitUntilSimulated(*m_runner, *m_document, 120000));
        QVERIFY2(result().status.ok, qPrintable(result().status.message));
        QVERIFY(!result().networks.isEmpty());
        QVERIFY(result().networkLoads);
    }

    void offersTheHoursWorthSeeing()
    {
        QList<QToolButton *> buttons = m_timeBar->findChildren<QToolButton *>();
        const auto marks = std::find_if(buttons.begin(), buttons.end(), [](QToolButton *b) { return b->menu(); });
        QVERIFY(marks != buttons.end());
        QVERIFY((*marks)->isEnabled());
        QStringList names;
        for (QAction *a : (*marks)->menu()->actions())
            names << a->text();
        QVERIFY2(names.filter(QStringLiteral("Highest line loading")).size() == 1, qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY(names.filter(QStringLiteral("Peak heat demand")).size() == 1);
        // Choosing a jump moves the time bar there.
        QAction *highest = nullptr;
        for (QAction *a : (*marks)->menu()->actions())
            if (a->text().startsWith(QStringLiteral("Highest line loading")))
                highest = a;
        highest->trigger();
        QCOMPARE(m_timeBar->hour(), result().networks.maxLoadingHour);
    }

    void showsThatHoursFlowsAndSun()
    {
        const int hour = result().networks.maxLoadingHour;
        m_timeBar->setHour(hour);
        const NetworkSnapshot *shown = m_scene->networkSnapshot();
        QVERIFY(shown && shown->status.ok);
        QCOMPARE(shown->hour, hour);
        double worst = 0.0;
        for (const NetworkSnapshot::Link &l : shown->links)
            worst = std::max(worst, l.loading);
        // The hour solved alone gives what the year's run found for it.
        QVERIFY(std::abs(worst - result().networks.hours[size_t(hour)].maxLineLoading) < 1e-6);
        QCOMPARE(m_scene->sunTime(), m_timeBar->dateTime(hour));
        QCOMPARE(m_panel->weekBox()->value(), hour / 168 + 1);
        QVERIFY(m_scene->layerNode(SceneLayer::Networks)->getNumChildren() > 0);

        m_panel->setColorBy(EnergyPanel::ColorBy::LoadAtHour);
        QCOMPARE(m_scene->buildingColorMode(), BuildingColorMode::ByAttribute);
        QCOMPARE(m_scene->legend().title, QStringLiteral("Electric load at the shown hour (kW)"));
        QCOMPARE(shown->buildingKw.size(), int(result().buildings.size()));
        m_panel->setColorBy(EnergyPanel::ColorBy::None);
    }

    void playingMovesTheHourOn()
    {
        m_timeBar->setHour(100);
        m_timeBar->setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(m_timeBar->hour() >= 102, 5000);  // 3 hours a second
        m_timeBar->setPlaying(false);
        const int stopped = m_timeBar->hour();
        QTest::qWait(400);
        QCOMPARE(m_timeBar->hour(), stopped);
        QCOMPARE(m_scene->networkSnapshot()->hour, stopped);
    }

    void propertiesOpenAndCloseASwitch()
    {
        PropertiesPanel panel(m_document.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.switchButton()->isHidden());  // nothing selected: no switch to show
        EntityId cable = kNoEntity;
        for (const NetworkLink &l : m_document->town().networkLinks)
            if (l.carrier == NetworkCarrier::Electricity && l.kv == 0.4 && l.lengthM() > 10.0)
                cable = l.id;
        QVERIFY(cable != kNoEntity);
        panel.setSelection({cable});
        QVERIFY(panel.switchButton()->isVisible());
        QCOMPARE(panel.switchButton()->text(), QStringLiteral("Open switch"));
        QVERIFY(panel.valueOf(QStringLiteral("Type")).startsWith(QStringLiteral("YJV22-0.6/1kV")));
        QTest::mouseClick(panel.switchButton(), Qt::LeftButton);
        QVERIFY(!m_document->town().networkLinks.find(cable)->closed);
        QCOMPARE(panel.switchButton()->text(), QStringLiteral("Close switch"));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Open link %1").arg(cable));
        m_document->undoStack()->undo();
        QVERIFY(m_document->town().networkLinks.find(cable)->closed);
        QVERIFY(guitest::waitUntilSimulated(*m_runner, *m_document, 120000));
    }

    void drawLinkToolJoinsTwoNodes()
    {
        Selection selection(m_document.get());
        QStringList refusals;
        ToolContext context;
        context.options.network = NetworkCarrier::Heating;
        context.document = m_document.get();
        context.selection = &selection;
        context.refuse = [&refusals](const QString &why) { refusals << why; };
        DrawLinkTool tool(&context, nullptr);
        const Town &t = m_document->town();
        const NetworkNode *plant = nullptr;
        for (const NetworkNode &n : t.networkNodes)
            if (n.kind == NetworkNode::Kind::Source && n.carrier == NetworkCarrier::Heating)
                plant = &n;
        QVERIFY(plant);
        const Vec2 plantAt = plant->position;
        const EntityId plantId = plant->id;
        // Far from every node: refused with the reason.
        QVERIFY(!tool.clickAt(Vec2{-5000.0, -5000.0}));
        QVERIFY(refusals.last().contains(QStringLiteral("No District heating node within 25 m")));
        // Near the heating plant, then out into the field: a new pipe to a new junction, selected.
        const int links = t.networkLinks.size();
        QVERIFY(tool.clickAt(plantAt + Vec2{3.0, 2.0}));
        QCOMPARE(tool.start(), plantId);
        QVERIFY2(tool.clickAt(plantAt + Vec2{0.0, -120.0}), qPrintable(refusals.join(QLatin1Char('|'))));
        QCOMPARE(m_document->town().networkLinks.size(), links + 1);
        const NetworkLink *drawn = m_document->town().networkLinks.find(selection.ids().first());
        QVERIFY(drawn);
        QCOMPARE(drawn->carrier, NetworkCarrier::Heating);
        QCOMPARE(drawn->from, plantId);
        QVERIFY(drawn->innerDiameterMm > 0.0);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Draw network link"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->town().networkLinks.size(), links);
        QVERIFY(guitest::waitUntilSimulated(*m_runner, *m_document, 120000));
    }

    void energyFlowsFollowTheShownDay()
    {
        QVERIFY(m_panel->showTab(QStringLiteral("Energy flows")));
        const EnergySankey &year = m_panel->sankey()->diagram();
        QVERIFY(std::abs(year.linkKwh(QStringLiteral("grid"), QStringLiteral("electricity"))
                         - result().dispatch.total(Flow::GridImport))
                < 1e-6);
        auto *period = m_panel->findChild<QComboBox *>(QStringLiteral("sankeyPeriod"));
        QVERIFY(period);
        QCOMPARE(period->itemText(1), QStringLiteral("The shown day"));
        period->setCurrentIndex(1);
        m_timeBar->setHour(4572);  // 10 July, noon
        const EnergySankey &day = m_panel->sankey()->diagram();
        double pv = 0.0;
        for (int h = 4560; h < 4584; ++h)
            pv += result().dispatch.at(Flow::Pv, h) - result().dispatch.at(Flow::ElecCurtailed, h);
        QVERIFY(pv > 0.0);
        QVERIFY(std::abs(day.linkKwh(QStringLiteral("pv"), QStringLiteral("electricity")) - pv) < 1e-6);
        period->setCurrentIndex(0);
    }
};

TOWNTWIN_GUI_TEST_MAIN(TestPlayback)
#include "tst_playback.moc"
