// SPDX-License-Identifier: MIT
#pragma once
// The real data sets in tests/data (see its README), and a guard that turns a
// missing or unreadable file into a clear failure instead of a crash later on.
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace tt::testdata {

//! A file of tests/data by its relative path ("zug-cea/zone.shp").
inline QString path(const QString &relative)
{
    return QStringLiteral(TOWNTWIN_TEST_DATA "/") + relative;
}

//! Writes a scratch file for a test; the path, or empty when it cannot be written.
inline QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() ? path : QString();
}

//! Empty when every file can be read, else which ones cannot (for QVERIFY2 in initTestCase).
inline QString unreadable(const QStringList &relatives)
{
    QStringList missing;
    for (const QString &relative : relatives) {
        const QFileInfo info(path(relative));
        if (!info.isFile() || !info.isReadable())
            missing.append(info.absoluteFilePath());
    }
    return missing.isEmpty() ? QString()
                             : QStringLiteral("test data missing or unreadable: %1").arg(missing.join(QStringLiteral(", ")));
}

} // namespace tt::testdata

//! In initTestCase: fail (and so skip the whole class) unless the data files are there.
#define TT_REQUIRE_TEST_DATA(...)                                                                                    \
    do {                                                                                                             \
        const QString ttMissing = tt::testdata::unreadable(QStringList{__VA_ARGS__});                                \
        QVERIFY2(ttMissing.isEmpty(), qPrintable(ttMissing));                                                        \
    } while (false)
