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
    //! What a click on `id` (kNoEntity: on nothing) selects, for every way of clicking:
    //! with `extend` (Shift) it is added, or removed when already selected; without,
    //! it alone is selected (nothing for a click on nothing).
    void click(EntityId id, bool extend);
    void add(const QVector<EntityId> &ids);
    void clear() { set({}); }

signals:
    void changed(const QVector<tt::EntityId> &ids);

private:
    QVector<EntityId> m_ids;
};

} // namespace tt
