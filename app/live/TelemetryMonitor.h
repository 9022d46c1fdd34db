// SPDX-License-Identifier: MIT
#pragma once

#include "MqttClient.h"
#include "TelemetryHistory.h"
#include "ops/TelemetryDecoder.h"

#include <QElapsedTimer>

#include <memory>

namespace tt {

//! The ingest pipeline the CLI's `monitor` and the GUI's live mode share: messages in,
//! readings decoded and validated, counted, recorded in the history in batches.
//! A history that cannot be written keeps the readings buffered and tries again.
class TelemetryMonitor {
public:
    //! `keepAccepted`: keep the accepted readings for takeAccepted() (the GUI's live view).
    explicit TelemetryMonitor(TelemetryDecoder decoder, bool keepAccepted = false);

    //! Records into the history file at `path` (created when missing).
    Status openHistory(const QString &path);
    bool recording() const { return m_history.isOpen(); }
    const TelemetryHistory &history() const { return m_history; }
    TelemetryHistory &history() { return m_history; }

    //! Decodes and counts the messages; accepted readings go to the history's buffer and
    //! to takeAccepted(), rejections to takeRejections(). `nowTs`: epoch seconds.
    void ingest(const std::vector<MqttMessage> &messages, double nowTs);
    //! Writes what is buffered when `force` or when due (half a second since the last
    //! write, or a large batch waiting). A failure is returned once per new message and
    //! the readings stay buffered.
    Status flush(bool force = false);

    const TelemetryDecoder &decoder() const { return m_decoder; }
    const TelemetryTally &tally() const { return m_tally; }
    //! The readings accepted since the last call (for live colours and alarms), when kept.
    std::vector<TelemetryReading> takeAccepted();
    //! Rejections since the last call; at most kKeptRejections, the rest only counted.
    std::vector<TelemetryRejectionNote> takeRejections();

    static constexpr int kKeptRejections = 200;
    static constexpr int kFlushIntervalMs = 500;
    static constexpr size_t kFlushBatch = 50000;

private:
    TelemetryDecoder m_decoder;
    TelemetryHistory m_history;
    TelemetryTally m_tally;
    std::vector<TelemetryReading> m_accepted;
    std::vector<TelemetryRejectionNote> m_rejections;
    bool m_keepAccepted;
    QElapsedTimer m_sinceFlush;
    QString m_lastFlushError;
};

} // namespace tt
