// SPDX-License-Identifier: MIT
#include "AlarmModel.h"

#include "LiveSession.h"

#include <QDateTime>
#include <QFont>

namespace tt {

namespace {

QString kindText(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::High: return AlarmModel::tr("High");
    case AlarmKind::Low: return AlarmModel::tr("Low");
    case AlarmKind::Deviation: return AlarmModel::tr("Deviation");
    }
    return QString();
}

} // namespace

AlarmModel::AlarmModel(LiveSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_rows(int(session->alarms().size()))
{
    connect(session, &LiveSession::alarmsReset, this, [this] {
        beginResetModel();
        m_rows = int(m_session->alarms().size());
        endResetModel();
    });
    connect(session, &LiveSession::alarmsRaised, this, [this](int count) {
        beginInsertRows(QModelIndex(), 0, count - 1);
        m_rows += count;
        endInsertRows();
    });
    connect(session, &LiveSession::alarmsAcknowledged, this, [this] {
        if (m_rows > 0)
            emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    });
}

int AlarmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int AlarmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return QVariant();
    const Alarm &a = m_session->alarms()[size_t(m_rows - 1 - index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return m_session->siteTimeText(a.ts);
        case Kind: return kindText(a.kind);
        case Message: return a.message;
        case Acknowledged:
            // On the operator's own clock.
            return a.acknowledged() ? QDateTime::fromSecsSinceEpoch(qint64(a.acknowledgedTs)).toString(QStringLiteral("HH:mm"))
                                    : QString();
        }
        return QVariant();
    case Qt::ToolTipRole: return index.column() == Message ? QVariant(a.message) : QVariant();
    case Qt::FontRole:
        if (!a.acknowledged() && index.column() != Acknowledged) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return QVariant();
    case AlarmIdRole: return a.id;
    case EntityRole: return quint64(a.entity);
    }
    return QVariant();
}

QVariant AlarmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Time: return tr("Time");
    case Kind: return tr("Kind");
    case Message: return tr("Alarm");
    case Acknowledged: return tr("Acknowledged");
    }
    return QVariant();
}

} // namespace tt
