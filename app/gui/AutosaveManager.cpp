// SPDX-License-Identifier: MIT
#include "AutosaveManager.h"

#include "ProjectFile.h"
#include "core/Document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tt {

namespace {
constexpr int kDefaultIntervalMs = 3 * 60 * 1000;
constexpr int kBigEditDelayMs = 2000;
constexpr int kBigEditEntities = 50;

QString untitledAutosavePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/untitled.autosave.gpkg");
}

QString markerPathFor(const QString &autosave)
{
    return autosave + QStringLiteral(".session");
}
} // namespace

AutosaveManager::AutosaveManager(Document *document, QObject *parent) : QObject(parent), m_document(document)
{
    m_timer.setInterval(kDefaultIntervalMs);
    // Only unsaved work is worth an autosave; an unmodified plan (just opened)
    // must not overwrite the autosave a crashed session left for recovery.
    const auto saveIfNeeded = [this] {
        if (m_document->isModified() && !m_suspended) {
            // A failure reaches the Messages dock through autosaveFailed; the timer tries again.
            [[maybe_unused]] const Status status = saveNow();
        }
    };
    connect(&m_timer, &QTimer::timeout, this, saveIfNeeded);
    m_timer.start();
    m_bigEditTimer.setSingleShot(true);
    m_bigEditTimer.setInterval(kBigEditDelayMs);
    connect(&m_bigEditTimer, &QTimer::timeout, this, saveIfNeeded);

    connect(m_document, &Document::townReset, this, [this] { m_bigEditTimer.start(); });
    const auto countEdit = [this](EntityKind, const QVector<EntityId> &ids) {
        if (ids.size() >= kBigEditEntities)
            m_bigEditTimer.start();
    };
    connect(m_document, &Document::entitiesAdded, this, countEdit);
    connect(m_document, &Document::entitiesRemoved, this, countEdit);
    connect(m_document, &Document::entitiesChanged, this, countEdit);
    connect(m_document, &Document::filePathChanged, this, [this] { writeMarker(); });
    writeMarker();
}

AutosaveManager::~AutosaveManager()
{
    // A clean exit: the next start must not offer this autosave as a crash recovery.
    if (!m_markerPath.isEmpty())
        QFile::remove(m_markerPath);
}

void AutosaveManager::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended && m_document->isModified())
        m_bigEditTimer.start();  // catch up on what was edited meanwhile
}

void AutosaveManager::setInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

QString AutosaveManager::autosavePathFor(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return untitledAutosavePath();
    const QFileInfo info(projectPath);
    return info.absoluteDir().filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".autosave.gpkg"));
}

QString AutosaveManager::autosavePath() const
{
    return autosavePathFor(m_document->filePath());
}

QString AutosaveManager::recoverableAutosave(const QString &projectPath)
{
    const QString autosave = autosavePathFor(projectPath);
    // The marker survives only when its session did not end cleanly.
    if (!QFileInfo::exists(autosave) || !QFileInfo::exists(markerPathFor(autosave)))
        return {};
    if (!projectPath.isEmpty() && QFileInfo::exists(projectPath)
        && QFileInfo(projectPath).lastModified() > QFileInfo(autosave).lastModified())
        return {};  // saved after the autosave: nothing newer to recover
    return autosave;
}

void AutosaveManager::writeMarker()
{
    if (!m_markerPath.isEmpty())
        QFile::remove(m_markerPath);
    m_markerPath = markerPathFor(autosavePath());
    QFile marker(m_markerPath);
    if (marker.open(QIODevice::WriteOnly))
        marker.write(QByteArray::number(QCoreApplication::applicationPid()));
}

Status AutosaveManager::saveNow()
{
    const QString path = autosavePath();
    const Status status = ProjectFile::save(m_document->town(), path);
    if (status)
        emit autosaved(path);
    else
        emit autosaveFailed(status.message);
    return status;
}

void AutosaveManager::discard()
{
    QFile::remove(autosavePath());
}

} // namespace tt
