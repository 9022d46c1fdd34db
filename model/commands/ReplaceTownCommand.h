// SPDX-License-Identifier: MIT
#pragma once

#include "core/Town.h"

#include <QUndoCommand>

namespace tt {

class Document;

//! Replaces the whole town in one undoable step (an import, a generated town).
class ReplaceTownCommand : public QUndoCommand {
public:
    ReplaceTownCommand(Document *document, const QString &text, Town before, Town after);
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    Town m_before;
    Town m_after;
};

} // namespace tt
