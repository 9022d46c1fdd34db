// SPDX-License-Identifier: MIT
#pragma once

#include "present/SavedView.h"

namespace tt {

class Document;
class EnergyPanel;
class LayersPanel;
class SceneController;
class TimeBar;
class ViewportWidget;

//! Takes the window's way of looking at the town as a saved view and shows a saved view
//! again (its scenario too), through the docks that own each part (layer boxes, colouring boxes, time bar),
//! so they always show what the scene does.
class ViewSwitcher {
public:
    ViewSwitcher(Document *document, ViewportWidget *viewport, SceneController *scene, LayersPanel *layers,
                 EnergyPanel *energy, TimeBar *timeBar);

    //! What is shown now, as a view named `name`.
    SavedView capture(const QString &name) const;
    //! Shows the view, the camera flying there in `flightMs` (at once for 0). A view of
    //! another scenario switches to it first (an undo step).
    void show(const SavedView &view, int flightMs) const;

private:
    Document *m_document;
    ViewportWidget *m_viewport;
    SceneController *m_scene;
    LayersPanel *m_layers;
    EnergyPanel *m_energy;
    TimeBar *m_timeBar;
};

} // namespace tt
