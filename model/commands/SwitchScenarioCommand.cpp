// SPDX-License-Identifier: MIT
#include "SwitchScenarioCommand.h"

#include "core/Document.h"

namespace tt {

SwitchScenarioCommand::SwitchScenarioCommand(Document *document, const QString &text, int scenario)
    : QUndoCommand(text), m_document(document), m_scenario(scenario)
{
}

void SwitchScenarioCommand::swap()
{
    const int old = m_document->town().activeScenario;
    m_document->assignActiveScenario(m_scenario);
    m_scenario = old;
}

} // namespace tt
