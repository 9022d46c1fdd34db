// SPDX-License-Identifier: MIT
#include "PresentationOverlay.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

namespace tt {

namespace {

const QColor kPanel(16, 24, 36, 190);
const QColor kText(255, 255, 255);
const QColor kSubtle(190, 205, 220);

//! A rounded dark panel behind text, so it reads over sky and town alike; `painted`
//! collects where the overlay covers the view.
void panel(QPainter &p, const QRectF &r, QRegion *painted)
{
    *painted += r.toAlignedRect();
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
    if (m_content.title == title)
        return;
    m_content.title = title;
    changed();
}

void PresentationOverlay::setCaption(const QString &caption)
{
    if (m_content.caption == caption)
        return;
    m_content.caption = caption;
    changed();
}

void PresentationOverlay::setWhen(const QString &when)
{
    if (m_content.when == when)
        return;
    m_content.when = when;
    changed();
}

void PresentationOverlay::setCards(const QVector<Card> &cards)
{
    if (m_content.cards == cards)
        return;
    m_content.cards = cards;
    changed();
}

void PresentationOverlay::setProgress(const QString &progress)
{
    if (m_content.progress == progress)
        return;
    m_content.progress = progress;
    changed();
}

void PresentationOverlay::paintEvent(QPaintEvent *event)
{
    // The view under the overlay redraws every frame, and the overlay with it: painted
    // once into a picture, only its panels are copied each frame (the mask).
    if (m_cache.size() != size()) {
        m_cache = QImage(size(), QImage::Format_ARGB32_Premultiplied);
        m_cacheValid = false;
    }
    if (!m_cacheValid) {
        m_cache.fill(Qt::transparent);
        QPainter painter(&m_cache);
        const QRegion panels = paint(painter, size(), m_content);
        m_cacheValid = true;
        if (panels != mask()) {
            setMask(panels);
            return;  // the mask's own update paints the panels
        }
    }
    QPainter p(this);
    for (const QRect &r : event->region())
        p.drawImage(r, m_cache, r);
}

void PresentationOverlay::changed()
{
    m_cacheValid = false;
    update();
}

QRegion PresentationOverlay::paint(QPainter &p, const QSize &size, const Content &content)
{
    QRegion painted;
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
    panel(p, titleBox, &painted);
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
    panel(p, whenBox, &painted);
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
            panel(p, r, &painted);
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
        panel(p, box, &painted);
        p.setPen(kText);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, content.caption);
    }
    return painted;
}

} // namespace tt
