// SPDX-License-Identifier: MIT
#pragma once

#include "SceneTypes.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;

namespace tt {

class SceneController;

//! The layers dock: which parts of the scene are drawn, how buildings are
//! coloured and how the terrain is shaded, with the legend for the colours.
class LayersPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayersPanel(SceneController *scene, QWidget *parent = nullptr);

    QCheckBox *layerCheckBox(SceneLayer layer) const { return m_layerBoxes[size_t(layer)]; }
    QComboBox *colorModeBox() const { return m_colorMode; }
    QComboBox *terrainStyleBox() const { return m_terrainStyle; }
    //! The legend as shown, one line per entry, for tests.
    QString legendText() const;

private:
    void refreshLegend();
    void syncColorMode();

    SceneController *m_scene;
    std::array<QCheckBox *, kSceneLayerCount> m_layerBoxes{};
    QComboBox *m_colorMode;
    QComboBox *m_terrainStyle;
    QCheckBox *m_guessedHeights;
    QLabel *m_legend;
};

} // namespace tt
