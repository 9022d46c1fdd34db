// SPDX-License-Identifier: MIT
#pragma once

#include <QUndoCommand>

namespace tt {

class Document;

//! Makes another scenario the active plan. An undo step, so that every edit on the stack
//! is undone in the scenario it was made in.
class SwitchScenarioCommand : public QUndoCommand {
public:
    SwitchScenarioCommand(Document *document, const QString &text, int scenario);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    //! The command holds the "other" index; applying it swaps with the document's.
    void swap();

    Document *m_document;
    int m_scenario;
};

} // namespace tt
