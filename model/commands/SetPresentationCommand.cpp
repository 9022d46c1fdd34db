// SPDX-License-Identifier: MIT
#include "SetPresentationCommand.h"

#include "core/Document.h"

namespace tt {

SetPresentationCommand::SetPresentationCommand(Document *document, const QString &text, Presentation presentation)
    : QUndoCommand(text), m_document(document), m_presentation(std::move(presentation))
{
}

void SetPresentationCommand::swap()
{
    Presentation old = m_document->town().presentation;
    m_document->assignPresentation(m_presentation);
    m_presentation = std::move(old);
}

} // namespace tt
