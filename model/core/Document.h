// SPDX-License-Identifier: MIT
#pragma once

#include "EntityBatch.h"
#include "Status.h"
#include "Town.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace tt {

//! The open plan: owns the Town, its undo stack and a revision counter.
//! Every user-visible change goes through a command on the undo stack; commands
//! call the narrow mutators below, which emit the same signals whether the
//! change is done, undone or redone. Notifications are batched per edit.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Town &town() const { return m_town; }
    QUndoStack *undoStack() const { return m_undoStack; }
    //! Incremented by every mutation; analyses tag their results with it.
    quint64 revision() const { return m_revision; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isModified() const;
    //! Marks the current state as saved (the undo stack's clean state).
    void markSaved();

    // --- Edits: each pushes one undoable command --------------------------
    //! Replaces the whole town (import, open as undoable, generate).
    void replaceTown(const Town &town, const QString &text);
    //! Adds new entities; ids are assigned here and returned in the same order. New links
    //! may name new nodes of the batch by provisional ids, which must not be ids of the
    //! town (town().nextId and up are safe); they are rewritten to the assigned ones.
    QVector<EntityId> addEntities(EntityBatch entities, const QString &text);
    //! Replaces entities that exist with the given versions (matched by id and kind).
    //! Edits with the same non-negative mergeId and the same ids merge into one undo step (drags).
    //! An id the town has no entity of that kind for changes nothing and is named in the error.
    Status modifyEntities(const EntityBatch &after, const QString &text, int mergeId = -1);
    //! Removes the entities with these ids; as for modifyEntities, all or none of them.
    Status removeEntities(const QVector<EntityId> &ids, const QString &text);
    void setSettings(const QVariantMap &settings, const QString &rulesJson, const QString &text);
    //! Saved views and tours; not plan content, so results stay current.
    void setPresentation(const Presentation &presentation, const QString &text);
    // --- Scenarios: each an undo step; errors name the scenario and change nothing ---
    //! A copy of the active plan named `name`, made active. When the project had one plan,
    //! that plan becomes the first scenario, named `firstName`.
    Status addScenario(const QString &name, const QString &firstName, const QString &text);
    //! Makes scenarios[index] the plan edits go to and analyses read.
    Status switchScenario(int index, const QString &text);
    //! Renames a scenario; saved views showing it follow.
    Status renameScenario(int index, const QString &name, const QString &text);
    //! Removes a scenario other than the active one; saved views showing it show the active one.
    Status removeScenario(int index, const QString &text);

    //! Undoes the newest step if it is the edit with this merge id (a cancelled drag).
    //! False, and nothing changes, when the newest step is another edit.
    bool withdrawEdit(int mergeId);

    //! Current versions of the entities with these ids, of any kind.
    EntityBatch entities(const QVector<EntityId> &ids) const;

    // --- Narrow mutators for commands and loading; not for direct GUI use ---
    //! Sets the town without an undo step (opening a file, new document).
    void resetTown(const Town &town);
    //! Removes every entity of `from` that `to` lacks, then puts every entity of `to`.
    void applyDiff(const EntityBatch &from, const EntityBatch &to);
    void assignSettings(const QVariantMap &settings, const QString &rulesJson);
    void assignPresentation(const Presentation &presentation);
    void assignActiveScenario(int index);

signals:
    //! The whole town was replaced: rebuild everything.
    void townReset();
    void entitiesAdded(tt::EntityKind kind, const QVector<tt::EntityId> &ids);
    void entitiesChanged(tt::EntityKind kind, const QVector<tt::EntityId> &ids);
    void entitiesRemoved(tt::EntityKind kind, const QVector<tt::EntityId> &ids);
    void settingsChanged();
    void presentationChanged();
    void revisionChanged(quint64 revision);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void bumpRevision();
    Status checkScenarioIndex(int index) const;

    Town m_town;
    QUndoStack *m_undoStack = nullptr;
    quint64 m_revision = 0;
    QString m_filePath;
};

} // namespace tt
