// SPDX-License-Identifier: MIT
// The energy dock tells what it knows about the weather: values filled in by
// interpolation (with the count), a station 9,040 km from the site, and a file
// with an impossible day refused by line instead of "Up to date".
#include "RunnerWait.h"
#include "model/EpwText.h"
#include "TestData.h"
#include "gui/EnergyPanel.h"
#include "SceneController.h"
#include "core/Document.h"
#include "energy/ArchetypeSets.h"
#include "energy/ProjectWeather.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace tt;

namespace {
const QString kZug = QStringLiteral("zug-cea/weather.epw");
//! The Shanghai year the program ships (resources/weather), as the app reads it.
QString shanghaiEpw()
{
    return ProjectWeather::resolve(ProjectWeather::kShanghai, QString());
}

//! One office block at (latitude, longitude).
Town townAt(double latitude, double longitude)
{
    Town town;
    town.site.latitude = latitude;
    town.site.longitude = longitude;
    Building b;
    b.id = town.allocateId();
    b.use = BuildingUse::Office;
    b.levels = 3;
    b.heightM = 10.5;
    b.year = 2010;
    b.footprint.outer = {{0, 0}, {30, 0}, {30, 20}, {0, 20}};
    town.buildings.put(b);
    return town;
}
} // namespace

class TestEnergyWeatherNote : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Document> m_document;
    std::unique_ptr<SceneController> m_scene;
    std::unique_ptr<EnergyRunner> m_runner;
    std::unique_ptr<EnergyPanel> m_panel;

    QString write(const QString &name, const testdata::EpwText &epw)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(epw.bytes()) < 0)
            return {};
        return file.fileName();
    }
    bool waitUpToDate() const { return guitest::waitUntilSimulated(*m_panel->runner(), *m_document, 30000); }
    bool noteShown() const { return m_panel->findChild<QLabel *>(QStringLiteral("weatherNote"))->isVisible(); }

private slots:
    void initTestCase()
    {
        TT_REQUIRE_TEST_DATA(kZug);
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TownTwinTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_energyweathernote"));
        m_document = std::make_unique<Document>();
        m_document->resetTown(townAt(31.15, 121.30));  // ~6 km from the Hongqiao station
        m_scene = std::make_unique<SceneController>(m_document.get());
        m_runner = std::make_unique<EnergyRunner>(m_document.get());
        m_panel = std::make_unique<EnergyPanel>(m_document.get(), m_runner.get(), m_scene.get());
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(!noteShown());
    }

    void showsTheValuesFilledIn()
    {
        testdata::EpwText epw = testdata::EpwText::load(shanghaiEpw());
        for (int r : {3008, 3009, 3010})
            epw.set(r, 6, "99.9");
        const Status s = m_panel->setWeatherFile(write(QStringLiteral("gaps.epw"), epw));
        QVERIFY2(s.ok, qPrintable(s.message));
        QVERIFY(waitUpToDate());
        QCOMPARE(m_panel->weatherNoteText(),
                 QStringLiteral("3 missing values filled in by interpolation (dry bulb temperature 3)"));
        QVERIFY(noteShown());

        // The real file needs nothing filled: nothing to say.
        QVERIFY(m_panel->setWeatherFile(shanghaiEpw()).ok);
        QVERIFY(waitUpToDate());
        QCOMPARE(m_panel->weatherNoteText(), QString());
        QVERIFY(!noteShown());
    }

    void warnsOfAFarStation()
    {
        QVERIFY(m_panel->setWeatherFile(testdata::path(kZug)).ok);
        QVERIFY(waitUpToDate());
        QVERIFY2(m_panel->weatherNoteText().contains(QLatin1String("Inducity-Zug"))
                     && m_panel->weatherNoteText().contains(QLatin1String(" km from the site")),
                 qPrintable(m_panel->weatherNoteText()));
        QVERIFY(noteShown());
        // Opening a town in Zug that names this weather ends the warning.
        Town zug = townAt(47.17, 8.52);
        zug.settings.insert(ProjectWeather::kSettingKey, testdata::path(kZug));
        m_document->resetTown(zug);
        QVERIFY(waitUpToDate());
        QCOMPARE(m_panel->weatherNoteText(), QString());
        QVERIFY(!noteShown());
    }

    void refusesAnImpossibleDayByLine()
    {
        testdata::EpwText epw = testdata::EpwText::load(testdata::path(kZug));
        for (int r = 480; r < 504; ++r)
            epw.set(r, 6, "-9999");
        const QString path = write(QStringLiteral("cold.epw"), epw);
        const Status s = m_panel->setWeatherFile(path);
        QVERIFY(!s.ok);
        QCOMPARE(m_panel->runner()->state(), EnergyRunner::State::Failed);
        QVERIFY2(m_panel->statusText().startsWith(path + QStringLiteral(":489: dry-bulb temperature (field 7) is -9999")),
                 qPrintable(m_panel->statusText()));
        QCOMPARE(m_panel->runner()->weatherFile(), testdata::path(kZug));
        // Issue 16 item 13: the next run with the old weather says "Up to date", but the
        // refusal stays under the weather file until a file is read.
        Building b = *m_document->town().buildings.begin();
        b.levels += 1;
        QVERIFY(m_document->modifyEntities(EntityBatch{{b}, {}, {}, {}, {}, {}}, QStringLiteral("Add a storey")).ok);
        QVERIFY(waitUpToDate());
        QVERIFY2(m_panel->weatherNoteText().startsWith(path + QStringLiteral(":489:"))
                     && m_panel->weatherNoteText().contains(QLatin1String("still using weather.epw")),
                 qPrintable(m_panel->weatherNoteText()));
        QVERIFY(noteShown());
        QVERIFY(m_panel->setWeatherFile(testdata::path(kZug)).ok);
        QVERIFY(!m_panel->weatherNoteText().contains(QLatin1String("cold.epw")));
    }

    void followsTheProjectsWeather()
    {
        const auto weatherName = [this] { return m_panel->findChild<QLabel *>(QStringLiteral("weatherName"))->text(); };
        // A town near Shanghai that names no weather gets the bundled Hongqiao year.
        m_document->resetTown(townAt(31.15, 121.30));
        QCOMPARE(m_runner->weatherReference(), ProjectWeather::kShanghai);
        QCOMPARE(m_runner->weatherOrigin(), ProjectWeather::Origin::BundledNearSite);
        QCOMPARE(weatherName(), QStringLiteral("CHN_Shanghai-Hongqiao_TMYx.epw (bundled)"));
        QVERIFY(waitUpToDate());
        const double shanghaiCooling = m_runner->result().kpis.demand.cooling;

        // Choosing a file is one undo step of the project; undo brings the bundled year back.
        QVERIFY(m_panel->setWeatherFile(testdata::path(kZug)).ok);
        QCOMPARE(m_document->town().settings.value(ProjectWeather::kSettingKey).toString(), testdata::path(kZug));
        QCOMPARE(m_runner->weatherOrigin(), ProjectWeather::Origin::Project);
        QCOMPARE(weatherName(), QStringLiteral("weather.epw"));
        QVERIFY(waitUpToDate());
        QVERIFY(m_runner->result().kpis.demand.cooling < 0.5 * shanghaiCooling);  // Zug is cooler
        m_document->undoStack()->undo();
        QCOMPARE(m_runner->weatherReference(), ProjectWeather::kShanghai);
        QVERIFY(waitUpToDate());
        QCOMPARE(m_runner->result().kpis.demand.cooling, shanghaiCooling);

        // A project moved with its weather file beside it keeps it, whatever folder it named.
        const QString folder = m_dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(testdata::path(kZug), folder + QStringLiteral("/zug.epw")));
        Town moved = townAt(47.17, 8.52);
        moved.settings.insert(ProjectWeather::kSettingKey, QStringLiteral("/gone/elsewhere/zug.epw"));
        m_document->setFilePath(folder + QStringLiteral("/plan.gpkg"));
        m_document->resetTown(moved);
        QCOMPARE(m_runner->weatherFile(), folder + QStringLiteral("/zug.epw"));
        QVERIFY(waitUpToDate());

        // A project whose weather file is gone: the error names it, and no other weather stands in.
        moved.settings.insert(ProjectWeather::kSettingKey, QStringLiteral("/gone/elsewhere/missing.epw"));
        m_document->resetTown(moved);
        QCOMPARE(m_runner->state(), EnergyRunner::State::Failed);
        QVERIFY2(m_panel->statusText().contains(QLatin1String("missing.epw")), qPrintable(m_panel->statusText()));
        QVERIFY(m_runner->weatherFile().isEmpty());
        QVERIFY(!m_runner->hasResult());

        // Far from every bundled station and naming none: no weather, no result.
        m_document->setFilePath(QString());
        m_document->resetTown(townAt(-33.92, 18.42));
        QCOMPARE(m_runner->state(), EnergyRunner::State::NoWeather);
        QCOMPARE(weatherName(), QStringLiteral("(none)"));
        QVERIFY(!m_runner->hasResult());
        QCOMPARE(m_panel->cardText(QStringLiteral("self_sufficiency")), QStringLiteral("–"));
    }

    void buildingsFollowTheChosenArchetypes()
    {
        auto *box = m_panel->findChild<QComboBox *>(QStringLiteral("archetypeSet"));
        QVERIFY(box);
        // A town near Shanghai: automatic means the Chinese set.
        m_document->resetTown(townAt(31.15, 121.30));
        QVERIFY(box->itemText(0).startsWith(QLatin1String("Automatic: China")));
        QCOMPARE(box->currentIndex(), 0);
        QVERIFY(waitUpToDate());
        QCOMPARE(m_runner->result().archetypeSet, QStringLiteral("cn"));
        const double chineseHeating = m_runner->result().kpis.demand.heating;

        // The planner picks the Swiss set: one undo step, the year runs again with it.
        const int swiss = box->findData(QStringLiteral("ch"));
        QVERIFY(swiss > 0);
        box->setCurrentIndex(swiss);
        emit box->activated(swiss);
        QCOMPARE(m_document->town().settings.value(ArchetypeSets::kSettingKey).toString(), QStringLiteral("ch"));
        QVERIFY(m_document->undoStack()->undoText().startsWith(QLatin1String("Buildings: Switzerland")));
        QVERIFY(waitUpToDate());
        QCOMPARE(m_runner->result().archetypeSet, QStringLiteral("ch"));
        QVERIFY(m_runner->result().kpis.demand.heating != chineseHeating);

        // Undo: automatic again, and the combo shows it.
        m_document->undoStack()->undo();
        QCOMPARE(box->currentIndex(), 0);
        QVERIFY(waitUpToDate());
        QCOMPARE(m_runner->result().archetypeSet, QStringLiteral("cn"));
        QCOMPARE(m_runner->result().kpis.demand.heating, chineseHeating);
    }
};

QTEST_MAIN(TestEnergyWeatherNote)
#include "tst_energyweathernote.moc"
