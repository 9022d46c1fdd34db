// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <QVector>
#include <QWidget>

class QTableWidget;
class QLabel;
class QPushButton;

namespace tt {

class BuildingEditor;
class Document;

//! Shows the attributes of the selected entities: every attribute of a single
//! building, zone, road or asset; counts and totals for a multiple selection.
//! Follows document changes so undo and redo show up at once.
class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit PropertiesPanel(Document *document, QWidget *parent = nullptr);

    QVector<EntityId> selection() const { return m_selection; }
    void setSelection(const QVector<EntityId> &ids);
    //! The value shown for an attribute row label, for tests.
    QString valueOf(const QString &attribute) const;
    BuildingEditor *editor() const { return m_editor; }
    //! "Open switch" / "Close switch" (or valve) for a single selected network link; hidden otherwise.
    QPushButton *switchButton() const { return m_switch; }

private:
    void refresh();
    void addRow(const QString &attribute, const QString &value);

    Document *m_document;
    QVector<EntityId> m_selection;
    QLabel *m_title;
    BuildingEditor *m_editor;
    QPushButton *m_switch;
    QTableWidget *m_table;
};

} // namespace tt
