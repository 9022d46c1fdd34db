// SPDX-License-Identifier: MIT
#include "WeatherChooser.h"

#include "EnergyRunner.h"
#include "core/Document.h"
#include "energy/ProjectWeather.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace tt {

namespace {
//! Where the weather file dialog opens: the folder of the last file chosen.
const QString kWeatherFolderKey = QStringLiteral("energy/weatherFolder");
} // namespace

WeatherChooser::WeatherChooser(Document *document, EnergyRunner *runner, QWidget *parent)
    : QWidget(parent), m_document(document), m_runner(runner), m_name(new QLabel(this)), m_note(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *button = new QPushButton(tr("Weather…"), this);
    button->setToolTip(tr("Choose an EnergyPlus weather file (EPW) for the simulated year"));
    connect(button, &QPushButton::clicked, this, &WeatherChooser::chooseFile);
    row->addWidget(button);
    m_name->setObjectName(QStringLiteral("weatherName"));
    row->addWidget(m_name, 1);
    layout->addLayout(row);
    // Results from a far station or patched data must not look as good as any other.
    m_note->setObjectName(QStringLiteral("weatherNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setStyleSheet(QStringLiteral("color: #e65100"));
    m_note->hide();
    layout->addWidget(m_note);

    // A new town may have another site than the one the weather was checked against.
    connect(m_document, &Document::townReset, this, &WeatherChooser::refreshNote);
    connect(m_runner, &EnergyRunner::weatherChanged, this, &WeatherChooser::showWeather);
    showWeather();
}

Status WeatherChooser::setWeatherFile(const QString &path)
{
    const Status status = m_runner->setWeatherFile(path);
    m_error = status ? QString() : status.message;
    refreshNote();
    return status;
}

QString WeatherChooser::noteText() const
{
    return m_note->text();
}

void WeatherChooser::chooseFile()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a weather file"),
                                                      settings.value(kWeatherFolderKey).toString(),
                                                      tr("EnergyPlus weather files (*.epw);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kWeatherFolderKey, QFileInfo(path).absolutePath());
    static_cast<void>(setWeatherFile(path));  // a failure stays shown under the weather file
}

void WeatherChooser::showWeather()
{
    // A project's own weather that cannot be read is an error the runner reported.
    if (!m_runner->weatherFile().isEmpty())
        m_error.clear();
    const QString reference = m_runner->weatherReference();
    if (reference.isEmpty()) {
        m_name->setText(tr("(none)"));
        m_name->setToolTip(QString());
    } else {
        m_name->setText(ProjectWeather::displayName(reference));
        m_name->setToolTip(m_runner->weatherOrigin() == ProjectWeather::Origin::BundledNearSite
                               ? tr("%1: the bundled weather station nearest to the site; "
                                    "choose a file to make another the project's")
                                     .arg(reference)
                               : tr("%1: the project's weather file").arg(reference));
    }
    refreshNote();
}

void WeatherChooser::refreshNote()
{
    QStringList lines = m_runner->weatherWarnings();
    if (!m_error.isEmpty())
        lines.prepend(m_runner->weatherFile().isEmpty()
                          ? m_error
                          : tr("%1 — still using %2")
                                .arg(m_error, ProjectWeather::displayName(m_runner->weatherReference())));
    m_note->setText(lines.join(QLatin1Char('\n')));
    m_note->setVisible(!lines.isEmpty());
}

} // namespace tt
