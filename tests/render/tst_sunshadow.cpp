// SPDX-License-Identifier: MIT
// Sun shadows: a tower on flat ground darkens the ground on its side away from the
// sun and not the side facing it; the map is drawn once per sun and plan, not every
// frame; hidden casters and the night cast none.
#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "SceneShading.h"
#include "SunShadow.h"
#include "core/Document.h"
#include "core/EntityBatch.h"
#include "core/SolarPosition.h"

#include <QtTest>
#include <osg/Viewport>

#include <cmath>

using namespace tt;

namespace {

constexpr double kTowerHeight = 40.0;
const Vec2 kTowerCentre{200.0, 200.0};

//! One 40 m tower, 20 m square, in the middle of 400 m of flat ground at Shanghai.
Town towerTown()
{
    Town town;
    town.site.latitude = 31.2;
    town.site.longitude = 121.5;
    town.site.utcOffsetHours = 8.0;
    town.terrain = Terrain::flat(Bounds2{0.0, 0.0, 400.0, 400.0}, 0.0, 10.0);
    Building tower;
    tower.id = town.allocateId();
    tower.heightM = kTowerHeight;
    const double x = kTowerCentre.x - 10.0, y = kTowerCentre.y - 10.0;
    tower.footprint.outer = {{x, y}, {x + 20, y}, {x + 20, y + 20}, {x, y + 20}};
    town.buildings.put(tower);
    return town;
}

const QDateTime kAfternoon(QDate(2025, 6, 21), QTime(15, 0), Qt::UTC);

SunAngles sunAt(const Town &town, const QDateTime &local)
{
    const QDateTime utc = QDateTime(local.date(), local.time(), Qt::UTC).addSecs(qint64(-town.site.utcOffsetHours * 3600));
    return SolarPosition::at(utc, town.site.latitude, town.site.longitude);
}

double brightness(QRgb c)
{
    return 0.3 * qRed(c) + 0.59 * qGreen(c) + 0.11 * qBlue(c);
}

//! Mean brightness of a 5x5 pixel patch of the top view around a ground point.
double groundBrightness(OffscreenRenderer &renderer, const QImage &image, Vec2 ground)
{
    const QSize size = renderer.size();
    const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, size.width(), size.height());
    const osg::Matrixd toWindow = renderer.camera().viewMatrix()
        * renderer.camera().projectionMatrix(double(size.width()) / size.height()) * viewport->computeWindowMatrix();
    const osg::Vec3d w = osg::Vec3d(ground.x, ground.y, 0.0) * toWindow;
    const int cx = int(std::lround(w.x())), cy = size.height() - int(std::lround(w.y()));
    double sum = 0.0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx)
            sum += brightness(image.pixel(cx + dx, cy + dy));
    return sum / 25.0;
}

//! The ground half a shadow's length from the tower, away from the sun and towards it.
struct Probes {
    Vec2 shaded;
    Vec2 sunny;
};

Probes probesFor(const SunAngles &sun)
{
    const osg::Vec3 towards = SceneShading::towardsSun(sun);
    const Vec2 away = Vec2{-towards.x(), -towards.y()} * (1.0 / std::hypot(towards.x(), towards.y()));
    const double shadowLength = kTowerHeight / std::tan(sun.elevationDeg * M_PI / 180.0);
    const double reach = 15.0 + shadowLength / 2.0;  // past the footprint's corner
    return {kTowerCentre + away * reach, kTowerCentre - away * reach};
}

} // namespace

class TestSunShadow : public QObject {
    Q_OBJECT
private slots:
    void towerShadesTheGroundAwayFromTheSun()
    {
        Document doc;
        doc.resetTown(towerTown());
        SceneController scene(&doc);
        scene.setSunTime(kAfternoon);
        const SunAngles sun = sunAt(doc.town(), kAfternoon);
        QVERIFY2(sun.elevationDeg > 20.0 && sun.elevationDeg < 60.0, qPrintable(QString::number(sun.elevationDeg)));

        OffscreenRenderer renderer;
        const Status ready = renderer.initialize(QSize(800, 800));
        QVERIFY2(ready.ok, qPrintable(ready.message));
        renderer.setSceneData(scene.root());
        renderer.camera().setSceneBounds(osg::BoundingBox(0.0f, 0.0f, 0.0f, 400.0f, 400.0f, 40.0f));
        renderer.camera().top();
        const QImage lit = renderer.grab();
        const Probes probes = probesFor(sun);
        const double shaded = groundBrightness(renderer, lit, probes.shaded);
        const double sunny = groundBrightness(renderer, lit, probes.sunny);
        QVERIFY2(shaded < 0.8 * sunny, qPrintable(QStringLiteral("shaded %1, sunny %2").arg(shaded).arg(sunny)));
        // Beyond the shadow's tip the ground is lit again.
        const Vec2 beyond = kTowerCentre + (probes.shaded - kTowerCentre) * 3.0;
        QVERIFY(groundBrightness(renderer, lit, beyond) > 0.95 * sunny);

        // Hidden buildings cast no shadow.
        scene.setLayerVisible(SceneLayer::Buildings, false);
        const QImage bare = renderer.grab();
        const double bareShaded = groundBrightness(renderer, bare, probes.shaded);
        QVERIFY2(std::abs(bareShaded - sunny) < 0.05 * sunny,
                 qPrintable(QStringLiteral("bare %1, sunny %2").arg(bareShaded).arg(sunny)));
    }

    void mapIsDrawnOncePerSunAndPlan()
    {
        Document doc;
        doc.resetTown(towerTown());
        SceneController scene(&doc);
        scene.setSunTime(kAfternoon);
        OffscreenRenderer renderer;
        QVERIFY(renderer.initialize(QSize(320, 240)).ok);
        renderer.setSceneData(scene.root());
        renderer.camera().setSceneBounds(scene.dataBounds());
        renderer.camera().home();
        const SunShadow &shadow = scene.sunShadow();
        const unsigned before = shadow.drawCount();
        for (int i = 0; i < 3; ++i)
            QVERIFY(renderer.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 1);

        // Another hour moves the shadows.
        scene.setSunTime(kAfternoon.addSecs(3600));
        QVERIFY(renderer.drawFrame().ok);
        QVERIFY(renderer.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 2);

        // An edit of the plan (the tower grows) too; a new colouring does not.
        EntityBatch taller;
        taller.buildings.append(*doc.town().buildings.find(1));
        taller.buildings.first().heightM = 60.0;
        QVERIFY(doc.modifyEntities(taller, QStringLiteral("Taller")).ok);
        QVERIFY(renderer.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 3);
        scene.setBuildingColorMode(BuildingColorMode::ByHeight);
        QVERIFY(renderer.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 3);

        // A second context showing the same scene needs its own map, once.
        OffscreenRenderer second;
        QVERIFY(second.initialize(QSize(320, 240)).ok);
        second.setSceneData(scene.root());
        second.camera().setSceneBounds(scene.dataBounds());
        second.camera().home();
        QVERIFY(second.drawFrame().ok);
        QVERIFY(second.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 4);

        // At night there is no sun to cast anything.
        scene.setSunTime(QDateTime(kAfternoon.date(), QTime(23, 0), Qt::UTC));
        QVERIFY(renderer.drawFrame().ok);
        QCOMPARE(shadow.drawCount(), before + 4);
    }
};

QTEST_MAIN(TestSunShadow)
#include "tst_sunshadow.moc"
