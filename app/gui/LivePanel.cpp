// SPDX-License-Identifier: MIT
#include "LivePanel.h"

#include "LiveSession.h"

#include "core/Document.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace tt {

namespace {

QString entityName(const Town &town, EntityId id)
{
    if (const Building *b = town.buildings.find(id))
        return b->name.isEmpty() ? QObject::tr("Building %1").arg(id) : b->name;
    if (const EnergyAsset *a = town.assets.find(id))
        return a->name.isEmpty() ? QObject::tr("Asset %1").arg(id) : a->name;
    if (town.networkLinks.contains(id))
        return QObject::tr("Network link %1").arg(id);
    if (town.networkNodes.contains(id))
        return QObject::tr("Network node %1").arg(id);
    return QString();
}

} // namespace

LivePanel::LivePanel(Document *document, LiveSession *session, QWidget *parent)
    : QWidget(parent), m_document(document), m_session(session), m_status(new QLabel(this)), m_counts(new QLabel(this)),
      m_connect(new QPushButton(tr("Connect…"), this)), m_disconnect(new QPushButton(tr("Disconnect"), this)),
      m_chart(new QChart), m_view(new QChartView(m_chart, this)), m_measured(new QLineSeries),
      m_simulated(new QLineSeries), m_time(new QDateTimeAxis), m_value(new QValueAxis)
{
    m_status->setWordWrap(true);
    m_counts->setWordWrap(true);
    m_measured->setName(tr("Measured"));
    m_simulated->setName(tr("Simulated, same hours of the year"));
    QPen dashed(QColor(120, 120, 120));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    m_simulated->setPen(dashed);
    QPen solid(QColor(20, 110, 200));
    solid.setWidthF(2.0);
    m_measured->setPen(solid);
    m_chart->addSeries(m_simulated);
    m_chart->addSeries(m_measured);
    m_time->setFormat(tr("dd MMM HH:mm"));
    m_time->setTickCount(5);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_value, Qt::AlignLeft);
    for (QLineSeries *s : {m_measured, m_simulated}) {
        s->attachAxis(m_time);
        s->attachAxis(m_value);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_counts);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_connect, &QPushButton::clicked, this, &LivePanel::connectRequested);
    connect(m_disconnect, &QPushButton::clicked, this, &LivePanel::disconnectRequested);
    connect(session, &LiveSession::connectionChanged, this, &LivePanel::updateStatus);
    connect(session, &LiveSession::statsChanged, this, [this] {
        updateStatus();
        updateChart();  // new readings move the chart on (at most twice a second)
    });
    connect(session, &LiveSession::frameChanged, this, &LivePanel::updateChart);
    connect(session, &LiveSession::expectationReady, this, &LivePanel::updateChart);
    connect(session, &LiveSession::setpointsPublished, this, &LivePanel::updateStatus);
    updateStatus();
    updateChart();
}

void LivePanel::setSelected(const QVector<EntityId> &ids)
{
    m_entity = ids.isEmpty() ? kNoEntity : ids.first();
    m_lastChartMs = 0;
    updateChart();
}

QString LivePanel::statusText() const
{
    return m_status->text() + QLatin1Char('\n') + m_counts->text();
}

int LivePanel::measuredPoints() const
{
    return int(m_measured->count());
}

int LivePanel::simulatedPoints() const
{
    return int(m_simulated->count());
}

void LivePanel::updateStatus()
{
    const bool active = m_session->isActive();
    m_connect->setEnabled(!active);
    m_disconnect->setEnabled(active);
    if (!active) {
        m_status->setText(tr("Not connected. Operations ▸ Connect to telemetry… watches the town's meters live."));
        m_counts->clear();
        return;
    }
    m_status->setText(m_session->isConnected()
                          ? tr("Connected to %1; recording in %2").arg(m_session->brokerText(), m_session->historyPath())
                          : tr("Connecting to %1 (retrying with back-off)…").arg(m_session->brokerText()));
    const TelemetryTally &t = m_session->tally();
    const double now = m_session->values().now();
    m_counts->setText(tr("Received %L1 · accepted %L2 · rejected %L3 · recorded %L4\nNewest reading: %5 (site time)")
                          .arg(t.received)
                          .arg(t.accepted)
                          .arg(t.rejected)
                          .arg(m_session->recorded())
                          .arg(now > 0.0 ? m_session->siteTimeText(now) : tr("none yet")));
    const OperationsPlan &plan = m_session->lastPlan();
    if (!plan.setpoints.empty())
        m_counts->setText(m_counts->text()
                          + tr("\nPlan from %1 for %2 h: %3 set-points, solved in %4 ms")
                                .arg(m_session->siteTimeText(plan.setpoints.front().ts))
                                .arg(plan.hours)
                                .arg(plan.setpoints.size())
                                .arg(QLocale().toString(plan.solveSeconds * 1000.0, 'f', 0)));
    else if (m_session->isPlanning())
        m_counts->setText(m_counts->text() + tr("\nPlanning set-points every hour once data and the simulation are in"));
}

double LivePanel::siteAxisMs(double epochMs) const
{
    const int local = QDateTime::fromMSecsSinceEpoch(qint64(epochMs)).offsetFromUtc();
    return epochMs + (m_document->town().site.utcOffsetHours * 3600.0 - local) * 1000.0;
}

void LivePanel::updateChart()
{
    // The history is read for the chart: at most twice a second however fast data comes.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastChartMs < 500)
        return;
    m_lastChartMs = now;
    QVector<QPointF> measured, simulated;
    const QString name = entityName(m_document->town(), m_entity);
    const double end = siteAxisMs(m_session->shownTs() * 1000.0);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(end - kChartHours * 3600e3)), QDateTime::fromMSecsSinceEpoch(qint64(end)));
    if (!m_session->isActive() || name.isEmpty()) {
        m_measured->clear();
        m_simulated->clear();
        m_chart->setTitle(m_session->isActive() ? tr("Select a building, asset or network element") : QString());
        return;
    }
    const TelemetryQuantity q = m_session->mainQuantity(m_entity);
    m_session->series(m_entity, q, kChartHours, &measured, &simulated);
    // The date axis labels in this computer's zone; the site's clock is what the time bar
    // and the operators use, so the points move by the difference.
    for (QVector<QPointF> *s : {&measured, &simulated})
        for (QPointF &p : *s)
            p.setX(siteAxisMs(p.x()));
    m_measured->replace(measured);
    m_simulated->replace(simulated);
    m_chart->setTitle(tr("%1: %2 (%3)").arg(name, telemetryquantity::label(q), telemetryquantity::unit(q)));
    double lo = 0.0, hi = 1.0;
    bool first = true;
    for (const QVector<QPointF> *s : {&measured, &simulated})
        for (const QPointF &p : *s) {
            lo = first ? p.y() : std::min(lo, p.y());
            hi = first ? p.y() : std::max(hi, p.y());
            first = false;
        }
    if (hi - lo < 1e-9)
        hi = lo + 1.0;
    m_value->setRange(std::min(0.0, lo), hi + 0.05 * (hi - lo));
}

} // namespace tt
