// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

struct mosquitto;
struct mosquitto_message;

namespace tt {

//! Where and as whom TownTwin connects. A password is kept in memory only.
struct MqttSettings {
    QString host = QStringLiteral("localhost");
    int port = 1883;
    QString clientId;  //!< given: a persistent session (the broker keeps QoS 1 messages while away)
    QString username;
    QString password;
    QString caFile;    //!< given: TLS, the broker's certificate checked against this CA
    int keepAliveS = 30;

    //! "HOST:PORT", "HOST" (port 1883) or "[v6]:PORT"; false with *error for anything else.
    static bool parseBroker(const QString &text, MqttSettings *settings, QString *error);
    QString brokerText() const { return host + QLatin1Char(':') + QString::number(port); }
};

//! A message as it arrived.
struct MqttMessage {
    QByteArray topic;
    QByteArray payload;
};

//! A client of an MQTT broker through libmosquitto (the reference implementation, a
//! Debian package): its network thread connects, reconnects with back-off when the
//! broker goes away, resubscribes, and queues incoming messages for the owner's thread
//! to take. Never listens on a port.
class MqttClient {
public:
    explicit MqttClient(MqttSettings settings);
    ~MqttClient();
    MqttClient(const MqttClient &) = delete;
    MqttClient &operator=(const MqttClient &) = delete;

    //! What to subscribe to, at QoS 1, on every (re)connection. Before start().
    void setSubscriptions(const QStringList &filters) { m_filters = filters; }
    //! Starts the network thread and the first connection attempt. Fails only on settings
    //! that can never work (a TLS CA file that cannot be read); an unreachable broker is
    //! retried with back-off (1 s doubling to 30 s).
    Status start();
    //! Disconnects cleanly and joins the network thread.
    void stop();

    bool isConnected() const { return m_connected.load(); }
    //! Waits up to `ms` for a connection; true when connected.
    bool waitConnected(int ms);
    //! Every message received since the last call, in arrival order.
    std::vector<MqttMessage> takeMessages();
    //! Waits up to `ms` for a message to arrive (returns at once when one is queued).
    void waitForMessages(int ms);
    //! Connection changes and errors worth telling the user, since the last call.
    QStringList takeEvents();

    //! Queues a message at QoS 1: kept and sent after a reconnection if the broker is away.
    Status publish(const QString &topic, const QByteArray &payload, bool retain = false);
    //! QoS 1 messages published but not yet acknowledged by the broker.
    int unacknowledged() const { return m_unacknowledged.load(); }
    //! Waits up to `ms` until the broker acknowledged everything published.
    bool waitAcknowledged(int ms);
    int connections() const { return m_connections.load(); }

private:
    static void onConnect(mosquitto *, void *self, int rc);
    static void onDisconnect(mosquitto *, void *self, int rc);
    static void onMessage(mosquitto *, void *self, const mosquitto_message *message);
    static void onPublish(mosquitto *, void *self, int mid);
    void addEvent(const QString &event);

    MqttSettings m_settings;
    QStringList m_filters;
    mosquitto *m_mosq = nullptr;
    bool m_started = false;
    std::atomic<bool> m_connected{false};
    std::atomic<int> m_unacknowledged{0};
    std::atomic<int> m_connections{0};
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::deque<MqttMessage> m_inbox;
    QStringList m_events;
};

} // namespace tt
