// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>
#include <QVector>

namespace tt {

//! Parts of the scene the layers dock can show or hide.
enum class SceneLayer { Terrain, Zones, Roads, Buildings, Assets, Networks };
constexpr int kSceneLayerCount = int(SceneLayer::Networks) + 1;

//! What a building's colour says.
enum class BuildingColorMode { ByUse, ByHeight, ByAttribute };

//! How the terrain surface is drawn.
enum class TerrainStyle { Plain, Hillshade, Contours };

//! What the app's legend widget shows for the current building colouring:
//! swatches with labels, and for ramps the colours at min and max.
struct Legend {
    struct Entry {
        QColor color;
        QString label;
    };
    QString title;
    QVector<Entry> entries;
    bool hasRamp = false;
    QVector<QColor> rampColors; //!< evenly spaced stops from min to max
    double rampMin = 0.0;
    double rampMax = 0.0;
};

} // namespace tt
