// SPDX-License-Identifier: MIT
#include "KpiFormat.h"

#include <QLocale>

#include <cmath>

namespace tt::KpiFormat {

QString percent(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1) + QStringLiteral(" %");
}

QString comparisonFigure(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double magnitude = std::abs(value);
    const bool whole = value == std::round(value);
    return QLocale().toString(value, 'f', whole || magnitude >= 100.0 ? 0 : magnitude >= 10.0 ? 1 : 2);
}

QString comparisonDifference(double difference)
{
    if (difference == 0.0)
        return QStringLiteral("0");
    return (difference > 0 ? QStringLiteral("+") : QString()) + comparisonFigure(difference);
}

QColor statusColor(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Pass: return QColor(0xc8, 0xe6, 0xc9);
    case RuleStatus::Warn: return QColor(0xff, 0xe0, 0x82);
    case RuleStatus::Fail: return QColor(0xef, 0x9a, 0x9a);
    }
    return {};
}

} // namespace tt::KpiFormat
