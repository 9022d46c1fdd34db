// SPDX-License-Identifier: MIT
#include "Document.h"

#include "commands/EditEntitiesCommand.h"
#include "commands/ReplaceTownCommand.h"
#include "commands/SetPresentationCommand.h"
#include "commands/SetSettingsCommand.h"
#include "commands/SwitchScenarioCommand.h"

#include <QSet>
#include <QStringList>
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
            item.id = m_town.allocateId();
            ids.append(item.id);
        }
    };
    assign(entities.buildings);
    assign(entities.zones);
    assign(entities.roads);
    assign(entities.assets);
    // Links may name nodes of the same batch by their provisional ids.
    QHash<EntityId, EntityId> nodeIds;
    for (NetworkNode &n : entities.networkNodes) {
        const EntityId id = m_town.allocateId();
        nodeIds.insert(n.id, id);
        n.id = id;
        ids.append(id);
    }
    for (NetworkLink &l : entities.networkLinks) {
        l.from = nodeIds.value(l.from, l.from);
        l.to = nodeIds.value(l.to, l.to);
    }
    assign(entities.networkLinks);
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

//! Appends "building 12" for each of `items` whose id names no entity in `table`.
template <typename T>
static void listMissing(const QVector<T> &items, const EntityTable<T> &table, const QString &kind,
                        QStringList *missing)
{
    for (const T &item : items)
        if (!table.find(item.id))
            missing->append(kind + QLatin1Char(' ') + QString::number(item.id));
}

//! The refusal of an edit that names entities the town does not have (deleted meanwhile,
//! or a caller's mistake): which ones, so the message can be acted upon.
static Status unknownEntities(const QString &text, const QStringList &missing)
{
    return Status::error(QStringLiteral("%1: no %2 in the town; nothing was changed")
                             .arg(text, missing.join(QStringLiteral(", "))));
}

Status Document::modifyEntities(const EntityBatch &after, const QString &text, int mergeId)
{
    QStringList missing;
    listMissing(after.buildings, m_town.buildings, QStringLiteral("building"), &missing);
    listMissing(after.zones, m_town.zones, QStringLiteral("zone"), &missing);
    listMissing(after.roads, m_town.roads, QStringLiteral("road"), &missing);
    listMissing(after.assets, m_town.assets, QStringLiteral("energy asset"), &missing);
    listMissing(after.networkNodes, m_town.networkNodes, QStringLiteral("network node"), &missing);
    listMissing(after.networkLinks, m_town.networkLinks, QStringLiteral("network link"), &missing);
    if (!missing.isEmpty())
        return unknownEntities(text, missing);
    if (after.isEmpty())
        return Status::success();
    QVector<EntityId> ids = idsOf(after.buildings) + idsOf(after.zones) + idsOf(after.roads) + idsOf(after.assets)
        + idsOf(after.networkNodes) + idsOf(after.networkLinks);
    m_undoStack->push(new EditEntitiesCommand(this, text, entities(ids), after, mergeId));
    return Status::success();
}

bool Document::withdrawEdit(int mergeId)
{
    const int top = m_undoStack->index() - 1;
    if (mergeId < 0 || top < 0 || m_undoStack->command(top)->id() != mergeId)
        return false;
    m_undoStack->undo();
    return true;
}

Status Document::removeEntities(const QVector<EntityId> &ids, const QString &text)
{
    QStringList missing;
    for (EntityId id : ids)
        if (!m_town.buildings.find(id) && !m_town.zones.find(id) && !m_town.roads.find(id) && !m_town.assets.find(id)
            && !m_town.networkNodes.find(id) && !m_town.networkLinks.find(id))
            missing.append(QStringLiteral("entity %1").arg(id));
    if (!missing.isEmpty())
        return unknownEntities(text, missing);
    if (!ids.isEmpty())
        m_undoStack->push(new EditEntitiesCommand(this, text, entities(ids), EntityBatch{}));
    return Status::success();
}

void Document::setSettings(const QVariantMap &settings, const QString &rulesJson, const QString &text)
{
    m_undoStack->push(new SetSettingsCommand(this, text, settings, rulesJson));
}

void Document::setPresentation(const Presentation &presentation, const QString &text)
{
    if (presentation == m_town.presentation)
        return;
    m_undoStack->push(new SetPresentationCommand(this, text, presentation));
}

Status Document::checkScenarioIndex(int index) const
{
    if (index < 0 || index >= m_town.scenarios.size())
        return Status::error(QStringLiteral("there is no scenario %1; the project has %2")
                                 .arg(index + 1)
                                 .arg(m_town.scenarios.size()));
    return Status::success();
}

Status Document::addScenario(const QString &name, const QString &firstName, const QString &text)
{
    Town after = m_town;
    if (after.scenarios.isEmpty()) {
        if (Status s = after.checkScenarioName(firstName); !s)
            return s;
        Scenario first;
        first.name = firstName;
        after.scenarios.append(std::move(first));
        after.activeScenario = 0;
    }
    if (Status s = after.checkScenarioName(name); !s)
        return s;
    // The new slot takes a copy of the active plan, then becomes the active one.
    after.scenarios.append(after.planAsScenario(name));
    after.activateScenario(after.scenarios.size() - 1);
    m_undoStack->push(new ReplaceTownCommand(this, text, m_town, std::move(after)));
    return Status::success();
}

Status Document::switchScenario(int index, const QString &text)
{
    if (Status s = checkScenarioIndex(index); !s)
        return s;
    if (index != m_town.activeScenario)
        m_undoStack->push(new SwitchScenarioCommand(this, text, index));
    return Status::success();
}

Status Document::renameScenario(int index, const QString &name, const QString &text)
{
    if (Status s = checkScenarioIndex(index); !s)
        return s;
    if (Status s = m_town.checkScenarioName(name, index); !s)
        return s;
    Town after = m_town;
    const QString old = after.scenarios[index].name;
    after.scenarios[index].name = name;
    for (SavedView &view : after.presentation.views)
        if (view.scenario == old)
            view.scenario = name;
    m_undoStack->push(new ReplaceTownCommand(this, text, m_town, std::move(after)));
    return Status::success();
}

Status Document::removeScenario(int index, const QString &text)
{
    if (Status s = checkScenarioIndex(index); !s)
        return s;
    if (index == m_town.activeScenario)
        return Status::error(QStringLiteral("scenario '%1' is the active one; switch to another first")
                                 .arg(m_town.scenarios[index].name));
    Town after = m_town;
    const QString old = after.scenarios[index].name;
    after.scenarios.removeAt(index);
    if (after.activeScenario > index)
        --after.activeScenario;
    for (SavedView &view : after.presentation.views)
        if (view.scenario == old)
            view.scenario.clear();
    m_undoStack->push(new ReplaceTownCommand(this, text, m_town, std::move(after)));
    return Status::success();
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
        else if (const NetworkNode *n = m_town.networkNodes.find(id))
            set.networkNodes.append(*n);
        else if (const NetworkLink *l = m_town.networkLinks.find(id))
            set.networkLinks.append(*l);
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
    } b, z, r, a, n, l;
    swapKind(m_town.buildings, from.buildings, to.buildings, b.added, b.changed, b.removed);
    swapKind(m_town.zones, from.zones, to.zones, z.added, z.changed, z.removed);
    swapKind(m_town.roads, from.roads, to.roads, r.added, r.changed, r.removed);
    swapKind(m_town.assets, from.assets, to.assets, a.added, a.changed, a.removed);
    swapKind(m_town.networkNodes, from.networkNodes, to.networkNodes, n.added, n.changed, n.removed);
    swapKind(m_town.networkLinks, from.networkLinks, to.networkLinks, l.added, l.changed, l.removed);
    bumpRevision();
    const std::pair<EntityKind, Delta *> kinds[] = {
        {EntityKind::Building, &b}, {EntityKind::Zone, &z},        {EntityKind::Road, &r},
        {EntityKind::Asset, &a},    {EntityKind::NetworkNode, &n}, {EntityKind::NetworkLink, &l}};
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

void Document::assignPresentation(const Presentation &presentation)
{
    m_town.presentation = presentation;
    emit presentationChanged();
}

void Document::assignActiveScenario(int index)
{
    m_town.activateScenario(index);
    bumpRevision();
    emit townReset();
}

void Document::bumpRevision()
{
    ++m_revision;
    emit revisionChanged(m_revision);
}

} // namespace tt
