// SPDX-License-Identifier: MIT
#pragma once

#include "PlanRules.h"

#include <QHash>

namespace tt {

//! Verdict of one rule.
enum class RuleStatus : quint8 { Pass, Warn, Fail };

//! One rule checked against the plan.
struct PlanCheckResult {
    QString id;
    QString label;
    QString metric;
    QString unit;
    double value = 0.0;  //!< measured
    QString target;      //!< PlanRule::targetText()
    RuleStatus status = RuleStatus::Fail;

    //! The measured value for people: as many decimals as its size needs, with the unit.
    QString valueText() const;
};

//! All rules checked. When the rules are unusable, status says why and results is empty.
struct PlanCheck {
    QVector<PlanCheckResult> results;
    Status status;

    int count(RuleStatus s) const;
};

//! Checks plan rules against the KPI metrics (KpiReport::metrics()).
namespace PlanChecker {
//! Boundaries are inclusive: a value exactly on the tolerance passes, exactly on the warn band warns.
RuleStatus evaluate(const PlanRule &rule, double value);
//! Every rule checked; an error naming the rule when a rule's metric is unknown.
PlanCheck check(const PlanRules &rules, const QHash<QString, double> &metrics);
//! "pass", "warn", "fail".
QString key(RuleStatus status);
} // namespace PlanChecker

} // namespace tt
