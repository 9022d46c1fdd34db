// SPDX-License-Identifier: MIT
#pragma once
// A real mosquitto broker for a test: on a free loopback port, its own config and
// persistence folder, stopped (SIGTERM, so it saves its sessions) when the test ends.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace tt::testbroker {

class MosquittoBroker {
public:
    MosquittoBroker() = default;
    ~MosquittoBroker() { stop(); }

    //! Debian installs it in /usr/sbin, which a user's PATH may lack.
    static QString executable()
    {
        QString found = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
        return found;
    }

    //! Starts on a free port (or the port it had, to come back after stop()); false with a reason.
    bool start(QString *error)
    {
        if (executable().isEmpty()) {
            *error = QStringLiteral("mosquitto is not installed (scripts/setup-deps.sh installs it)");
            return false;
        }
        if (m_port == 0) {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *error = QStringLiteral("no free loopback port");
                return false;
            }
            m_port = probe.serverPort();
        }
        // Started as root, mosquitto drops to its own user, which must still save its sessions here.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
        QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
        if (!conf.open(QIODevice::WriteOnly)) {
            *error = conf.errorString();
            return false;
        }
        // Persistent sessions keep every reading while TownTwin is away: no limit that would
        // drop some (mosquitto's default is 1000; 0 also stops retained messages in 2.0).
        conf.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence true\n"
                                  "persistence_location %2/\nmax_queued_messages 10000000\n")
                       .arg(m_port).arg(m_dir.path()).toUtf8());
        conf.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(executable(), {QStringLiteral("-c"), conf.fileName()});
        if (!m_process.waitForStarted(5000)) {
            *error = m_process.errorString();
            return false;
        }
        for (int i = 0; i < 100; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        *error = QStringLiteral("mosquitto did not listen on port %1: %2").arg(m_port).arg(QString::fromUtf8(m_process.readAll()));
        return false;
    }

    //! Stops it as a service manager would (SIGTERM): it saves its sessions first.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }

    int port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace tt::testbroker
