// SPDX-License-Identifier: MIT
#include "TelemetryRejection.h"

namespace tt {

QString telemetryrejection::key(TelemetryRejection reason)
{
    switch (reason) {
    case TelemetryRejection::BadTopic: return QStringLiteral("bad_topic");
    case TelemetryRejection::UnknownEntity: return QStringLiteral("unknown_entity");
    case TelemetryRejection::UnknownQuantity: return QStringLiteral("unknown_quantity");
    case TelemetryRejection::NotMetered: return QStringLiteral("quantity_not_metered");
    case TelemetryRejection::InvalidJson: return QStringLiteral("invalid_json");
    case TelemetryRejection::MissingValue: return QStringLiteral("missing_value");
    case TelemetryRejection::NonNumericValue: return QStringLiteral("non_numeric_value");
    case TelemetryRejection::NonFiniteValue: return QStringLiteral("non_finite_value");
    case TelemetryRejection::Impossible: return QStringLiteral("impossible_value");
    case TelemetryRejection::MissingTimestamp: return QStringLiteral("missing_timestamp");
    case TelemetryRejection::BadTimestamp: return QStringLiteral("bad_timestamp");
    }
    return QString();
}

QJsonObject TelemetryTally::toJson() const
{
    QJsonObject reasons;
    for (int i = 0; i < kTelemetryRejectionCount; ++i)
        if (byReason[size_t(i)] > 0)
            reasons.insert(telemetryrejection::key(TelemetryRejection(i)), byReason[size_t(i)]);
    return {{"received", received}, {"accepted", accepted}, {"rejected", rejected}, {"rejected_by_reason", reasons}};
}

} // namespace tt
