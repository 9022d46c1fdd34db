// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace tt {

class Document;

//! Keeps a side copy of the open plan so a crash never costs more than a few
//! minutes of work. Saves every `interval` while there are unsaved changes and
//! soon after big edits (imports, generated towns, many entities at once).
//! A session marker beside the autosave tells the next start whether the
//! last session ended cleanly; if not, the autosave is offered for recovery.
class AutosaveManager : public QObject {
    Q_OBJECT
public:
    explicit AutosaveManager(Document *document, QObject *parent = nullptr);
    ~AutosaveManager() override;

    void setInterval(int milliseconds);
    //! While suspended the timers write nothing: the autosave on disk is a
    //! crashed session's, offered for recovery, and must survive until answered.
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }
    //! Where the autosave of the current document goes: "<project>.autosave.gpkg"
    //! beside a saved project, or a per-user file for an untitled plan.
    QString autosavePath() const;
    //! Autosave path for a given project path (empty = untitled).
    static QString autosavePathFor(const QString &projectPath);
    //! An autosave left by a session that did not end cleanly, for this project
    //! path (empty = untitled); empty string when there is nothing to recover.
    static QString recoverableAutosave(const QString &projectPath);
    //! Writes the autosave now (used by the timer, after big edits, and by tests) and
    //! emits autosaved or autosaveFailed as well; the message names the autosave file.
    Status saveNow();
    //! Removes the autosave and the session marker: the plan was saved or discarded.
    void discard();

signals:
    void autosaved(const QString &path);
    void autosaveFailed(const QString &message);

private:
    void writeMarker();

    Document *m_document;
    QTimer m_timer;
    QTimer m_bigEditTimer;
    QString m_markerPath;
    bool m_suspended = false;
};

} // namespace tt
