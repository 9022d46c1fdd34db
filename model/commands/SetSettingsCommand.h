// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUndoCommand>
#include <QVariantMap>

namespace tt {

class Document;

//! Changes scenario settings and the plan-check rule set in one undoable step.
class SetSettingsCommand : public QUndoCommand {
public:
    SetSettingsCommand(Document *document, const QString &text, QVariantMap settings, QString rulesJson);
    void undo() override;
    void redo() override;

private:
    void swap();

    Document *m_document;
    QVariantMap m_settings;
    QString m_rulesJson;
};

} // namespace tt
