// SPDX-License-Identifier: MIT
#include "TimeBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace tt {

namespace {
constexpr int kTickMs = 40;
} // namespace

TimeBar::TimeBar(QWidget *parent)
    : QWidget(parent), m_play(new QToolButton(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_label(new QLabel(this)), m_speed(new QComboBox(this)), m_marks(new QToolButton(this)), m_live(new QToolButton(this)), m_timer(new QTimer(this))
{
    m_play->setCheckable(true);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the year (Space)"));
    m_play->setShortcut(Qt::Key_Space);
    m_slider->setRange(0, kHours - 1);
    m_slider->setValue(kOpeningHour);
    m_position = kOpeningHour;
    m_slider->setPageStep(24);
    m_slider->setToolTip(tr("Hour of the simulated year"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QLocale().toString(QDateTime(QDate(2026, 9, 30), QTime(23, 0)), tr("ddd d MMM yyyy HH:mm"))) + 8);
    for (const auto &[text, hoursPerSecond] : {std::pair{tr("1 hour/s"), 1.0}, std::pair{tr("3 hours/s"), 3.0},
                                               std::pair{tr("6 hours/s"), 6.0}, std::pair{tr("12 hours/s"), 12.0},
                                               std::pair{tr("1 day/s"), 24.0}})
        m_speed->addItem(text, hoursPerSecond);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Playback speed"));
    m_marks->setText(tr("Jump to"));
    m_marks->setPopupMode(QToolButton::InstantPopup);
    m_marks->setEnabled(false);
    m_timer->setInterval(kTickMs);
    m_live->setText(tr("● Live"));
    m_live->setCheckable(true);
    m_live->setToolTip(tr("Follow the newest telemetry; move the slider to look back through the recorded history"));
    m_live->setVisible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_play);
    layout->addWidget(m_label);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_speed);
    layout->addWidget(m_marks);
    layout->addWidget(m_live);

    connect(m_play, &QToolButton::toggled, this, &TimeBar::setPlaying);
    connect(m_slider, &QSlider::valueChanged, this, [this](int h) {
        if (int(m_position) != h)
            m_position = h;
        updateLabel();
        emit hourChanged(h);
    });
    connect(m_timer, &QTimer::timeout, this, &TimeBar::advance);
    connect(m_live, &QToolButton::clicked, this, [this] {
        m_live->setChecked(true);
        emit liveRequested();
    });
    updateLabel();
}

void TimeBar::setLive(bool available, bool following)
{
    m_live->setVisible(available);
    m_live->setChecked(available && following);
}

bool TimeBar::isLiveFollowing() const
{
    return m_live->isVisible() && m_live->isChecked();
}

int TimeBar::hour() const
{
    return m_slider->value();
}

void TimeBar::setYear(int year)
{
    m_year = year > 0 ? year : 2001;
    updateLabel();
}

QDateTime TimeBar::dateTime(int hour) const
{
    // Weather years have 365 days: the date comes from day-of-year, Feb 29 never shown.
    const QDate day = QDate(2001, 1, 1).addDays(hour / 24);
    return QDateTime(QDate(m_year, day.month(), day.day()), QTime(hour % 24, 0));
}

void TimeBar::setMarks(const QVector<QPair<QString, int>> &marks)
{
    auto *menu = new QMenu(this);
    for (const auto &[name, hour] : marks) {
        const int h = hour;
        menu->addAction(QStringLiteral("%1 — %2").arg(name, QLocale().toString(dateTime(h), tr("d MMM HH:mm"))),
                        this, [this, h] { setHour(h); });
    }
    delete m_marks->menu();
    m_marks->setMenu(menu);
    m_marks->setEnabled(!marks.isEmpty());
}

bool TimeBar::isPlaying() const
{
    return m_timer->isActive();
}

double TimeBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void TimeBar::setHour(int hour)
{
    m_position = hour;
    m_slider->setValue(std::clamp(hour, 0, kHours - 1));
}

void TimeBar::setPlaying(bool playing)
{
    if (playing == isPlaying())
        return;
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
    m_play->setChecked(playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void TimeBar::advance()
{
    const double seconds = kTickMs / 1000.0;
    m_played += seconds;
    m_position += speed() * seconds;
    if (m_position >= kHours)
        m_position -= kHours;
    emit animationTick(m_played);
    if (int(m_position) != m_slider->value())
        m_slider->setValue(int(m_position));
}

void TimeBar::updateLabel()
{
    m_label->setText(QLocale().toString(dateTime(hour()), tr("ddd d MMM yyyy HH:mm")));
}

void TimeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateLabel();  // the date in the new locale
    QWidget::changeEvent(event);
}

} // namespace tt
