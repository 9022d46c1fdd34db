// SPDX-License-Identifier: MIT
// The interactive view: a click on a building's roof in a shown viewport
// emits that building's id; flyTo frames a box; home frames the data; a still
// picture has smooth edges while moving ones are drawn plain.
#include "CameraController.h"
#include "SceneController.h"
#include "ViewportWidget.h"
#include "core/Document.h"

#include <QtTest>
#include <osg/Viewport>

#include <algorithm>

using namespace tt;

namespace {

Town smallTown()
{
    Town town;
    town.terrain = Terrain::flat(Bounds2{-100.0, -100.0, 400.0, 400.0}, 20.0, 10.0);
    for (int i = 0; i < 16; ++i) {
        Building b;
        b.id = town.allocateId();
        b.heightM = 10.0 + i;
        b.groundM = 20.0;
        const double x = (i % 4) * 60.0, y = (i / 4) * 60.0;
        b.footprint.outer = {{x, y}, {x + 25, y}, {x + 25, y + 20}, {x, y + 20}};
        town.buildings.put(b);
    }
    return town;
}

//! Pixels lying between their left and right neighbours where those differ a lot: the
//! blended pixels of an antialiased edge. A plain edge jumps from one colour to the other.
int blendedEdgePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 1; x + 1 < image.width(); ++x) {
            const int l = qGray(image.pixel(x - 1, y)), c = qGray(image.pixel(x, y)), r = qGray(image.pixel(x + 1, y));
            n += std::abs(l - r) > 60 && c > std::min(l, r) + 15 && c < std::max(l, r) - 15;
        }
    return n;
}

struct ShownTown {
    Document doc;
    SceneController scene{&doc};
    ViewportWidget view;
    explicit ShownTown(QSize size)
    {
        doc.resetTown(smallTown());
        view.resize(size);
        view.setSceneData(scene.root());
        view.camera()->setSceneBounds(scene.dataBounds());
        view.camera()->home();
        view.show();
    }
};

} // namespace

class TestViewportWidget : public QObject {
    Q_OBJECT
private slots:
    void clickOnRoofEmitsBuildingId()
    {
        Document doc;
        doc.resetTown(smallTown());
        SceneController scene(&doc);
        ViewportWidget view;
        view.resize(900, 600);
        view.setSceneData(scene.root());
        view.camera()->setSceneBounds(scene.dataBounds());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.frameCount() > 0);
        view.camera()->home();
        view.update();
        const quint64 drawn = view.frameCount();
        QTRY_VERIFY(view.frameCount() > drawn);

        QSignalSpy clicked(&view, &ViewportWidget::entityClicked);
        const double dpr = view.devicePixelRatioF();
        const int w = int(view.width() * dpr), h = int(view.height() * dpr);
        const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, w, h);
        const osg::Matrixd toWindow = view.camera()->viewMatrix() * view.camera()->projectionMatrix(double(w) / h)
            * viewport->computeWindowMatrix();
        for (const EntityId id : {EntityId(1), EntityId(11), EntityId(16)}) {
            const Building &b = *doc.town().buildings.find(id);
            const Vec2 c = geometry::centroid(b.footprint) + Vec2{2.0, 1.0};
            const osg::Vec3d win = osg::Vec3d(c.x, c.y, b.groundM + b.heightM) * toWindow;
            const QPoint pos(int(std::lround(win.x() / dpr)), int(std::lround((h - win.y()) / dpr)));
            QTest::mouseClick(&view, Qt::LeftButton, Qt::ShiftModifier, pos);
            QCOMPARE(clicked.last().at(0).value<EntityId>(), id);
            QCOMPARE(clicked.last().at(1).value<Qt::KeyboardModifiers>(), Qt::KeyboardModifiers(Qt::ShiftModifier));
        }
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(3, 3));  // sky
        QCOMPARE(clicked.last().at(0).value<EntityId>(), kNoEntity);
    }

    void flyToFramesTheBox()
    {
        ViewportWidget view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const osg::BoundingBox box(100.0f, 200.0f, 0.0f, 140.0f, 230.0f, 25.0f);
        view.flyTo(box);
        QTRY_VERIFY_WITH_TIMEOUT((view.camera()->pose().target - osg::Vec3d(box.center())).length() < 1e-6, 3000);
        // Every corner of the box ends up inside the view.
        const osg::Matrixd toClip = view.camera()->viewMatrix() * view.camera()->projectionMatrix(600.0 / 400.0);
        for (unsigned i = 0; i < 8; ++i) {
            const osg::Vec3d p = osg::Vec3d(box.corner(i)) * toClip;
            QVERIFY(std::abs(p.x()) <= 1.0 && std::abs(p.y()) <= 1.0);
        }
    }

    void stillPictureHasSmoothEdges()
    {
        ShownTown shown(QSize(600, 400));
        QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
        QTRY_VERIFY(shown.view.frameCount() > 0);
        // Frames of a flight are drawn plain; once it lands the view comes to rest.
        QVector<bool> smoothed;
        connect(&shown.view, &ViewportWidget::frameDrawn, this,
                [&] { smoothed.append(shown.view.lastFrameSmoothed()); });
        CameraController::Pose turned = shown.view.camera()->pose();
        turned.headingDeg += 20.0;
        shown.view.flyTo(turned, 600);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.view.isFlying(), 5000);
        QTest::qWait(2 * ViewportWidget::kRestMs + 200);
        const bool multisampledAlways = shown.view.format().samples() > 1;
        if (!multisampledAlways) {
            QVERIFY2(smoothed.count(false) > 0, "every frame of the flight was multisampled");
            QVERIFY2(smoothed.last(), "the view at rest was not redrawn multisampled");
        }
        const QImage still = shown.view.grabFramebuffer();

        // The same picture from a view told to draw every frame alike, without samples.
        qputenv("TOWNTWIN_SAMPLES", "0");
        ShownTown plain(QSize(600, 400));
        qunsetenv("TOWNTWIN_SAMPLES");
        plain.view.camera()->setPose(shown.view.camera()->pose());
        QVERIFY(QTest::qWaitForWindowExposed(&plain.view));
        QTRY_VERIFY(plain.view.frameCount() > 0);
        const QImage jagged = plain.view.grabFramebuffer();
        QVERIFY(!plain.view.lastFrameSmoothed());
        const int smooth = blendedEdgePixels(still), rough = blendedEdgePixels(jagged);
        QVERIFY2(smooth > 2 * rough + 50, qPrintable(QStringLiteral("blended edge pixels: still %1, plain %2").arg(smooth).arg(rough)));
    }
};

QTEST_MAIN(TestViewportWidget)
#include "tst_viewportwidget.moc"
