// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QToolButton;

namespace tt {

class Document;
class TariffDialog;

//! The Energy dock's tariff row: which electricity and fuel prices the project
//! is costed with. A bundled tariff (by name), or the project's own edited
//! tariff when it holds one ("Edited: NAME"), and a button that opens the
//! TariffDialog on the tariff in use. A choice is kept in the project's
//! settings (Tariff::kSettingKey) as one undo step; the default tariff is kept
//! as no setting at all, so the project follows it. Follows the document, so
//! undo and opening a project show up.
class TariffBox : public QWidget {
    Q_OBJECT
public:
    explicit TariffBox(Document *document, QWidget *parent = nullptr);

    QComboBox *comboBox() const { return m_combo; }
    //! Opens the dialog (window-modal, deletes itself when closed) and returns it.
    TariffDialog *openEditor();

private:
    void refresh();
    void choose(int index);

    Document *m_document;
    QComboBox *m_combo;
    QToolButton *m_edit;
};

} // namespace tt
