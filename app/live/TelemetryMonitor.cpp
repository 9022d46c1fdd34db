// SPDX-License-Identifier: MIT
#include "TelemetryMonitor.h"

namespace tt {

TelemetryMonitor::TelemetryMonitor(TelemetryDecoder decoder, bool keepAccepted)
    : m_decoder(std::move(decoder)), m_keepAccepted(keepAccepted)
{
    m_sinceFlush.start();
}

Status TelemetryMonitor::openHistory(const QString &path)
{
    return m_history.open(path);
}

void TelemetryMonitor::ingest(const std::vector<MqttMessage> &messages, double nowTs)
{
    for (const MqttMessage &m : messages) {
        TelemetryMessage decoded = m_decoder.decode(m.topic, m.payload, nowTs);
        m_tally.received += decoded.received;
        m_tally.accepted += qint64(decoded.accepted.size());
        for (TelemetryRejectionNote &note : decoded.rejected) {
            m_tally.reject(note.reason);
            if (m_rejections.size() < size_t(kKeptRejections))
                m_rejections.push_back(std::move(note));
        }
        if (m_history.isOpen())
            m_history.append(decoded.accepted);
        if (m_keepAccepted)
            m_accepted.insert(m_accepted.end(), decoded.accepted.begin(), decoded.accepted.end());
    }
}

Status TelemetryMonitor::flush(bool force)
{
    if (!m_history.isOpen() || m_history.pendingCount() == 0)
        return Status::success();
    if (!force && m_sinceFlush.elapsed() < kFlushIntervalMs && m_history.pendingCount() < kFlushBatch)
        return Status::success();
    m_sinceFlush.restart();
    const Status s = m_history.flush();
    if (s) {
        m_lastFlushError.clear();
        return s;
    }
    // The same failure every half second would drown everything else.
    if (s.message == m_lastFlushError)
        return Status::success();
    m_lastFlushError = s.message;
    return Status::error(QStringLiteral("%1 (%2 readings kept in memory; retrying)").arg(s.message).arg(m_history.pendingCount()));
}

std::vector<TelemetryReading> TelemetryMonitor::takeAccepted()
{
    std::vector<TelemetryReading> out;
    out.swap(m_accepted);
    return out;
}

std::vector<TelemetryRejectionNote> TelemetryMonitor::takeRejections()
{
    std::vector<TelemetryRejectionNote> out;
    out.swap(m_rejections);
    return out;
}

} // namespace tt
