// SPDX-License-Identifier: MIT
// Which weather a project simulates with: the file it names (bundled or a path,
// relative to the project or moved with it), else the bundled station near its
// site, else none.
#include "TestTowns.h"
#include "energy/EpwReader.h"
#include "energy/ProjectWeather.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tt;
using tt::testtowns::townAt;

class TestProjectWeather : public QObject {
    Q_OBJECT
private slots:
    void theShanghaiYearIsBundledAndReadable()
    {
        QVERIFY(ProjectWeather::bundled().contains(ProjectWeather::kShanghai));
        WeatherYear year;
        const Status s = EpwReader::read(ProjectWeather::resolve(ProjectWeather::kShanghai, QString()), &year);
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(year.locationName, QStringLiteral("Shanghai-Hongqiao.Intl.AP"));
        QCOMPARE(year.region, QStringLiteral("SH"));
        QCOMPARE(year.country, QStringLiteral("CHN"));
        QCOMPARE(year.dataSource, QStringLiteral("SRC-TMYx"));
        QCOMPARE(ProjectWeather::displayName(ProjectWeather::kShanghai),
                 QStringLiteral("CHN_Shanghai-Hongqiao_TMYx.epw (bundled)"));
    }

    void chooseFollowsTheProjectThenTheSite()
    {
        // Near Shanghai (the sample site, 29 km from Hongqiao) without a setting: the bundled year.
        Town near = townAt(31.10, 121.05);
        ProjectWeather::Choice c = ProjectWeather::choose(near, QString());
        QCOMPARE(c.origin, ProjectWeather::Origin::BundledNearSite);
        QCOMPARE(c.reference, ProjectWeather::kShanghai);
        QVERIFY(c.path.startsWith(QLatin1String(":/")));

        // 150 km away (Hangzhou is 160 km from Hongqiao): beyond kFarStationKm, no weather.
        const Town hangzhou = townAt(30.27, 120.16);
        QCOMPARE(ProjectWeather::choose(hangzhou, QString()).origin, ProjectWeather::Origin::None);
        QVERIFY(ProjectWeather::bundledNear(hangzhou.site).isEmpty());
        // A town without a location (built in code) is near nothing.
        QVERIFY(ProjectWeather::bundledNear(Site()).isEmpty());

        // What the project names wins, even far away.
        Town named = townAt(47.17, 8.52);
        named.settings.insert(ProjectWeather::kSettingKey, QStringLiteral("/data/zug.epw"));
        c = ProjectWeather::choose(named, QString());
        QCOMPARE(c.origin, ProjectWeather::Origin::Project);
        QCOMPARE(c.path, QStringLiteral("/data/zug.epw"));
    }

    void pathsResolveAgainstTheProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("plans/town.gpkg"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("plans/climate"))));
        QCOMPARE(ProjectWeather::resolve(QStringLiteral("climate/site.epw"), project),
                 dir.filePath(QStringLiteral("plans/climate/site.epw")));
        // An absolute path that is gone falls back to a file of that name beside the project.
        const QString gone = QStringLiteral("/gone/site.epw");
        QCOMPARE(ProjectWeather::resolve(gone, project), gone);
        QFile beside(dir.filePath(QStringLiteral("plans/site.epw")));
        QVERIFY(beside.open(QIODevice::WriteOnly));
        beside.close();
        QCOMPARE(ProjectWeather::resolve(gone, project), dir.filePath(QStringLiteral("plans/site.epw")));

        // What a project stores: the bundled name for bundled files, else the absolute path.
        QCOMPARE(ProjectWeather::referenceFor(ProjectWeather::resolve(ProjectWeather::kShanghai, project)),
                 ProjectWeather::kShanghai);
        QCOMPARE(ProjectWeather::referenceFor(dir.filePath(QStringLiteral("plans/../plans/site.epw"))),
                 dir.filePath(QStringLiteral("plans/site.epw")));
        QCOMPARE(ProjectWeather::referenceFor(ProjectWeather::kShanghai), ProjectWeather::kShanghai);
        QVERIFY(ProjectWeather::resolve(QString(), project).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProjectWeather)
#include "tst_projectweather.moc"
