// SPDX-License-Identifier: MIT
// Rendering without a window: image size and content, picking through the
// camera matrices, and a real district (zug-cea) imported and drawn.
#include "TestData.h"
#include "OffscreenRenderer.h"
#include "SceneController.h"
#include "TownImporter.h"
#include "core/Document.h"

#include <QtTest>
#include <osg/Viewport>

#include <cmath>

using namespace tt;

namespace {

//! Energy-use buildings are drawn yellow: easy to tell from sky and ground.
Town yellowTown(const Terrain &terrain = {})
{
    Town town;
    town.terrain = terrain;
    for (int i = 0; i < 36; ++i) {
        Building b;
        b.id = town.allocateId();
        b.use = BuildingUse::Energy;
        b.heightM = 6.0 + (i % 5) * 4.0;
        const double x = (i % 6) * 40.0, y = (i / 6) * 40.0;
        b.footprint.outer = {{x, y}, {x + 20, y}, {x + 20, y + 15}, {x, y + 15}};
        b.groundM = terrain.isEmpty() ? 0.0 : terrain.elevationAt(geometry::centroid(b.footprint));
        town.buildings.put(b);
    }
    return town;
}

bool isYellow(QRgb c)
{
    return qRed(c) > 1.4 * qBlue(c) + 20 && qGreen(c) > 1.2 * qBlue(c) + 15;
}

double yellowShare(const QImage &image)
{
    qint64 n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += isYellow(image.pixel(x, y));
    return double(n) / (qint64(image.width()) * image.height());
}

} // namespace

class TestOffscreenRenderer : public QObject {
    Q_OBJECT
private slots:
    void rendersRequestedSizeWithBuildings()
    {
        QImage home;
        Status status = OffscreenRenderer::render(yellowTown(), QSize(640, 400), QStringLiteral("home"), &home);
        QVERIFY2(status.ok, qPrintable(status.message));
        QCOMPARE(home.size(), QSize(640, 400));
        QVERIFY2(yellowShare(home) > 0.05, qPrintable(QString::number(yellowShare(home))));
        // The sky is there too: the top-left corner of the oblique view.
        QVERIFY(!isYellow(home.pixel(2, 2)));

        QImage top;
        status = OffscreenRenderer::render(yellowTown(), QSize(300, 500), QStringLiteral("top"), &top);
        QVERIFY(status.ok);
        QCOMPARE(top.size(), QSize(300, 500));
        QVERIFY(yellowShare(top) > 0.1);

        QImage none;
        status = OffscreenRenderer::render(yellowTown(), QSize(300, 500), QStringLiteral("sideways"), &none);
        QVERIFY(none.isNull());
        QVERIFY(!status.ok);
        QVERIFY(status.message.contains(QStringLiteral("sideways")));
    }

    void tilesMakeTheSamePicture()
    {
        // The same view drawn whole and in 150 px tiles (odd edges included): every
        // tile is its part of one projection, so the pictures agree but for antialiasing.
        QImage whole, tiled;
        QVERIFY(OffscreenRenderer::render(yellowTown(), QSize(640, 400), QStringLiteral("home"), &whole).ok);
        const Status status = OffscreenRenderer::render(yellowTown(), QSize(640, 400), QStringLiteral("home"), &tiled, 150);
        QVERIFY2(status.ok, qPrintable(status.message));
        QCOMPARE(tiled.size(), whole.size());
        int differing = 0;
        for (int y = 0; y < whole.height(); ++y)
            for (int x = 0; x < whole.width(); ++x) {
                const QRgb a = whole.pixel(x, y), b = tiled.pixel(x, y);
                differing += std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                       std::abs(qBlue(a) - qBlue(b))}) > 40;
            }
        QVERIFY2(differing < whole.width() * whole.height() / 100, qPrintable(QString::number(differing)));
        QVERIFY(yellowShare(tiled) > 0.05);
    }

    void refusesPicturesBeyondTheLimit()
    {
        QImage image;
        const Status status = OffscreenRenderer::render(yellowTown(), QSize(OffscreenRenderer::kMaxSide + 1, 100),
                                                        QStringLiteral("home"), &image);
        QVERIFY(!status.ok);
        QVERIFY(image.isNull());
        QVERIFY2(status.message.contains(QString::number(OffscreenRenderer::kMaxSide)), qPrintable(status.message));
    }

    void picksBuildingUnderProjectedRoofCentre()
    {
        Document doc;
        doc.resetTown(yellowTown());
        SceneController scene(&doc);
        OffscreenRenderer renderer;
        const Status ready = renderer.initialize(QSize(800, 600));
        QVERIFY2(ready.ok, qPrintable(ready.message));
        renderer.setSceneData(scene.root());
        renderer.camera().setSceneBounds(scene.dataBounds());
        renderer.camera().home();
        QVERIFY(renderer.drawFrame().ok);

        // Window position of each roof centre through view, projection and viewport matrices.
        const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, 800, 600);
        const osg::Matrixd toWindow = renderer.camera().viewMatrix() * renderer.camera().projectionMatrix(800.0 / 600.0)
            * viewport->computeWindowMatrix();
        int picked = 0;
        for (const Building &b : doc.town().buildings) {
            // Just off the centre: the exact centre lies on the roof's diagonal edge.
            const Vec2 c = geometry::centroid(b.footprint) + Vec2{1.0, 0.5};
            const osg::Vec3d w = osg::Vec3d(c.x, c.y, b.groundM + b.heightM) * toWindow;
            QCOMPARE(renderer.pick(w.x(), 600.0 - w.y()), b.id);
            ++picked;
        }
        QCOMPARE(picked, 36);
        QCOMPARE(renderer.pick(5.0, 5.0), kNoEntity); // sky
    }

    void realDistrictStandsOnItsTerrain()
    {
        TT_REQUIRE_TEST_DATA(QStringLiteral("zug-cea/zone.shp"), QStringLiteral("zug-cea/terrain.tif"),
                             QStringLiteral("zug-cea/streets.shp"));
        const QString dir = testdata::path(QStringLiteral("zug-cea/"));
        ImportOptions options;
        options.buildingsPath = dir + QStringLiteral("zone.shp");
        options.demPath = dir + QStringLiteral("terrain.tif");
        options.roadsPath = dir + QStringLiteral("streets.shp");
        options.joinPath = dir + QStringLiteral("typology.dbf");
        options.joinKey = QStringLiteral("Name");
        const ImportReport report = TownImporter().run(options);
        QVERIFY2(report.status.ok, qPrintable(report.status.message));
        QCOMPARE(report.town.buildings.size(), 15);

        Document doc;
        doc.resetTown(report.town);
        SceneController scene(&doc);
        // Every building's walls start at its ground elevation (1 m: the DEM is flat).
        const osg::BoundingBox box = scene.dataBounds();
        QVERIFY(box.valid());
        QVERIFY(std::abs(box.xMax() - box.xMin()) < 5000.0f); // local metres, not 15.2 million
        QVERIFY(std::abs(box.zMin() - 1.0f) < 0.01f);

        QImage image;
        const Status status = OffscreenRenderer::render(report.town, QSize(800, 500), QStringLiteral("home"), &image);
        QVERIFY2(status.ok, qPrintable(status.message));
        QCOMPARE(image.size(), QSize(800, 500));
        qint64 sky = 0;
        const QRgb skyColor = image.pixel(1, 1);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                sky += image.pixel(x, y) == skyColor;
        QVERIFY(double(sky) / (800 * 500) < 0.75);

        // Looking straight down, every roof centre picks its own building:
        // the geometry sits where the data say, at centimetre-exact local coordinates.
        OffscreenRenderer renderer;
        QVERIFY(renderer.initialize(QSize(1000, 1000)).ok);
        renderer.setSceneData(scene.root());
        renderer.camera().setSceneBounds(box);
        renderer.camera().top();
        QVERIFY(renderer.drawFrame().ok);
        const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, 1000, 1000);
        const osg::Matrixd toWindow = renderer.camera().viewMatrix() * renderer.camera().projectionMatrix(1.0)
            * viewport->computeWindowMatrix();
        for (const Building &b : doc.town().buildings) {
            const Vec2 c = geometry::centroid(b.footprint);
            if (!geometry::contains(b.footprint, c))
                continue;  // a U-shaped block's centroid lies in its courtyard
            const osg::Vec3d w = osg::Vec3d(c.x, c.y, b.groundM + b.heightM) * toWindow;
            QCOMPARE(renderer.pick(w.x(), 1000.0 - w.y()), b.id);
        }
    }
};

QTEST_MAIN(TestOffscreenRenderer)
#include "tst_offscreenrenderer.moc"
