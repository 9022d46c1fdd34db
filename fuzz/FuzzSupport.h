// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

namespace tt::fuzz {

//! Call from LLVMFuzzerInitialize. Drops Qt's messages: a parser warns on most
//! fuzz inputs, and printing them would take more time than parsing.
void quietQt();

//! The fuzz input as a QByteArray without a copy (the parsers take QByteArray).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

//! A file that each input is written to, for parsers that read only files
//! (through GDAL). Each ScratchFile has a folder of its own, removed at exit.
class ScratchFile {
public:
    explicit ScratchFile(const QString &fileName);

    //! Replaces the file's contents by data and removes whatever else the last
    //! input left in the folder (SQLite journals, GDAL side files); returns the path.
    const QString &write(const uint8_t *data, size_t size);
    const QString &path() const { return m_path; }
    //! The file's current contents (after a tool changed it in place).
    QByteArray read() const;

private:
    QTemporaryDir m_dir;
    QString m_fileName;
    QString m_path;
};

//! Ends the run with a message: an invariant the parser promises does not hold.
//! The abort makes libFuzzer save the input as a crash.
[[noreturn]] void fail(const char *condition, const char *file, int line);

} // namespace tt::fuzz

//! Like assert(), but also in release builds: the harnesses' oracles beyond "no crash".
#define TT_FUZZ_CHECK(condition) ((condition) ? void(0) : ::tt::fuzz::fail(#condition, __FILE__, __LINE__))
