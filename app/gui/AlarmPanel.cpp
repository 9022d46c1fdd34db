// SPDX-License-Identifier: MIT
#include "AlarmPanel.h"

#include "LiveSession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tt {

namespace {

QString kindText(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::High: return AlarmPanel::tr("High");
    case AlarmKind::Low: return AlarmPanel::tr("Low");
    case AlarmKind::Deviation: return AlarmPanel::tr("Deviation");
    }
    return QString();
}

} // namespace

AlarmPanel::AlarmPanel(Document *document, LiveSession *session, QWidget *parent)
    : QWidget(parent), m_document(document), m_session(session), m_list(new QTreeWidget(this)),
      m_ack(new QPushButton(tr("Acknowledge"), this)), m_ackAll(new QPushButton(tr("Acknowledge all"), this))
{
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Time"), tr("Kind"), tr("Alarm"), tr("Acknowledged")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_ackAll);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_ack, &QPushButton::clicked, this, [this] { acknowledge(false); });
    connect(m_ackAll, &QPushButton::clicked, this, [this] { acknowledge(true); });
    connect(session, &LiveSession::alarmsChanged, this, &AlarmPanel::refresh);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        emit entityActivated(item->data(0, Qt::UserRole + 1).toULongLong());
    });
    refresh();
}

int AlarmPanel::rowCount() const
{
    return m_list->topLevelItemCount();
}

QString AlarmPanel::rowText(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    QStringList cells;
    for (int c = 0; item && c < m_list->columnCount(); ++c)
        cells << item->text(c);
    return cells.join(QStringLiteral(" | "));
}

int AlarmPanel::unacknowledgedCount() const
{
    int n = 0;
    for (const Alarm &a : m_session->alarms())
        n += a.acknowledged() ? 0 : 1;
    return n;
}

void AlarmPanel::acknowledge(bool all)
{
    QVector<qint64> ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if ((all || item->isSelected()) && item->text(3).isEmpty())
            ids << item->data(0, Qt::UserRole).toLongLong();
    }
    for (qint64 id : ids)
        if (Status s = m_session->acknowledge(id); !s)
            emit m_session->message(2, s.message);
}

void AlarmPanel::refresh()
{
    // Alarms are rare next to readings: the list is rebuilt, a thousand at most.
    constexpr size_t kShown = 1000;
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    const std::vector<Alarm> &alarms = m_session->alarms();
    for (size_t i = 0; i < alarms.size() && i < kShown; ++i) {
        const Alarm &a = alarms[i];
        auto *item = new QTreeWidgetItem;
        item->setText(0, m_session->siteTimeText(a.ts));
        item->setText(1, kindText(a.kind));
        item->setText(2, a.message);
        item->setToolTip(2, a.message);
        // Acknowledged on the operator's own clock.
        item->setText(3, a.acknowledged() ? QDateTime::fromSecsSinceEpoch(qint64(a.acknowledgedTs)).toString(QStringLiteral("HH:mm"))
                                          : QString());
        item->setData(0, Qt::UserRole, a.id);
        item->setData(0, Qt::UserRole + 1, quint64(a.entity));
        if (!a.acknowledged()) {
            QFont bold = item->font(2);
            bold.setBold(true);
            for (int c = 0; c < 3; ++c)
                item->setFont(c, bold);
        }
        items << item;
    }
    m_list->addTopLevelItems(items);
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    const int open = unacknowledgedCount();
    m_ackAll->setEnabled(open > 0);
    emit unacknowledgedChanged(open);
}

} // namespace tt
