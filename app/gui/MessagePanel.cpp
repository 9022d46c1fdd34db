// SPDX-License-Identifier: MIT
#include "MessagePanel.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tt {

MessagePanel::MessagePanel(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_questionBar(new QWidget(this)), m_question(new QLabel),
      m_buttons(new QHBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QHBoxLayout(m_questionBar);
    bar->setContentsMargins(6, 4, 6, 4);
    m_question->setWordWrap(true);
    bar->addWidget(m_question, 1);
    bar->addLayout(m_buttons);
    m_questionBar->setStyleSheet(QStringLiteral("background:#fff3cd; border:1px solid #e0c36c;"));
    m_questionBar->hide();
    layout->addWidget(m_questionBar);
    layout->addWidget(m_list);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
}

void MessagePanel::addMessage(Level level, const QString &text)
{
    static const QStyle::StandardPixmap icons[] = {QStyle::SP_MessageBoxInformation, QStyle::SP_MessageBoxWarning,
                                                   QStyle::SP_MessageBoxCritical};
    auto *item = new QListWidgetItem(style()->standardIcon(icons[int(level)]),
                                     QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + text);
    item->setToolTip(text);
    m_list->insertItem(0, item);
}

void MessagePanel::ask(const QString &question, const QList<QPair<QString, std::function<void()>>> &actions)
{
    closeQuestion();
    m_question->setText(question);
    for (const auto &[text, action] : actions) {
        auto *button = new QPushButton(text, m_questionBar);
        connect(button, &QPushButton::clicked, this, [this, action = action] {
            closeQuestion();
            action();
        });
        m_buttons->addWidget(button);
    }
    m_questionBar->show();
}

void MessagePanel::closeQuestion()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        item->widget()->deleteLater();
        delete item;
    }
    m_questionBar->hide();
}

bool MessagePanel::isAsking() const
{
    return !m_questionBar->isHidden();
}

bool MessagePanel::answer(const QString &buttonText)
{
    for (int i = 0; i < m_buttons->count(); ++i) {
        auto *button = qobject_cast<QPushButton *>(m_buttons->itemAt(i)->widget());
        if (button && button->text() == buttonText) {
            button->click();
            return true;
        }
    }
    return false;
}

int MessagePanel::messageCount() const
{
    return m_list->count();
}

QString MessagePanel::messageText(int row) const
{
    return m_list->item(row) ? m_list->item(row)->toolTip() : QString();
}

void MessagePanel::clearMessages()
{
    m_list->clear();
}

} // namespace tt
