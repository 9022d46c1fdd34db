// SPDX-License-Identifier: MIT
#include "PlaybackController.h"

#include "EnergyPanel.h"
#include "EnergyRunner.h"
#include "LiveSession.h"
#include "TimeBar.h"
#include "core/Document.h"
#include "SceneController.h"

namespace tt {

PlaybackController::PlaybackController(Document *document, EnergyRunner *runner, SceneController *scene,
                                       EnergyPanel *energy, TimeBar *timeBar, QObject *parent)
    : QObject(parent), m_document(document), m_runner(runner), m_scene(scene), m_energy(energy), m_timeBar(timeBar)
{
    connect(runner, &EnergyRunner::resultReady, this, &PlaybackController::onResult);
    connect(timeBar, &TimeBar::hourChanged, this, &PlaybackController::showHour);
    connect(timeBar, &TimeBar::animationTick, scene, &SceneController::setFlowPhase);
    connect(runner, &EnergyRunner::weatherChanged, this, [this] { m_timeBar->setYear(m_runner->weatherYear()); });
}

void PlaybackController::onResult(const SimulationResult &result)
{
    m_loads = result.networkLoads;
    m_networks.reset();
    QVector<QPair<QString, int>> marks;
    const DispatchResult &d = result.dispatch;
    const auto hourOfMax = [&d](Flow f) {
        const std::vector<double> &s = d.flows[int(f)];
        return s.empty() ? -1 : int(std::max_element(s.begin(), s.end()) - s.begin());
    };
    if (d.hours() > 0) {
        marks.append({tr("Peak electricity demand"), hourOfMax(Flow::ElecDemand)});
        marks.append({tr("Peak heat demand"), hourOfMax(Flow::HeatDemand)});
        marks.append({tr("Peak cooling demand"), hourOfMax(Flow::CoolDemand)});
        marks.append({tr("Peak grid import"), hourOfMax(Flow::GridImport)});
    }
    if (result.networks.minVoltageHour >= 0)
        marks.append({tr("Lowest feeder voltage"), result.networks.minVoltageHour});
    if (result.networks.maxLoadingHour >= 0)
        marks.append({tr("Highest line loading"), result.networks.maxLoadingHour});
    m_timeBar->setMarks(marks);
    if (m_loads) {
        auto networks = std::make_unique<TownNetworks>();
        if (TownNetworks::build(m_document->town(), networks.get()))
            m_networks = std::move(networks);
    }
    showHour(m_timeBar->hour());
}

void PlaybackController::setLiveSession(LiveSession *live)
{
    m_live = live;
    connect(live, &LiveSession::frameChanged, this, [this] { showHour(m_timeBar->hour()); });
}

void PlaybackController::showHour(int hour)
{
    m_scene->setSunTime(m_timeBar->dateTime(hour));
    if (m_live && m_live->isActive()) {
        LiveFrame frame = m_live->frameAt(hour);
        m_snapshot = std::move(frame.snapshot);
        m_scene->setNetworkSnapshot(m_snapshot);
        m_scene->setAssetLevels(frame.assetLevels);
        m_energy->setShownHour(hour, m_snapshot);
        return;
    }
    m_scene->setAssetLevels({});
    if (m_networks && m_loads)
        m_snapshot = std::make_shared<const NetworkSnapshot>(NetworkSnapshot::at(*m_networks, *m_loads, hour));
    else
        m_snapshot.reset();
    m_scene->setNetworkSnapshot(m_snapshot);
    m_energy->setShownHour(hour, m_snapshot);
}

} // namespace tt
