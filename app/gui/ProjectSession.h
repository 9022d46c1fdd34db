// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace tt {

class AutosaveManager;
class Document;
class MessagePanel;

//! The life of the open plan's file: new, open, save, save as, the recent
//! files, unsaved-changes questions and the offer to recover a crashed
//! session's autosave. Errors go to the message panel and keep the plan.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    //! window: the parent of the dialogs; recentMenu is kept filled with the recent files.
    ProjectSession(Document *document, AutosaveManager *autosave, MessagePanel *messages, QWidget *window,
                   QMenu *recentMenu);

    //! An empty plan (after asking about unsaved changes).
    void newProject();
    //! Opens a project; false (and the current plan kept) when it cannot be read.
    bool open(const QString &path);
    //! Saves to the current path (asks for one if untitled).
    bool save();
    bool saveAs(const QString &path);
    void openWithDialog();
    void saveAsWithDialog();
    //! Asks whether to save unsaved changes; false if the user cancels.
    bool maybeSave();
    //! Offers the autosave a crashed session left for projectPath (empty: the untitled plan).
    void offerRecovery(const QString &projectPath);
    //! The recent files, newest first, for the File menu.
    QMenu *recentMenu() const { return m_recentMenu; }

signals:
    //! An open ended: opened is false when it failed and the previous plan stays.
    void openFinished(bool opened);
    //! A short note for the status bar.
    void statusMessage(const QString &text, int timeoutMs);

private:
    void addRecentFile(const QString &path);
    void updateRecentMenu();

    Document *m_document;
    AutosaveManager *m_autosave;
    MessagePanel *m_messages;
    QWidget *m_window;
    QMenu *m_recentMenu;
};

} // namespace tt
