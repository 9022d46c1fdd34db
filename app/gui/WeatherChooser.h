// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QWidget>

class QLabel;

namespace tt {

class Document;
class EnergyRunner;

//! The Energy dock's weather row: the weather file in use and where it comes
//! from (the project's, or the bundled one near the site), a button to choose
//! another, and under it in orange why the last file chosen could not be read
//! and what to know about the weather (a far station, values filled in).
class WeatherChooser : public QWidget {
    Q_OBJECT
public:
    WeatherChooser(Document *document, EnergyRunner *runner, QWidget *parent = nullptr);

    //! Makes this EPW the project's weather (EnergyRunner::setWeatherFile). A failure
    //! is returned and stays shown until a file is read, whatever the runs that follow say.
    Status setWeatherFile(const QString &path);
    //! The lines under the weather file; empty (and hidden) when there is nothing to say.
    QString noteText() const;

private:
    void chooseFile();
    void showWeather();
    void refreshNote();

    Document *m_document;
    EnergyRunner *m_runner;
    QString m_error;  // the last chosen file that could not be read, and why
    QLabel *m_name;
    QLabel *m_note;
};

} // namespace tt
