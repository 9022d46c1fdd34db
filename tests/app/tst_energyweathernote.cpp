// SPDX-License-Identifier: MIT
// The energy dock tells what it knows about the weather: values filled in by
// interpolation (with the count), a station 9,040 km from the site, and a file
// with an impossible day refused by line instead of "Up to date".
#include "model/EpwText.h"
#include "TestData.h"
#include "gui/EnergyPanel.h"
#include "SceneController.h"
#include "core/Document.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tt;

namespace {
const QString kZug = QStringLiteral("zug-cea/weather.epw");
const QString kShanghai = QStringLiteral("weather/CHN_Shanghai-Hongqiao_TMYx.epw");

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
    bool waitUpToDate() const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            if (m_panel->runner()->state() == EnergyRunner::State::UpToDate
                && m_panel->runner()->resultRevision() == m_document->revision())
                return true;
            QTest::qWait(20);
        }
        return false;
    }
    bool noteShown() const { return m_panel->findChild<QLabel *>(QStringLiteral("weatherNote"))->isVisible(); }

private slots:
    void initTestCase()
    {
        TT_REQUIRE_TEST_DATA(kZug, kShanghai);
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TownTwinTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_energyweathernote"));
        QSettings().remove(QStringLiteral("energy/weatherFile"));
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
        testdata::EpwText epw = testdata::EpwText::load(testdata::path(kShanghai));
        for (int r : {3008, 3009, 3010})
            epw.set(r, 6, "99.9");
        const Status s = m_panel->setWeatherFile(write(QStringLiteral("gaps.epw"), epw));
        QVERIFY2(s.ok, qPrintable(s.message));
        QVERIFY(waitUpToDate());
        QCOMPARE(m_panel->weatherNoteText(),
                 QStringLiteral("3 missing values filled in by interpolation (dry bulb temperature 3)"));
        QVERIFY(noteShown());

        // The real file needs nothing filled: nothing to say.
        QVERIFY(m_panel->setWeatherFile(testdata::path(kShanghai)).ok);
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
        // Opening a town in Zug ends the warning.
        m_document->resetTown(townAt(47.17, 8.52));
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
        QVERIFY(m_document->modifyEntities(EntityBatch{{b}, {}, {}, {}}, QStringLiteral("Add a storey")).ok);
        QVERIFY(waitUpToDate());
        QVERIFY2(m_panel->weatherNoteText().startsWith(path + QStringLiteral(":489:"))
                     && m_panel->weatherNoteText().contains(QLatin1String("still using weather.epw")),
                 qPrintable(m_panel->weatherNoteText()));
        QVERIFY(noteShown());
        QVERIFY(m_panel->setWeatherFile(testdata::path(kZug)).ok);
        QVERIFY(!m_panel->weatherNoteText().contains(QLatin1String("cold.epw")));
    }
};

QTEST_MAIN(TestEnergyWeatherNote)
#include "tst_energyweathernote.moc"
