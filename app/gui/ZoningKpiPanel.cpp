// SPDX-License-Identifier: MIT
#include "ZoningKpiPanel.h"

#include "KpiCardGrid.h"
#include "KpiFormat.h"

#include "analysis/ServiceType.h"
#include "core/ZoneClass.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tt {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The first column holds the long labels: it takes the room, numbers keep theirs.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setWordWrap(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    return item;
}

QTableWidgetItem *number(double value, int decimals)
{
    return cell(QLocale().toString(value, 'f', decimals), Qt::AlignRight | Qt::AlignVCenter);
}

using KpiFormat::percent;
using KpiFormat::statusColor;

//! PlanChecker::key() ("pass", "warn", "fail", as the CLI writes it) in the GUI's language.
QString statusText(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Pass: return QCoreApplication::translate("tt::ZoningKpiPanel", "pass");
    case RuleStatus::Warn: return QCoreApplication::translate("tt::ZoningKpiPanel", "warn");
    case RuleStatus::Fail: return QCoreApplication::translate("tt::ZoningKpiPanel", "fail");
    }
    return {};
}

} // namespace

ZoningKpiPanel::ZoningKpiPanel(QWidget *parent)
    : QWidget(parent)
    , m_cards(new KpiCardGrid(this))
    , m_planCheckError(new QLabel(this))
    , m_planCheck(makeTable({tr("Rule and target"), tr("Value"), tr("Status")}, this))
    , m_landUse(makeTable({tr("Zone class"), tr("Area km²"), tr("Share"), tr("FAR"), tr("Coverage"), tr("Buildings")}, this))
    , m_services(makeTable({tr("Service"), tr("Residents reached"), tr("Radius m"), tr("Providers")}, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_cards);
    m_cards->addCard(QStringLiteral("site"), tr("Site"), 0, 0);
    m_cards->addCard(QStringLiteral("built_up"), tr("Built-up land"), 0, 1);
    m_cards->addCard(QStringLiteral("farmland"), tr("Farmland"), 0, 2);
    m_cards->addCard(QStringLiteral("residents"), tr("Residents"), 1, 0);
    m_cards->addCard(QStringLiteral("jobs"), tr("Jobs"), 1, 1);
    m_cards->addCard(QStringLiteral("plan_check"), tr("Plan check"), 1, 2);

    m_planCheckError->setWordWrap(true);
    m_planCheckError->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_planCheckError->hide();
    layout->addWidget(m_planCheckError);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_planCheck, tr("Plan check"));
    tabs->addTab(m_landUse, tr("Land use"));
    tabs->addTab(m_services, tr("Services"));
    layout->addWidget(tabs, 1);
    setReport(KpiReport{});
}

QString ZoningKpiPanel::cardText(const QString &key) const
{
    return m_cards->cardText(key);
}

QString ZoningKpiPanel::ruleStatus(const QString &ruleId) const
{
    for (int row = 0; row < m_planCheck->rowCount(); ++row) {
        if (m_planCheck->item(row, 0)->data(Qt::UserRole).toString() == ruleId)
            return m_planCheck->item(row, 2)->text();
    }
    return {};
}

void ZoningKpiPanel::setReport(const KpiReport &report)
{
    const QLocale locale;
    const LandUseStatistics &land = report.landUse;
    m_cards->setCard(QStringLiteral("site"), tr("%1 km²").arg(locale.toString(land.siteAreaM2 / 1e6, 'f', 2)),
            land.siteFromBoundary ? tr("Area inside the site boundary") : tr("Sum of zone areas (no site boundary)"));
    m_cards->setCard(QStringLiteral("built_up"), tr("%1 km²").arg(locale.toString(land.builtUpAreaM2 / 1e6, 'f', 2)),
            tr("Zones of built-up classes"));
    m_cards->setCard(QStringLiteral("farmland"), percent(land.farmlandShare()),
            tr("%1 km² of agricultural land").arg(locale.toString(land.agriculturalAreaM2 / 1e6, 'f', 2)));
    m_cards->setCard(QStringLiteral("residents"), locale.toString(qRound(report.capacity.residents)),
            tr("Residential floor area / floor area per resident"));
    m_cards->setCard(QStringLiteral("jobs"), locale.toString(qRound(report.capacity.jobs)),
            tr("Non-residential floor area / floor area per job"));
    const PlanCheck &check = report.planCheck;
    m_cards->setCard(QStringLiteral("plan_check"),
            tr("%1 ✓ %2 ! %3 ✗")
                .arg(check.count(RuleStatus::Pass))
                .arg(check.count(RuleStatus::Warn))
                .arg(check.count(RuleStatus::Fail)),
            tr("Rules passed, warned, failed"));
    fillPlanCheck(check);
    fillLandUse(land);
    fillServices(report.serviceReach);
}

void ZoningKpiPanel::fillPlanCheck(const PlanCheck &check)
{
    m_planCheckError->setVisible(!check.status.ok);
    m_planCheckError->setText(check.status.message);
    m_planCheck->setRowCount(int(check.results.size()));
    for (int row = 0; row < check.results.size(); ++row) {
        const PlanCheckResult &r = check.results[row];
        // The target under the label keeps the table narrow enough for a dock.
        QTableWidgetItem *rule = cell(tr("%1\ntarget %2").arg(r.label, r.target));
        rule->setData(Qt::UserRole, r.id);
        rule->setToolTip(tr("Rule %1 on metric %2").arg(r.id, r.metric));
        m_planCheck->setItem(row, 0, rule);
        m_planCheck->setItem(row, 1, cell(r.valueText(),
                                          Qt::AlignRight | Qt::AlignVCenter));
        QTableWidgetItem *status = cell(statusText(r.status), Qt::AlignCenter);
        status->setBackground(statusColor(r.status));
        status->setForeground(Qt::black);
        m_planCheck->setItem(row, 2, status);
    }
}

void ZoningKpiPanel::fillLandUse(const LandUseStatistics &land)
{
    m_landUse->setRowCount(0);
    for (int c = 0; c < kZoneClassCount; ++c) {
        const LandUseTally &tally = land.classes[size_t(c)];
        if (tally.areaM2 <= 0.0 && tally.buildings == 0)
            continue;
        const int row = m_landUse->rowCount();
        m_landUse->insertRow(row);
        QTableWidgetItem *name = cell(zoneclass::label(ZoneClass(c)));
        name->setIcon([c] {
            QPixmap swatch(12, 12);
            swatch.fill(zoneclass::color(ZoneClass(c)));
            return QIcon(swatch);
        }());
        m_landUse->setItem(row, 0, name);
        m_landUse->setItem(row, 1, number(tally.areaM2 / 1e6, 3));
        m_landUse->setItem(row, 2, cell(percent(land.classShare(ZoneClass(c))), Qt::AlignRight | Qt::AlignVCenter));
        m_landUse->setItem(row, 3, number(tally.far(), 2));
        m_landUse->setItem(row, 4, cell(percent(tally.coverage()), Qt::AlignRight | Qt::AlignVCenter));
        m_landUse->setItem(row, 5, number(tally.buildings, 0));
    }
}

void ZoningKpiPanel::fillServices(const ServiceReach &reach)
{
    m_services->setRowCount(kServiceTypeCount);
    for (int s = 0; s < kServiceTypeCount; ++s) {
        const ServiceReachEntry &entry = reach.services[size_t(s)];
        m_services->setItem(s, 0, cell(servicetype::label(ServiceType(s))));
        m_services->setItem(s, 1, cell(percent(entry.share), Qt::AlignRight | Qt::AlignVCenter));
        m_services->setItem(s, 2, number(entry.radiusM, 0));
        m_services->setItem(s, 3, number(entry.providers, 0));
    }
    m_services->setToolTip(reach.alongRoads ? tr("Walking distances along the road network")
                                            : tr("Straight-line distances (the plan has no roads)"));
}

} // namespace tt
