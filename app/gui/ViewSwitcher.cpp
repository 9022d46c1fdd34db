// SPDX-License-Identifier: MIT
#include "ViewSwitcher.h"

#include "EnergyPanel.h"
#include "LayersPanel.h"
#include "SceneController.h"
#include "TimeBar.h"
#include "ViewportWidget.h"
#include "core/Document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>

#include <array>
#include <utility>

namespace tt {

namespace {

using ColorBy = EnergyPanel::ColorBy;

const std::array<std::pair<const char *, ColorBy>, 5> kEnergyColourings{{{"annual_demand", ColorBy::AnnualDemand},
                                                                          {"peak_electric", ColorBy::PeakElectric},
                                                                          {"pv_yield", ColorBy::PvYield},
                                                                          {"net_balance", ColorBy::NetBalance},
                                                                          {"load_at_hour", ColorBy::LoadAtHour}}};

} // namespace

ViewSwitcher::ViewSwitcher(Document *document, ViewportWidget *viewport, SceneController *scene, LayersPanel *layers,
                           EnergyPanel *energy, TimeBar *timeBar)
    : m_document(document), m_viewport(viewport), m_scene(scene), m_layers(layers), m_energy(energy), m_timeBar(timeBar)
{
}

SavedView ViewSwitcher::capture(const QString &name) const
{
    SavedView view;
    view.name = name;
    view.camera = CameraController::cameraOf(m_viewport->camera()->pose());
    for (int layer = 0; layer < kSceneLayerCount; ++layer)
        if (m_scene->isLayerVisible(SceneLayer(layer)))
            view.layers << viewLayerKeys()[layer];
    switch (m_scene->buildingColorMode()) {
    case BuildingColorMode::ByUse: view.colouring = QStringLiteral("use"); break;
    case BuildingColorMode::ByHeight: view.colouring = QStringLiteral("height"); break;
    case BuildingColorMode::ByAttribute:
        for (const auto &[key, by] : kEnergyColourings)
            if (m_energy->colorBy() == by)
                view.colouring = QLatin1String(key);
        break;
    }
    view.hour = m_timeBar->hour();
    view.scenario = m_document->town().activeScenarioName();
    return view;
}

void ViewSwitcher::show(const SavedView &view, int flightMs) const
{
    const int scenario = m_document->town().scenarioIndex(view.scenario);
    if (scenario >= 0 && scenario != m_document->town().activeScenario) {
        const Status switched = m_document->switchScenario(
            scenario, QCoreApplication::translate("tt::ViewSwitcher", "Show scenario %1").arg(view.scenario));
        Q_ASSERT(switched.ok);  // the index was just looked up
    }
    for (int layer = 0; layer < kSceneLayerCount; ++layer)
        m_layers->layerCheckBox(SceneLayer(layer))->setChecked(view.layers.contains(viewLayerKeys()[layer]));
    ColorBy energy = ColorBy::None;
    for (const auto &[key, by] : kEnergyColourings)
        if (view.colouring == QLatin1String(key))
            energy = by;
    m_energy->setColorBy(energy);
    if (energy == ColorBy::None) {
        QComboBox *box = m_layers->colorModeBox();
        const BuildingColorMode mode =
            view.colouring == QLatin1String("height") ? BuildingColorMode::ByHeight : BuildingColorMode::ByUse;
        box->setCurrentIndex(box->findData(int(mode)));
    }
    m_timeBar->setHour(view.hour);
    m_viewport->flyTo(CameraController::poseOf(view.camera), flightMs);
}

} // namespace tt
