// SPDX-License-Identifier: MIT
#pragma once

#include "ZoningAnalysis.h"
#include "core/EntityBatch.h"

#include <QObject>

namespace tt {

class Document;

//! Keeps a document's zoning KPIs current: follows its change signals, updates
//! the cached ZoningAnalysis incrementally and emits the new report
//! synchronously (a one-building edit of a 10,000-building town takes a few ms).
class ZoningKpiEngine : public QObject {
    Q_OBJECT
public:
    explicit ZoningKpiEngine(Document *document, QObject *parent = nullptr);

    //! The latest report (also available before the first change signal).
    const KpiReport &report() const { return m_report; }
    //! The zone a building stands in; kNoEntity when unzoned.
    EntityId zoneOf(EntityId building) const { return m_analysis.zoneOf(building); }
    const ZoningAnalysis &analysis() const { return m_analysis; }

signals:
    void kpisChanged(const tt::KpiReport &report);

private:
    void reset();
    void onEntities(EntityKind kind, const QVector<EntityId> &ids);
    void publish();

    Document *m_document;
    ZoningAnalysis m_analysis;
    KpiReport m_report;
};

} // namespace tt
