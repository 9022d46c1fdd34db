// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/KpiReport.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace tt {

class KpiCardGrid;

//! The KPI dock: headline figures of the plan (site, built-up land, farmland,
//! residents, jobs, plan-check verdicts), then tables for the plan check
//! (colour-coded pass, warn, fail), land use by zone class and service reach.
//! Shows whatever report it was last given; the ZoningKpiEngine feeds it.
class ZoningKpiPanel : public QWidget {
    Q_OBJECT
public:
    explicit ZoningKpiPanel(QWidget *parent = nullptr);
    //! The headline cards, for the presentation's overlay.
    const KpiCardGrid *cards() const { return m_cards; }

    //! The text of a headline card: "site", "built_up", "farmland", "residents", "jobs", "plan_check".
    QString cardText(const QString &key) const;
    //! The status cell ("pass", "warn", "fail") of a plan rule, empty when the rule is not shown.
    QString ruleStatus(const QString &ruleId) const;
    QTableWidget *planCheckTable() const { return m_planCheck; }
    QTableWidget *landUseTable() const { return m_landUse; }

public slots:
    void setReport(const tt::KpiReport &report);

private:
    void fillPlanCheck(const PlanCheck &check);
    void fillLandUse(const LandUseStatistics &landUse);
    void fillServices(const ServiceReach &reach);

    KpiCardGrid *m_cards;
    QLabel *m_planCheckError;
    QTableWidget *m_planCheck;
    QTableWidget *m_landUse;
    QTableWidget *m_services;
};

} // namespace tt
