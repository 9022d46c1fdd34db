// SPDX-License-Identifier: MIT
#include "ReplaceTownCommand.h"

#include "core/Document.h"

namespace tt {

ReplaceTownCommand::ReplaceTownCommand(Document *document, const QString &text, Town before, Town after)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after))
{
}

void ReplaceTownCommand::undo()
{
    m_document->resetTown(m_before);
}

void ReplaceTownCommand::redo()
{
    m_document->resetTown(m_after);
}

} // namespace tt
