// SPDX-License-Identifier: MIT
#include "Document.h"

#include "commands/EditEntitiesCommand.h"
#include "commands/ReplaceTownCommand.h"
#include "commands/SetSettingsCommand.h"

#include <QSet>
#include <QUndoStack>

namespace tt {

Document::Document(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::markSaved()
{
    m_undoStack->setClean();
}

void Document::replaceTown(const Town &town, const QString &text)
{
    m_undoStack->push(new ReplaceTownCommand(this, text, m_town, town));
}

QVector<EntityId> Document::addEntities(EntityBatch entities, const QString &text)
{
    QVector<EntityId> ids;
    const auto assign = [&](auto &items) {
        for (auto &item : items) {
            item.id = m_town.takeId();
            ids.append(item.id);
        }
    };
    assign(entities.buildings);
    assign(entities.zones);
    assign(entities.roads);
    assign(entities.assets);
    m_undoStack->push(new EditEntitiesCommand(this, text, EntityBatch{}, std::move(entities)));
    return ids;
}

template <typename T>
static QVector<EntityId> idsOf(const QVector<T> &items)
{
    QVector<EntityId> ids;
    for (const T &item : items)
        ids.append(item.id);
    return ids;
}

void Document::modifyEntities(const EntityBatch &after, const QString &text, int mergeId)
{
    QVector<EntityId> ids = idsOf(after.buildings) + idsOf(after.zones) + idsOf(after.roads) + idsOf(after.assets);
    EntityBatch before = entities(ids);
    if (before.size() != after.size())
        return;  // an id that does not exist: nothing sensible to modify
    m_undoStack->push(new EditEntitiesCommand(this, text, std::move(before), after, mergeId));
}

bool Document::withdrawEdit(int mergeId)
{
    const int top = m_undoStack->index() - 1;
    if (mergeId < 0 || top < 0 || m_undoStack->command(top)->id() != mergeId)
        return false;
    m_undoStack->undo();
    return true;
}

void Document::removeEntities(const QVector<EntityId> &ids, const QString &text)
{
    EntityBatch before = entities(ids);
    if (before.isEmpty())
        return;
    m_undoStack->push(new EditEntitiesCommand(this, text, std::move(before), EntityBatch{}));
}

void Document::setSettings(const QVariantMap &settings, const QString &rulesJson, const QString &text)
{
    m_undoStack->push(new SetSettingsCommand(this, text, settings, rulesJson));
}

EntityBatch Document::entities(const QVector<EntityId> &ids) const
{
    EntityBatch set;
    for (EntityId id : ids) {
        if (const Building *b = m_town.buildings.find(id))
            set.buildings.append(*b);
        else if (const Zone *z = m_town.zones.find(id))
            set.zones.append(*z);
        else if (const Road *r = m_town.roads.find(id))
            set.roads.append(*r);
        else if (const EnergyAsset *a = m_town.assets.find(id))
            set.assets.append(*a);
    }
    return set;
}

void Document::resetTown(const Town &town)
{
    // Ids stay unique across undo: never hand out an id an undone town used.
    const EntityId next = std::max(m_town.nextId, town.nextId);
    m_town = town;
    m_town.nextId = next;
    bumpRevision();
    emit townReset();
}

template <typename T>
static void swapKind(EntityTable<T> &table, const QVector<T> &from, const QVector<T> &to, QVector<EntityId> &added,
                     QVector<EntityId> &changed, QVector<EntityId> &removed)
{
    QSet<EntityId> kept;
    for (const T &item : to)
        kept.insert(item.id);
    for (const T &item : from)
        if (!kept.contains(item.id) && table.remove(item.id))
            removed.append(item.id);
    for (const T &item : to) {
        (table.contains(item.id) ? changed : added).append(item.id);
        table.put(item);
    }
}

void Document::applyDiff(const EntityBatch &from, const EntityBatch &to)
{
    struct Delta {
        QVector<EntityId> added, changed, removed;
    } b, z, r, a;
    swapKind(m_town.buildings, from.buildings, to.buildings, b.added, b.changed, b.removed);
    swapKind(m_town.zones, from.zones, to.zones, z.added, z.changed, z.removed);
    swapKind(m_town.roads, from.roads, to.roads, r.added, r.changed, r.removed);
    swapKind(m_town.assets, from.assets, to.assets, a.added, a.changed, a.removed);
    bumpRevision();
    const std::pair<EntityKind, Delta *> kinds[] = {
        {EntityKind::Building, &b}, {EntityKind::Zone, &z}, {EntityKind::Road, &r}, {EntityKind::Asset, &a}};
    for (const auto &[kind, d] : kinds) {
        if (!d->removed.isEmpty())
            emit entitiesRemoved(kind, d->removed);
        if (!d->added.isEmpty())
            emit entitiesAdded(kind, d->added);
        if (!d->changed.isEmpty())
            emit entitiesChanged(kind, d->changed);
    }
}

void Document::assignSettings(const QVariantMap &settings, const QString &rulesJson)
{
    m_town.settings = settings;
    m_town.rulesJson = rulesJson;
    bumpRevision();
    emit settingsChanged();
}

void Document::bumpRevision()
{
    ++m_revision;
    emit revisionChanged(m_revision);
}

} // namespace tt
