// SPDX-License-Identifier: MIT
#include "TelemetryDecoder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace tt {

namespace {

QJsonValue at(const QJsonObject &object, const QStringList &path)
{
    QJsonValue v = object;
    for (const QString &key : path) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(key);
    }
    return v;
}

bool isNonFiniteText(const QString &text)
{
    static const QStringList words{QStringLiteral("nan"), QStringLiteral("inf"), QStringLiteral("-inf"),
                                   QStringLiteral("infinity"), QStringLiteral("-infinity"), QStringLiteral("+inf"),
                                   QStringLiteral("+infinity")};
    return words.contains(text.trimmed().toLower());
}

//! Python's json and some loggers write a bare NaN or Infinity as the value, which JSON
//! forbids: that is a non-finite value, not noise.
bool hasBareNonFiniteValue(const QByteArray &payload, const QString &valueKey)
{
    const QRegularExpression re(QStringLiteral("\"%1\"\\s*:\\s*[-+]?(NaN|Infinity|inf)\\s*[,}\\]]")
                                    .arg(QRegularExpression::escape(valueKey)),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(QString::fromUtf8(payload)).hasMatch();
}

//! How many readings a payload holds, for counting one that is refused as a whole.
int readingCount(const QByteArray &payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    return doc.isArray() ? std::max(1, int(doc.array().size())) : 1;
}

//! An ISO-8601 text must carry its offset ("Z" or ±hh:mm): a local time means nothing
//! to a receiver in another zone.
bool hasUtcOffset(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("[Tt ][0-9:.,]+([Zz]|[+-]\\d\\d(:?\\d\\d)?)$"));
    return re.match(text.trimmed()).hasMatch();
}

QString number(double v) { return QString::number(v, 'g', 6); }

} // namespace

TelemetryDecoder::TelemetryDecoder(std::shared_ptr<const TelemetryEntities> entities, const QString &prefix,
                                   TelemetryMapping mapping)
    : m_entities(std::move(entities)), m_prefix(prefix), m_prefixLevels(prefix.split(QLatin1Char('/'))),
      m_mapping(std::move(mapping))
{
}

QStringList TelemetryDecoder::subscriptions() const
{
    QStringList filters{m_prefix + QStringLiteral("/+/+")};
    for (const auto &rule : m_mapping.rules())
        if (!filters.contains(rule.topic))
            filters << rule.topic;
    return filters;
}

TelemetryMessage TelemetryDecoder::decode(const QByteArray &topicBytes, const QByteArray &payload, double nowTs) const
{
    TelemetryMessage out;
    const QString topic = QString::fromUtf8(topicBytes);
    const QStringList levels = topic.split(QLatin1Char('/'));
    // Set-points, TownTwin's own or another planner's, share the prefix: they are not readings.
    if (levels.last() == QLatin1String("setpoint"))
        return out;
    QStringList captures;
    for (const auto &rule : m_mapping.rules()) {
        if (!rule.matches(levels, &captures))
            continue;
        Target target;
        if (resolve(topic, payload, TelemetryMapping::Rule::expand(rule.entity, captures),
                    TelemetryMapping::Rule::expand(rule.quantity, captures), &target, &out))
            decodePayload(topic, payload, target, &rule, nowTs, &out);
        return out;
    }
    const int n = int(m_prefixLevels.size());
    Target target;
    if (levels.size() != n + 2 || levels.mid(0, n) != m_prefixLevels)
        rejectWhole(payload, TelemetryRejection::BadTopic,
                    QStringLiteral("topic '%1': not %2/<entity>/<quantity> and no mapping rule matches").arg(topic, m_prefix),
                    &out);
    else if (resolve(topic, payload, levels[n], levels[n + 1], &target, &out))
        decodePayload(topic, payload, target, nullptr, nowTs, &out);
    return out;
}

void TelemetryDecoder::rejectWhole(const QByteArray &payload, TelemetryRejection reason, const QString &message,
                                    TelemetryMessage *out)
{
    // Each reading of a refused batch counts, as it would had its values been bad.
    out->received = readingCount(payload);
    for (int i = 0; i < out->received; ++i)
        out->rejected.push_back({reason, message});
}

bool TelemetryDecoder::resolve(const QString &topic, const QByteArray &payload, const QString &entityName,
                               const QString &quantityKey, Target *target, TelemetryMessage *out) const
{
    const auto reject = [&](TelemetryRejection reason, const QString &problem) {
        rejectWhole(payload, reason, QStringLiteral("topic '%1': %2").arg(topic, problem), out);
        return false;
    };
    target->entity = m_entities->find(entityName);
    if (!target->entity)
        return reject(TelemetryRejection::UnknownEntity,
                      QStringLiteral("no building, asset or network element has the id '%1'").arg(entityName));
    if (!telemetryquantity::fromKey(quantityKey, &target->quantity))
        return reject(TelemetryRejection::UnknownQuantity, QStringLiteral("unknown quantity '%1'").arg(quantityKey));
    if (!target->entity->limits[size_t(target->quantity)])
        return reject(TelemetryRejection::NotMetered,
                      QStringLiteral("%1 has no %2").arg(target->entity->name, quantityKey));
    return true;
}

void TelemetryDecoder::decodePayload(const QString &topic, const QByteArray &payload, const Target &target,
                                     const TelemetryMapping::Rule *rule, double nowTs, TelemetryMessage *out) const
{
    const auto reject = [&](TelemetryRejection reason, const QString &problem) {
        out->rejected.push_back({reason, QStringLiteral("topic '%1': %2").arg(topic, problem)});
    };
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    const QStringList valuePath = rule ? rule->valuePath : QStringList{QStringLiteral("value")};
    if (error.error != QJsonParseError::NoError || !(doc.isObject() || doc.isArray())) {
        out->received = 1;
        if (hasBareNonFiniteValue(payload, valuePath.last()))
            reject(TelemetryRejection::NonFiniteValue, QStringLiteral("the value is not a finite number"));
        else
            reject(TelemetryRejection::InvalidJson,
                   error.error != QJsonParseError::NoError
                       ? QStringLiteral("payload is not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset)
                       : QStringLiteral("payload is not a JSON object or array"));
        return;
    }
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else
        items.append(doc.object());
    out->received = int(items.size());
    const QStringList tsPath = rule ? rule->tsPath : QStringList{QStringLiteral("ts")};
    const TelemetryLimits limits = *target.entity->limits[size_t(target.quantity)];
    const QString quantityKey = telemetryquantity::key(target.quantity);

    int index = 0;
    for (const QJsonValue &item : items) {
        const QString where = items.size() > 1 ? QStringLiteral("reading %1: ").arg(index) : QString();
        ++index;
        if (!item.isObject()) {
            reject(TelemetryRejection::InvalidJson, where + QStringLiteral("not a JSON object"));
            continue;
        }
        const QJsonObject o = item.toObject();
        const QJsonValue v = at(o, valuePath);
        if (v.isUndefined() || v.isNull()) {
            reject(TelemetryRejection::MissingValue, where + QStringLiteral("no \"%1\"").arg(valuePath.join('.')));
            continue;
        }
        if (v.isString() && isNonFiniteText(v.toString())) {
            reject(TelemetryRejection::NonFiniteValue, where + QStringLiteral("the value \"%1\" is not a finite number").arg(v.toString()));
            continue;
        }
        if (!v.isDouble()) {
            reject(TelemetryRejection::NonNumericValue, where + QStringLiteral("the value is not a number"));
            continue;
        }
        double value = v.toDouble();
        if (rule)
            value = value * rule->scale + rule->offset;
        if (!std::isfinite(value)) {
            reject(TelemetryRejection::NonFiniteValue, where + QStringLiteral("the value is not a finite number"));
            continue;
        }
        if (!limits.contains(value)) {
            reject(TelemetryRejection::Impossible,
                   where + QStringLiteral("%1 %2 %3 is impossible for %4 (limits %5 to %6)")
                               .arg(quantityKey, number(value), telemetryquantity::unit(target.quantity),
                                    target.entity->name, number(limits.min), number(limits.max)));
            continue;
        }
        double ts = nowTs;
        if (!tsPath.isEmpty()) {
            const QJsonValue t = at(o, tsPath);
            if (t.isUndefined() || t.isNull()) {
                reject(TelemetryRejection::MissingTimestamp, where + QStringLiteral("no \"%1\"").arg(tsPath.join('.')));
                continue;
            }
            if (t.isDouble()) {
                ts = t.toDouble() / (rule && rule->tsInMilliseconds ? 1000.0 : 1.0);
            } else if (t.isString() && hasUtcOffset(t.toString())) {
                const QDateTime dt = QDateTime::fromString(t.toString().trimmed(), Qt::ISODateWithMs);
                if (!dt.isValid()) {
                    reject(TelemetryRejection::BadTimestamp, where + QStringLiteral("\"%1\" is not an ISO-8601 time").arg(t.toString()));
                    continue;
                }
                ts = double(dt.toMSecsSinceEpoch()) / 1000.0;
            } else {
                reject(TelemetryRejection::BadTimestamp,
                       where + QStringLiteral("the time %1 is neither epoch seconds nor ISO-8601 with a UTC offset")
                                   .arg(t.isString() ? QLatin1Char('"') + t.toString() + QLatin1Char('"')
                                                     : QString::fromUtf8(QJsonDocument(QJsonArray{t}).toJson(QJsonDocument::Compact))));
                continue;
            }
            if (!std::isfinite(ts) || ts < kEarliestTs || ts > nowTs + kFutureToleranceS) {
                reject(TelemetryRejection::BadTimestamp,
                       where + QStringLiteral("the time %1 is %2").arg(number(ts), ts < kEarliestTs ? QStringLiteral("before 2000")
                                                                                                     : QStringLiteral("in the future")));
                continue;
            }
        }
        out->accepted.push_back({target.entity->id, target.quantity, ts, value});
    }
}

} // namespace tt
