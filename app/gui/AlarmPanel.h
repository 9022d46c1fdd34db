// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPushButton;
class QTreeView;

namespace tt {

class AlarmModel;
class Document;
class LiveSession;

//! The Alarms dock: every alarm raised (and those recorded before), newest first, with
//! acknowledge. Unacknowledged alarms are bold.
class AlarmPanel : public QWidget {
    Q_OBJECT
public:
    AlarmPanel(Document *document, LiveSession *session, QWidget *parent = nullptr);

    int rowCount() const;
    int unacknowledgedCount() const;
    QString rowText(int row) const;
    //! Acknowledges the selected alarms, or all when `all`.
    void acknowledge(bool all);

signals:
    //! The dock's title should show this many open alarms.
    void unacknowledgedChanged(int count);
    //! The operator double-clicked an alarm: show its entity.
    void entityActivated(quint64 id);

private:
    void countsChanged();

    Document *m_document;
    LiveSession *m_session;
    AlarmModel *m_model;
    QTreeView *m_list;
    QPushButton *m_ack;
    QPushButton *m_ackAll;
};

} // namespace tt
