// SPDX-License-Identifier: MIT
#include "ZoningKpiEngine.h"

#include "core/Document.h"

namespace tt {

ZoningKpiEngine::ZoningKpiEngine(Document *document, QObject *parent) : QObject(parent), m_document(document)
{
    connect(document, &Document::townReset, this, &ZoningKpiEngine::reset);
    connect(document, &Document::settingsChanged, this, &ZoningKpiEngine::reset);
    connect(document, &Document::entitiesAdded, this, &ZoningKpiEngine::onEntities);
    connect(document, &Document::entitiesChanged, this, &ZoningKpiEngine::onEntities);
    connect(document, &Document::entitiesRemoved, this, &ZoningKpiEngine::onEntities);
    m_analysis.reset(document->town());
    m_report = m_analysis.report(document->town());
}

void ZoningKpiEngine::reset()
{
    m_analysis.reset(m_document->town());
    publish();
}

void ZoningKpiEngine::onEntities(EntityKind kind, const QVector<EntityId> &ids)
{
    const Town &town = m_document->town();
    switch (kind) {
    case EntityKind::Building:
        m_analysis.updateBuildings(town, ids);
        break;
    case EntityKind::Zone:
        m_analysis.updateZones(town);
        break;
    case EntityKind::Road:
        m_analysis.updateRoads(town);
        break;
    case EntityKind::Asset:
    case EntityKind::NetworkNode:
    case EntityKind::NetworkLink:
        return;  // energy equipment does not enter the zoning KPIs
    }
    publish();
}

void ZoningKpiEngine::publish()
{
    m_report = m_analysis.report(m_document->town());
    emit kpisChanged(m_report);
}

} // namespace tt
