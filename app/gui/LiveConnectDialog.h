// SPDX-License-Identifier: MIT
#pragma once

#include "ops/TelemetrySettings.h"

#include <QDialog>

class QLineEdit;

namespace tt {

//! Operations ▸ Connect to telemetry…: the broker and credentials the project remembers,
//! a password typed in for this session only (never stored), and where to record.
class LiveConnectDialog : public QDialog {
    Q_OBJECT
public:
    LiveConnectDialog(const TelemetrySettings &settings, const QString &historyPath, QWidget *parent = nullptr);

    TelemetrySettings settings() const;
    QString password() const;
    QString historyPath() const;

private:
    void validate();

    QLineEdit *m_broker;
    QLineEdit *m_prefix;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_passwordFile;
    QLineEdit *m_caFile;
    QLineEdit *m_mapping;
    QLineEdit *m_history;
    TelemetrySettings m_original;
};

} // namespace tt
