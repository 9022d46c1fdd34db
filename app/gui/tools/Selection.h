// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <QObject>
#include <QVector>

namespace tt {

class Document;

//! The entities the planner has picked, shared by the tools, the properties
//! dock and the scene highlight. Forgets entities the document removes.
class Selection : public QObject {
    Q_OBJECT
public:
    explicit Selection(Document *document, QObject *parent = nullptr);

    const QVector<EntityId> &ids() const { return m_ids; }
    bool isEmpty() const { return m_ids.isEmpty(); }
    bool contains(EntityId id) const { return m_ids.contains(id); }
    void set(const QVector<EntityId> &ids);
    //! Adds the id, or removes it when already selected (shift-click).
    void toggle(EntityId id);
    void add(const QVector<EntityId> &ids);
    void clear() { set({}); }

signals:
    void changed(const QVector<tt::EntityId> &ids);

private:
    QVector<EntityId> m_ids;
};

} // namespace tt
