// SPDX-License-Identifier: MIT
#include "AlarmPanel.h"

#include "AlarmModel.h"
#include "LiveSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace tt {

AlarmPanel::AlarmPanel(Document *document, LiveSession *session, QWidget *parent)
    : QWidget(parent), m_document(document), m_session(session), m_model(new AlarmModel(session, this)),
      m_list(new QTreeView(this)), m_ack(new QPushButton(tr("Acknowledge"), this)),
      m_ackAll(new QPushButton(tr("Acknowledge all"), this))
{
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Fixed widths from the font: measuring thousands of rows per alarm would not be.
    const QFontMetrics metrics(font());
    m_list->header()->resizeSection(AlarmModel::Time, metrics.horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 24);
    m_list->header()->resizeSection(AlarmModel::Kind, metrics.horizontalAdvance(tr("Deviation")) + 24);
    m_list->header()->setSectionResizeMode(AlarmModel::Message, QHeaderView::Stretch);
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
    connect(session, &LiveSession::alarmsReset, this, &AlarmPanel::countsChanged);
    connect(session, &LiveSession::alarmsRaised, this, &AlarmPanel::countsChanged);
    connect(session, &LiveSession::alarmsAcknowledged, this, &AlarmPanel::countsChanged);
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit entityActivated(index.data(AlarmModel::EntityRole).toULongLong());
    });
    countsChanged();
}

int AlarmPanel::rowCount() const
{
    return m_model->rowCount();
}

QString AlarmPanel::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < AlarmModel::ColumnCount; ++c)
        cells << m_model->index(row, c).data().toString();
    return cells.join(QStringLiteral(" | "));
}

int AlarmPanel::unacknowledgedCount() const
{
    return m_session->unacknowledgedCount();
}

void AlarmPanel::acknowledge(bool all)
{
    std::vector<qint64> ids;
    const std::vector<Alarm> &alarms = m_session->alarms();
    if (all) {
        for (const Alarm &a : alarms)
            if (!a.acknowledged())
                ids.push_back(a.id);
    } else {
        for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
            if (index.siblingAtColumn(AlarmModel::Acknowledged).data().toString().isEmpty())
                ids.push_back(index.data(AlarmModel::AlarmIdRole).toLongLong());
    }
    if (Status s = m_session->acknowledge(ids); !s)
        emit m_session->message(2, s.message);
}

void AlarmPanel::countsChanged()
{
    const int open = unacknowledgedCount();
    m_ackAll->setEnabled(open > 0);
    emit unacknowledgedChanged(open);
}

} // namespace tt
