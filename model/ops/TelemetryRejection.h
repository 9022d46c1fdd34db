// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

#include <array>

namespace tt {

//! Why a message or reading was not accepted.
enum class TelemetryRejection : quint8 {
    BadTopic,          //!< not `<prefix>/<entity>/<quantity>` and no mapping matches
    UnknownEntity,
    UnknownQuantity,
    NotMetered,        //!< a known quantity the entity does not have (pv_kw of a boiler)
    InvalidJson,
    MissingValue,
    NonNumericValue,
    NonFiniteValue,
    Impossible,        //!< beyond the entity's physical limits
    MissingTimestamp,
    BadTimestamp,      //!< unreadable, without a UTC offset, before 2000 or in the future
};
constexpr int kTelemetryRejectionCount = int(TelemetryRejection::BadTimestamp) + 1;

namespace telemetryrejection {
QString key(TelemetryRejection reason);  //!< "invalid_json", ... (the summary's keys)
} // namespace telemetryrejection

//! A rejection with what to tell the operator: the topic and the problem.
struct TelemetryRejectionNote {
    TelemetryRejection reason = TelemetryRejection::InvalidJson;
    QString message;
};

//! Counts of what arrived: readings received, accepted and rejected by reason.
struct TelemetryTally {
    qint64 received = 0;
    qint64 accepted = 0;
    qint64 rejected = 0;
    std::array<qint64, kTelemetryRejectionCount> byReason{};

    void reject(TelemetryRejection reason)
    {
        ++rejected;
        ++byReason[size_t(reason)];
    }
    //! `received`, `accepted`, `rejected`, `rejected_by_reason` (reasons that occurred).
    QJsonObject toJson() const;
};

} // namespace tt
