// SPDX-License-Identifier: MIT
#pragma once

#include "TelemetryEntities.h"
#include "TelemetryMapping.h"
#include "TelemetryReading.h"
#include "TelemetryRejection.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace tt {

//! What one MQTT message held: the readings accepted and why the others were not.
struct TelemetryMessage {
    int received = 0;  //!< readings in the message (1 for an unreadable one)
    std::vector<TelemetryReading> accepted;
    std::vector<TelemetryRejectionNote> rejected;
};

//! Turns MQTT messages into validated readings, following the telemetry contract:
//! topic `<prefix>/<entity>/<quantity>`, payload `{"ts": ..., "value": ...}` or an
//! array of them; `ts` ISO-8601 with a UTC offset or epoch seconds. A mapping's rules
//! are tried first. Never throws and never stops on bad input: every reading is
//! either accepted or rejected with a reason and a message naming the topic.
class TelemetryDecoder {
public:
    TelemetryDecoder(std::shared_ptr<const TelemetryEntities> entities, const QString &prefix,
                     TelemetryMapping mapping = {});

    //! The MQTT filters to subscribe to: `<prefix>/+/+` and each mapping rule's topic.
    QStringList subscriptions() const;
    const QString &prefix() const { return m_prefix; }
    const TelemetryEntities &entities() const { return *m_entities; }

    //! Decodes one message; `nowTs` (epoch seconds) bounds timestamps from the future. A topic
    //! ending in "setpoint" is not telemetry: nothing received.
    TelemetryMessage decode(const QByteArray &topic, const QByteArray &payload, double nowTs) const;

    //! Readings more than this far ahead of the receiver's clock are refused.
    static constexpr double kFutureToleranceS = 86400.0;
    //! Nothing the town measured predates this (2000-01-01T00:00:00Z).
    static constexpr double kEarliestTs = 946684800.0;

private:
    struct Target {
        const TelemetryEntities::Entry *entity = nullptr;
        TelemetryQuantity quantity = TelemetryQuantity::ElectricityKw;
    };
    //! The entity and quantity named, or a rejection in *out (one for the whole message).
    bool resolve(const QString &topic, const QByteArray &payload, const QString &entityName, const QString &quantityKey,
                 Target *target, TelemetryMessage *out) const;
    //! Every reading of the message rejected for one reason (its topic, say).
    static void rejectWhole(const QByteArray &payload, TelemetryRejection reason, const QString &message,
                            TelemetryMessage *out);
    void decodePayload(const QString &topic, const QByteArray &payload, const Target &target,
                       const TelemetryMapping::Rule *rule, double nowTs, TelemetryMessage *out) const;

    std::shared_ptr<const TelemetryEntities> m_entities;
    QString m_prefix;
    QStringList m_prefixLevels;
    TelemetryMapping m_mapping;
};

} // namespace tt
