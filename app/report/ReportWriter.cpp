// SPDX-License-Identifier: MIT
#include "ReportWriter.h"

#include "ReportChart.h"

#include "OffscreenRenderer.h"
#include "Palette.h"
#include "analysis/ServiceType.h"
#include "analysis/ZoningAnalysis.h"
#include "core/BuildingUse.h"
#include "core/ZoneClass.h"
#include "energy/MonthlyBalance.h"
#include "gui/EconomicsTable.h"
#include "gui/KpiFormat.h"
#include "gui/MonthlyBalanceChart.h"

#include <QBuffer>
#include <QDate>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLocale>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace tt {

namespace {

using KpiFormat::percent;

//! The font of Chinese text (others only when it is missing) and of everything else.
const QString kCjkFamily = QStringLiteral("Noto Sans CJK SC");
const QString kLatinFamily = QStringLiteral("DejaVu Sans");
constexpr double kChartPt = 7.5;

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

bool needsCjk(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}]"));
    return text.contains(han);
}

} // namespace

ReportWriter::ReportWriter(const Town &town) : m_town(town), m_kpis(computeKpis(town))
{
}

void ReportWriter::setEnergy(const SimulationResult &result, const QString &weather)
{
    m_energy = result;
    m_weather = weather;
}

void ReportWriter::setEnergyUnavailable(const QString &reason)
{
    m_energy.reset();
    m_energyUnavailable = reason;
}

QString ReportWriter::noWeatherReason()
{
    return tr("the project names no weather file and no bundled weather station lies near its site.");
}

void ReportWriter::setTitleView(const QImage &image, const QString &viewName)
{
    m_view = image;
    m_viewName = viewName;
}

Status ReportWriter::renderTitleView(const Town &town, QImage *image, QString *viewName)
{
    if (!town.presentation.views.isEmpty()) {
        const SavedView &view = town.presentation.views.first();
        *viewName = view.name;
        return OffscreenRenderer::render(town, kTitleViewSize, view, image);
    }
    *viewName = tr("Home view");
    return OffscreenRenderer::render(town, kTitleViewSize, QStringLiteral("home"), image);
}

QString ReportWriter::title() const
{
    if (!m_town.presentation.title.isEmpty())
        return m_town.presentation.title;
    return m_town.site.name.isEmpty() ? tr("Town plan") : m_town.site.name;
}

QStringList ReportWriter::fontFamilies() const
{
    const QStringList installed = QFontDatabase::families();
    QString cjk = installed.contains(kCjkFamily) ? kCjkFamily : QString();
    if (cjk.isEmpty()) {
        const QStringList chinese = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        cjk = chinese.value(0);
    }
    if (cjk.isEmpty())
        return QLocale().language() == QLocale::Chinese || needsCjk(title() + m_town.site.name) ? QStringList()
                                                                                               : QStringList{kLatinFamily};
    // Latin letters and digits from the Latin font in every language: Qt's PDF maps the
    // CJK font's own digits to no characters, so figures could not be copied or searched.
    return {kLatinFamily, cjk};
}

Status ReportWriter::write(const QString &path, const Progress &progress)
{
    if (QFileInfo(path).isDir())
        return Status::error(tr("%1: is a folder; give the name of a PDF file").arg(path));
    if (fontFamilies().isEmpty())
        return Status::error(tr("%1: no font for Chinese text is installed (install fonts-noto-cjk)").arg(path));
    // The first pass measures: the title page lists the sections' pages and every page
    // says how many there are.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    if (!layOut(&scratch, 0, progressSpan(progress, 0.0, 0.4)))
        return Status::error(tr("%1: cancelled; no report written").arg(path), ErrorCode::Cancelled);
    // QSaveFile writes beside the file and renames it over the file at commit: a failure
    // never leaves a partial report nor spoils an older one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::error(tr("%1: cannot write the report: %2").arg(path, file.errorString()), ErrorCode::CannotOpen);
    if (!layOut(&file, m_pages, progressSpan(progress, 0.4, 1.0))) {
        file.cancelWriting();
        return Status::error(tr("%1: cancelled; no report written").arg(path), ErrorCode::Cancelled);
    }
    if (!file.commit())
        return Status::error(tr("%1: cannot write the report: %2").arg(path, file.errorString()), ErrorCode::CannotOpen);
    return Status::success();
}

bool ReportWriter::layOut(QIODevice *device, int pages, const Progress &progress)
{
    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(600);
    writer.setTitle(title());
    writer.setCreator(QStringLiteral("TownTwin " TOWNTWIN_VERSION));
    ReportDocument doc(&writer, fontFamilies(), tr("Page %1 of %2"), pages);
    if (!doc.begin())
        return false;
    doc.setHeader(title(), tr("TownTwin planning report"));
    const QVector<void (ReportWriter::*)(ReportDocument &) const> sections{
        &ReportWriter::writeTitlePage, &ReportWriter::writeLandUse, &ReportWriter::writePlanCheck,
        &ReportWriter::writeCapacity, &ReportWriter::writeEnergy, &ReportWriter::writeScenarioComparison};
    for (int i = 0; i < sections.size(); ++i) {
        if (progress && !progress(double(i) / sections.size(), QStringLiteral("report"))) {
            doc.finish();
            return false;
        }
        (this->*sections[i])(doc);
    }
    doc.finish();
    m_sections = doc.sections();
    m_pages = doc.page();
    return !progress || progress(1.0, QStringLiteral("report"));
}

void ReportWriter::writeTitlePage(ReportDocument &doc) const
{
    QPainter &p = doc.painter();
    const QRectF area = doc.textArea();
    QRectF line = doc.take(doc.mm(6.0));
    p.setFont(doc.font(8.5, true));
    p.setPen(ReportDocument::accent());
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, tr("TownTwin planning report").toUpper());

    const QFont titleFont = doc.font(26.0, true);
    p.setFont(titleFont);
    const QRectF titleRect = p.boundingRect(QRectF(area.left(), 0, area.width(), 1e9), Qt::TextWordWrap, title());
    line = doc.take(titleRect.height());
    p.setPen(ReportDocument::ink());
    p.drawText(line, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, title());
    doc.skip(2.0);

    const Site &site = m_town.site;
    QStringList where;
    if (!site.name.isEmpty() && site.name != title())
        where << site.name;
    where << tr("%1° %2, %3° %4")
                 .arg(number(std::abs(site.latitude), 4), site.latitude >= 0 ? tr("N") : tr("S"),
                      number(std::abs(site.longitude), 4), site.longitude >= 0 ? tr("E") : tr("W"));
    if (!site.crsName.isEmpty())
        where << site.crsName;
    doc.paragraph(where.join(QStringLiteral("  ·  ")), 11.0, ReportDocument::muted());
    doc.paragraph(QLocale().toString(QDate::currentDate(), QLocale::LongFormat), 9.5, ReportDocument::muted());
    doc.skip(2.0);

    if (!m_view.isNull()) {
        const double height = area.width() * m_view.height() / m_view.width();
        const QRectF picture = doc.take(height);
        p.drawImage(picture, m_view);
        p.setPen(QPen(ReportDocument::rule(), doc.mm(0.25)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(picture);
        doc.skip(1.5);
        doc.paragraph(tr("View: %1").arg(m_viewName), 7.5, ReportDocument::muted());
    }

    const LandUseStatistics &land = m_kpis.landUse;
    QVector<ReportDocument::Figure> headline{
        {tr("Site"), tr("%1 km²").arg(number(land.siteAreaM2 / 1e6, 2)), QString()},
        {tr("Residents"), QLocale().toString(qRound(m_kpis.capacity.residents)), QString()},
        {tr("Plan check"),
         tr("%1 of %2 met").arg(m_kpis.planCheck.count(RuleStatus::Pass)).arg(m_kpis.planCheck.results.size()),
         QString()},
    };
    if (m_energy)
        headline.append({tr("Self-sufficiency"), percent(m_energy->kpis.selfSufficiency), QString()});
    doc.figures(headline, int(headline.size()));

    doc.heading(tr("Contents"));
    p.setFont(doc.font(9.5));
    for (const ReportDocument::Section &s : m_sections) {
        if (s.page < 2)
            continue;
        line = doc.take(doc.mm(6.0));
        p.setPen(ReportDocument::ink());
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, s.title);
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(s.page));
        p.setPen(QPen(ReportDocument::rule(), doc.mm(0.2), Qt::DotLine));
        p.drawLine(QPointF(line.left(), line.bottom()), QPointF(line.right(), line.bottom()));
    }
}

void ReportWriter::writeLandUse(ReportDocument &doc) const
{
    const LandUseStatistics &land = m_kpis.landUse;
    doc.section(tr("Land use"));
    doc.paragraph(land.siteFromBoundary ? tr("Areas inside the site boundary; floor areas of every building.")
                                        : tr("The site is the sum of the zones (the project has no site boundary)."),
                  9.5, ReportDocument::muted());
    doc.figures({{tr("Site"), tr("%1 km²").arg(number(land.siteAreaM2 / 1e6, 3)), QString()},
                 {tr("Built-up land"), tr("%1 km²").arg(number(land.builtUpAreaM2 / 1e6, 3)),
                  tr("Zones of built-up classes")},
                 {tr("Farmland"), percent(land.farmlandShare()),
                  tr("%1 km² of agricultural land").arg(number(land.agriculturalAreaM2 / 1e6, 3))},
                 {tr("Green ratio"), percent(land.greenRatio()), tr("Green zones per built-up land")},
                 {tr("Buildings"), QLocale().toString(land.buildings),
                  tr("%1 in no zone").arg(QLocale().toString(land.unzonedBuildings))},
                 {tr("Floor area"), tr("%1 m²").arg(QLocale().toString(qRound64(land.gfaM2))),
                  tr("FAR %1, coverage %2 on built-up land")
                      .arg(number(land.farBuiltUp(), 2), percent(land.coverageBuiltUp()))}},
                3);

    doc.heading(tr("Land use by zone class"));
    ReportTable table;
    table.headers = QStringList{tr("Zone class"), tr("Area km²"), tr("Share of site"), tr("FAR"), tr("Coverage"),
                                tr("Buildings")};
    table.widths = {3.2, 1.3, 1.3, 1.0, 1.2, 1.2};
    table.numeric = {false, true, true, true, true, true};
    ReportChart chart(ReportChart::Orientation::Horizontal);
    ReportChart::Series areas;
    QStringList classes, labels;
    QVector<QColor> colors;
    for (int c = 0; c < kZoneClassCount; ++c) {
        const LandUseTally &tally = land.classes[size_t(c)];
        if (tally.areaM2 <= 0.0 && tally.buildings == 0)
            continue;
        const ZoneClass zoneClass = ZoneClass(c);
        table.addRow({zoneclass::label(zoneClass), number(tally.areaM2 / 1e6, 3), percent(land.classShare(zoneClass)),
                      number(tally.far(), 2), percent(tally.coverage()), QLocale().toString(tally.buildings)})
            .swatch = zoneclass::color(zoneClass);
        classes << zoneclass::label(zoneClass);
        areas.values << tally.areaM2 / 1e6;
        labels << tr("%1 km²").arg(number(tally.areaM2 / 1e6, 3));
        colors << zoneclass::color(zoneClass);
    }
    doc.table(table);

    const double chartHeight = doc.mm(6.5) * std::max<qsizetype>(1, classes.size());
    doc.heading(tr("Area by zone class"), chartHeight);
    chart.setCategories(classes);
    chart.addBars(areas);
    chart.setCategoryColors(colors);
    chart.setValueLabels(labels);
    chart.setFont(doc.font(kChartPt));
    chart.paint(doc.painter(), doc.take(chartHeight));
    doc.skip(4.0);

    ReportChart uses(ReportChart::Orientation::Horizontal);
    ReportChart::Series gfa;
    QStringList useNames, useLabels;
    QVector<QColor> useColors;
    for (int u = 0; u < kBuildingUseCount; ++u) {
        const double m2 = land.gfaByUseM2[size_t(u)];
        if (m2 <= 0.0)
            continue;
        useNames << buildinguse::label(BuildingUse(u));
        gfa.values << m2;
        useLabels << tr("%1 m²").arg(QLocale().toString(qRound64(m2)));
        useColors << Palette::useColor(BuildingUse(u));
    }
    if (useNames.isEmpty())
        return;
    doc.heading(tr("Floor area by building use"), doc.mm(6.0) * useNames.size());
    uses.setCategories(useNames);
    uses.addBars(gfa);
    uses.setCategoryColors(useColors);
    uses.setValueLabels(useLabels);
    uses.setFont(doc.font(kChartPt));
    uses.paint(doc.painter(), doc.take(doc.mm(6.0) * useNames.size()));
}

void ReportWriter::writePlanCheck(ReportDocument &doc) const
{
    const PlanCheck &check = m_kpis.planCheck;
    doc.section(tr("Plan check"));
    if (!check.status.ok) {
        doc.paragraph(tr("The plan's rules cannot be checked: %1").arg(check.status.message), 9.5, QColor(0xb7, 0x1c, 0x1c));
        return;
    }
    doc.paragraph(tr("The plan measured against the targets of its rule set (%1 rules).").arg(check.results.size()),
                  9.5, ReportDocument::muted());
    doc.figures({{tr("Passed"), QLocale().toString(check.count(RuleStatus::Pass)), tr("Within the target")},
                 {tr("Warned"), QLocale().toString(check.count(RuleStatus::Warn)), tr("Near the limit of the target")},
                 {tr("Failed"), QLocale().toString(check.count(RuleStatus::Fail)), tr("Outside the target")}},
                3);
    const auto statusText = [](RuleStatus status) {
        switch (status) {
        case RuleStatus::Pass: return tr("pass");
        case RuleStatus::Warn: return tr("warn");
        case RuleStatus::Fail: return tr("fail");
        }
        return QString();
    };
    const auto tableOf = [&](const QVector<PlanCheckResult> &results) {
        ReportTable table;
        table.headers = QStringList{tr("Rule"), tr("Value"), tr("Target"), tr("Status")};
        table.widths = {3.4, 1.4, 2.6, 0.9};
        table.numeric = {false, true, false, false};
        for (const PlanCheckResult &r : results) {
            ReportTable::Row &row = table.addRow({r.label, r.valueText(), r.target, statusText(r.status)});
            row.highlightColumn = 3;
            row.highlight = KpiFormat::statusColor(r.status);
        }
        return table;
    };
    QVector<PlanCheckResult> failures;
    for (const PlanCheckResult &r : check.results)
        if (r.status == RuleStatus::Fail)
            failures.append(r);
    doc.heading(tr("Failed rules"));
    if (failures.isEmpty())
        doc.paragraph(tr("None: every rule is met or within its warning band."));
    else
        doc.table(tableOf(failures));
    doc.heading(tr("All rules"));
    doc.table(tableOf(check.results));
}

void ReportWriter::writeCapacity(ReportDocument &doc) const
{
    const Capacity &capacity = m_kpis.capacity;
    const QLocale locale;
    doc.section(tr("Capacity and service reach"));
    doc.paragraph(tr("What the planned floor area holds, from the floor area per person, job, seat and bed of the "
                     "project's zoning settings."),
                  9.5, ReportDocument::muted());
    doc.figures({{tr("Residents"), locale.toString(qRound(capacity.residents)), QString()},
                 {tr("Jobs"), locale.toString(qRound(capacity.jobs)), QString()},
                 {tr("School seats"), locale.toString(qRound(capacity.schoolSeats)), QString()},
                 {tr("Hospital beds"), locale.toString(qRound(capacity.hospitalBeds)), QString()},
                 {tr("Elderly-care beds"), locale.toString(qRound(capacity.elderlyCareBeds)), QString()},
                 {tr("Jobs per resident"),
                  number(capacity.residents > 0.0 ? capacity.jobs / capacity.residents : 0.0, 2), QString()}},
                3);

    const ServiceReach &reach = m_kpis.serviceReach;
    doc.heading(tr("Service reach"));
    doc.paragraph(reach.alongRoads ? tr("Share of residents within walking distance of each service, along the roads.")
                                   : tr("Share of residents within walking distance of each service, in a straight "
                                        "line (the plan has no roads)."),
                  9.5, ReportDocument::muted());
    ReportTable table;
    table.headers = QStringList{tr("Service"), tr("Residents reached"), tr("Walking radius"), tr("Providers")};
    table.widths = {3.0, 1.6, 1.4, 1.2};
    table.numeric = {false, true, true, true};
    ReportChart chart(ReportChart::Orientation::Horizontal);
    ReportChart::Series shares{QString(), ReportDocument::accent(), {}};
    QStringList names, labels;
    for (int s = 0; s < kServiceTypeCount; ++s) {
        const ServiceReachEntry &entry = reach.services[size_t(s)];
        table.addRow({servicetype::label(ServiceType(s)), percent(entry.share),
                      tr("%1 m").arg(locale.toString(qRound(entry.radiusM))), locale.toString(entry.providers)});
        names << servicetype::label(ServiceType(s));
        shares.values << entry.share;
        labels << percent(entry.share);
    }
    doc.table(table);
    chart.setCategories(names);
    chart.addBars(shares);
    chart.setValueLabels(labels);
    chart.setAxis(QString(), 1.0);
    chart.setFont(doc.font(kChartPt));
    chart.paint(doc.painter(), doc.take(doc.mm(6.5) * names.size()));
}

void ReportWriter::setScenarioComparisons(const QVector<ScenarioComparison> &comparisons)
{
    m_comparisons = comparisons;
}

void ReportWriter::writeScenarioComparison(ReportDocument &doc) const
{
    if (m_comparisons.isEmpty())
        return;
    doc.section(tr("Scenarios compared"));
    doc.paragraph(tr("The plan of this report is the scenario “%1”. Each table sets it beside another "
                     "scenario of the project; differences are the other scenario less this one, in green where "
                     "they are better and in red where they are worse.")
                      .arg(m_town.activeScenarioName()),
                  9.5, ReportDocument::muted());
    const QColor better(0xc8, 0xe6, 0xc9), worse(0xff, 0xcd, 0xd2);
    for (const ScenarioComparison &c : m_comparisons) {
        doc.heading(tr("%1 and %2").arg(c.a().scenario, c.b().scenario), doc.mm(30.0));
        ReportTable table;
        table.headers = QStringList{tr("KPI"), c.a().scenario, c.b().scenario, tr("Difference")};
        table.widths = {3.4, 1.4, 1.4, 1.4};
        table.numeric = {false, true, true, true};
        for (const ComparisonRow &r : c.rows()) {
            const QString label = QCoreApplication::translate("tt::ScenarioComparison", r.label.toUtf8().constData());
            ReportTable::Row &row = table.addRow({r.unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, r.unit),
                                                  KpiFormat::comparisonFigure(r.a), KpiFormat::comparisonFigure(r.b),
                                                  KpiFormat::comparisonDifference(r.difference())});
            const double d = r.difference();
            if (d != 0.0 && std::isfinite(d)) {
                row.highlightColumn = 3;
                row.highlight = (d > 0) == r.higherIsBetter ? better : worse;
            }
        }
        doc.table(table);
        if (!c.a().energy || !c.b().energy)
            doc.paragraph(tr("Energy and economics are compared when the site has a weather file."), 8.5,
                          ReportDocument::muted());
    }
}

void ReportWriter::writeEnergy(ReportDocument &doc) const
{
    doc.section(tr("Energy system"));
    if (!m_energy) {
        doc.paragraph(tr("Not simulated: %1").arg(m_energyUnavailable));
        return;
    }
    const SimulationResult &r = *m_energy;
    const EnergyKpis &k = r.kpis;
    const QString strategy = k.strategy == QLatin1String("rule") ? tr("rule-based dispatch")
                             : k.objective == QLatin1String("co2") ? tr("optimal dispatch (lowest CO₂)")
                                                                   : tr("optimal dispatch (lowest cost)");
    doc.paragraph(tr("The micro-energy system simulated hour by hour over a year: weather %1; buildings %2; %3; "
                     "tariff %4. Savings are against the baseline: grid electricity, gas boilers and electric "
                     "chillers for the same demand.")
                      .arg(m_weather, r.archetypeSetName, strategy, r.tariff.name),
                  9.5, ReportDocument::muted());
    const QLocale locale;
    doc.figures({{tr("Self-sufficiency"), percent(k.selfSufficiency),
                  tr("1 − grid import / electricity used in the town")},
                 {tr("Renewable share"), percent(k.renewableShare),
                  tr("Of all energy the system takes in")},
                 {tr("Primary-energy saving"), percent(k.primaryEnergySaving),
                  tr("%1 with credit for export").arg(percent(k.primaryEnergySavingWithExportCredit))},
                 {tr("CO₂ saving"), percent(k.co2Saving),
                  tr("%1 t/a against %2 t/a")
                      .arg(locale.toString(qRound64(k.co2Kg / 1000.0)), locale.toString(qRound64(k.baselineCo2Kg / 1000.0)))},
                 {tr("Energy cost"), tr("%1/a").arg(EconomicsTable::money(k.cost)),
                  tr("Baseline %1/a").arg(EconomicsTable::money(k.baselineCost))},
                 {tr("Peak grid import"), tr("%1 kW").arg(locale.toString(qRound64(k.peakGridImportKw))),
                  tr("Grid export %1 MWh/a").arg(locale.toString(qRound64(k.gridExportKwh / 1000.0)))}},
                3);

    doc.heading(tr("Monthly electricity balance"), doc.mm(78.0));
    const MonthlyBalance balance = MonthlyBalance::fromDispatch(r.dispatch);
    ReportChart chart;
    QStringList months;
    for (int m = 1; m <= MonthlyBalance::kMonths; ++m)
        months << locale.monthName(m, QLocale::ShortFormat);
    chart.setCategories(months);
    for (int s = 0; s < MonthlyBalance::SourceCount; ++s) {
        ReportChart::Series series{MonthlyBalanceChart::sourceName(MonthlyBalance::Source(s)),
                                   MonthlyBalanceChart::sourceColor(MonthlyBalance::Source(s)), {}};
        for (const double kwh : balance.supplyKwh[size_t(s)])
            series.values << kwh / 1000.0;
        chart.addBars(series);
    }
    ReportChart::Series use{tr("Use"), MonthlyBalanceChart::useColor(), {}};
    for (const double kwh : balance.useKwh)
        use.values << kwh / 1000.0;
    chart.setLine(use);
    if (!balance.anyUnmet())
        chart.setLegendHidden({MonthlyBalanceChart::sourceName(MonthlyBalance::Unmet)});
    chart.setAxis(tr("MWh"));
    chart.setFont(doc.font(kChartPt));
    chart.paint(doc.painter(), doc.take(doc.mm(78.0)));
    doc.skip(1.5);
    doc.paragraph(tr("Bars: where each month's electricity came from. Line: what the town used (buildings, heat "
                     "pumps, chillers, EV charging). Supply above the line was stored or exported."),
                  7.5, ReportDocument::muted());

    doc.heading(tr("The year's energy"));
    const auto mwh = [&locale](double kwh) { return locale.toString(qRound64(kwh / 1000.0)); };
    ReportTable energy;
    energy.headers = QStringList{tr("Demand"), tr("MWh/a"), tr("Supply"), tr("MWh/a")};
    energy.widths = {2.4, 1.1, 2.4, 1.1};
    energy.numeric = {false, true, false, true};
    const QVector<QPair<QString, double>> demand{{tr("Electricity"), k.demand.electricity},
                                                 {tr("Heating"), k.demand.heating},
                                                 {tr("Cooling"), k.demand.cooling},
                                                 {tr("Hot water"), k.demand.dhw},
                                                 {tr("EV driving"), k.evTripKwh},
                                                 {QString(), 0.0}};
    const QVector<QPair<QString, double>> supply{{tr("PV"), k.pvKwh},
                                                 {tr("Wind"), k.windKwh},
                                                 {tr("CHP electricity"), k.chpElecKwh},
                                                 {tr("Heat pumps (heat)"), k.heatPumpHeatKwh},
                                                 {tr("Grid import"), k.gridImportKwh},
                                                 {tr("Gas"), k.gasKwh}};
    for (int i = 0; i < demand.size(); ++i)
        energy.addRow({demand[i].first, demand[i].first.isEmpty() ? QString() : mwh(demand[i].second), supply[i].first,
                       mwh(supply[i].second)});
    doc.table(energy);

    doc.heading(tr("Economics"));
    const LifecycleEconomics &e = r.economics;
    ReportTable costs;
    costs.headers = QStringList{QString(), tr("This plan"), tr("Baseline")};
    costs.widths = {2.6, 1.4, 1.4};
    costs.numeric = {false, true, true};
    const auto money = [](double cny) { return EconomicsTable::money(cny); };
    const auto perKwh = [&locale](double cny) {
        return std::isfinite(cny) ? tr("%1 CNY/kWh").arg(locale.toString(cny, 'f', 3)) : QStringLiteral("–");
    };
    costs.addRow({tr("Capex"), money(e.system.capex), money(e.baseline.capex)});
    costs.addRow({tr("Annual opex"), tr("%1/a").arg(money(e.system.annualOpex)), tr("%1/a").arg(money(e.baseline.annualOpex))});
    costs.addRow({tr("Annualised cost"), tr("%1/a").arg(money(e.system.annualisedCost)),
                  tr("%1/a").arg(money(e.baseline.annualisedCost))});
    costs.addRow({tr("Net present cost"), money(e.system.netPresentCost), money(e.baseline.netPresentCost)});
    costs.addRow({tr("Levelised cost of electricity"), perKwh(e.system.lcoeElectricity), perKwh(e.baseline.lcoeElectricity)});
    doc.table(costs);
    doc.paragraph(tr("Net present value against the baseline: %1 over %2 years at %3 % a year; simple payback: %4.")
                      .arg(money(e.npv), locale.toString(e.finance.analysisYears, 'g', 4),
                           locale.toString(100.0 * e.finance.discountRate, 'f', 1),
                           std::isfinite(e.simplePaybackYears)
                               ? tr("%1 years").arg(locale.toString(e.simplePaybackYears, 'f', 1))
                               : tr("never")));
    if (!r.warnings.isEmpty()) {
        doc.heading(tr("Notes"));
        for (const QString &warning : r.warnings)
            doc.paragraph(QStringLiteral("• ") + warning, 8.5, ReportDocument::muted());
    }
}

} // namespace tt
