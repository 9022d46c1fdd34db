// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityBatch.h"

#include <QUndoCommand>

namespace tt {

class Document;

//! The one command behind adding, removing, modifying, moving and duplicating
//! entities: it holds the affected entities as they were and as they become
//! (an entity missing from `before` is new; missing from `after` is removed).
class EditEntitiesCommand : public QUndoCommand {
public:
    EditEntitiesCommand(Document *document, const QString &text, EntityBatch before, EntityBatch after,
                        int mergeId = -1);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    EntityBatch m_before;
    EntityBatch m_after;
    int m_mergeId;
};

} // namespace tt
