// SPDX-License-Identifier: MIT
#include "EnergyPanel.h"

#include "ArchetypeSetBox.h"
#include "EconomicsTable.h"
#include "KpiCardGrid.h"
#include "KpiFormat.h"
#include "TariffBox.h"
#include "WeatherChooser.h"

#include "MonthlyBalanceChart.h"
#include "SankeyWidget.h"
#include "SceneController.h"
#include "core/Document.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCategoryAxis>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QSpinBox>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace tt {

namespace {

constexpr int kHoursPerWeek = 7 * 24;

using KpiFormat::percent;

//! Date of day `day` (0..364) of the weather year; EPW years have no 29 February.
QDate dateOfDay(int year, int day)
{
    const bool skipLeapDay = QDate::isLeapYear(year) && day >= 31 + 28;
    return QDate(year, 1, 1).addDays(day + (skipLeapDay ? 1 : 0));
}

QLineSeries *profileLine(const QString &name, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(1.5);
    series->setPen(pen);
    return series;
}

} // namespace

EnergyPanel::EnergyPanel(Document *document, EnergyRunner *runner, SceneController *scene, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scene(scene)
    , m_runner(runner)
    , m_weather(new WeatherChooser(document, runner, this))
    , m_tariff(new TariffBox(document, this))
    , m_strategy(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_cards(new KpiCardGrid(this))
    , m_colorBy(new QComboBox(this))
    , m_monthly(new MonthlyBalanceChart(this))
    , m_economics(new EconomicsTable(document, this))
    , m_tabs(new QTabWidget(this))
    , m_profileChart(new QChart)
    , m_electricity(profileLine(tr("Electricity"), QColor(0x15, 0x65, 0xc0)))
    , m_heating(profileLine(tr("Heating and hot water"), QColor(0xd8, 0x43, 0x15)))
    , m_cooling(profileLine(tr("Cooling"), QColor(0x00, 0x97, 0xa7)))
    , m_timeAxis(new QCategoryAxis)
    , m_powerAxis(new QValueAxis)
    , m_week(new QSpinBox(this))
    , m_sankey(new SankeyWidget(this))
    , m_sankeyPeriod(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    form->addRow(tr("Weather"), m_weather);
    form->addRow(tr("Buildings"), new ArchetypeSetBox(document, this));
    form->addRow(tr("Tariff"), m_tariff);

    m_strategy->setObjectName(QStringLiteral("strategy"));
    m_strategy->addItem(tr("Optimal (lowest cost)"), QStringLiteral("optimal"));
    m_strategy->addItem(tr("Rule-based"), QStringLiteral("rule"));
    m_strategy->setToolTip(tr("How storage, CHP, heat pumps and the grid are dispatched hour by hour"));
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
        SimulationOptions options = m_runner->options();
        SimulationOptions::strategyFromKey(m_strategy->currentData().toString(), &options.strategy);
        m_runner->setOptions(options);
    });
    form->addRow(tr("Dispatch"), m_strategy);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Status"), m_status);

    layout->addWidget(m_cards);
    m_cards->addCard(QStringLiteral("self_sufficiency"), tr("Self-sufficiency"), 0, 0);
    m_cards->addCard(QStringLiteral("renewable_share"), tr("Renewable share"), 0, 1);
    m_cards->addCard(QStringLiteral("co2"), tr("CO₂ emissions"), 0, 2);
    m_cards->addCard(QStringLiteral("cost"), tr("Energy cost"), 1, 0);
    m_cards->addCard(QStringLiteral("primary_energy_saving"), tr("Primary energy saving"), 1, 1);
    m_cards->addCard(QStringLiteral("co2_saving"), tr("CO₂ saving"), 1, 2);

    m_colorBy->addItem(tr("None"), int(ColorBy::None));
    m_colorBy->addItem(tr("Annual demand (MWh)"), int(ColorBy::AnnualDemand));
    m_colorBy->addItem(tr("Peak electric (kW)"), int(ColorBy::PeakElectric));
    m_colorBy->addItem(tr("PV yield (MWh)"), int(ColorBy::PvYield));
    m_colorBy->addItem(tr("Net balance (MWh, PV minus electricity)"), int(ColorBy::NetBalance));
    m_colorBy->addItem(tr("Electric load at the shown hour (kW)"), int(ColorBy::LoadAtHour));
    m_colorBy->setToolTip(tr("Annual demand counts electricity, heating, cooling and hot water; the net balance "
                             "compares rooftop PV with the building's own electricity demand"));
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, [this] {
        if (colorBy() == ColorBy::None) {
            m_scene->setBuildingColorMode(BuildingColorMode::ByUse);
            return;
        }
        applyColoring();
        m_scene->setBuildingColorMode(BuildingColorMode::ByAttribute);
    });
    auto *colorForm = new QFormLayout;
    colorForm->addRow(tr("Colour buildings by"), m_colorBy);
    layout->addLayout(colorForm);

    m_profileChart->addSeries(m_electricity);
    m_profileChart->addSeries(m_heating);
    m_profileChart->addSeries(m_cooling);
    // Hours of the week on the axis, named by day: no time zones or DST to get wrong.
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_timeAxis->setRange(0.0, kHoursPerWeek);
    m_profileChart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_powerAxis->setTitleText(tr("kW"));
    m_powerAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_profileChart->addAxis(m_powerAxis, Qt::AlignLeft);
    for (QLineSeries *series : {m_electricity, m_heating, m_cooling}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_powerAxis);
    }
    m_profileChart->legend()->setAlignment(Qt::AlignBottom);
    m_profileChart->setMargins(QMargins(4, 4, 4, 4));
    auto *profileView = new QChartView(m_profileChart, this);
    profileView->setRenderHint(QPainter::Antialiasing);
    profileView->setMinimumHeight(200);
    m_week->setRange(1, 52);
    connect(m_week, &QSpinBox::valueChanged, this, &EnergyPanel::plotWeek);
    auto *profilePage = new QWidget(this);
    auto *profileLayout = new QVBoxLayout(profilePage);
    profileLayout->setContentsMargins(0, 0, 0, 0);
    auto *weekForm = new QFormLayout;
    weekForm->addRow(tr("Week"), m_week);
    profileLayout->addLayout(weekForm);
    profileLayout->addWidget(profileView, 1);

    m_tabs->setObjectName(QStringLiteral("energyTabs"));
    m_tabs->addTab(m_monthly, tr("Monthly balance"));
    m_tabs->addTab(profilePage, tr("Building profile"));
    auto *flowsPage = new QWidget(this);
    auto *flowsLayout = new QVBoxLayout(flowsPage);
    flowsLayout->setContentsMargins(0, 0, 0, 0);
    m_sankeyPeriod->setObjectName(QStringLiteral("sankeyPeriod"));
    m_sankeyPeriod->addItem(tr("The year"));
    m_sankeyPeriod->addItem(tr("The shown day"));
    connect(m_sankeyPeriod, &QComboBox::currentIndexChanged, this, &EnergyPanel::refreshSankey);
    auto *periodForm = new QFormLayout;
    periodForm->addRow(tr("Energy over"), m_sankeyPeriod);
    flowsLayout->addLayout(periodForm);
    flowsLayout->addWidget(m_sankey, 1);
    m_tabs->addTab(flowsPage, tr("Energy flows"));
    m_tabs->addTab(m_economics, tr("Economics"));
    layout->addWidget(m_tabs, 1);

    connect(m_runner, &EnergyRunner::stateChanged, this, &EnergyPanel::refreshStatus);
    connect(m_runner, &EnergyRunner::failed, this, &EnergyPanel::refreshStatus);
    connect(m_runner, &EnergyRunner::resultReady, this, &EnergyPanel::showResult);
    connect(m_runner, &EnergyRunner::buildingHourlyReady, this, &EnergyPanel::showProfile);
    connect(m_runner, &EnergyRunner::weatherChanged, this, &EnergyPanel::requestProfile);

    showResult(m_runner->result());
    plotWeek();
    refreshStatus();
}

Status EnergyPanel::setWeatherFile(const QString &path)
{
    return m_weather->setWeatherFile(path);
}

QString EnergyPanel::cardText(const QString &key) const
{
    return m_cards->cardText(key);
}

QString EnergyPanel::economicsText(const QString &row, int column) const
{
    return m_economics->text(row, column);
}

void EnergyPanel::setShownHour(int hour, std::shared_ptr<const NetworkSnapshot> snapshot)
{
    m_shownHour = hour;
    m_snapshot = std::move(snapshot);
    m_week->setValue(std::clamp(hour / 168 + 1, 1, 52));
    if (m_sankeyPeriod->currentIndex() == 1)
        refreshSankey();
    if (colorBy() == ColorBy::LoadAtHour)
        applyColoring();
}

void EnergyPanel::refreshSankey()
{
    const SimulationResult &result = m_runner->result();
    const bool day = m_sankeyPeriod->currentIndex() == 1;
    const int first = day ? m_shownHour / 24 * 24 : 0;
    const int count = day ? 24 : result.dispatch.hours();
    const QDate date = QDate(std::max(1, m_runner->weatherYear()), 1, 1).addDays(first / 24);
    const QString title = day ? tr("Energy on %1 (kWh)").arg(QLocale().toString(date, tr("ddd d MMM")))
                              : tr("Energy over the year (MWh)");
    m_sankey->setDiagram(EnergySankey::fromResult(result, first, count), title, !day);
}

bool EnergyPanel::showTab(const QString &title)
{
    // The English title names the tab in any language (the command line's --energy-tab).
    const QString translated = QCoreApplication::translate("tt::EnergyPanel", title.toUtf8().constData());
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->tabText(i) == title || m_tabs->tabText(i) == translated) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    return false;
}

void EnergyPanel::changeEvent(QEvent *event)
{
    // The static texts follow by themselves (LiveRetranslator); the figures are rebuilt.
    if (event->type() == QEvent::LanguageChange) {
        showResult(m_runner->result());
        plotWeek();
        refreshStatus();
    }
    QWidget::changeEvent(event);
}

QString EnergyPanel::statusText() const
{
    return m_status->text();
}

QString EnergyPanel::weatherNoteText() const
{
    return m_weather->noteText();
}

void EnergyPanel::setColorBy(ColorBy by)
{
    m_colorBy->setCurrentIndex(m_colorBy->findData(int(by)));
}

EnergyPanel::ColorBy EnergyPanel::colorBy() const
{
    return ColorBy(m_colorBy->currentData().toInt());
}

void EnergyPanel::refreshStatus()
{
    QString text;
    QString color = QStringLiteral("palette(text)");
    switch (m_runner->state()) {
    case EnergyRunner::State::NoWeather:
        text = tr("No weather file — choose an EPW");
        color = QStringLiteral("palette(mid)");
        break;
    case EnergyRunner::State::Stale:
        text = tr("Stale");
        color = QStringLiteral("#e65100");
        break;
    case EnergyRunner::State::Computing:
        text = tr("Computing…");
        break;
    case EnergyRunner::State::UpToDate: {
        const double seconds = m_runner->lastRunSeconds();
        text = tr("Up to date (%1 s)").arg(QLocale().toString(seconds, 'f', seconds < 0.1 ? 2 : 1));
        color = QStringLiteral("#2e7d32");
        break;
    }
    case EnergyRunner::State::Failed:
        text = m_runner->errorMessage();
        color = QStringLiteral("#b71c1c");
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(color));
}

void EnergyPanel::showResult(const SimulationResult &result)
{
    const QString none = QStringLiteral("–");
    m_economics->setResult(result);
    if (result.dispatch.hours() == 0) {
        for (const QString &key : m_cards->keys())
            m_cards->setCard(key, none, tr("Choose a weather file to simulate the year"));
        m_monthly->setDispatch(result.dispatch);
        return;
    }
    const QLocale locale;
    const EnergyKpis &k = result.kpis;
    m_cards->setCard(QStringLiteral("self_sufficiency"), percent(k.selfSufficiency),
            tr("1 − grid import / electricity used in the town (buildings, heat pumps, chillers, EVs)"));
    m_cards->setCard(QStringLiteral("renewable_share"), percent(k.renewableShare),
            tr("PV, wind, biomass and ambient heat among all energy the system takes in"));
    m_cards->setCard(QStringLiteral("co2"), tr("%1 t/a").arg(locale.toString(k.co2Kg / 1000.0, 'f', 0)),
            tr("Baseline %1 t/a").arg(locale.toString(k.baselineCo2Kg / 1000.0, 'f', 0)));
    m_cards->setCard(QStringLiteral("cost"), tr("%1 M CNY/a").arg(locale.toString(k.cost / 1e6, 'f', 1)),
            tr("Energy cost in the tariff's currency; baseline %1 M CNY/a")
                .arg(locale.toString(k.baselineCost / 1e6, 'f', 2)));
    m_cards->setCard(QStringLiteral("primary_energy_saving"), percent(k.primaryEnergySaving),
            tr("Non-renewable primary energy against the baseline (grid, gas boilers, electric chillers); "
               "%1 with credit for export")
                .arg(percent(k.primaryEnergySavingWithExportCredit)));
    m_cards->setCard(QStringLiteral("co2_saving"), percent(k.co2Saving), tr("CO₂ against the baseline"));
    m_monthly->setDispatch(result.dispatch);
    refreshSankey();
    if (colorBy() != ColorBy::None)
        applyColoring();
    // The selected building may be the one that changed.
    requestProfile();
}

void EnergyPanel::applyColoring()
{
    const SimulationResult &result = m_runner->result();
    QHash<EntityId, double> values;
    const ColorBy by = colorBy();
    if (by == ColorBy::LoadAtHour) {
        // Known where the town has a feeder: the loads the networks carry.
        m_scene->setBuildingValues(m_snapshot ? m_snapshot->buildingKw : values, m_colorBy->currentText());
        return;
    }
    for (const BuildingDemand &b : result.buildings) {
        // Buildings without rooftop PV yield nothing, which is a value, not a gap.
        const double pvKwh = result.system.pvKwhByBuilding.value(b.id, 0.0);
        switch (by) {
        case ColorBy::None:  // the scene shows uses then; nothing to supply
            return;
        case ColorBy::AnnualDemand:
            values.insert(b.id, (b.electricityKwh + b.heatingKwh + b.coolingKwh + b.dhwKwh) / 1000.0);
            break;
        case ColorBy::PeakElectric:
            values.insert(b.id, b.peakElectricKw);
            break;
        case ColorBy::PvYield:
            values.insert(b.id, pvKwh / 1000.0);
            break;
        case ColorBy::NetBalance:
            values.insert(b.id, (pvKwh - b.electricityKwh) / 1000.0);
            break;
        case ColorBy::LoadAtHour:
            break;
        }
    }
    m_scene->setBuildingValues(values, m_colorBy->currentText());
}

void EnergyPanel::setSelectedBuildings(const QVector<EntityId> &ids)
{
    const Town &town = m_document->town();
    const auto first
        = std::find_if(ids.begin(), ids.end(), [&town](EntityId id) { return town.buildings.contains(id); });
    const EntityId building = first == ids.end() ? kNoEntity : *first;
    if (building == m_building)
        return;
    m_building = building;
    m_profile = DemandSeries{};
    plotWeek();
    requestProfile();
}

void EnergyPanel::requestProfile()
{
    if (m_building == kNoEntity)
        return;
    if (!m_document->town().buildings.contains(m_building)) {
        // Removed (or undone away): nothing left to show.
        m_building = kNoEntity;
        m_profile = DemandSeries{};
        plotWeek();
        return;
    }
    m_runner->requestBuildingHourly(m_building);
}

void EnergyPanel::showProfile(EntityId id, const DemandSeries &series)
{
    if (id != m_building)
        return;  // the selection moved on while this was computed
    m_profile = series;
    plotWeek();
}

void EnergyPanel::plotWeek()
{
    const Building *building = m_document->town().buildings.find(m_building);
    if (m_profile.isEmpty() || !building) {
        for (QLineSeries *series : {m_electricity, m_heating, m_cooling})
            series->clear();
        if (m_building == kNoEntity)
            m_profileChart->setTitle(tr("Select a building to see its hourly demand"));
        else if (m_runner->weatherFile().isEmpty())
            m_profileChart->setTitle(tr("Choose a weather file to see the building's hourly demand"));
        else
            m_profileChart->setTitle(tr("Computing the building's hourly demand…"));
        return;
    }
    const int firstDay = (m_week->value() - 1) * 7;
    QVector<QPointF> electricity, heating, cooling;
    double top = 0.0;
    for (int i = 0; i < kHoursPerWeek; ++i) {
        const size_t h = size_t(firstDay * 24 + i);
        const double heat = m_profile.heating[h] + m_profile.dhw[h];
        electricity.append(QPointF(i, m_profile.electricity[h]));
        heating.append(QPointF(i, heat));
        cooling.append(QPointF(i, m_profile.cooling[h]));
        top = std::max({top, m_profile.electricity[h], heat, m_profile.cooling[h]});
    }
    m_electricity->replace(electricity);
    m_heating->replace(heating);
    m_cooling->replace(cooling);
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    const QLocale locale;
    for (int d = 0; d < 7; ++d)
        m_timeAxis->append(locale.toString(dateOfDay(m_runner->weatherYear(), firstDay + d), tr("ddd d")),
                           (d + 1) * 24);
    m_powerAxis->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_powerAxis->applyNiceNumbers();
    const QString name = building->name.isEmpty() ? tr("Building %1").arg(building->id) : building->name;
    const QString days = QStringLiteral("%1 – %2").arg(
        locale.toString(dateOfDay(m_runner->weatherYear(), firstDay), tr("d MMM")),
        locale.toString(dateOfDay(m_runner->weatherYear(), firstDay + 6), tr("d MMM")));
    m_profileChart->setTitle(tr("%1 — week %2 (%3)").arg(name).arg(m_week->value()).arg(days));
}

} // namespace tt
