// SPDX-License-Identifier: MIT
#pragma once

#include "network/NetworkSnapshot.h"

#include <QObject>

#include <memory>

namespace tt {

class Document;
class EnergyPanel;
class EnergyRunner;
class LiveSession;
class SceneController;
class TimeBar;
struct SimulationResult;

//! Keeps the shown hour of the year in step everywhere: from the time bar it solves the
//! networks' flows for that hour (from the loads the last simulation kept), shows them
//! in the scene with the sun of that hour, and hands the hour to the Energy dock. A new
//! simulation sets the time bar's jumps (peak load, lowest voltage, highest loading).
class PlaybackController : public QObject {
    Q_OBJECT
public:
    PlaybackController(Document *document, EnergyRunner *runner, SceneController *scene, EnergyPanel *energy,
                       TimeBar *timeBar, QObject *parent = nullptr);

    //! The networks at the shown hour; null before a simulation with networks.
    std::shared_ptr<const NetworkSnapshot> snapshot() const { return m_snapshot; }
    //! While `live` is connected, the shown hour is the measured town's (now, or its
    //! history), not the simulation's.
    void setLiveSession(LiveSession *live);

private:
    void onResult(const SimulationResult &result);
    void showHour(int hour);

    Document *m_document;
    EnergyRunner *m_runner;
    SceneController *m_scene;
    EnergyPanel *m_energy;
    TimeBar *m_timeBar;
    std::shared_ptr<const NetworkLoads> m_loads;
    std::unique_ptr<TownNetworks> m_networks;
    std::shared_ptr<const NetworkSnapshot> m_snapshot;
    LiveSession *m_live = nullptr;
};

} // namespace tt
