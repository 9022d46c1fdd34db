// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace tt {

class VerbParser;

//! What every writing verb checks about its output before doing any work, so
//! an hour of import or simulation never ends by destroying data: the output
//! is not one of the verb's inputs (compared as files, so `./a/../p.gpkg`,
//! symlinks and hard links count, and so do a shapefile's .dbf/.shx/...), a
//! file carries the extension of what is written into it, and a results
//! folder is a folder. Mistakes are usage errors (exit 2) naming the option,
//! the path and the problem; an unwritable place is a failure (exit 1).
class OutputPathCheck {
public:
    explicit OutputPathCheck(VerbParser *parser);

    //! Records an input the output must not replace; `label` is how the user
    //! named it ("--buildings", "PROJECT"). Empty paths (options not given) are ignored.
    void addInput(const QString &label, const QString &path);

    //! ExitOk when `path` may be written as `what` ("project file"), else the exit
    //! code after printing why. `extension` (".gpkg") is compared case-insensitively.
    int checkFile(const QString &option, const QString &path, const QString &extension, const QString &what);

    //! ExitOk when `dir` is, or can become, a folder that holds `fileNames`
    //! without replacing an input; creates nothing (see OutputFolder).
    int checkFolder(const QString &option, const QString &dir, const QStringList &fileNames);

private:
    struct Input {
        QString label;
        QString path;     //!< as the user gave it, for messages
        QString file;     //!< the file that must survive (the input or one of its sidecars)
    };

    //! The input `path` would replace, or nullptr.
    const Input *replacedInput(const QString &path) const;
    //! Prints the usage error for writing `output` over `input`; returns ExitUsage.
    int refuseOverwrite(const QString &option, const QString &output, const Input &input) const;

    VerbParser *m_parser;
    QVector<Input> m_inputs;
};

} // namespace tt
