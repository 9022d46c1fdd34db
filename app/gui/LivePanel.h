// SPDX-License-Identifier: MIT
#pragma once

#include "core/EntityId.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QValueAxis;

namespace tt {

class Document;
class LiveSession;

//! The Operations dock: the connection and what has arrived, and for the selected
//! building, asset or network element its measured values against the simulation for
//! the same hours of the year, over the two days before the shown instant.
class LivePanel : public QWidget {
    Q_OBJECT
public:
    LivePanel(Document *document, LiveSession *session, QWidget *parent = nullptr);

    //! The entity the chart shows (the first of a selection).
    void setSelected(const QVector<EntityId> &ids);
    EntityId chartedEntity() const { return m_entity; }
    QString statusText() const;
    //! Points in the chart's measured and simulated series (for tests).
    int measuredPoints() const;
    int simulatedPoints() const;

    static constexpr int kChartHours = 48;

signals:
    void connectRequested();
    void disconnectRequested();

private:
    void updateStatus();
    void updateChart();
    //! Where an instant goes on the date axis so that its labels read the site's time.
    double siteAxisMs(double epochMs) const;

    Document *m_document;
    LiveSession *m_session;
    QLabel *m_status;
    QLabel *m_counts;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_measured;
    QLineSeries *m_simulated;
    QDateTimeAxis *m_time;
    QValueAxis *m_value;
    EntityId m_entity = kNoEntity;
    qint64 m_lastChartMs = 0;
};

} // namespace tt
