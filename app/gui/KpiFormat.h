// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/PlanChecker.h"

#include <QColor>
#include <QString>

namespace tt {

//! How KPI figures look wherever they are shown: the docks, the presentation and the report.
namespace KpiFormat {
//! A fraction as a percentage with one decimal in the default locale: 0.256 → "25.6 %".
QString percent(double fraction);
//! A figure of a scenario comparison in the default locale: whole numbers without
//! decimals, others with two, one or none as they grow; "–" for no value.
QString comparisonFigure(double value);
//! A comparison's difference: signed ("+12", "−3.5"), "0" for none.
QString comparisonDifference(double difference);
//! The background of a plan rule's verdict: green pass, amber warn, red fail (black text reads on each).
QColor statusColor(RuleStatus status);
} // namespace KpiFormat

} // namespace tt
