// SPDX-License-Identifier: MIT
#pragma once
// main() for the GUI tests: the application set up as the real one
// (GuiLauncher), with settings (recent files) and the untitled autosave in a
// scratch home so a test run never touches the user's.
#include "gui/GuiLauncher.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace tt::guitest {

//! Points the XDG folders at `home`; child processes inherit them.
inline bool isolateUserFolders(const QTemporaryDir &home)
{
    if (!home.isValid())
        return false;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("cache"))));
    return true;
}

} // namespace tt::guitest

#define TOWNTWIN_GUI_TEST_MAIN(TestClass)                                                                              \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        QTemporaryDir home;                                                                                            \
        if (!tt::guitest::isolateUserFolders(home))                                                                    \
            return 1;                                                                                                  \
        tt::GuiLauncher::setSurfaceFormat();                                                                           \
        QApplication app(argc, argv);                                                                                  \
        tt::GuiLauncher::nameApplication();                                                                            \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
