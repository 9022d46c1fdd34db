// SPDX-License-Identifier: MIT
#pragma once

#include "present/Presentation.h"

#include <QUndoCommand>

namespace tt {

class Document;

//! Changes the project's saved views, tours and presentation settings in one undoable step.
class SetPresentationCommand : public QUndoCommand {
public:
    SetPresentationCommand(Document *document, const QString &text, Presentation presentation);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    //! The command holds the "other" state; applying it swaps with the document's.
    void swap();

    Document *m_document;
    Presentation m_presentation;
};

} // namespace tt
