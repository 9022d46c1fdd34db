// SPDX-License-Identifier: MIT
#include "Selection.h"

#include "core/Document.h"

namespace tt {

Selection::Selection(Document *document, QObject *parent) : QObject(parent)
{
    connect(document, &Document::townReset, this, &Selection::clear);
    connect(document, &Document::entitiesRemoved, this, [this](EntityKind, const QVector<EntityId> &removed) {
        QVector<EntityId> kept = m_ids;
        kept.removeIf([&removed](EntityId id) { return removed.contains(id); });
        set(kept);
    });
}

void Selection::set(const QVector<EntityId> &ids)
{
    QVector<EntityId> unique;
    for (const EntityId id : ids)
        if (id != kNoEntity && !unique.contains(id))
            unique.append(id);
    if (unique == m_ids)
        return;
    m_ids = unique;
    emit changed(m_ids);
}

void Selection::click(EntityId id, bool extend)
{
    if (!extend) {
        set(id == kNoEntity ? QVector<EntityId>{} : QVector<EntityId>{id});
        return;
    }
    QVector<EntityId> ids = m_ids;
    if (id != kNoEntity && !ids.removeOne(id))
        ids.append(id);
    set(ids);
}

void Selection::add(const QVector<EntityId> &ids)
{
    set(m_ids + ids);
}

} // namespace tt
