// SPDX-License-Identifier: MIT
#include "OutputPathCheck.h"

#include "CliVerbs.h"
#include "VerbParser.h"

#include <QDir>
#include <QFileInfo>

#include <filesystem>
#include <system_error>

namespace tt {

namespace {

//! The files of a shapefile besides the one named: writing over any of them breaks the input.
const char *const kShapefileParts[] = {"shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "shp.xml"};

//! The other parts of a shapefile input, spelt in the case of its extension (X.SHP has X.DBF).
QStringList shapefileSidecars(const QFileInfo &input)
{
    const QString suffix = input.suffix();
    if (suffix.compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0
        && suffix.compare(QLatin1String("dbf"), Qt::CaseInsensitive) != 0)
        return {};
    const bool upper = suffix == suffix.toUpper();
    QStringList sidecars;
    for (const char *part : kShapefileParts) {
        const QString extension = upper ? QString::fromLatin1(part).toUpper() : QString::fromLatin1(part);
        if (extension != suffix)
            sidecars << input.dir().filePath(input.completeBaseName() + QLatin1Char('.') + extension);
    }
    return sidecars;
}

//! One file under two names (`..`, symlinks, hard links, a case-insensitive file system)?
bool sameFile(const std::filesystem::path &a, const std::filesystem::path &b)
{
    std::error_code ec;  // a file that does not exist is nobody's twin
    return std::filesystem::equivalent(a, b, ec) && !ec;
}

} // namespace

OutputPathCheck::OutputPathCheck(VerbParser *parser) : m_parser(parser)
{
}

void OutputPathCheck::addInput(const QString &label, const QString &path)
{
    if (path.isEmpty())
        return;
    m_inputs.append({label, path, path});
    for (const QString &sidecar : shapefileSidecars(QFileInfo(path)))
        m_inputs.append({label, path, sidecar});
}

int OutputPathCheck::checkFile(const QString &option, const QString &path, const QString &extension, const QString &what)
{
    if (const Input *input = replacedInput(path))
        return refuseOverwrite(option, path, *input);
    const QFileInfo info(path);
    if (!info.fileName().endsWith(extension, Qt::CaseInsensitive))
        return m_parser->usageError(QStringLiteral("%1 %2: the %3 must end in %4").arg(option, path, what, extension));
    if (info.isDir())
        return m_parser->usageError(QStringLiteral("%1 %2 is a folder; the %3 is a file").arg(option, path, what));
    // Said now rather than after a long import: the save would fail the same way.
    if (!info.absoluteDir().exists()) {
        cli::printError(m_parser->verbName(),
                        QStringLiteral("%1 %2: the folder %3 does not exist").arg(option, path, info.absolutePath()));
        return ExitFailure;
    }
    return ExitOk;
}

int OutputPathCheck::checkFolder(const QString &option, const QString &dir, const QStringList &fileNames)
{
    if (const Input *input = replacedInput(dir))
        return refuseOverwrite(option, dir, *input);
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return m_parser->usageError(
            QStringLiteral("%1 %2 is an existing file, not a folder (the results are several files in a folder)")
                .arg(option, dir));
    // The folder is created only when the results are written; until then its
    // nearest existing ancestor tells whether that can work.
    QFileInfo existing(info.absoluteFilePath());
    while (!existing.exists() && !existing.isRoot())
        existing = QFileInfo(existing.absolutePath());
    if (!existing.isDir())
        return m_parser->usageError(
            QStringLiteral("%1 %2: %3 is a file, not a folder").arg(option, dir, existing.filePath()));
    if (!existing.isWritable()) {
        cli::printError(m_parser->verbName(), QStringLiteral("%1 %2: cannot write results there (%3 is not a writable folder)")
                                                  .arg(option, dir, existing.filePath()));
        return ExitFailure;
    }
    for (const QString &name : fileNames) {
        const QString written = QDir(dir).filePath(name);
        if (const Input *input = replacedInput(written))
            return refuseOverwrite(option, QStringLiteral("%1 (%2)").arg(dir, written), *input);
    }
    return ExitOk;
}

const OutputPathCheck::Input *OutputPathCheck::replacedInput(const QString &path) const
{
    // Readers (GDAL, the project loader) resolve a path as the system does: through
    // a symlinked folder, `link/..` is the link target's parent. Writers given a
    // QFileInfo's absolute path drop `link/..` as text. Either way counts.
    const QFileInfo output(path);
    const std::filesystem::path asGiven = output.filesystemFilePath();
    const std::filesystem::path asCleaned = output.filesystemAbsoluteFilePath();
    for (const Input &input : m_inputs) {
        const std::filesystem::path file = QFileInfo(input.file).filesystemFilePath();
        if (sameFile(asGiven, file) || sameFile(asCleaned, file))
            return &input;
    }
    return nullptr;
}

int OutputPathCheck::refuseOverwrite(const QString &option, const QString &output, const Input &input) const
{
    const QString what = input.file == input.path
        ? QStringLiteral("the %1 input %2").arg(input.label, input.path)
        : QStringLiteral("%1, part of the %2 shapefile %3").arg(input.file, input.label, input.path);
    return m_parser->usageError(
        QStringLiteral("%1 %2 would overwrite %3: refusing; choose another output").arg(option, output, what));
}

} // namespace tt
