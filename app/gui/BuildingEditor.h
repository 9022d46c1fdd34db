// SPDX-License-Identifier: MIT
#pragma once

#include "core/Building.h"

#include <QGroupBox>
#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace tt {

class Document;

//! Edits the attributes planners change most (name, use, storeys, height,
//! year) for one or many selected buildings at once; each change is one undo
//! step over all of them. Fields whose values differ across the selection
//! show "mixed" until set.
class BuildingEditor : public QGroupBox {
    Q_OBJECT
public:
    explicit BuildingEditor(Document *document, QWidget *parent = nullptr);

    //! The buildings edited, re-read from the document; hidden when empty.
    //! The properties dock calls it on every selection and document change.
    void setBuildings(const QVector<EntityId> &ids);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *useBox() const { return m_use; }
    QDoubleSpinBox *levelsBox() const { return m_levels; }
    QDoubleSpinBox *heightBox() const { return m_height; }
    QSpinBox *yearBox() const { return m_year; }

signals:
    //! An edit the document refused (its buildings were deleted meanwhile), with the reason.
    void editRefused(const QString &reason);

private:
    void refresh();
    //! Applies `change` to every edited building as one command named `text`.
    void apply(const QString &text, const std::function<void(Building &)> &change);

    Document *m_document;
    QVector<EntityId> m_ids;
    QLineEdit *m_name;
    QComboBox *m_use;
    QDoubleSpinBox *m_levels;
    QDoubleSpinBox *m_height;
    QSpinBox *m_year;
    bool m_yearMixed = false;  //!< the year box's 0 means "mixed", not "unknown"
};

} // namespace tt
