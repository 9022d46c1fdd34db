// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/KpiReport.h"
#include "energy/EnergyKpis.h"
#include "energy/LifecycleEconomics.h"
#include "core/Progress.h"
#include "core/Status.h"

#include <QJsonObject>
#include <QVector>

#include <optional>

namespace tt {

struct SimulationOptions;
struct SimulationResult;
struct WeatherYear;

//! What one scenario achieves: its zoning KPIs and, when its year was simulated, the
//! energy KPIs and lifecycle economics.
struct ScenarioFigures {
    QString scenario;
    KpiReport zoning;
    std::optional<EnergyKpis> energy;
    std::optional<LifecycleEconomics> economics;

    //! The figures of `town`'s active scenario; its year is simulated when `weather` is given.
    //! Fails (cancelled included) only in the simulation.
    static Status compute(const Town &town, const WeatherYear *weather, const SimulationOptions &options,
                          const Progress &progress, ScenarioFigures *out);
    //! The figures of `town`'s active scenario from a year already simulated (null: zoning only).
    static ScenarioFigures of(const Town &town, const SimulationResult *result);
};

//! One line of a comparison, in the units people read (%, MWh, t, million CNY).
struct ComparisonRow {
    QString group;  //!< "zoning", "energy" or "economics"
    QString key;    //!< stable snake_case, as in `compare --json`
    QString label;  //!< English; translate with context "tt::ScenarioComparison"
    QString unit;
    double a = 0.0;
    double b = 0.0;
    //! Whether a larger value is the better one (more residents, less CO2, ...).
    bool higherIsBetter = true;

    double difference() const { return b - a; }
    //! The change relative to a; NaN when a is 0.
    double relativeDifference() const;
};

//! Two scenarios' figures side by side and their differences: the table the Scenarios dock
//! shows and `towntwin-cli compare --json` prints. Energy and economics rows appear only
//! when both scenarios were simulated.
class ScenarioComparison {
public:
    ScenarioComparison(ScenarioFigures a, ScenarioFigures b);

    const ScenarioFigures &a() const { return m_a; }
    const ScenarioFigures &b() const { return m_b; }
    const QVector<ComparisonRow> &rows() const { return m_rows; }
    //! {"a": {"scenario", "zoning", "energy", "economics"}, "b": {...},
    //!  "differences": [{"group", "key", "label", "unit", "a", "b", "difference"}]}
    QJsonObject toJson() const;

    //! The active scenario of `town` (its figures `active`, e.g. from a year already
    //! simulated) against each other scenario, in the list's order; the others' years are
    //! simulated when `weather` is given. Empty when the town has no other scenario.
    static Status againstOthers(const Town &town, const ScenarioFigures &active, const WeatherYear *weather,
                                const SimulationOptions &options, const Progress &progress,
                                QVector<ScenarioComparison> *out);

private:
    ScenarioFigures m_a;
    ScenarioFigures m_b;
    QVector<ComparisonRow> m_rows;
};

} // namespace tt
