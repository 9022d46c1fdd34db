// SPDX-License-Identifier: MIT
#pragma once

#include <QComboBox>

namespace tt {

class Document;

//! Which archetype set the project's buildings are simulated with: "Automatic"
//! (the set of the site's region, named in the item) or one set chosen by the
//! planner, kept in the project's settings (ArchetypeSets::kSettingKey) as one
//! undo step. Follows the document, so undo and opening a project show up.
class ArchetypeSetBox : public QComboBox {
    Q_OBJECT
public:
    explicit ArchetypeSetBox(Document *document, QWidget *parent = nullptr);

private:
    void refresh();
    void choose(int index);

    Document *m_document;
};

} // namespace tt
