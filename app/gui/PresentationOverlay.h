// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QRegion>
#include <QWidget>

class QPainter;

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
        bool operator==(const Card &o) const { return value == o.value && caption == o.caption; }
    };
    //! Everything the overlay shows.
    struct Content {
        QString title;
        QString caption;
        QString when;
        QString progress;  //!< "2 / 4": where the tour is
        QVector<Card> cards;
    };
    //! Paints the content over a picture of `size` (the widget over the view, the video
    //! over each frame); where it painted.
    static QRegion paint(QPainter &painter, const QSize &size, const Content &content);

    explicit PresentationOverlay(QWidget *view);

    void setTitle(const QString &title);
    void setCaption(const QString &caption);
    void setWhen(const QString &when);
    void setCards(const QVector<Card> &cards);
    //! "2 / 4": where the tour is.
    void setProgress(const QString &progress);

    QString title() const { return m_content.title; }
    QString caption() const { return m_content.caption; }
    QString when() const { return m_content.when; }
    const QVector<Card> &cards() const { return m_content.cards; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void changed();

    Content m_content;
    QImage m_cache;
    bool m_cacheValid = false;
};

} // namespace tt
