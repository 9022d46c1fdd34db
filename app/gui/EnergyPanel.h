// SPDX-License-Identifier: MIT
#pragma once

#include "EnergyRunner.h"
#include "network/NetworkSnapshot.h"

#include <QWidget>

class QChart;
class QComboBox;
class QCategoryAxis;
class QLabel;
class QLineSeries;
class QSpinBox;
class QTabWidget;
class QValueAxis;

namespace tt {

class EconomicsTable;
class KpiCardGrid;
class TariffBox;
class WeatherChooser;
class MonthlyBalanceChart;
class SceneController;
class SankeyWidget;

//! The energy dock: weather file, archetypes, tariff and dispatch strategy, the
//! simulation's state, headline KPIs, the town's monthly electricity balance,
//! the selected building's hourly profile for one week, the plan's lifecycle
//! economics against the baseline, and colouring the buildings by an energy
//! figure. It shows an EnergyRunner (the window owns it) that keeps the
//! results current in the background; nothing here waits for a simulation.
class EnergyPanel : public QWidget {
    Q_OBJECT
public:
    //! What the buildings in the scene can be coloured by.
    enum class ColorBy { None, AnnualDemand, PeakElectric, PvYield, NetBalance, LoadAtHour };
    Q_ENUM(ColorBy)

    EnergyPanel(Document *document, EnergyRunner *runner, SceneController *scene, QWidget *parent = nullptr);
    //! The headline cards, for the presentation's overlay.
    const KpiCardGrid *cards() const { return m_cards; }

    EnergyRunner *runner() const { return m_runner; }
    //! Simulates with this EPW from now on and makes it the project's weather
    //! (EnergyRunner::setWeatherFile). A failure is returned and stays shown
    //! under the weather file (the previous weather, if any, stays in use)
    //! until a file is read, whatever the runs that follow say.
    Status setWeatherFile(const QString &path);

    //! The text of a KPI card: "self_sufficiency", "renewable_share", "co2",
    //! "cost", "primary_energy_saving", "co2_saving"; "–" before the first result.
    QString cardText(const QString &key) const;
    //! The state line: "Stale", "Computing…", "Up to date (0.4 s)", the error, ...
    QString statusText() const;
    //! The lines under the weather file: why the last file chosen could not be
    //! read, then EnergyRunner::weatherWarnings(), one a line; empty (and hidden)
    //! when there is nothing to say.
    QString weatherNoteText() const;

    void setColorBy(ColorBy by);
    ColorBy colorBy() const;

    MonthlyBalanceChart *monthlyChart() const { return m_monthly; }
    //! The "Tariff" row and the "Economics" tab.
    TariffBox *tariffBox() const { return m_tariff; }
    EconomicsTable *economicsTable() const { return m_economics; }
    //! A cell of the Economics table (EconomicsTable::rowKeys(); column 0 this plan, 1 the baseline).
    QString economicsText(const QString &row, int column) const;
    //! The time bar's hour: the building profile moves to its week, the energy flows show
    //! its day when asked to, buildings coloured by load show it at this hour.
    void setShownHour(int hour, std::shared_ptr<const NetworkSnapshot> snapshot);
    SankeyWidget *sankey() const { return m_sankey; }
    //! Shows the tab "Monthly balance", "Building profile", "Energy flows" or "Economics"; false for another name.
    bool showTab(const QString &title);
    //! The selected building's week: electricity, heating (with hot water) and cooling in kW.
    QChart *profileChart() const { return m_profileChart; }
    //! Week of the year (1..52) the profile shows.
    QSpinBox *weekBox() const { return m_week; }
    //! The building whose profile is shown; kNoEntity when none.
    EntityId profileBuilding() const { return m_building; }

public slots:
    //! Shows the profile of the first building among `ids` (others are ignored).
    void setSelectedBuildings(const QVector<tt::EntityId> &ids);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshStatus();
    void showResult(const SimulationResult &result);
    void applyColoring();
    void requestProfile();
    void showProfile(EntityId id, const DemandSeries &series);
    void plotWeek();
    void refreshSankey();

    Document *m_document;
    SceneController *m_scene;
    EnergyRunner *m_runner;

    WeatherChooser *m_weather;
    TariffBox *m_tariff;
    QComboBox *m_strategy;
    QLabel *m_status;
    KpiCardGrid *m_cards;
    QComboBox *m_colorBy;
    MonthlyBalanceChart *m_monthly;
    EconomicsTable *m_economics;
    QTabWidget *m_tabs;

    QChart *m_profileChart;
    QLineSeries *m_electricity;
    QLineSeries *m_heating;
    QLineSeries *m_cooling;
    QCategoryAxis *m_timeAxis;
    QValueAxis *m_powerAxis;
    QSpinBox *m_week;
    SankeyWidget *m_sankey;
    QComboBox *m_sankeyPeriod;
    int m_shownHour = 0;
    std::shared_ptr<const NetworkSnapshot> m_snapshot;
    EntityId m_building = kNoEntity;
    DemandSeries m_profile;  // the whole year of m_building; the spin box picks the week
};

} // namespace tt
