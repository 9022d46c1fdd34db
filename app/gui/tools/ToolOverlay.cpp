// SPDX-License-Identifier: MIT
#include "ToolOverlay.h"

#include "EditTool.h"
#include "ToolController.h"
#include "ViewportWidget.h"

#include <QEvent>
#include <QPainter>

namespace tt {

ToolOverlay::ToolOverlay(QWidget *viewport) : QWidget(viewport)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setGeometry(viewport->rect());
    viewport->installEventFilter(this);
    if (auto *view = qobject_cast<ViewportWidget *>(viewport))
        connect(view, &ViewportWidget::frameDrawn, this, qOverload<>(&QWidget::update));
    show();
}

bool ToolOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ToolOverlay::paintEvent(QPaintEvent *)
{
    if (!m_controller || !m_controller->activeTool())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    m_controller->activeTool()->paintOverlay(painter);
}

} // namespace tt
