// SPDX-License-Identifier: MIT
#include "PresentationOverlay.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>

namespace tt {

namespace {

const QColor kPanel(16, 24, 36, 190);
const QColor kText(255, 255, 255);
const QColor kSubtle(190, 205, 220);

//! A rounded dark panel behind text, so it reads over sky and town alike.
void panel(QPainter &p, const QRectF &r)
{
    QPainterPath path;
    path.addRoundedRect(r, 10, 10);
    p.fillPath(path, kPanel);
}

} // namespace

PresentationOverlay::PresentationOverlay(QWidget *view) : QWidget(view)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(view->rect());
    view->installEventFilter(this);
}

bool PresentationOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void PresentationOverlay::setTitle(const QString &title)
{
    m_content.title = title;
    update();
}

void PresentationOverlay::setCaption(const QString &caption)
{
    m_content.caption = caption;
    update();
}

void PresentationOverlay::setWhen(const QString &when)
{
    m_content.when = when;
    update();
}

void PresentationOverlay::setCards(const QVector<Card> &cards)
{
    m_content.cards = cards;
    update();
}

void PresentationOverlay::setProgress(const QString &progress)
{
    m_content.progress = progress;
    update();
}

void PresentationOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, size(), m_content);
}

void PresentationOverlay::paint(QPainter &p, const QSize &size, const Content &content)
{
    const QIcon logoIcon(QStringLiteral(":/towntwin/icons/towntwin.svg"));
    const int width = size.width(), height = size.height();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // Sized from the screen's height so a projector and a laptop look alike.
    const double unit = std::max(8.0, height / 60.0);
    const double margin = unit * 1.5;
    QFont font = QApplication::font();

    // Title and logo.
    font.setPixelSize(int(unit * 2.2));
    font.setBold(true);
    p.setFont(font);
    const double logo = unit * 3.2;
    const QRectF titleText = p.boundingRect(QRectF(0, 0, width, logo), Qt::AlignVCenter, content.title);
    const QRectF titleBox(margin, margin, logo + titleText.width() + unit * 2.5, logo + unit);
    panel(p, titleBox);
    if (!logoIcon.isNull())
        logoIcon.paint(&p, QRectF(titleBox.left() + unit * 0.5, titleBox.top() + unit * 0.5, logo, logo).toRect());
    p.setPen(kText);
    p.drawText(QRectF(titleBox.left() + logo + unit * 1.5, titleBox.top(), titleText.width() + unit, titleBox.height()),
               Qt::AlignVCenter, content.title);

    // Date and hour, and where the tour is.
    font.setPixelSize(int(unit * 1.6));
    font.setBold(false);
    p.setFont(font);
    const QString when =
        content.progress.isEmpty() ? content.when : QStringLiteral("%1   ·   %2").arg(content.when, content.progress);
    const QRectF whenText = p.boundingRect(QRectF(0, 0, width, height), 0, when);
    const QRectF whenBox(width - margin - whenText.width() - unit * 2, margin, whenText.width() + unit * 2, titleBox.height());
    panel(p, whenBox);
    p.setPen(kSubtle);
    p.drawText(whenBox, Qt::AlignCenter, when);

    // KPI cards along the bottom.
    double bottom = height - margin;
    if (!content.cards.isEmpty()) {
        const double gap = unit;
        const int n = int(content.cards.size());
        const double cardWidth = std::min(unit * 16.0, (width - 2 * margin - gap * (n - 1)) / n);
        const double cardHeight = unit * 6.0;
        double x = (width - (cardWidth * n + gap * (n - 1))) / 2.0;
        const double top = bottom - cardHeight;
        for (const Card &c : content.cards) {
            const QRectF r(x, top, cardWidth, cardHeight);
            panel(p, r);
            font.setPixelSize(int(unit * 2.4));
            font.setBold(true);
            p.setFont(font);
            p.setPen(kText);
            p.drawText(r.adjusted(unit, unit * 0.5, -unit, -cardHeight * 0.42), Qt::AlignCenter, c.value);
            font.setPixelSize(int(unit * 1.2));
            font.setBold(false);
            p.setFont(font);
            p.setPen(kSubtle);
            p.drawText(r.adjusted(unit, cardHeight * 0.58, -unit, -unit * 0.5), Qt::AlignCenter, c.caption);
            x += cardWidth + gap;
        }
        bottom = top - unit;
    }

    // The caption above the cards.
    if (!content.caption.isEmpty()) {
        font.setPixelSize(int(unit * 2.0));
        font.setBold(false);
        p.setFont(font);
        const double maxWidth = width * 0.7;
        const QRectF text = p.boundingRect(QRectF(0, 0, maxWidth, height), Qt::AlignHCenter | Qt::TextWordWrap, content.caption);
        const QRectF box((width - text.width()) / 2.0 - unit * 1.5, bottom - text.height() - unit * 1.5,
                         text.width() + unit * 3, text.height() + unit * 1.5);
        panel(p, box);
        p.setPen(kText);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, content.caption);
    }
}

} // namespace tt
