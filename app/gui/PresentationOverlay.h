// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QWidget>

namespace tt {

//! What an audience reads over the 3D view in presentation mode: the title and logo
//! at the top left, date and hour at the top right, big KPI cards along the bottom
//! and the stop's caption above them. Painted over the view; lets the mouse through.
class PresentationOverlay : public QWidget {
    Q_OBJECT
public:
    struct Card {
        QString value;
        QString caption;
    };

    explicit PresentationOverlay(QWidget *view);

    void setTitle(const QString &title);
    void setCaption(const QString &caption);
    void setWhen(const QString &when);
    void setCards(const QVector<Card> &cards);
    //! "2 / 4": where the tour is.
    void setProgress(const QString &progress);

    QString title() const { return m_title; }
    QString caption() const { return m_caption; }
    QString when() const { return m_when; }
    const QVector<Card> &cards() const { return m_cards; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_title;
    QString m_caption;
    QString m_when;
    QString m_progress;
    QVector<Card> m_cards;
    QIcon m_logo;
};

} // namespace tt
