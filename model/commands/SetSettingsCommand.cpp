// SPDX-License-Identifier: MIT
#include "SetSettingsCommand.h"

#include "core/Document.h"

namespace tt {

SetSettingsCommand::SetSettingsCommand(Document *document, const QString &text, QVariantMap settings,
                                       QString rulesJson)
    : QUndoCommand(text), m_document(document), m_settings(std::move(settings)), m_rulesJson(std::move(rulesJson))
{
}

// The command holds the "other" state; applying it swaps with the document's.
void SetSettingsCommand::swap()
{
    const QVariantMap oldSettings = m_document->town().settings;
    const QString oldRules = m_document->town().rulesJson;
    m_document->assignSettings(m_settings, m_rulesJson);
    m_settings = oldSettings;
    m_rulesJson = oldRules;
}

void SetSettingsCommand::undo()
{
    swap();
}

void SetSettingsCommand::redo()
{
    swap();
}

} // namespace tt
