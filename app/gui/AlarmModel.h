// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

namespace tt {

class LiveSession;

//! The session's alarms as a table, newest first. Raised alarms come in as rows at
//! the top and acknowledgements as changed data, so an alarm storm of thousands
//! costs the view only the rows it shows.
class AlarmModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Kind, Message, Acknowledged, ColumnCount };
    enum Role { AlarmIdRole = Qt::UserRole, EntityRole };

    explicit AlarmModel(LiveSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    LiveSession *m_session;
    //! Rows the view knows of: the session appends before it tells, so rows are
    //! counted back from this, not from the session's size.
    int m_rows = 0;
};

} // namespace tt
