// SPDX-License-Identifier: MIT
#include "LiveConnectDialog.h"

#include "live/MqttClient.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace tt {

namespace {

//! A line edit with a "…" button that picks a file.
QWidget *withBrowse(QLineEdit *edit, const QString &caption, const QString &filter, bool save)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(QStringLiteral("…"));
    layout->addWidget(browse);
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, caption, filter, save] {
        const QString path = save ? QFileDialog::getSaveFileName(edit, caption, edit->text(), filter)
                                  : QFileDialog::getOpenFileName(edit, caption, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

} // namespace

LiveConnectDialog::LiveConnectDialog(const TelemetrySettings &settings, const QString &historyPath, QWidget *parent)
    : QDialog(parent), m_broker(new QLineEdit(settings.broker, this)), m_prefix(new QLineEdit(settings.prefix, this)),
      m_clientId(new QLineEdit(settings.clientId, this)), m_username(new QLineEdit(settings.username, this)),
      m_password(new QLineEdit(this)), m_passwordFile(new QLineEdit(settings.passwordFile, this)),
      m_caFile(new QLineEdit(settings.caFile, this)), m_mapping(new QLineEdit(settings.mappingFile, this)),
      m_history(new QLineEdit(historyPath, this)), m_original(settings)
{
    setWindowTitle(tr("Connect to telemetry"));
    m_broker->setPlaceholderText(QStringLiteral("mqtt.example.town:1883"));
    m_clientId->setPlaceholderText(tr("none: readings sent while away are lost"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("for this session only; never saved"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Broker (host:port):"), m_broker);
    form->addRow(tr("Topic &prefix:"), m_prefix);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("Password &file:"), withBrowse(m_passwordFile, tr("Password file"), QString(), false));
    form->addRow(tr("&TLS CA certificate:"), withBrowse(m_caFile, tr("CA certificate"), tr("Certificates (*.pem *.crt)"), false));
    form->addRow(tr("&Mapping file:"), withBrowse(m_mapping, tr("Telemetry mapping"), tr("JSON (*.json)"), false));
    form->addRow(tr("&Record history in:"), withBrowse(m_history, tr("History file"), tr("GeoPackage (*.gpkg)"), true));
    auto *note = new QLabel(tr("The project remembers everything here but the password. A client id gives a persistent "
                               "session: the broker keeps readings for TownTwin while it is away."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_broker, m_prefix, m_history})
        connect(edit, &QLineEdit::textChanged, this, &LiveConnectDialog::validate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    validate();
}

void LiveConnectDialog::validate()
{
    MqttSettings probe;
    QString error;
    const QString prefix = m_prefix->text().trimmed();
    const bool ok = MqttSettings::parseBroker(m_broker->text(), &probe, &error) && !prefix.isEmpty()
        && !prefix.contains(QLatin1Char('+')) && !prefix.contains(QLatin1Char('#')) && !m_history->text().trimmed().isEmpty();
    m_broker->setToolTip(error);
    if (auto *box = findChild<QDialogButtonBox *>())
        box->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

TelemetrySettings LiveConnectDialog::settings() const
{
    TelemetrySettings s = m_original;
    s.broker = m_broker->text().trimmed();
    s.prefix = m_prefix->text().trimmed();
    s.clientId = m_clientId->text().trimmed();
    s.username = m_username->text().trimmed();
    s.passwordFile = m_passwordFile->text().trimmed();
    s.caFile = m_caFile->text().trimmed();
    s.mappingFile = m_mapping->text().trimmed();
    return s;
}

QString LiveConnectDialog::password() const
{
    return m_password->text();
}

QString LiveConnectDialog::historyPath() const
{
    return m_history->text().trimmed();
}

} // namespace tt
