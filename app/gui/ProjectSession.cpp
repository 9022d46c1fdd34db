// SPDX-License-Identifier: MIT
#include "ProjectSession.h"

#include "AutosaveManager.h"
#include "MessagePanel.h"

#include "ProjectFile.h"
#include "core/Document.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

namespace tt {

namespace {
const char *kProjectFilter = "TownTwin projects (*.gpkg);;All files (*)";
constexpr int kMaxRecent = 8;
} // namespace

ProjectSession::ProjectSession(Document *document, AutosaveManager *autosave, MessagePanel *messages, QWidget *window,
                               QMenu *recentMenu)
    : QObject(window), m_document(document), m_autosave(autosave), m_messages(messages), m_window(window),
      m_recentMenu(recentMenu)
{
    updateRecentMenu();
}

void ProjectSession::newProject()
{
    if (!maybeSave())
        return;
    m_document->resetTown(Town{});
    m_document->undoStack()->clear();
    m_document->setFilePath(QString());
    m_document->markSaved();
    emit statusMessage(tr("New empty plan: import GIS data to start"), 5000);
}

bool ProjectSession::open(const QString &path)
{
    Town town;
    QStringList warnings;
    const Status status = ProjectFile::load(path, &town, &warnings);
    if (!status) {
        m_messages->addMessage(MessagePanel::Level::Error, status.message);
        emit statusMessage(tr("Could not open %1").arg(path), 8000);
        emit openFinished(false);
        return false;
    }
    // What opening left out or replaced (implausible heights, NULL geometries, ...), each named.
    for (const QString &warning : std::as_const(warnings))
        m_messages->addMessage(MessagePanel::Level::Warning, warning);
    const QString recoverable = AutosaveManager::recoverableAutosave(path);
    m_document->resetTown(town);
    m_document->undoStack()->clear();
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(m_document->filePath());
    emit statusMessage(tr("Opened %1").arg(path), 5000);
    m_messages->addMessage(MessagePanel::Level::Info, tr("Opened %1").arg(path));
    if (!recoverable.isEmpty())
        offerRecovery(path);
    emit openFinished(true);
    return true;
}

void ProjectSession::offerRecovery(const QString &projectPath)
{
    const QString autosave = AutosaveManager::recoverableAutosave(projectPath);
    if (autosave.isEmpty())
        return;
    const QString when = QFileInfo(autosave).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_autosave->setSuspended(true);
    m_messages->ask(tr("TownTwin did not close properly last time. An autosave of %1 from %2 exists.")
                        .arg(projectPath.isEmpty() ? tr("an untitled plan") : QFileInfo(projectPath).fileName(), when),
                    {{tr("Recover"),
                      [this, autosave] {
                          m_autosave->setSuspended(false);
                          Town town;
                          QStringList warnings;
                          const Status status = ProjectFile::load(autosave, &town, &warnings);
                          if (!status) {
                              m_messages->addMessage(MessagePanel::Level::Error, status.message);
                              return;
                          }
                          for (const QString &warning : std::as_const(warnings))
                              m_messages->addMessage(MessagePanel::Level::Warning, warning);
                          // Recovered work is unsaved work: one undoable step on top of the file's state.
                          m_document->replaceTown(town, tr("Recover autosave"));
                          m_messages->addMessage(MessagePanel::Level::Info,
                                                 tr("Recovered the autosave from %1; save to keep it.").arg(autosave));
                      }},
                     {tr("Discard"), [this, autosave] {
                          QFile::remove(autosave);
                          m_autosave->setSuspended(false);
                      }}});
}

bool ProjectSession::save()
{
    if (m_document->filePath().isEmpty()) {
        saveAsWithDialog();
        return !m_document->isModified();
    }
    return saveAs(m_document->filePath());
}

bool ProjectSession::saveAs(const QString &path)
{
    const Status status = ProjectFile::save(m_document->town(), path);
    if (!status) {
        m_messages->addMessage(MessagePanel::Level::Error, status.message);
        QMessageBox::warning(m_window, tr("Save failed"), status.message);
        return false;
    }
    m_autosave->discard();
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(m_document->filePath());
    emit statusMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

void ProjectSession::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open project"), QString(), QString::fromLatin1(kProjectFilter));
    if (!path.isEmpty())
        open(path);
}

void ProjectSession::saveAsWithDialog()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save project as"), m_document->filePath(),
                                                QString::fromLatin1(kProjectFilter));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        path += QStringLiteral(".gpkg");
    saveAs(path);
}

bool ProjectSession::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved changes"),
                                             tr("The plan has unsaved changes. Save them first?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void ProjectSession::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void ProjectSession::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                open(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace tt
