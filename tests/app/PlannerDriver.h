// SPDX-License-Identifier: MIT
#pragma once
// Drives the main window as a planner does, for the GUI tests: opens the
// generated sample town, finds buildings and free ground on screen, picks
// tools and waits for frames. Header-only: each test is one executable.
#include "CameraController.h"
#include "ProjectFile.h"
#include "ViewportWidget.h"
#include "core/Document.h"
#include "generate/TownGenerator.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"
#include "gui/tools/EditTool.h"
#include "gui/tools/ToolController.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tt {

class PlannerDriver {
public:
    //! Saves the sample town (seed 1) into `dir`, opens it in a shown, active main window.
    bool start(const QTemporaryDir &dir, QSize size = {1400, 900})
    {
        const QString path = dir.filePath(QStringLiteral("sample.gpkg"));
        if (!ProjectFile::save(TownGenerator::generate(1), path))
            return false;
        window = std::make_unique<MainWindow>();
        window->resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        // Menu shortcuts fire only in the active window; Xvfb has no window manager to activate it.
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()) || !window->session()->open(path))
            return false;
        const bool drawn = waitForFrame() && waitForFrame();
        view()->setFocus();
        return drawn;
    }

    Document *doc() const { return window->document(); }
    ViewportWidget *view() const { return window->viewport(); }

    bool waitForFrame() const
    {
        const quint64 before = view()->frameCount();
        view()->update();
        return QTest::qWaitFor([&] { return view()->frameCount() > before; }, 5000);
    }

    bool useTool(const QString &name) const
    {
        for (EditTool *tool : window->tools()->tools())
            if (tool->name() == name)
                window->tools()->setActiveTool(tool);
        return window->tools()->activeTool()->name() == name;
    }

    QPoint screenOf(Vec2 p, double z) const
    {
        QPointF s;
        return view()->project(osg::Vec3d(p.x, p.y, z), &s) ? s.toPoint() : QPoint(-1, -1);
    }
    //! The middle of a building's roof on screen.
    QPoint roofOf(EntityId id) const
    {
        const Building *b = doc()->town().buildings.find(id);
        return screenOf(geometry::centroid(b->footprint), b->groundM + b->heightM);
    }
    QPoint groundOf(Vec2 p) const { return screenOf(p, doc()->town().terrain.elevationAt(p)); }

    //! True when the building's roof is the nearest surface under its own screen centre.
    bool isVisible(EntityId id) const
    {
        osg::Vec3d world;
        EntityId hit = kNoEntity;
        const QPoint p = roofOf(id);
        return view()->rect().adjusted(20, 20, -20, -20).contains(p) && view()->pickPoint(p, &world, &hit) && hit == id;
    }
    //! A visible building of that use, other than `other`.
    EntityId visibleBuilding(BuildingUse use, EntityId other = kNoEntity) const
    {
        for (const Building &b : doc()->town().buildings)
            if (b.use == use && b.id != other && isVisible(b.id))
                return b.id;
        return kNoEntity;
    }
    //! The centre of a farmland parcel with no building within 90 m and no road within 60 m, in view.
    Vec2 freeFarmland() const
    {
        const Town &t = doc()->town();
        for (const Zone &z : t.zones) {
            if (z.zoneClass != ZoneClass::Agricultural)
                continue;
            const Vec2 c = geometry::centroid(z.area);
            bool free = geometry::contains(z.area, c);
            for (const Building &b : t.buildings)
                free = free && (geometry::centroid(b.footprint) - c).length() > 90.0;
            for (const Road &r : t.roads)
                for (int i = 0; free && i + 1 < r.line.size(); ++i)
                    free = geometry::distanceToSegment(c, r.line[i], r.line[i + 1]) > 60.0;
            if (free && view()->rect().adjusted(100, 100, -100, -100).contains(groundOf(c)))
                return c;
        }
        return {qQNaN(), qQNaN()};
    }
    //! Frames a square around a ground point, as a planner zooms in to work.
    bool zoomTo(Vec2 c, double halfSize) const
    {
        const double z = doc()->town().terrain.elevationAt(c);
        view()->camera()->frame(osg::BoundingBox(c.x - halfSize, c.y - halfSize, z - 5, c.x + halfSize, c.y + halfSize, z + 5));
        return waitForFrame();
    }
    //! Drags with the left button through evenly spaced moves, as a hand does.
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier, int steps = 5) const
    {
        QTest::mousePress(view(), Qt::LeftButton, modifiers, from);
        for (int i = 1; i <= steps; ++i)
            QTest::mouseMove(view(), from + (to - from) * i / steps);
        QTest::mouseRelease(view(), Qt::LeftButton, modifiers, to);
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace tt
