// SPDX-License-Identifier: MIT
#pragma once

#include "present/SavedView.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace tt {

//! The main window's clock over the simulated year: a slider over its 8760 hours,
//! play/pause at 1 hour to 1 day per second, and jumps to the hours worth seeing (the
//! peak load, the lowest voltage, ...). It drives the scene, the sun and the Energy
//! dock through hourChanged(); while playing, animationTick() paces the flow dashes.
class TimeBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHours = 8760;
    //! Where a project opens: the scene in daylight (the year's first hour is a winter night).
    static constexpr int kOpeningHour = kSummerMorningHour;

    explicit TimeBar(QWidget *parent = nullptr);

    int hour() const;
    //! The calendar year the hours are dated in (the weather's; a non-leap year otherwise).
    void setYear(int year);
    //! The local date and time of an hour of the year.
    QDateTime dateTime(int hour) const;
    //! Hours to jump to, by name ("Peak load", "Lowest voltage"); empty disables the menu.
    void setMarks(const QVector<QPair<QString, int>> &marks);
    bool isPlaying() const;
    //! Hours per second of playback.
    double speed() const;
    //! Live operations: shows the "Live" button, pressed while the bar follows the newest data.
    void setLive(bool available, bool following);
    bool isLiveFollowing() const;

public slots:
    void setHour(int hour);
    void setPlaying(bool playing);

signals:
    void hourChanged(int hour);
    //! While playing, about 25 times a second: seconds played so far.
    void animationTick(double seconds);
    //! The user pressed "Live": follow the newest data again.
    void liveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void advance();
    void updateLabel();

    QToolButton *m_play;
    QSlider *m_slider;
    QLabel *m_label;
    QComboBox *m_speed;
    QToolButton *m_marks;
    QToolButton *m_live;
    QTimer *m_timer;
    int m_year = 2001;
    double m_position = 0.0;  // fractional hour while playing
    double m_played = 0.0;    // seconds
};

} // namespace tt
