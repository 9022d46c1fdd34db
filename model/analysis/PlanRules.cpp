// SPDX-License-Identifier: MIT
#include "PlanRules.h"

#include "core/BundledResources.h"
#include "core/Town.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace tt {

namespace {
QString number(double v)
{
    return QString::number(v, 'g', 6);
}

QString withUnit(double v, const QString &unit)
{
    return unit.isEmpty() ? number(v) : number(v) + QLatin1Char(' ') + unit;
}

//! Reads an optional non-negative number; false (with a message) when present but not one.
bool readNumber(const QJsonObject &o, const char *key, double *out, QString *problem, bool nonNegative)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || (nonNegative && v.toDouble() < 0.0)) {
        *problem = QStringLiteral("\"%1\" must be a %2number").arg(QLatin1String(key),
                                                                  nonNegative ? QStringLiteral("non-negative ") : QString());
        return false;
    }
    *out = v.toDouble();
    return true;
}

bool parseRule(const QJsonObject &o, PlanRule *rule, QString *problem)
{
    rule->id = o.value(QLatin1String("id")).toString();
    rule->label = o.value(QLatin1String("label")).toString(rule->id);
    rule->metric = o.value(QLatin1String("metric")).toString();
    rule->unit = o.value(QLatin1String("unit")).toString();
    rule->description = o.value(QLatin1String("description")).toString();
    if (rule->id.isEmpty()) {
        *problem = QStringLiteral("missing \"id\"");
        return false;
    }
    if (rule->metric.isEmpty()) {
        *problem = QStringLiteral("missing \"metric\"");
        return false;
    }
    const bool hasTarget = o.contains(QLatin1String("target"));
    const bool hasBound = o.contains(QLatin1String("min")) || o.contains(QLatin1String("max"));
    if (hasTarget == hasBound) {
        *problem = QStringLiteral("needs either \"target\" or \"min\"/\"max\"");
        return false;
    }
    if (hasTarget) {
        rule->kind = PlanRule::Kind::Target;
        const QString mode = o.value(QLatin1String("tolerance_mode")).toString(QStringLiteral("relative"));
        if (mode != QLatin1String("relative") && mode != QLatin1String("absolute")) {
            *problem = QStringLiteral("\"tolerance_mode\" must be \"relative\" or \"absolute\", not \"%1\"").arg(mode);
            return false;
        }
        rule->relativeTolerance = mode == QLatin1String("relative");
        if (!readNumber(o, "target", &rule->target, problem, false)
            || !readNumber(o, "tolerance", &rule->tolerance, problem, true))
            return false;
        rule->warnTolerance = rule->tolerance;
        if (!readNumber(o, "warn_tolerance", &rule->warnTolerance, problem, true))
            return false;
        if (rule->warnTolerance < rule->tolerance) {
            *problem = QStringLiteral("\"warn_tolerance\" is smaller than \"tolerance\"");
            return false;
        }
        return true;
    }
    rule->kind = PlanRule::Kind::Range;
    if (!readNumber(o, "min", &rule->min, problem, false) || !readNumber(o, "max", &rule->max, problem, false)
        || !readNumber(o, "warn_margin", &rule->warnMargin, problem, true))
        return false;
    if (rule->min > rule->max) {
        *problem = QStringLiteral("\"min\" is greater than \"max\"");
        return false;
    }
    return true;
}
} // namespace

QString PlanRule::targetText() const
{
    if (kind == Kind::Target) {
        const auto tol = [this](double t) {
            return relativeTolerance ? number(t * 100.0) + QLatin1Char('%') : withUnit(t, unit);
        };
        QString text = withUnit(target, unit) + QStringLiteral(" ± ") + tol(tolerance);
        if (warnTolerance > tolerance)
            text += QStringLiteral(" (warn ± ") + tol(warnTolerance) + QLatin1Char(')');
        return text;
    }
    const bool hasMin = min > -qInf();
    const bool hasMax = max < qInf();
    const auto range = [&](double lo, double hi) {
        if (hasMin && hasMax)
            return number(lo) + QStringLiteral(" – ") + withUnit(hi, unit);
        return hasMin ? QStringLiteral("≥ ") + withUnit(lo, unit) : QStringLiteral("≤ ") + withUnit(hi, unit);
    };
    QString text = range(min, max);
    if (warnMargin > 0.0)
        text += QStringLiteral(" (warn ") + range(min - warnMargin, max + warnMargin) + QLatin1Char(')');
    return text;
}

Status PlanRules::parse(const QByteArray &json, PlanRules *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Status::error(QStringLiteral("plan rules: JSON error at offset %1: %2")
                                 .arg(error.offset)
                                 .arg(error.errorString()));
    const QJsonValue rulesValue = doc.object().value(QLatin1String("rules"));
    if (!doc.isObject() || !rulesValue.isArray())
        return Status::error(QStringLiteral("plan rules: expected an object with a \"rules\" array"));
    PlanRules rules;
    QSet<QString> ids;
    const QJsonArray array = rulesValue.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        PlanRule rule;
        QString problem;
        const QString name = o.value(QLatin1String("id")).toString().isEmpty()
            ? QStringLiteral("#%1").arg(i + 1)
            : QStringLiteral("'%1'").arg(o.value(QLatin1String("id")).toString());
        if (!array.at(i).isObject())
            problem = QStringLiteral("is not an object");
        else if (parseRule(o, &rule, &problem) && ids.contains(rule.id))
            problem = QStringLiteral("duplicate id");
        if (!problem.isEmpty())
            return Status::error(QStringLiteral("plan rules: rule %1: %2").arg(name, problem));
        ids.insert(rule.id);
        rules.m_rules.append(rule);
    }
    *out = rules;
    return Status::success();
}

Status PlanRules::forTown(const Town &town, PlanRules *out)
{
    return parse(town.rulesJson.trimmed().isEmpty() ? bundledJson() : town.rulesJson.toUtf8(), out);
}

QByteArray PlanRules::bundledJson()
{
    return BundledResources::read(QStringLiteral("rules/plan-rules.json"));
}

} // namespace tt
