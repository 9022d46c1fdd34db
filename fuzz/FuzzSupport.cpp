// SPDX-License-Identifier: MIT
#include "FuzzSupport.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace tt::fuzz {

void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        // qFatal must still end the run (libFuzzer keeps the input); everything else is noise here.
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
}

ScratchFile::ScratchFile(const QString &fileName)
    : m_dir(QDir::tempPath() + QStringLiteral("/towntwin-fuzz-XXXXXX")),
      m_fileName(fileName),
      m_path(m_dir.filePath(fileName))
{
    if (!m_dir.isValid()) {
        std::fprintf(stderr, "fuzz: cannot create a scratch folder in %s\n", qPrintable(QDir::tempPath()));
        std::exit(1);
    }
}

const QString &ScratchFile::write(const uint8_t *data, size_t size)
{
    const QDir dir(m_dir.path());
    for (const QString &entry : dir.entryList(QDir::Files | QDir::Hidden | QDir::System))
        if (entry != m_fileName)
            QFile::remove(dir.filePath(entry));
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        // A harness that cannot write its input would report every run as clean.
        std::fprintf(stderr, "fuzz: cannot write %s: %s\n", qPrintable(m_path), qPrintable(file.errorString()));
        std::exit(1);
    }
    return m_path;
}

QByteArray ScratchFile::read() const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, condition);
    std::abort();
}

} // namespace tt::fuzz
