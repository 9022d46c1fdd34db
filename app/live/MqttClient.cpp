// SPDX-License-Identifier: MIT
#include "MqttClient.h"

#include <QFileInfo>
#include <QUuid>

#include <mosquitto.h>

#include <chrono>
#include <mutex>
#include <thread>

namespace tt {

namespace {

void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

QString mosquittoError(int rc)
{
    return QString::fromUtf8(rc == MOSQ_ERR_ERRNO ? strerror(errno) : mosquitto_strerror(rc));
}

} // namespace

bool MqttSettings::parseBroker(const QString &text, MqttSettings *settings, QString *error)
{
    QString host = text.trimmed();
    int port = 1883;
    const int colon = int(host.lastIndexOf(QLatin1Char(':')));
    const bool bracketed = host.startsWith(QLatin1Char('['));
    if (colon > 0 && (!bracketed || host.at(colon - 1) == QLatin1Char(']'))) {
        bool ok = false;
        port = host.mid(colon + 1).toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *error = QStringLiteral("'%1' has no valid port (1-65535)").arg(text);
            return false;
        }
        host = host.left(colon);
    }
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty()) {
        *error = QStringLiteral("'%1' names no broker host; expected HOST:PORT").arg(text);
        return false;
    }
    settings->host = host;
    settings->port = port;
    return true;
}

MqttClient::MqttClient(MqttSettings settings) : m_settings(std::move(settings))
{
    initLibrary();
    const bool persistent = !m_settings.clientId.isEmpty();
    const QByteArray id = persistent ? m_settings.clientId.toUtf8()
                                     : QByteArrayLiteral("towntwin-") + QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
    m_mosq = mosquitto_new(id.constData(), !persistent, this);
    mosquitto_connect_callback_set(m_mosq, &MqttClient::onConnect);
    mosquitto_disconnect_callback_set(m_mosq, &MqttClient::onDisconnect);
    mosquitto_message_callback_set(m_mosq, &MqttClient::onMessage);
    mosquitto_publish_callback_set(m_mosq, &MqttClient::onPublish);
    mosquitto_reconnect_delay_set(m_mosq, 1, 30, true);
    // More QoS 1 messages in flight than the default 20: loopback round trips would
    // otherwise cap a replay or a burst of meters at a few thousand messages a second.
    mosquitto_max_inflight_messages_set(m_mosq, 1000);
    mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
}

MqttClient::~MqttClient()
{
    stop();
    mosquitto_destroy(m_mosq);
}

Status MqttClient::start()
{
    if (m_started)
        return Status::success();
    if (!m_settings.username.isEmpty()) {
        const QByteArray user = m_settings.username.toUtf8(), password = m_settings.password.toUtf8();
        mosquitto_username_pw_set(m_mosq, user.constData(), password.isEmpty() ? nullptr : password.constData());
    }
    if (!m_settings.caFile.isEmpty()) {
        if (!QFileInfo(m_settings.caFile).isReadable())
            return Status::error(QStringLiteral("%1: cannot read the CA certificate").arg(m_settings.caFile),
                                 ErrorCode::CannotOpen);
        const QByteArray ca = QFileInfo(m_settings.caFile).absoluteFilePath().toLocal8Bit();
        const int rc = mosquitto_tls_set(m_mosq, ca.constData(), nullptr, nullptr, nullptr, nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return Status::error(QStringLiteral("%1: %2").arg(m_settings.caFile, mosquittoError(rc)));
    }
    const QByteArray host = m_settings.host.toUtf8();
    // An unreachable broker is not an error here: the network thread keeps trying.
    const int rc = mosquitto_connect_async(m_mosq, host.constData(), m_settings.port, m_settings.keepAliveS);
    if (rc != MOSQ_ERR_SUCCESS)
        addEvent(QStringLiteral("broker %1: %2; retrying").arg(m_settings.brokerText(), mosquittoError(rc)));
    const int loop = mosquitto_loop_start(m_mosq);
    if (loop != MOSQ_ERR_SUCCESS)
        return Status::error(QStringLiteral("cannot start the MQTT network thread: %1").arg(mosquittoError(loop)));
    m_started = true;
    return Status::success();
}

void MqttClient::stop()
{
    if (!m_started)
        return;
    mosquitto_disconnect(m_mosq);
    mosquitto_loop_stop(m_mosq, false);
    m_started = false;
    m_connected = false;
}

bool MqttClient::waitConnected(int ms)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!m_connected && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return m_connected;
}

std::vector<MqttMessage> MqttClient::takeMessages()
{
    std::lock_guard lock(m_mutex);
    std::vector<MqttMessage> out(std::make_move_iterator(m_inbox.begin()), std::make_move_iterator(m_inbox.end()));
    m_inbox.clear();
    return out;
}

void MqttClient::waitForMessages(int ms)
{
    std::unique_lock lock(m_mutex);
    m_arrived.wait_for(lock, std::chrono::milliseconds(ms), [this] { return !m_inbox.empty(); });
}

QStringList MqttClient::takeEvents()
{
    std::lock_guard lock(m_mutex);
    QStringList out;
    out.swap(m_events);
    return out;
}

Status MqttClient::publish(const QString &topic, const QByteArray &payload, bool retain)
{
    const QByteArray t = topic.toUtf8();
    ++m_unacknowledged;
    const int rc = mosquitto_publish(m_mosq, nullptr, t.constData(), int(payload.size()), payload.constData(), 1, retain);
    if (rc != MOSQ_ERR_SUCCESS) {
        --m_unacknowledged;
        return Status::error(QStringLiteral("cannot publish on '%1': %2").arg(topic, mosquittoError(rc)));
    }
    return Status::success();
}

bool MqttClient::waitAcknowledged(int ms)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (m_unacknowledged > 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return m_unacknowledged == 0;
}

void MqttClient::addEvent(const QString &event)
{
    std::lock_guard lock(m_mutex);
    m_events << event;
}

void MqttClient::onConnect(mosquitto *mosq, void *self, int rc)
{
    auto *c = static_cast<MqttClient *>(self);
    if (rc != 0) {
        c->addEvent(QStringLiteral("broker %1 refused the connection: %2")
                        .arg(c->m_settings.brokerText(), QString::fromUtf8(mosquitto_connack_string(rc))));
        return;
    }
    // Subscribing again on every connection is harmless for a persistent session and
    // needed for a clean one.
    for (const QString &filter : c->m_filters) {
        const QByteArray f = filter.toUtf8();
        mosquitto_subscribe(mosq, nullptr, f.constData(), 1);
    }
    c->m_connected = true;
    ++c->m_connections;
    c->addEvent(QStringLiteral("connected to %1").arg(c->m_settings.brokerText()));
}

void MqttClient::onDisconnect(mosquitto *, void *self, int rc)
{
    auto *c = static_cast<MqttClient *>(self);
    c->m_connected = false;
    if (rc != 0)
        c->addEvent(QStringLiteral("lost the connection to %1; reconnecting").arg(c->m_settings.brokerText()));
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *message)
{
    auto *c = static_cast<MqttClient *>(self);
    MqttMessage m{QByteArray(message->topic),
                  QByteArray(static_cast<const char *>(message->payload), message->payloadlen)};
    {
        std::lock_guard lock(c->m_mutex);
        c->m_inbox.push_back(std::move(m));
    }
    c->m_arrived.notify_one();
}

void MqttClient::onPublish(mosquitto *, void *self, int)
{
    --static_cast<MqttClient *>(self)->m_unacknowledged;
}

} // namespace tt
