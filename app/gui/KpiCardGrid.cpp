// SPDX-License-Identifier: MIT
#include "KpiCardGrid.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tt {

KpiCardGrid::KpiCardGrid(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
}

void KpiCardGrid::addCard(const QString &key, const QString &caption, int row, int column)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *box = new QVBoxLayout(frame);
    box->setContentsMargins(6, 4, 6, 4);
    auto *value = new QLabel(frame);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    value->setFont(big);
    auto *label = new QLabel(caption, frame);
    label->setStyleSheet(QStringLiteral("color: palette(mid)"));
    box->addWidget(value);
    box->addWidget(label);
    m_grid->addWidget(frame, row, column);
    m_values.insert(key, value);
    m_captions.insert(key, label);
    m_keys << key;
}

void KpiCardGrid::setCard(const QString &key, const QString &text, const QString &tip)
{
    QLabel *value = m_values.value(key);
    if (!value)
        return;
    value->setText(text);
    value->parentWidget()->setToolTip(tip);
}

QString KpiCardGrid::cardCaption(const QString &key) const
{
    const QLabel *caption = m_captions.value(key);
    return caption ? caption->text() : QString();
}

QString KpiCardGrid::cardText(const QString &key) const
{
    const QLabel *value = m_values.value(key);
    return value ? value->text() : QString();
}

} // namespace tt
