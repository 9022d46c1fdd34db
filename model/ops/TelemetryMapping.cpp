// SPDX-License-Identifier: MIT
#include "TelemetryMapping.h"

#include "TelemetryQuantity.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tt {

namespace {

const QRegularExpression &captureRef()
{
    static const QRegularExpression re(QStringLiteral("\\{(\\d+)\\}"));
    return re;
}

} // namespace

bool TelemetryMapping::Rule::matches(const QStringList &topicLevels, QStringList *captures) const
{
    captures->clear();
    for (int i = 0; i < levels.size(); ++i) {
        if (levels[i] == QLatin1String("#")) {
            captures->append(topicLevels.mid(i).join(QLatin1Char('/')));
            return true;
        }
        if (i >= topicLevels.size())
            return false;
        if (levels[i] == QLatin1String("+"))
            captures->append(topicLevels[i]);
        else if (levels[i] != topicLevels[i])
            return false;
    }
    return levels.size() == topicLevels.size();
}

QString TelemetryMapping::Rule::expand(const QString &pattern, const QStringList &captures)
{
    QString out;
    int last = 0;
    auto it = captureRef().globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        const int n = m.captured(1).toInt();
        if (n < 1 || n > captures.size())
            return QString();
        out += pattern.mid(last, m.capturedStart() - last) + captures[n - 1];
        last = m.capturedEnd();
    }
    return out + pattern.mid(last);
}

Status TelemetryMapping::load(const QString &path, TelemetryMapping *mapping)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::error(QStringLiteral("%1: cannot read the mapping file: %2").arg(path, file.errorString()),
                             ErrorCode::CannotOpen);
    return parse(file.readAll(), path, mapping);
}

Status TelemetryMapping::parse(const QByteArray &json, const QString &source, TelemetryMapping *mapping)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Status::error(QStringLiteral("%1: not JSON at offset %2: %3").arg(source, QString::number(error.offset), error.errorString()));
    const QJsonValue rules = doc.object().value(QStringLiteral("rules"));
    if (!rules.isArray())
        return Status::error(QStringLiteral("%1: needs a \"rules\" array").arg(source));
    TelemetryMapping result;
    int index = 0;
    for (const QJsonValue &v : rules.toArray()) {
        ++index;
        const QJsonObject o = v.toObject();
        const auto fail = [&](const QString &problem) {
            return Status::error(QStringLiteral("%1: rule %2 (\"%3\"): %4")
                                     .arg(source, QString::number(index), o.value(QStringLiteral("topic")).toString(), problem));
        };
        Rule rule;
        rule.topic = o.value(QStringLiteral("topic")).toString();
        rule.levels = rule.topic.split(QLatin1Char('/'));
        if (rule.topic.isEmpty())
            return fail(QStringLiteral("\"topic\" is missing"));
        for (const char *field : {"topic", "entity", "quantity", "value", "ts", "ts_unit"})
            if (o.contains(QLatin1String(field)) && !o.value(QLatin1String(field)).isString())
                return fail(QStringLiteral("\"%1\" must be text").arg(QLatin1String(field)));
        for (const char *field : {"scale", "offset"})
            if (o.contains(QLatin1String(field)) && !o.value(QLatin1String(field)).isDouble())
                return fail(QStringLiteral("\"%1\" must be a number").arg(QLatin1String(field)));
        const int hash = int(rule.levels.indexOf(QStringLiteral("#")));
        if (hash >= 0 && hash != rule.levels.size() - 1)
            return fail(QStringLiteral("'#' may only be the last level"));
        for (const QString &level : rule.levels)
            if (level.size() > 1 && (level.contains(QLatin1Char('+')) || level.contains(QLatin1Char('#'))))
                return fail(QStringLiteral("a wildcard must be a whole level, not '%1'").arg(level));
        const int wildcards = int(rule.levels.count(QStringLiteral("+"))) + (hash >= 0 ? 1 : 0);
        rule.entity = o.value(QStringLiteral("entity")).toString();
        rule.quantity = o.value(QStringLiteral("quantity")).toString();
        for (const QString *field : {&rule.entity, &rule.quantity}) {
            const QString name = field == &rule.entity ? QStringLiteral("entity") : QStringLiteral("quantity");
            if (field->isEmpty())
                return fail(QStringLiteral("\"%1\" is missing").arg(name));
            auto it = captureRef().globalMatch(*field);
            while (it.hasNext()) {
                const int n = it.next().captured(1).toInt();
                if (n < 1 || n > wildcards)
                    return fail(QStringLiteral("\"%1\" refers to wildcard {%2}, but the topic has %3")
                                    .arg(name, QString::number(n), QString::number(wildcards)));
            }
        }
        TelemetryQuantity q;
        if (!rule.quantity.contains(QLatin1Char('{')) && !telemetryquantity::fromKey(rule.quantity, &q))
            return fail(QStringLiteral("unknown quantity \"%1\" (known: %2)")
                            .arg(rule.quantity, telemetryquantity::allKeys().join(QStringLiteral(", "))));
        if (o.contains(QStringLiteral("value")))
            rule.valuePath = o.value(QStringLiteral("value")).toString().split(QLatin1Char('.'));
        if (o.contains(QStringLiteral("ts")))
            rule.tsPath = o.value(QStringLiteral("ts")).toString().split(QLatin1Char('.'), Qt::SkipEmptyParts);
        const QString unit = o.value(QStringLiteral("ts_unit")).toString(QStringLiteral("s"));
        if (unit != QLatin1String("s") && unit != QLatin1String("ms"))
            return fail(QStringLiteral("\"ts_unit\" must be \"s\" or \"ms\", not \"%1\"").arg(unit));
        rule.tsInMilliseconds = unit == QLatin1String("ms");
        rule.scale = o.value(QStringLiteral("scale")).toDouble(1.0);
        rule.offset = o.value(QStringLiteral("offset")).toDouble(0.0);
        result.m_rules.push_back(std::move(rule));
    }
    *mapping = std::move(result);
    return Status::success();
}

} // namespace tt
