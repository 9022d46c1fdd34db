// SPDX-License-Identifier: MIT
#include "EditEntitiesCommand.h"

#include "core/Document.h"

namespace tt {

EditEntitiesCommand::EditEntitiesCommand(Document *document, const QString &text, EntityBatch before,
                                         EntityBatch after, int mergeId)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeId(mergeId)
{
}

void EditEntitiesCommand::undo()
{
    m_document->applyDiff(m_after, m_before);
}

void EditEntitiesCommand::redo()
{
    m_document->applyDiff(m_before, m_after);
}

template <typename T>
static QVector<EntityId> idsOf(const QVector<T> &items)
{
    QVector<EntityId> ids;
    ids.reserve(items.size());
    for (const T &item : items)
        ids.append(item.id);
    return ids;
}

static bool sameIds(const EntityBatch &a, const EntityBatch &b)
{
    return idsOf(a.buildings) == idsOf(b.buildings) && idsOf(a.zones) == idsOf(b.zones)
        && idsOf(a.roads) == idsOf(b.roads) && idsOf(a.assets) == idsOf(b.assets)
        && idsOf(a.networkNodes) == idsOf(b.networkNodes) && idsOf(a.networkLinks) == idsOf(b.networkLinks);
}

bool EditEntitiesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditEntitiesCommand *>(other);
    // Only successive steps of one gesture on the same entities merge: the
    // first `before` stays, the latest `after` wins.
    if (next->m_mergeId != m_mergeId || !sameIds(next->m_before, m_after))
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace tt
