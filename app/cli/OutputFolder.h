// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QtGlobal>

namespace tt {

//! A results folder that a run may have to create. Notes which of its folders
//! are missing when constructed and, unless the run keep()s them, removes
//! those again on destruction, deepest first and only while empty: a failed
//! run leaves no empty folder of its own making, and never touches a folder
//! that was there before or that holds anything.
class OutputFolder {
public:
    explicit OutputFolder(const QString &path);
    ~OutputFolder();
    //! The run succeeded: whatever it created stays.
    void keep() { m_keep = true; }

private:
    Q_DISABLE_COPY(OutputFolder)

    QStringList m_missing;  //!< absolute paths, deepest first
    bool m_keep = false;
};

} // namespace tt
