// SPDX-License-Identifier: MIT
#include "PlanChecker.h"

#include <algorithm>
#include <cmath>

namespace tt {

QString PlanCheckResult::valueText() const
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100.0 ? 0 : magnitude >= 10.0 ? 1 : magnitude >= 1.0 ? 2 : 3;
    const QString text = QString::number(value, 'f', decimals);
    return unit.isEmpty() ? text : text + QLatin1Char(' ') + unit;
}

int PlanCheck::count(RuleStatus s) const
{
    int n = 0;
    for (const PlanCheckResult &r : results)
        n += r.status == s ? 1 : 0;
    return n;
}

namespace PlanChecker {

namespace {
// Values computed as sums of areas land a few ulps off a boundary the user typed.
bool within(double deviation, double limit)
{
    return deviation <= limit + 1e-9 * std::max(1.0, std::abs(limit));
}
} // namespace

RuleStatus evaluate(const PlanRule &rule, double value)
{
    if (!std::isfinite(value))
        return RuleStatus::Fail;
    if (rule.kind == PlanRule::Kind::Target) {
        const double scale = rule.relativeTolerance ? std::abs(rule.target) : 1.0;
        const double deviation = std::abs(value - rule.target);
        if (within(deviation, rule.tolerance * scale))
            return RuleStatus::Pass;
        return within(deviation, rule.warnTolerance * scale) ? RuleStatus::Warn : RuleStatus::Fail;
    }
    const double belowMin = std::isfinite(rule.min) ? rule.min - value : -qInf();
    const double aboveMax = std::isfinite(rule.max) ? value - rule.max : -qInf();
    const double bound = belowMin >= aboveMax ? rule.min : rule.max;
    const double outside = std::max(belowMin, aboveMax);
    const double slack = 1e-9 * std::max(1.0, std::abs(bound));
    if (outside <= slack)
        return RuleStatus::Pass;
    return rule.warnMargin > 0.0 && outside <= rule.warnMargin + slack ? RuleStatus::Warn : RuleStatus::Fail;
}

PlanCheck check(const PlanRules &rules, const QHash<QString, double> &metrics)
{
    PlanCheck out;
    for (const PlanRule &rule : rules.rules()) {
        const auto it = metrics.constFind(rule.metric);
        if (it == metrics.constEnd()) {
            out.results.clear();
            out.status = Status::error(
                QStringLiteral("plan rules: rule '%1': unknown metric '%2'").arg(rule.id, rule.metric));
            return out;
        }
        out.results.append(
            PlanCheckResult{rule.id, rule.label, rule.metric, rule.unit, *it, rule.targetText(), evaluate(rule, *it)});
    }
    return out;
}

QString key(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Pass:
        return QStringLiteral("pass");
    case RuleStatus::Warn:
        return QStringLiteral("warn");
    case RuleStatus::Fail:
        break;
    }
    return QStringLiteral("fail");
}

} // namespace PlanChecker
} // namespace tt
