// SPDX-License-Identifier: MIT
#include "OutputFolder.h"

#include <QDir>
#include <QFileInfo>

namespace tt {

OutputFolder::OutputFolder(const QString &path)
{
    QFileInfo folder(QFileInfo(path).absoluteFilePath());
    while (!folder.exists() && !folder.isRoot()) {
        m_missing.append(folder.absoluteFilePath());
        folder = QFileInfo(folder.absolutePath());
    }
}

OutputFolder::~OutputFolder()
{
    if (m_keep)
        return;
    // rmdir() removes only empty folders: results written before a failure stay.
    for (const QString &folder : m_missing)
        if (!QDir().rmdir(folder))
            break;
}

} // namespace tt
