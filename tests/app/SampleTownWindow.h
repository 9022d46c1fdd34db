// SPDX-License-Identifier: MIT
#pragma once
// The generated sample town in a shown main window, as the GUI tests drive it.
#include "ProjectFile.h"
#include "generate/TownGenerator.h"
#include "gui/MainWindow.h"
#include "gui/ProjectSession.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tt::guitest {

//! Saves the sample town into `folder`, opens it in a new 1400x900 main window and shows
//! it; false when a step failed.
inline bool openSampleTown(const QString &folder, std::unique_ptr<MainWindow> *window)
{
    const QString path = folder + QStringLiteral("/town.gpkg");
    if (!ProjectFile::save(TownGenerator::generate(1), path).ok)
        return false;
    auto opened = std::make_unique<MainWindow>();
    opened->resize(1400, 900);
    QSignalSpy loaded(opened.get(), &MainWindow::projectLoadFinished);
    if (!opened->session()->open(path) || !QTest::qWaitFor([&] { return loaded.count() == 1; }, 60000))
        return false;
    opened->show();
    if (!QTest::qWaitForWindowExposed(opened.get()))
        return false;
    *window = std::move(opened);
    return true;
}

} // namespace tt::guitest
