// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace tt {

struct Town;

//! One plan-check rule: a KPI metric against a target with tolerances, or against bounds with a warn margin.
struct PlanRule {
    enum class Kind { Target, Range };

    QString id;
    QString label;
    QString metric;        //!< a key of KpiReport::metrics()
    QString unit;          //!< for display only
    QString description;   //!< why the rule exists
    Kind kind = Kind::Target;
    // Target rules: pass within ±tolerance, warn within ±warnTolerance.
    double target = 0.0;
    double tolerance = 0.0;
    double warnTolerance = 0.0;
    bool relativeTolerance = true;  //!< tolerances are fractions of the target, else in the metric's unit
    // Range rules: pass within [min, max], warn within warnMargin (metric's unit) outside.
    double min = -qInf();
    double max = qInf();
    double warnMargin = 0.0;

    //! The target as shown next to the measured value, e.g. "3 km² ± 5% (warn ± 10%)", "≥ 0.9 (warn ≥ 0.85)".
    QString targetText() const;
};

//! The plan-check rule set, parsed from JSON (resources/rules/plan-rules.json documents the format).
class PlanRules {
public:
    //! Parses a rule set; an error names the rule (by id, or by position) and the problem.
    static Status parse(const QByteArray &json, PlanRules *out);
    //! The town's own rule set when Town::rulesJson is non-empty, else the bundled plan-rules.json.
    static Status forTown(const Town &town, PlanRules *out);
    //! The bundled rules file's text.
    static QByteArray bundledJson();

    const QVector<PlanRule> &rules() const { return m_rules; }

private:
    QVector<PlanRule> m_rules;
};

} // namespace tt
